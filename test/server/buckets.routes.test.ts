import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type BucketPage } from '../../src/contract/api';
import { serializeCorsDocument } from '../../src/core';
import { answered } from '../support/api-client';
import { rule } from '../support/builders';
import { consoleOver, consoleWith, s3rverProfile } from '../support/console-app';
import { startMinioStandIn, type StandIn } from '../support/minio-stand-in';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

const anyOrigin = rule({ allowedOrigins: ['*'] });

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const storage = useStorageBackend(backend);
  let api: ReturnType<typeof consoleOver>;
  beforeAll(async () => {
    for (let i = 0; i < 25; i++) await storage.current.createBucket(`page-${String(i).padStart(2, '0')}`);
    await storage.current.createBucket('other-bucket');
    await storage.current.putCors('page-01', serializeCorsDocument({ rules: [anyOrigin, anyOrigin] }, 's3-xml'));
    api = consoleOver(storage.current);
  });

  it('lists the profile with its dialect and capabilities and no credential', async () => {
    const res = await api.client(routes.listProfiles, {});
    const { profiles } = answered(res);
    expect(profiles[0]).toMatchObject({ id: 'local', kind: 's3', dialect: storage.current.dialect, capabilities: { bucketCors: true } });
    expect(res.text).not.toContain(storage.current.keys.accessKeyId);
    expect(res.text).not.toContain(storage.current.keys.secretAccessKey);
  });

  it('pages through buckets by prefix with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: BucketPage = answered(await api.client(routes.listBuckets, { params: { profile: 'local' }, query: { prefix: 'page-', limit: '10', ...(cursor ? { cursor } : {}) } }));
      expect(page.total).toBe(25);
      seen.push(...page.buckets.map((b) => b.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `page-${String(i).padStart(2, '0')}`));
  });

  it('summarises each bucket\'s CORS: rule count or none', async () => {
    const page = answered(await api.client(routes.listBuckets, { params: { profile: 'local' }, query: { prefix: 'page-0', limit: '3' } }));
    expect(page.buckets.map((b) => [b.name, b.cors])).toEqual([
      ['page-00', { status: 'none' }],
      ['page-01', { status: 'rules', ruleCount: 2 }],
      ['page-02', { status: 'none' }],
    ]);
  });
});

// Profiles that are not storage backends: a provider without per-bucket CORS, and one that is down.
let api: ReturnType<typeof consoleWith>;
let minio: StandIn;

beforeAll(async () => {
  minio = await startMinioStandIn();
  const closed = s3rverProfile('http://127.0.0.1:9', 'offline');
  api = consoleWith([s3rverProfile(minio.endpoint, 'minio'), closed]);
});
afterAll(async () => {
  await minio?.stop();
});

describe('profiles that are not storage backends', () => {
  it('lists profiles in file order', async () => {
    const { profiles } = answered(await api.client(routes.listProfiles, {}));
    expect(profiles.map((p) => p.id)).toEqual(['minio', 'offline']);
  });

  it('reports a provider without per-bucket CORS as a capability, not a crash', async () => {
    const page = answered(await api.client(routes.listBuckets, { params: { profile: 'minio' } }));
    // The failure as an API error, so the console words it in its own locale.
    expect(page.buckets[0]?.cors).toMatchObject({ status: 'not-supported', error: { code: 'not-supported', params: { call: { call: 'read-cors', bucket: 'minio-bucket' } }, providerCode: 'NotImplemented' } });
    const { profiles } = answered(await api.client(routes.listProfiles, {}));
    expect(profiles.find((p) => p.id === 'minio')?.capabilities.bucketCors).toBe(false);
  });

  it('answers 502 provider-unreachable when the endpoint does not answer', async () => {
    const res = await api.client(routes.listBuckets, { params: { profile: 'offline' } });
    expect(res.status).toBe(502);
    expect(!res.ok && res.error).toMatchObject({ code: 'provider-unreachable', providerCode: 'ECONNREFUSED' });
  });

  it('answers the error envelope for an unknown API route', async () => {
    const res = await api.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json['error']).toMatchObject({ code: 'not-found', params: { method: 'GET', path: '/api/nothing-here' } });
  });
});
