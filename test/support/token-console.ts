import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startConsole, type RunningConsole, type StartEnv } from '../../src/server/start';
import { httpCall } from './http';

export const TOKEN = 'correct-horse-battery-staple-42';

/** A console over the embedded s3rver as `npm start` runs it; `dataDir` is its data folder, kept across `start` calls that pass it again. */
export interface TestConsole extends RunningConsole {
  dataDir: string;
  logs: string[];
}

/**
 * Consoles with an access token, each in its own data folder (or a given one, to restart on it),
 * all stopped and removed after the file's tests.
 */
export function useTokenConsoles() {
  let root = '';
  const running: RunningConsole[] = [];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cors-console-holes-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((c) => c.stop()));
    await rm(root, { recursive: true, force: true });
  });
  return async function start(env: Partial<StartEnv> = {}, dataDir?: string): Promise<TestConsole> {
    const logs: string[] = [];
    const folder = dataDir ?? (await mkdtemp(join(root, 'run-')));
    const console = await startConsole({
      env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_TOKEN: TOKEN, ...env },
      processEnv: {},
      dataDir: folder,
      webDir: join(folder, 'no-web-build'),
      log: (line) => logs.push(line),
    });
    let stopped: Promise<void> | undefined;
    // Idempotent: a test may stop a console to restart on its data folder; afterAll stops the rest.
    const once = { ...console, stop: () => (stopped ??= console.stop()) };
    running.push(once);
    return { ...once, dataDir: folder, logs };
  };
}

export const signIn = (url: string, token: string, localAddress?: string) =>
  httpCall(`${url}/api/session`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ token }), localAddress ? { localAddress } : {});

/** The `name=value` pair of the first Set-Cookie. */
export const sessionCookie = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
