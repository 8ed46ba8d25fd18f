import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * s3rver in a child process the console supervises (see s3rver-child.mjs for why): started,
 * awaited, and started again with a growing delay whenever it dies, each time with a log line
 * that says why. The console itself never exits because of the store.
 */
export interface StoreProcess {
  /** The Unix socket the store listens on; only the gate connects to it. */
  socketPath: string;
  isUp(): boolean;
  /**
   * Resolves true once the store is up, or false if it is not within `timeoutMs`; at once when
   * its next start is further away than that (a store that keeps dying waits longer each time).
   */
  whenUp(timeoutMs: number): Promise<boolean>;
  /** What ended the last run of the store. */
  lastFailure(): string | null;
  /** What ends the current run, once it ends; null if it is still running after `timeoutMs`. */
  whenStopped(timeoutMs: number): Promise<string | null>;
  stop(): Promise<void>;
}

// Beside the bundle: src/server/embedded/ in tests, dist/server/ after `npm run build` copies it.
const CHILD_ENTRY = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));
const FIRST_START_TIMEOUT_MS = 30_000;
const RESTART_DELAYS_MS = [250, 500, 1000, 2000, 5000, 10_000];
/** A run this long resets the delay: the store is healthy again, the next death is a new story. */
const HEALTHY_RUN_MS = 30_000;

type ChildMessage = { kind: 'ready' } | { kind: 'fatal'; code: string | null; syscall: string | null; message: string };

const describeFatal = (fatal: Extract<ChildMessage, { kind: 'fatal' }>) => [fatal.code, fatal.syscall && `on ${fatal.syscall}`].filter(Boolean).join(' ') || fatal.message;

/** What the listeners are told next, or `onTimeout` once `timeoutMs` has passed. */
function nextOf<T>(listeners: Set<(value: T) => void>, timeoutMs: number, onTimeout: T): Promise<T> {
  return new Promise((resolve) => {
    const settle = (value: T) => {
      clearTimeout(timer);
      listeners.delete(settle);
      resolve(value);
    };
    const timer = setTimeout(() => settle(onTimeout), timeoutMs);
    listeners.add(settle);
  });
}

export async function startStoreProcess({ directory, log }: { directory: string; log: (line: string) => void }): Promise<StoreProcess> {
  // A private (0700) folder of its own: a socket path in the data folder could exceed the 107
  // bytes a Unix socket path may have.
  const socketDir = mkdtempSync(join(tmpdir(), 'cors-console-store-'));
  const socketPath = join(socketDir, 's3rver.sock');
  let child: ChildProcess | null = null;
  let up = false;
  let stopping = false;
  let restarts = 0;
  let upSince = 0;
  let failure: string | null = null;
  const upListeners = new Set<(isUp: boolean) => void>();
  const stopListeners = new Set<(why: string | null) => void>();
  let restartTimer: NodeJS.Timeout | null = null;
  let nextLaunchAt = 0;

  const markUp = () => {
    up = true;
    upSince = Date.now();
    for (const tell of [...upListeners]) tell(true);
  };

  const launch = () => {
    const started = fork(CHILD_ENTRY, [], {
      // Only what it needs: the console's environment may hold provider credentials.
      env: { CORS_CONSOLE_STORE_DIR: directory, CORS_CONSOLE_STORE_SOCKET: socketPath },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    child = started;
    let stderr = '';
    let fatal: string | null = null;
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    started.on('message', (message: ChildMessage) => {
      if (message.kind === 'ready') markUp();
      else fatal = `${describeFatal(message)}: ${message.message}`;
    });
    started.on('exit', (code, signal) => {
      up = false;
      child = null;
      if (stopping) return;
      failure = fatal ?? (signal ? `killed by ${signal}` : `exit code ${code}${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`);
      if (Date.now() - upSince > HEALTHY_RUN_MS) restarts = 0;
      const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)]!;
      restarts += 1;
      log(`embedded store stopped (${failure}); starting it again in ${delay} ms`);
      for (const tell of [...stopListeners]) tell(failure);
      nextLaunchAt = Date.now() + delay;
      restartTimer = setTimeout(launch, delay);
    });
  };

  const whenUp = (timeoutMs: number) => {
    if (up) return Promise.resolve(true);
    if (nextLaunchAt > Date.now() + timeoutMs) return Promise.resolve(false);
    return nextOf(upListeners, timeoutMs, false);
  };
  const whenStopped = (timeoutMs: number) => (up ? nextOf(stopListeners, timeoutMs, null) : Promise.resolve(failure));

  const stop = async () => {
    stopping = true;
    if (restartTimer) clearTimeout(restartTimer);
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    await rm(socketDir, { recursive: true, force: true });
  };

  launch();
  if (!(await whenUp(FIRST_START_TIMEOUT_MS))) {
    const why = failure;
    await stop();
    throw new Error(`The embedded store did not start within ${FIRST_START_TIMEOUT_MS / 1000} s${why ? ` (${why})` : ''}.`);
  }
  return { socketPath, isUp: () => up, whenUp, lastFailure: () => failure, whenStopped, stop };
}
