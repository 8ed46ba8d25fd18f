import { beforeAll, describe, expect, it } from 'vitest';
import type { CorsState } from '../../src/contract/api';
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

const path = (bucket: string) => `/api/profiles/local/buckets/${bucket}/cors`;
const state = (json: unknown) => json as CorsState;
const ifMatch = (version: string) => ({ 'if-match': `"${version}"` });

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

  describe('GET .../cors', () => {
    it('answers null, a version and its ETag for a bucket without CORS', async () => {
      const bucket = await freshBucket('read-none');
      const res = await api.call('GET', path(bucket));
      expect(res.status).toBe(200);
      expect(state(res.json)).toMatchObject({ config: null, raw: null, dialect: storage.current.dialect, issues: [] });
      expect(res.headers.get('etag')).toBe(`"${state(res.json).version}"`);
    });

    it('answers the configuration in the core model, the raw document and the stored issues', async () => {
      const bucket = await freshBucket('read-some');
      await storage.current.putCors(bucket, serializeCorsDocument(GOOD, 's3-xml'));
      const res = await api.call('GET', path(bucket));
      expect(state(res.json).config).toEqual(GOOD);
      expect(state(res.json).raw).toContain('<CORSConfiguration');
      expect(state(res.json).issues).toContainEqual(expect.objectContaining({ code: 'origin.star-with-credentials' }));
    });

    it('answers 404 bucket-not-found with the provider code for a missing bucket', async () => {
      const res = await api.call('GET', path('no-such-bucket'));
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { code: 'bucket-not-found', message: expect.stringContaining('does not exist'), providerCode: 'NoSuchBucket' } });
    });

    it('answers 404 profile-not-found for an unknown profile', async () => {
      const res = await api.call('GET', '/api/profiles/nope/buckets/x1/cors');
      expect(res.status).toBe(404);
      expect((res.json['error'] as { code: string }).code).toBe('profile-not-found');
    });

    it('refuses a bucket name that is not one', async () => {
      const res = await api.call('GET', '/api/profiles/local/buckets/bad!name/cors');
      expect(res.status).toBe(400);
    });
  });

  describe('PUT .../cors', () => {
    it('writes, reads back and answers what the provider now holds', async () => {
      const bucket = await freshBucket('write-ok');
      const before = state((await api.call('GET', path(bucket))).json);
      const res = await api.call('PUT', path(bucket), { config: GOOD }, ifMatch(before.version));
      expect(res.status).toBe(200);
      expect(state(res.json).config).toEqual(GOOD);
      expect(state(res.json).version).not.toBe(before.version);
      expect(res.headers.get('etag')).toBe(`"${state(res.json).version}"`);
      const raw = await storage.current.getCors(bucket);
      expect(raw.body).toContain('<AllowedOrigin>https://app.example.com</AllowedOrigin>');
    });

    it('requires If-Match (428) and writes nothing without it', async () => {
      const bucket = await freshBucket('write-no-if-match');
      const res = await api.call('PUT', path(bucket), { config: GOOD });
      expect(res.status).toBe(428);
      expect(state((await api.call('GET', path(bucket))).json).config).toBeNull();
    });

    it('refuses a stale version with 409 and the current configuration, overwriting nothing', async () => {
      const bucket = await freshBucket('write-stale');
      const loaded = state((await api.call('GET', path(bucket))).json);
      // Someone else changes the configuration behind the console's back.
      await storage.current.putCors(bucket, serializeCorsDocument(OTHER, 's3-xml'));
      const res = await api.call('PUT', path(bucket), { config: GOOD }, ifMatch(loaded.version));
      expect(res.status).toBe(409);
      expect((res.json['error'] as { code: string }).code).toBe('version-conflict');
      expect(state(res.json['current']).config).toEqual(OTHER);
      expect(state((await api.call('GET', path(bucket))).json).config).toEqual(OTHER);
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      const bucket = await freshBucket('write-race');
      const loaded = state((await api.call('GET', path(bucket))).json);
      const [a, b] = await Promise.all([
        api.call('PUT', path(bucket), { config: GOOD }, ifMatch(loaded.version)),
        api.call('PUT', path(bucket), { config: OTHER }, ifMatch(loaded.version)),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? GOOD : OTHER;
      expect(state((await api.call('GET', path(bucket))).json).config).toEqual(winner);
    });

    it('answers 422 with issues pointing at the field, writing nothing', async () => {
      const bucket = await freshBucket('write-invalid');
      const loaded = state((await api.call('GET', path(bucket))).json);
      const bad: CorsConfig = { rules: [{ allowedOrigins: ['www.a.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: ['x-*'] }] };
      const res = await api.call('PUT', path(bucket), { config: bad }, ifMatch(loaded.version));
      expect(res.status).toBe(422);
      const error = res.json['error'] as { code: string; issues: { code: string; path: unknown[]; message: string }[] };
      expect(error.code).toBe('validation-failed');
      expect(error.issues).toContainEqual(expect.objectContaining({ code: 'origin.missing-scheme', path: ['rules', 0, 'allowedOrigins', 0], params: { value: 'www.a.com', suggestion: 'https://www.a.com' } }));
      expect(error.issues).toContainEqual(expect.objectContaining({ code: 'expose.wildcard', path: ['rules', 0, 'exposeHeaders', 0] }));
      expect(state((await api.call('GET', path(bucket))).json).config).toBeNull();
    });

    it.each([
      ['a body that is not JSON', '{nope', 'The request body must be JSON'],
      ['a method outside the five', { config: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['OPTIONS'], allowedHeaders: [], exposeHeaders: [] }] } }, 'does not fit'],
      ['an unknown top-level field', { config: { rules: [] }, force: true }, 'does not fit'],
    ])('answers 400 for %s', async (_name, body, message) => {
      const bucket = await freshBucket(`write-bad-${_name.length}`);
      const res = await api.call('PUT', path(bucket), body, ifMatch('x'));
      expect(res.status).toBe(400);
      expect((res.json['error'] as { message: string }).message).toContain(message);
    });

    it('points body issues at the config path', async () => {
      const bucket = await freshBucket('write-bad-path');
      const res = await api.call('PUT', path(bucket), { config: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['OPTIONS'], allowedHeaders: [], exposeHeaders: [] }] } }, ifMatch('x'));
      const issues = (res.json['error'] as { issues: { path: unknown[] }[] }).issues;
      expect(issues[0]?.path).toEqual(['rules', 0, 'allowedMethods', 0]);
    });
  });

  describe('DELETE .../cors', () => {
    it('deletes with the current version and answers the empty state', async () => {
      const bucket = await freshBucket('delete-ok');
      await storage.current.putCors(bucket, serializeCorsDocument(GOOD, 's3-xml'));
      const loaded = state((await api.call('GET', path(bucket))).json);
      const res = await api.call('DELETE', path(bucket), undefined, ifMatch(loaded.version));
      expect(res.status).toBe(200);
      expect(state(res.json)).toMatchObject({ config: null, raw: null });
      expect((await storage.current.getCors(bucket)).status).toBe(404);
    });

    it('refuses a stale version with 409 and keeps the configuration', async () => {
      const bucket = await freshBucket('delete-stale');
      const loaded = state((await api.call('GET', path(bucket))).json);
      await storage.current.putCors(bucket, serializeCorsDocument(OTHER, 's3-xml'));
      const res = await api.call('DELETE', path(bucket), undefined, ifMatch(loaded.version));
      expect(res.status).toBe(409);
      expect(state((await api.call('GET', path(bucket))).json).config).toEqual(OTHER);
    });
  });
});
