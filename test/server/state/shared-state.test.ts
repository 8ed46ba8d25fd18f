import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type HistoryEntry } from '../../../src/contract/api';
import { callRoute, type CallInput } from '../../../src/contract/client';
import type { RouteSpec } from '../../../src/contract/route';
import type { CorsConfig } from '../../../src/core';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { LOCK_FILE } from '../../../src/server/state/folder-lock';
import { useStorageBackend } from '../../support/storage-backends';

// Issue 15.3 with real parts: two consoles on one S3 state backend (the Ceph RGW peer), and the
// data-folder lock.

const rule = (origin: string): CorsConfig => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-shared-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** Calls a route of a running console over HTTP. */
function clientOf(running: RunningConsole) {
  return async <R extends RouteSpec>(route: R, input: CallInput<R>) => {
    const result = await callRoute((path, init) => fetch(`${running.url}${path}`, init), route, input);
    if (!result.ok) throw new Error(`${route.method} ${route.path}: ${result.error.message}`);
    return result.answer;
  };
}

describe('two consoles on one S3 state backend (RGW)', () => {
  const storage = useStorageBackend('rgw');
  const consoles: RunningConsole[] = [];
  afterAll(async () => {
    await Promise.all(consoles.map((c) => c.stop()));
  });

  async function startOn(stateUrl: string, name: string): Promise<RunningConsole> {
    const dataDir = join(root, name);
    const { path, env } = await storage.current.writeProfilesFile(root, 'team');
    const running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: path, CORS_CONSOLE_STATE: stateUrl }, processEnv: env, dataDir, webDir: join(root, 'no-web'), log: () => {} });
    consoles.push(running);
    return running;
  }

  it('shows both consoles each other\'s history, and a racing save of the other console as an entry that can be restored', async () => {
    await storage.current.createBucket('shared-state');
    await storage.current.createBucket('shared-target');
    // A prefix of this run's own: the RGW peer may hold the entries of an earlier run.
    const stateUrl = `s3://team/shared-state/cors-console/state-${randomUUID()}`;
    const [one, two] = [clientOf(await startOn(stateUrl, 'one')), clientOf(await startOn(stateUrl, 'two'))];
    const at = { profile: 'team', bucket: 'shared-target' };

    // Both consoles read the same version, then save different rules at the same moment: their
    // locks are per process and PutBucketCors has no condition, so both writes may land.
    const { version } = await one(routes.getCors, { params: at });
    const [mine, theirs] = [rule('https://one.example'), rule('https://two.example')];
    const results = await Promise.allSettled([
      one(routes.putCors, { params: at, body: { config: mine }, ifMatch: version }),
      two(routes.putCors, { params: at, body: { config: theirs }, ifMatch: version }),
    ]);
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    expect(accepted).toBeGreaterThanOrEqual(1);

    const [seenByOne, seenByTwo] = [await one(routes.listHistory, { params: at }), await two(routes.listHistory, { params: at })];
    const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);
    expect(ids(seenByOne.entries)).toEqual(ids(seenByTwo.entries));
    // Every accepted save is an entry, whichever console made it; the two consoles name themselves apart.
    expect(seenByOne.entries.length).toBe(accepted);
    expect(new Set(seenByOne.entries.map((e) => e.console.id)).size).toBe(accepted);
    console.log(`racing saves on one S3 state backend: ${accepted} of 2 accepted, ${seenByOne.entries.length} history entries seen by both consoles`);

    // Whatever won on the provider, the other rule set is in the history and comes back with a restore.
    const held = (await two(routes.getCors, { params: at })).config;
    const lostOrSame = seenByOne.entries.find((e) => JSON.stringify(e.after.config) !== JSON.stringify(held)) ?? seenByOne.entries[0]!;
    const current = await two(routes.getCors, { params: at });
    const restored = await two(routes.restoreHistory, { params: { ...at, entry: lostOrSame.id }, body: {}, ifMatch: current.version });
    expect(restored.config).toEqual(lostOrSame.after.config);
    const after = await one(routes.listHistory, { params: at });
    expect(after.entries[0]).toMatchObject({ action: 'restore', restoredFrom: lostOrSame.id });
    expect(after.drift).toBeNull();
  }, 120_000);
});

describe('the data-folder lock', () => {
  const start = (dataDir: string, logs: string[] = []) =>
    startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: join(root, 'no-web'), log: (line) => logs.push(line) });

  it('refuses a second console on a data folder in use, naming the process that holds it, and frees it on stop', async () => {
    const dataDir = join(root, 'locked');
    const first = await start(dataDir);
    try {
      await expect(start(dataDir)).rejects.toThrow(new RegExp(`in use by another console: pid ${process.pid} on ${hostname()}, started \\d{4}-`));
    } finally {
      await first.stop();
    }
    const again = await start(dataDir);
    await again.stop();
  }, 60_000);

  it('takes over the lock of a console that died (kill -9), with a log line', async () => {
    const dataDir = join(root, 'stale');
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.once('exit', resolve));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const logs: string[] = [];
    const running = await start(dataDir, logs);
    try {
      expect(logs).toContain(`data folder lock of pid ${pid} (started 2026-01-01T00:00:00.000Z) is stale: that process is gone; taking it over`);
      expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await running.stop();
    }
  }, 60_000);
});
