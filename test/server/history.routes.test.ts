import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { answered } from '../support/api-client';
import { consoleOver } from '../support/console-app';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 15.2, through createApp against each real backend: every write through the console
// leaves an entry; a change outside it is drift; a restore is a guarded write like any save.

const rule = (origin: string): CorsConfig => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });
const A = rule('https://a.example');
const B = rule('https://b.example');
const OUTSIDE = rule('https://outside.example');

describe.each(STORAGE_BACKENDS)('history on %s', (backend) => {
  const storage = useStorageBackend(backend);
  let api: ReturnType<typeof consoleOver>;
  beforeAll(() => {
    api = consoleOver(storage.current);
  });

  const at = (bucket: string) => ({ profile: 'local', bucket });
  const read = async (bucket: string) => answered(await api.client(routes.getCors, { params: at(bucket) }));
  const history = async (bucket: string, query: { cursor?: string; limit?: string } = {}) => answered(await api.client(routes.listHistory, { params: at(bucket), query }));
  const save = async (bucket: string, config: CorsConfig, source?: 'bulk-apply') =>
    answered(await api.client(routes.putCors, { params: at(bucket), body: { config, ...(source ? { source } : {}) }, ifMatch: (await read(bucket)).version }));

  it('records save, delete and restore newest first, with before and after, versions, console and outcome', async () => {
    const bucket = 'hist-record';
    await storage.current.createBucket(bucket);
    const none = await read(bucket);
    const savedA = await save(bucket, A);
    const savedB = await save(bucket, B, 'bulk-apply');
    answered(await api.client(routes.deleteCors, { params: at(bucket), ifMatch: savedB.version }));

    const page = await history(bucket);
    expect(page.drift).toBeNull();
    expect(page.entries.map((e) => e.action)).toEqual(['delete', 'save', 'save']);
    const [deleted, second, first] = page.entries;
    expect(first).toMatchObject({ before: { config: null, version: none.version }, after: { config: A, version: savedA.version }, outcome: { kind: 'written', stored: { config: A, version: savedA.version } }, session: null });
    expect(first?.console).toEqual({ id: expect.any(String), host: expect.any(String), pid: process.pid });
    expect(second).toMatchObject({ source: 'bulk-apply', before: { version: savedA.version }, after: { version: savedB.version } });
    expect(deleted).toMatchObject({ before: { config: B }, after: { config: null, version: none.version }, outcome: { kind: 'written' } });

    // Restore the first save: a guarded write that is itself an entry.
    const restored = answered(await api.client(routes.restoreHistory, { params: { ...at(bucket), entry: first!.id }, body: {}, ifMatch: none.version }));
    expect(restored.config).toEqual(A);
    const after = await history(bucket, { limit: '2' });
    expect(after.entries[0]).toMatchObject({ action: 'restore', restoredFrom: first!.id, after: { config: A } });
    expect(after.nextCursor).toBe(after.entries[1]?.id);
    const older = await history(bucket, { cursor: after.nextCursor!, limit: '10' });
    expect(older.entries.map((e) => e.id)).toEqual([second!.id, first!.id]);
    expect(older.drift).toBeNull();
  }, 60_000);

  it('says the provider drifted when the bucket changed outside the console, and restores the last known configuration', async () => {
    const bucket = 'hist-drift';
    await storage.current.createBucket(bucket);
    const saved = await save(bucket, A);
    await storage.current.putCors(bucket, serializeCorsDocument(OUTSIDE, 's3-xml'));
    const page = await history(bucket);
    expect(page.drift).toEqual({ entry: page.entries[0]!.id, side: 'after', lastKnown: { config: A, version: saved.version }, current: { config: OUTSIDE, version: (await read(bucket)).version } });

    // A restore naming a stale version is a conflict, never an overwrite.
    const stale = await api.client(routes.restoreHistory, { params: { ...at(bucket), entry: page.drift!.entry }, body: {}, ifMatch: saved.version });
    expect(stale.status).toBe(409);
    expect(!stale.ok && stale.error.code).toBe('version-conflict');
    expect(!stale.ok && stale.current?.config).toEqual(OUTSIDE);

    const restored = answered(await api.client(routes.restoreHistory, { params: { ...at(bucket), entry: page.drift!.entry }, body: { source: 'drift-banner' }, ifMatch: page.drift!.current.version }));
    expect(restored.config).toEqual(A);
    const now = await history(bucket);
    expect(now.drift).toBeNull();
    expect(now.entries[0]).toMatchObject({ action: 'restore', source: 'drift-banner', before: { config: OUTSIDE }, after: { config: A } });
  }, 60_000);

  it('refuses a restore without If-Match, and an unknown or malformed entry with history-entry-not-found', async () => {
    const bucket = 'hist-refuse';
    await storage.current.createBucket(bucket);
    await save(bucket, A);
    const [entry] = (await history(bucket)).entries;
    const unguarded = await api.call('POST', `/api/profiles/local/buckets/${bucket}/history/${entry!.id}/restore`, {});
    expect(unguarded.status).toBe(428);
    for (const id of ['0000000000000-0000-000000000000', '..%2f..%2fetc']) {
      const res = await api.call('POST', `/api/profiles/local/buckets/${bucket}/history/${id}/restore`, {}, { 'if-match': '"x"' });
      expect([res.status, (res.json.error as { code: string }).code]).toEqual([404, 'history-entry-not-found']);
    }
  }, 60_000);
});
