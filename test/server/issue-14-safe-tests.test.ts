import { beforeAll, describe, expect, it } from 'vitest';
import { isScratchKey, newScratchKey, routes, SCRATCH_PREFIX } from '../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { createScratchObjects } from '../../src/server/probe/scratch-objects';
import { answered } from '../support/api-client';
import { consoleOver } from '../support/console-app';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 14, item 3: tests never destroy data the user did not point at. Sent for real to each
// backend (s3rver, Ceph RGW); every object is read back with its bytes and content type.

const APP = 'https://app.example.com';
const OTHER = 'https://other.example';
const ORIGINAL = 'the user data: 30 bytes, plain';
// The app may GET, PUT and DELETE; another origin may only GET, so its writing preflights are refused.
const CONFIG: CorsConfig = {
  rules: [
    { allowedOrigins: [APP], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 60 },
    { allowedOrigins: [OTHER], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
};
const WRITES = ['PUT', 'POST', 'DELETE'] as const;

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const storage = useStorageBackend(backend);
  // The RGW peer is shared by concurrent runs: a bucket name of its own.
  const bucket = `safe-${Math.random().toString(36).slice(2, 8)}`;
  let api: ReturnType<typeof consoleOver>;
  const at = () => ({ profile: 'local', bucket });
  const stored = async (key: string) => {
    const got = await storage.current.http.signed('GET', `/${bucket}/${key}`);
    return { status: got.status, body: got.status === 200 ? got.body : null, type: got.status === 200 ? got.headers['content-type'] : null };
  };
  const untouched = { status: 200, body: ORIGINAL, type: 'text/plain' };

  beforeAll(async () => {
    await storage.current.createBucket(bucket);
    await storage.current.putCors(bucket, serializeCorsDocument(CONFIG, 's3-xml'));
    api = consoleOver(storage.current);
  });
  const reset = () => storage.current.putObject(bucket, 'test.txt', ORIGINAL, 'text/plain');

  describe('a write to an object the user did not confirm', () => {
    it.each(WRITES)('refuses a %s probe with 409 confirmation-required, naming the object, and leaves it unchanged', async (method) => {
      await reset();
      const res = await api.client(routes.probe, { params: at(), body: { origin: APP, method, key: 'test.txt', body: 'replacement' } });
      expect(res.status).toBe(409);
      expect(!res.ok && res.error).toMatchObject({ code: 'confirmation-required', params: { bucket, key: 'test.txt', method }, message: expect.stringContaining(SCRATCH_PREFIX) });
      expect(await stored('test.txt')).toEqual(untouched);
    });

    it.each(WRITES)('refuses a %s presign with 409 confirmation-required', async (method) => {
      const res = await api.client(routes.presign, { params: at(), body: { key: 'test.txt', method } });
      expect(res.status).toBe(409);
      expect(!res.ok && res.error.code).toBe('confirmation-required');
    });

    it('still answers a preflight-only probe and reads without confirmation: they change nothing', async () => {
      await reset();
      expect(answered(await api.client(routes.probe, { params: at(), body: { origin: APP, method: 'DELETE', key: 'test.txt', send: 'preflight' } })).preflight?.response?.status).toBe(200);
      expect(answered(await api.client(routes.presign, { params: at(), body: { key: 'test.txt', method: 'GET' } })).method).toBe('GET');
      expect(await stored('test.txt')).toEqual(untouched);
    });

    it('writes it once confirmed, when the browser would', async () => {
      await reset();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: APP, method: 'PUT', key: 'test.txt', headers: { 'content-type': 'application/json' }, body: '{"replaced":true}', confirmWrite: true } }));
      expect(result.actual?.response?.status).toBe(200);
      expect(result.actualNotSent).toBeUndefined();
      expect(await stored('test.txt')).toEqual({ status: 200, body: '{"replaced":true}', type: 'application/json' });
    });
  });

  describe('a refused preflight', () => {
    it.each([
      ['PUT', 'both'],
      ['DELETE', 'both'],
      ['PUT', 'actual'],
      ['DELETE', 'actual'],
    ] as const)('never sends the %s (send: %s) the browser would not send, even confirmed', async (method, send) => {
      await reset();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: OTHER, method, key: 'test.txt', body: 'replacement', send, confirmWrite: true } }));
      expect(result.preflight?.response?.status).toBe(403);
      expect(result.actual).toBeUndefined();
      expect(result.actualNotSent).toEqual({ code: 'browser-stops-at-preflight', check: 'preflight-status' });
      expect(await stored('test.txt')).toEqual(untouched);
    });

    it('is judged as the browser judges it: a 200 preflight that does not grant the header stops a PUT too', async () => {
      await reset();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: APP, method: 'PUT', key: 'test.txt', headers: { 'x-amz-meta-owner': 'me' }, body: 'replacement', confirmWrite: true } }));
      // s3rver answers 403 for the unlisted header; RGW answers 200 without it in Allow-Headers.
      expect(result.actual).toBeUndefined();
      expect(result.actualNotSent?.code).toBe('browser-stops-at-preflight');
      expect(result.actualNotSent?.check).toBe(result.preflight?.response?.status === 200 ? 'header-not-allowed' : 'preflight-status');
      expect(await stored('test.txt')).toEqual(untouched);
    });
  });

  describe('scratch objects', () => {
    it('defines the reserved prefix once, and makes fresh keys under it', () => {
      const [a, b] = [newScratchKey(), newScratchKey()];
      expect(a).not.toBe(b);
      expect([a, b].every(isScratchKey)).toBe(true);
      expect(isScratchKey(SCRATCH_PREFIX)).toBe(false);
      expect(isScratchKey('test.txt')).toBe(false);
    });

    it('a DELETE test deletes a scratch object the server created, and one is there again for the page; removeScratch removes it', async () => {
      const key = newScratchKey();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: APP, method: 'DELETE', key } }));
      expect(result.actual?.response?.status).toBe(204);
      expect((await stored(key)).status).toBe(200);
      expect(answered(await api.client(routes.removeScratch, { params: at(), body: { key } }))).toEqual({ key, removed: true });
      expect((await stored(key)).status).toBe(404);
    });

    it.each(['PUT', 'POST'] as const)('a %s test on a scratch object needs no confirmation, and removeScratch leaves nothing behind', async (method) => {
      const key = newScratchKey();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: APP, method, key, body: 'scratch body', signed: method === 'PUT' } }));
      // Sent, as the browser would send it (s3rver answers an object POST 501): what matters is what is left after.
      expect(result.actual?.response?.status).toBeGreaterThan(0);
      answered(await api.client(routes.removeScratch, { params: at(), body: { key } }));
      expect((await stored(key)).status).toBe(404);
    });

    it('a blocked DELETE on a scratch object leaves only the scratch object, and removeScratch removes it', async () => {
      const key = newScratchKey();
      const result = answered(await api.client(routes.probe, { params: at(), body: { origin: OTHER, method: 'DELETE', key } }));
      expect(result.actualNotSent?.code).toBe('browser-stops-at-preflight');
      answered(await api.client(routes.removeScratch, { params: at(), body: { key } }));
      expect((await stored(key)).status).toBe(404);
    });

    it('removes a scratch object by itself once its time is up, if the page never asks', async () => {
      const logs: string[] = [];
      const scratch = createScratchObjects((line) => logs.push(line));
      const target = { profile: 'local', adapter: storage.current.profile('local').adapter, bucket, key: newScratchKey() };
      expect((await scratch.create(target)).ok).toBe(true);
      scratch.removeLater(target, 50);
      expect(scratch.pending()).toEqual([`local/${bucket}/${target.key}`]);
      await expect.poll(async () => (await stored(target.key)).status, { timeout: 10_000 }).toBe(404);
      expect(scratch.pending()).toEqual([]);
      expect(logs).toEqual([]);
    });

    it('removes every pending scratch object when the console stops', async () => {
      const scratch = createScratchObjects();
      const targets = [newScratchKey(), newScratchKey()].map((key) => ({ profile: 'local', adapter: storage.current.profile('local').adapter, bucket, key }));
      for (const target of targets) {
        await scratch.create(target);
        scratch.removeLater(target, 3_600_000);
      }
      await scratch.removeAll();
      expect(scratch.pending()).toEqual([]);
      for (const target of targets) expect((await stored(target.key)).status).toBe(404);
    });

    it('removeScratch refuses a key outside the scratch prefix', async () => {
      await reset();
      const res = await api.client(routes.removeScratch, { params: at(), body: { key: 'test.txt' } });
      expect(res.status).toBe(400);
      expect(await stored('test.txt')).toEqual(untouched);
    });
  });
}, 120_000);
