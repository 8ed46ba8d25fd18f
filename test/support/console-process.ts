import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed, for a failure message. */
  output: () => string;
  /** SIGKILL, as `kill -9` does, and wait until it is gone. */
  kill9: () => Promise<void>;
}

/**
 * The built console (`dist/server/main.js`, as `npm start` runs it) as a process of its own, so a
 * test can kill it mid-request; resolves once it says it is ready, rejects if it exits before.
 */
export function startConsoleProcess(env: Record<string, string>, readyWithinMs = 30_000): Promise<ConsoleProcess> {
  const child = spawn(process.execPath, [resolve('dist/server/main.js')], { env: { PATH: process.env.PATH ?? '', PORT: '0', CORS_CONSOLE_HARNESS_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const gone = new Promise<void>((done) => child.once('exit', () => done()));
  const kill9 = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await gone;
  };
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      void kill9();
      reject(new Error(`The console was not ready within ${readyWithinMs} ms:\n${printed}`));
    }, readyWithinMs);
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      const ready = /console ready: (http:\/\/\S+)/.exec(printed);
      if (ready) {
        clearTimeout(timer);
        resolveReady({ url: ready[1]!, child, output: () => printed, kill9 });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The console exited (${code ?? signal}) before it was ready:\n${printed}`));
    });
  });
}

/**
 * Runs the built console expecting it to refuse to start: resolves with its exit code and what it
 * printed; rejects if it becomes ready instead (then it is stopped) or keeps running.
 */
export function expectConsoleRefusal(env: Record<string, string>, withinMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [resolve('dist/server/main.js')], { env: { PATH: process.env.PATH ?? '', PORT: '0', CORS_CONSOLE_HARNESS_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The console neither started nor refused within ${withinMs} ms:\n${printed}`));
    }, withinMs);
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      if (/console ready: /.test(printed)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`The console started where it should have refused:\n${printed}`));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, output: printed });
    });
  });
}
