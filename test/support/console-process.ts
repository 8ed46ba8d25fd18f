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

const MAIN = resolve('dist/server/main.js');
const STANDBY = resolve('test/support/console-standby.mjs');

const consoleEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', PORT: '0', CORS_CONSOLE_HARNESS_PORT: '0', ...env });

/** Resolves once `child` says the console is ready; rejects if it exits before, or takes over `readyWithinMs`. */
function whenReady(child: ChildProcess, readyWithinMs: number, printedBefore = ''): Promise<ConsoleProcess> {
  let printed = printedBefore;
  const gone = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The console exited (${code ?? signal}) before it was ready:\n${printed}`));
    });
  });
}

/**
 * The built console (`dist/server/main.js`, as `npm start` runs it) as a process of its own, so a
 * test can kill it mid-request; resolves once it says it is ready, rejects if it exits before.
 */
export function startConsoleProcess(env: Record<string, string>, readyWithinMs = 30_000): Promise<ConsoleProcess> {
  const child = spawn(process.execPath, [MAIN], { env: consoleEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  return whenReady(child, readyWithinMs);
}

/**
 * Starts the built console again and again on one set-up (a kill-and-restart test), each start
 * from a process that has already loaded the console's modules (`console-standby.mjs`): the next
 * one loads while the current one runs, so a restart costs the console's own start (store,
 * listeners), not Node's module loading. Each start is still a fresh process running main.js.
 */
export function createConsoleLauncher(env: Record<string, string>, readyWithinMs = 30_000) {
  const spawnStandby = () => {
    const child = spawn(process.execPath, [STANDBY, MAIN], { env: consoleEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let printed = '';
    const collect = (chunk: Buffer) => void (printed += chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const loaded = new Promise<void>((done, fail) => {
      child.stdout.on('data', () => /standby: loaded/.test(printed) && done());
      child.once('exit', (code, signal) => fail(new Error(`The standby console exited (${code ?? signal}) before it loaded:\n${printed}`)));
    });
    loaded.catch(() => undefined);
    return {
      child,
      loaded,
      detach: () => {
        child.stdout.off('data', collect);
        child.stderr.off('data', collect);
        return printed;
      },
    };
  };
  let next = spawnStandby();
  return {
    /** Starts the waiting process's console, and a new process to wait for the next start. */
    async start(): Promise<ConsoleProcess> {
      const standby = next;
      await standby.loaded;
      next = spawnStandby();
      const ready = whenReady(standby.child, readyWithinMs, standby.detach());
      standby.child.stdin!.end('start\n');
      return ready;
    },
    /** Stops the waiting process. */
    async close(): Promise<void> {
      const { child } = next;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((done) => child.once('exit', done));
      }
    },
  };
}

/**
 * Runs the built console expecting it to refuse to start: resolves with its exit code and what it
 * printed; rejects if it becomes ready instead (then it is stopped) or keeps running.
 */
export function expectConsoleRefusal(env: Record<string, string>, withinMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], { env: consoleEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
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
