import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../src/contract/api';
import { callRoute, type CallInput } from '../../../src/contract/client';
import type { RouteSpec } from '../../../src/contract/route';
import type { CorsConfig } from '../../../src/core';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { useStorageBackend } from '../../support/storage-backends';

// Issue 15.2: every write appends its history entry before the provider is written. When the
// history cannot take it, the write is refused with a code naming the state backend and the
// system's own code, and the provider keeps what it held: no change the history cannot show.

const rule = (origin: string): CorsConfig => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });

let root: string;
const running: RunningConsole[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-unwritable-'));
});
afterAll(async () => {
  await Promise.all(running.map((c) => c.stop()));
  await rm(root, { recursive: true, force: true });
});

/** Calls a route and gives back the raw outcome (answer or coded error). */
const callOf = (console: RunningConsole) => <R extends RouteSpec>(route: R, input: CallInput<R>) => callRoute((path, init) => fetch(`${console.url}${path}`, init), route, input);

async function startOn(profilesFile: { path: string; env: Record<string, string> }, dataDir: string, state?: string) {
  const logs: string[] = [];
  const started = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: profilesFile.path, ...(state ? { CORS_CONSOLE_STATE: state } : {}) },
    processEnv: profilesFile.env,
    dataDir,
    webDir: join(root, 'no-web'),
    log: (line) => logs.push(line),
  });
  running.push(started);
  return { call: callOf(started), logs };
}

describe.each(['s3rver', 'rgw'] as const)('a history that refuses its entry (%s)', (backendName) => {
  const storage = useStorageBackend(backendName);

  it('refuses the save with history-unwritable before the provider is written, on the data folder', async () => {
    const bucket = `unwritable-${randomUUID().slice(0, 8)}`;
    await storage.current.createBucket(bucket);
    const dataDir = join(root, `folder-${backendName}`);
    const { call, logs } = await startOn(await storage.current.writeProfilesFile(root, 'p'), dataDir);
    const at = { profile: 'p', bucket };
    const held = await call(routes.getCors, { params: at });
    if (!held.ok) throw new Error(held.error.message);

    // A file where the history's folder should be: no entry can be made under it, even by root.
    await mkdir(join(dataDir, 'state', 'history'), { recursive: true });
    await writeFile(join(dataDir, 'state', 'history', 'p'), 'not a folder');
    const refused = await call(routes.putCors, { params: at, body: { config: rule('https://refused.example') }, ifMatch: held.answer.version });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.status).toBe(503);
    expect(refused.error).toMatchObject({ code: 'history-unwritable', params: { bucket, backend: 'data-folder', where: dataDir, systemCode: 'ENOTDIR' } });
    expect(refused.error.message).toBe(
      `Nothing was written to ${bucket}: the console records every change in its history before it writes, and the history in the data folder ${dataDir} refused the entry (ENOTDIR). Make it writable again, then save again.`,
    );
    expect(logs.some((line) => line.startsWith(`history: write `) && line.includes(`of p/${bucket} refused`))).toBe(true);
    const after = await call(routes.getCors, { params: at });
    expect(after.ok && after.answer.version).toBe(held.answer.version);

    // Made writable again, the same save goes through and is recorded.
    await rm(join(dataDir, 'state', 'history', 'p'));
    const saved = await call(routes.putCors, { params: at, body: { config: rule('https://saved.example') }, ifMatch: held.answer.version });
    expect(saved.ok).toBe(true);
    const history = await call(routes.listHistory, { params: at });
    expect(history.ok && history.answer.entries.map((e) => e.after.config)).toEqual([rule('https://saved.example')]);
  }, 60_000);

  it('refuses a save and a delete with history-unwritable when the S3 state bucket does not exist', async () => {
    const bucket = `unwritable-${randomUUID().slice(0, 8)}`;
    await storage.current.createBucket(bucket);
    const missing = `no-state-${randomUUID().slice(0, 8)}`;
    const { call } = await startOn(await storage.current.writeProfilesFile(root, 'p'), join(root, `s3-${backendName}`), `s3://p/${missing}/history`);
    const at = { profile: 'p', bucket };
    const held = await call(routes.getCors, { params: at });
    if (!held.ok) throw new Error(held.error.message);
    const expected = { code: 'history-unwritable', params: { bucket, backend: 's3', where: `s3://p/${missing}/history`, systemCode: 'NoSuchBucket' } };
    const save = await call(routes.putCors, { params: at, body: { config: rule('https://refused.example') }, ifMatch: held.answer.version });
    expect(save.ok || { status: save.status, error: save.error }).toMatchObject({ status: 503, error: expected });
    const remove = await call(routes.deleteCors, { params: at, ifMatch: held.answer.version });
    expect(remove.ok || { status: remove.status, error: remove.error }).toMatchObject({ status: 503, error: expected });
    const after = await call(routes.getCors, { params: at });
    expect(after.ok && after.answer.version).toBe(held.answer.version);
  }, 60_000);
});
