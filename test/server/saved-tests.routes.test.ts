import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type SavedTest } from '../../src/contract/api';
import { createApp } from '../../src/server/app';
import { createProfileRegistry } from '../../src/server/profiles/registry';
import { createFolderState } from '../../src/server/state/state-store';
import { typedClient } from '../support/api-client';
import { s3rverProfile } from '../support/console-app';
import { startLocalS3, type LocalS3 } from '../support/s3rver';

let s3: LocalS3;
let dataDir: string;

const appOver = (directory: string) => createApp({ profiles: createProfileRegistry([s3rverProfile(s3.endpoint)]), state: createFolderState(directory), harnessOrigin: 'http://127.0.0.1:9999' });

const at = { params: { profile: 'local', bucket: 'tested' } };
const list = async (app: ReturnType<typeof appOver>) => {
  const res = await typedClient(app)(routes.listSavedTests, at);
  return res.ok ? res.answer : res.error;
};
const replace = (app: ReturnType<typeof appOver>, body: unknown) => typedClient(app)(routes.putSavedTests, { ...at, body: { tests: [] }, rawBody: JSON.stringify(body) });

const TEST: SavedTest = {
  id: 'uploads-json',
  name: 'App uploads JSON',
  request: { key: 'test.txt', method: 'PUT', headers: { 'content-type': 'application/json' }, credentials: 'omit', signed: false, from: 'console', mustRead: ['ETag'], target: 'scratch' },
  expect: 'allowed',
};

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('tested');
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-saved-tests-'));
});
afterAll(async () => {
  await s3?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('saved tests', () => {
  it('starts empty, keeps a replaced list, and still has it after a restart (a new app on the same folder)', async () => {
    const app = appOver(dataDir);
    expect(await list(app)).toEqual({ tests: [] });
    const put = await typedClient(app)(routes.putSavedTests, { ...at, body: { tests: [TEST] } });
    expect(put.ok && put.answer).toEqual({ tests: [TEST] });
    const restarted = appOver(dataDir);
    expect(await list(restarted)).toEqual({ tests: [TEST] });
    // Written by rename: no temporary file is left behind.
    expect((await readdir(join(dataDir, 'saved-tests'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fills defaults in a test it is given', async () => {
    const app = appOver(dataDir);
    const minimal = { id: 'min', name: 'Minimal', request: { key: 'a.txt', method: 'GET' as const } };
    const put = await typedClient(app)(routes.putSavedTests, { ...at, body: { tests: [minimal] } });
    expect(put.ok && put.answer).toEqual({ tests: [{ ...minimal, request: { ...minimal.request, headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch' }, expect: 'allowed' }] });
  });

  it.each([
    ['duplicate ids', { tests: [TEST, TEST] }, 'Test ids must be unique.'],
    ['a header with a line break', { tests: [{ ...TEST, request: { ...TEST.request, headers: { 'x-a': 'one\r\nx-b: two' } } }] }, 'Header values cannot contain line breaks'],
    ['an unknown field', { tests: [{ ...TEST, extra: 1 }] }, 'Unknown field extra.'],
    ['an empty name', { tests: [{ ...TEST, name: '  ' }] }, 'name'],
    ['a key with a .. segment', { tests: [{ ...TEST, request: { ...TEST.request, key: 'a/../b' } }] }, 'path segments cannot be addressed'],
  ])('refuses %s with 400 and says why, keeping the stored list', async (_what, body, message) => {
    const app = appOver(dataDir);
    const before = await list(app);
    const put = await replace(app, body);
    expect(put.status).toBe(400);
    expect(!put.ok && put.error.code).toBe('bad-request');
    expect(put.text).toContain(message);
    expect(await list(app)).toEqual(before);
  });

  it('answers the harness origin at /api/console', async () => {
    const info = await typedClient(appOver(dataDir))(routes.getConsoleInfo, {});
    expect(info.ok && info.answer).toEqual({ harnessOrigin: 'http://127.0.0.1:9999' });
  });
});
