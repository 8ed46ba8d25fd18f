import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { consoleOver } from '../support/console-app';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Through createApp against each real backend (s3rver, Ceph RGW) over HTTP: read, guarded
// write, read-back, delete.

const GOOD: CorsConfig = {
  rules: [
    { id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 },
    { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
};
const OTHER: CorsConfig = { rules: [{ allowedOrigins: ['https://other.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };

const at = (bucket: string, profile = 'local') => ({ profile, bucket });

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const storage = useStorageBackend(backend);
  let api: ReturnType<typeof consoleOver>;
  beforeAll(() => {
    api = consoleOver(storage.current);
  });

  async function freshBucket(name: string): Promise<string> {
    await storage.current.createBucket(name);
    return name;
  }

  /** What the console reads now; fails the test when it cannot. */
  async function read(bucket: string) {
    const res = await api.client(routes.getCors, { params: at(bucket) });
    if (!res.ok) throw new Error(`GET .../cors failed: ${res.error.message}`);
    return res.answer;
  }

  describe('GET .../cors', () => {
    it('answers null, a version and its ETag for a bucket without CORS', async () => {
      const bucket = await freshBucket('read-none');
      const res = await api.client(routes.getCors, { params: at(bucket) });
      expect(res.status).toBe(200);
      expect(res.ok && res.answer).toMatchObject({ config: null, raw: null, dialect: storage.current.dialect, issues: [] });
      expect(res.ok && res.etag).toBe(`"${res.ok && res.answer.version}"`);
    });

    it('answers the configuration in the core model, the raw document and the stored issues', async () => {
      const bucket = await freshBucket('read-some');
      await storage.current.putCors(bucket, serializeCorsDocument(GOOD, 's3-xml'));
      const stored = await read(bucket);
      expect(stored.config).toEqual(GOOD);
      expect(stored.raw).toContain('<CORSConfiguration');
      expect(stored.issues).toContainEqual(expect.objectContaining({ code: 'origin.star-with-credentials' }));
    });

    it('answers 404 bucket-not-found with the provider code for a missing bucket', async () => {
      const res = await api.client(routes.getCors, { params: at('no-such-bucket') });
      expect(res.status).toBe(404);
      expect(!res.ok && res.error).toEqual({
        code: 'bucket-not-found',
        params: { reason: 'no-such-bucket', call: { call: 'read-cors', bucket: 'no-such-bucket' }, provider: { kind: 's3-api' }, providerCode: 'NoSuchBucket', providerStatus: 404 },
        message: 'Could not read the CORS configuration of no-such-bucket: the bucket does not exist.',
        providerCode: 'NoSuchBucket',
      });
    });

    it('answers 404 profile-not-found for an unknown profile', async () => {
      const res = await api.client(routes.getCors, { params: at('x1', 'nope') });
      expect(res.status).toBe(404);
      expect(!res.ok && res.error).toMatchObject({ code: 'profile-not-found', params: { profile: 'nope' } });
    });

    it('refuses a bucket name that is not one', async () => {
      const res = await api.client(routes.getCors, { params: at('bad!name') });
      expect(res.status).toBe(400);
      expect(!res.ok && res.error).toMatchObject({ code: 'bad-request', params: { reason: 'bucket-name', bucket: 'bad!name' } });
    });
  });

  describe('PUT .../cors', () => {
    it('writes, reads back and answers what the provider now holds', async () => {
      const bucket = await freshBucket('write-ok');
      const before = await read(bucket);
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: GOOD }, ifMatch: before.version });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.answer.config).toEqual(GOOD);
      expect(res.answer.version).not.toBe(before.version);
      expect(res.etag).toBe(`"${res.answer.version}"`);
      const raw = await storage.current.getCors(bucket);
      expect(raw.body).toContain('<AllowedOrigin>https://app.example.com</AllowedOrigin>');
    });

    it('requires If-Match (428) and writes nothing without it', async () => {
      const bucket = await freshBucket('write-no-if-match');
      // @ts-expect-error: a guarded write must name a version; this one deliberately does not.
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: GOOD } });
      expect(res.status).toBe(428);
      expect(!res.ok && res.error.code).toBe('precondition-required');
      expect((await read(bucket)).config).toBeNull();
    });

    it('refuses a stale version with 409 and the current configuration, overwriting nothing', async () => {
      const bucket = await freshBucket('write-stale');
      const loaded = await read(bucket);
      // Someone else changes the configuration behind the console's back.
      await storage.current.putCors(bucket, serializeCorsDocument(OTHER, 's3-xml'));
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: GOOD }, ifMatch: loaded.version });
      expect(res.status).toBe(409);
      expect(!res.ok && res.error.code).toBe('version-conflict');
      expect(!res.ok && res.current?.config).toEqual(OTHER);
      expect((await read(bucket)).config).toEqual(OTHER);
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      const bucket = await freshBucket('write-race');
      const loaded = await read(bucket);
      const [a, b] = await Promise.all([
        api.client(routes.putCors, { params: at(bucket), body: { config: GOOD }, ifMatch: loaded.version }),
        api.client(routes.putCors, { params: at(bucket), body: { config: OTHER }, ifMatch: loaded.version }),
      ]);
      expect([a.ok ? 'written' : a.error.code, b.ok ? 'written' : b.error.code].sort()).toEqual(['version-conflict', 'written']);
      const winner = a.ok ? GOOD : OTHER;
      expect((await read(bucket)).config).toEqual(winner);
    });

    it('answers 422 with issues pointing at the field, writing nothing', async () => {
      const bucket = await freshBucket('write-invalid');
      const loaded = await read(bucket);
      const bad: CorsConfig = { rules: [{ allowedOrigins: ['www.a.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: ['x-*'] }] };
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: bad }, ifMatch: loaded.version });
      expect(res.status).toBe(422);
      if (res.ok || res.error.code !== 'validation-failed') throw new Error('not refused as invalid');
      expect(res.error).toMatchObject({ code: 'validation-failed', params: { profile: expect.stringContaining('Test local'), first: { code: 'origin.missing-scheme', params: { value: 'www.a.com', suggestion: 'https://www.a.com' }, path: ['rules', 0, 'allowedOrigins', 0] } } });
      expect(res.error.message).toContain('First: config.rules.0.allowedOrigins.0: Origin needs a protocol: https://www.a.com');
      expect(res.error.issues).toContainEqual(expect.objectContaining({ code: 'origin.missing-scheme', path: ['rules', 0, 'allowedOrigins', 0], params: { value: 'www.a.com', suggestion: 'https://www.a.com' } }));
      expect(res.error.issues).toContainEqual(expect.objectContaining({ code: 'expose.wildcard', path: ['rules', 0, 'exposeHeaders', 0] }));
      expect((await read(bucket)).config).toBeNull();
    });

    it.each([
      ['a body that is not JSON', '{nope', { reason: 'body-not-json' }, 'The request body must be JSON'],
      ['a method outside the five', JSON.stringify({ config: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['OPTIONS'], allowedHeaders: [], exposeHeaders: [] }] } }), { reason: 'body-shape', field: 'config.rules.0.allowedMethods.0', misfit: { kind: 'not-one-of', values: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] } }, 'config.rules.0.allowedMethods.0: Must be one of GET, PUT, POST, DELETE, HEAD.'],
      ['an unknown top-level field', JSON.stringify({ config: { rules: [] }, force: true }), { reason: 'body-shape', field: '', misfit: { kind: 'unknown-fields', fields: ['force'] } }, 'The request body does not fit the API. Unknown field force.'],
    ])('answers 400 for %s', async (_name, rawBody, params, message) => {
      const bucket = await freshBucket(`write-bad-${_name.length}`);
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: { rules: [] } }, rawBody, ifMatch: 'x' });
      expect(res.status).toBe(400);
      expect(!res.ok && res.error).toMatchObject({ code: 'bad-request', params, message: expect.stringContaining(message) });
    });

    it('points body issues at the config path', async () => {
      const bucket = await freshBucket('write-bad-path');
      const rawBody = JSON.stringify({ config: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['OPTIONS'], allowedHeaders: [], exposeHeaders: [] }] } });
      const res = await api.client(routes.putCors, { params: at(bucket), body: { config: { rules: [] } }, rawBody, ifMatch: 'x' });
      expect(!res.ok && res.error.code === 'bad-request' && res.error.issues?.[0]?.path).toEqual(['rules', 0, 'allowedMethods', 0]);
    });
  });

  describe('DELETE .../cors', () => {
    it('deletes with the current version and answers the empty state', async () => {
      const bucket = await freshBucket('delete-ok');
      await storage.current.putCors(bucket, serializeCorsDocument(GOOD, 's3-xml'));
      const loaded = await read(bucket);
      const res = await api.client(routes.deleteCors, { params: at(bucket), ifMatch: loaded.version });
      expect(res.ok && res.answer).toMatchObject({ config: null, raw: null });
      expect((await storage.current.getCors(bucket)).status).toBe(404);
    });

    it('refuses a stale version with 409 and keeps the configuration', async () => {
      const bucket = await freshBucket('delete-stale');
      const loaded = await read(bucket);
      await storage.current.putCors(bucket, serializeCorsDocument(OTHER, 's3-xml'));
      const res = await api.client(routes.deleteCors, { params: at(bucket), ifMatch: loaded.version });
      expect(res.status).toBe(409);
      expect(!res.ok && res.error.code).toBe('version-conflict');
      expect((await read(bucket)).config).toEqual(OTHER);
    });
  });
});
