import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySnapshot } from '../../../src/contract/history';
import { createFolderBlobs } from '../../../src/server/state/folder-blobs';
import { isHistoryId, newHistoryId, type HistoryRecord } from '../../../src/server/state/history-store';
import { createMemoryBlobs, type StateBlobs } from '../../../src/server/state/state-blobs';
import { stateOver } from '../../../src/server/state/state-store';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-state-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const NONE: HistorySnapshot = { config: null, version: 'v-none' };
const snapshot = (origin: string): HistorySnapshot => ({ config: { rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, version: `v-${origin}` });

function record(id: string, after: HistorySnapshot): HistoryRecord {
  return { id, at: new Date().toISOString(), console: { id: 'c1', host: 'h', pid: 1 }, session: null, action: 'save', before: NONE, after };
}

const backends: [string, () => StateBlobs][] = [
  ['data folder', () => createFolderBlobs(join(root, String(Math.random())))],
  ['memory', createMemoryBlobs],
];

describe.each(backends)('state store on %s', (_name, makeBlobs) => {
  const ref = { profile: 'local', bucket: 'b1' };

  it('lists history entries newest first, a page at a time, each with its outcome (interrupted without one)', async () => {
    const state = stateOver(makeBlobs());
    const ids = [newHistoryId(1_000), newHistoryId(2_000), newHistoryId(3_000)];
    for (const [index, id] of ids.entries()) await state.history.begin(ref, record(id, snapshot(`https://o${index}`)));
    await state.history.settle(ref, ids[0]!, { kind: 'written', stored: snapshot('https://o0') });

    const first = await state.history.page(ref, { limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect(first.entries.map((e) => e.outcome.kind)).toEqual(['interrupted', 'interrupted']);
    const second = await state.history.page(ref, { limit: 2, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
    expect(second.entries.map((e) => [e.id, e.outcome])).toEqual([[ids[0], { kind: 'written', stored: snapshot('https://o0') }]]);
    expect(second.nextCursor).toBeNull();
    expect(await state.history.page({ profile: 'local', bucket: 'other' }, { limit: 2 })).toEqual({ entries: [], nextCursor: null });
  });

  it('never rewrites an entry or an outcome', async () => {
    const state = stateOver(makeBlobs());
    const id = newHistoryId();
    await state.history.begin(ref, record(id, snapshot('https://a')));
    await expect(state.history.begin(ref, record(id, snapshot('https://b')))).rejects.toThrow();
    await state.history.settle(ref, id, { kind: 'written', stored: snapshot('https://a') });
    await expect(state.history.settle(ref, id, { kind: 'failed', code: 'x', stored: null })).rejects.toThrow();
    expect((await state.history.get(ref, id))?.after).toEqual(snapshot('https://a'));
  });

  it('keeps saved tests per bucket, a replace replacing the whole list', async () => {
    const state = stateOver(makeBlobs());
    expect(await state.savedTests.list('local', 'b1')).toEqual([]);
    const test = { id: 't1', name: 'T', request: { key: 'k', method: 'GET' as const, headers: {}, credentials: 'omit' as const, signed: false, from: 'console' as const, mustRead: [], target: 'scratch' as const }, expect: 'allowed' as const };
    await state.savedTests.replace('local', 'b1', [test]);
    await state.savedTests.replace('local', 'b1', [test, { ...test, id: 't2' }]);
    expect((await state.savedTests.list('local', 'b1')).map((t) => t.id)).toEqual(['t1', 't2']);
  });
});

describe('history ids', () => {
  it('sort newest first, also within one millisecond, and refuse anything else as an entry id', () => {
    const [older, newer, newest] = [newHistoryId(5), newHistoryId(6), newHistoryId(6)];
    expect([older, newer, newest].sort()).toEqual([newest, newer, older]);
    expect(isHistoryId(older)).toBe(true);
    expect(['../x', '', `${older}/..`, older.toUpperCase() + 'Z'].some(isHistoryId)).toBe(false);
  });
});

describe('data-folder writes', () => {
  it('leave no temporary file behind, and the entry is fsync-renamed into place', async () => {
    const folder = join(root, 'atomic');
    const blobs = createFolderBlobs(folder);
    await blobs.create('a/b.json', '{"x":1}');
    await blobs.replace('a/c.json', '1');
    await blobs.replace('a/c.json', '2');
    expect((await readdir(join(folder, 'a'))).sort()).toEqual(['b.json', 'c.json']);
    expect(await blobs.read('a/c.json')).toBe('2');
    expect(await blobs.list('a', { limit: 10 })).toEqual(['a/b.json', 'a/c.json']);
  });
});
