import { beforeAll, describe, expect, it } from 'vitest';
import type { PresignResult, ProbeResult } from '../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { consoleOver } from '../support/console-app';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Probes and presigned URLs, sent for real to each backend (s3rver, Ceph RGW).

const CONFIG: CorsConfig = {
  rules: [
    { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type', 'x-amz-meta-*'], exposeHeaders: ['ETag'], maxAgeSeconds: 60 },
  ],
};

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const storage = useStorageBackend(backend);
  let api: ReturnType<typeof consoleOver>;
  beforeAll(async () => {
    const s3 = storage.current;
    await s3.createBucket('probed');
    await s3.putObject('probed', 'test.txt', 'hello');
    await s3.putCors('probed', serializeCorsDocument(CONFIG, 's3-xml'));
    await s3.createBucket('signed');
    api = consoleOver(s3);
  });

  const probe = (body: unknown) => api.call('POST', '/api/profiles/local/buckets/probed/probe', body);

  describe('POST .../probe', () => {
    it.each([
      ['an allowed GET', { origin: 'https://app.example.com', method: 'GET' }, 200],
      ['a PUT with allowed headers', { origin: 'https://app.example.com', method: 'PUT', key: 'put-target.txt', headers: { 'content-type': 'application/json', 'x-amz-meta-owner': 'me' }, body: '{}' }, 200],
      ['an unlisted origin', { origin: 'https://evil.example', method: 'GET' }, 403],
      ['a header the rule lacks', { origin: 'https://app.example.com', method: 'GET', headers: { 'x-custom': '1' } }, 403],
      ['a method the rule lacks', { origin: 'https://app.example.com', method: 'DELETE', key: 'gone.txt' }, 403],
    ])('sends %s for real and matches the core\'s prediction', async (_name, body, preflightStatus) => {
      const res = await probe(body);
      expect(res.status).toBe(200);
      const result = res.json as unknown as ProbeResult;
      expect(result.dialect).toBe(storage.current.dialect);
      expect(result.preflight?.response?.status).toBe(preflightStatus);
      expect(result.preflight?.request.url).toBe(`${storage.current.endpoint}/probed/${(body as { key?: string }).key ?? 'test.txt'}`);
      expect(result.preflight?.matchesPrediction).toBe(true);
      expect(result.actual?.matchesPrediction).toBe(true);
      expect(result.preflight?.timing.totalMs).toBeGreaterThan(0);
    });

    it('lists only the CORS-unsafe headers in the preflight, as a browser does', async () => {
      const result = (await probe({ origin: 'https://app.example.com', method: 'PUT', headers: { 'Content-Type': 'text/plain', 'X-Amz-Meta-B': '1', 'x-amz-meta-a': '2' }, send: 'preflight' })).json as unknown as ProbeResult;
      expect(result.preflight?.request.headers).toEqual({
        origin: 'https://app.example.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-amz-meta-a,x-amz-meta-b',
      });
      expect(result.actual).toBeUndefined();
    });

    it('returns every response header unfiltered', async () => {
      const result = (await probe({ origin: 'https://app.example.com', method: 'GET', send: 'actual' })).json as unknown as ProbeResult;
      expect(result.actual?.response?.headers).toMatchObject({ 'access-control-allow-origin': 'https://app.example.com', etag: expect.any(String), 'content-length': '5' });
      expect(result.actual?.response?.bodyPreview).toBe('hello');
    });

    it.each([
      ['Host', { host: 'evil.example' }],
      ['Origin in headers', { Origin: 'https://x.example' }],
      ['Transfer-Encoding', { 'transfer-encoding': 'chunked' }],
    ])('refuses to let the caller set %s', async (_name, headers) => {
      const res = await probe({ origin: 'https://app.example.com', method: 'GET', headers });
      expect(res.status).toBe(400);
    });

    it.each([
      ['a header value with a line break', { origin: 'https://app.example.com', method: 'GET', headers: { 'x-a': 'b\r\nInjected: 1' } }],
      ['an origin with a line break', { origin: 'https://a.example\r\nX: 1', method: 'GET' }],
      ['a header name with a space', { origin: 'https://app.example.com', method: 'GET', headers: { 'x a': 'b' } }],
      ['a method outside the five', { origin: 'https://app.example.com', method: 'TRACE' }],
      ['a key with a control character', { origin: 'https://app.example.com', method: 'GET', key: 'a\u0000b' }],
    ])('answers 400 for %s', async (_name, body) => {
      const res = await probe(body);
      expect(res.status).toBe(400);
      expect((res.json['error'] as { code: string }).code).toBe('bad-request');
    });

    it.each(['../other/x', 'a/./b', '..', 'x/..'])('refuses key %s, which would leave the object or the bucket', async (key) => {
      const res = await probe({ origin: 'https://app.example.com', method: 'GET', key });
      expect(res.status).toBe(400);
    });

    it('keeps other odd keys inside the bucket, encoded', async () => {
      const result = (await probe({ origin: 'https://app.example.com', method: 'GET', key: '?x=1#..%2F/é', send: 'preflight' })).json as unknown as ProbeResult;
      const url = new URL(result.preflight!.request.url);
      expect(url.origin).toBe(storage.current.endpoint);
      expect(url.pathname).toBe('/probed/%3Fx%3D1%23..%252F/%C3%A9');
    });
  });

  describe('POST .../presign', () => {
    const presign = (body: unknown) => api.call('POST', '/api/profiles/local/buckets/signed/presign', body);

    it('signs a PUT URL that the server accepts, and a GET URL that reads it back', async () => {
      const put = (await presign({ key: 'upload.txt', method: 'PUT', contentType: 'text/plain' })).json as unknown as PresignResult;
      expect(put.url).toContain('X-Amz-Signature=');
      const uploaded = await fetch(put.url, { method: 'PUT', body: 'signed upload', headers: { 'content-type': 'text/plain' } });
      expect(uploaded.status).toBe(200);
      const get = (await presign({ key: 'upload.txt', method: 'GET' })).json as unknown as PresignResult;
      expect(await (await fetch(get.url)).text()).toBe('signed upload');
    });

    it('signs a POST policy for browser form uploads', async () => {
      const post = (await presign({ key: 'form.txt', method: 'POST' })).json as unknown as PresignResult;
      const form = new FormData();
      for (const [name, value] of Object.entries(post.fields ?? {})) form.append(name, value);
      form.append('file', new Blob(['form upload'], { type: 'text/plain' }), 'form.txt');
      const uploaded = await fetch(post.url, { method: 'POST', body: form });
      expect(uploaded.status).toBeLessThan(300);
      expect((await storage.current.http.signed('GET', '/signed/form.txt')).body).toBe('form upload');
    });

    it('refuses an expiry beyond 7 days', async () => {
      const res = await presign({ key: 'x.txt', method: 'GET', expiresSeconds: 8 * 24 * 3600 });
      expect(res.status).toBe(400);
    });
  });

  describe('the configuration a probe predicts with', () => {
    const OTHER = 'https://other.example';
    const withOther: CorsConfig = { rules: [{ ...CONFIG.rules[0]!, allowedOrigins: ['https://app.example.com', OTHER] }] };

    it('follows a save through the console at once, and a change behind its back within two seconds', async () => {
      await storage.current.putCors('probed', serializeCorsDocument(CONFIG, 's3-xml'));
      const before = (await probe({ origin: OTHER, method: 'GET' })).json as unknown as ProbeResult;
      expect(before.actual?.prediction.matchedRule).toBeNull();

      const { version } = (await api.call('GET', '/api/profiles/local/buckets/probed/cors')).json as { version: string };
      expect((await api.call('PUT', '/api/profiles/local/buckets/probed/cors', { config: withOther }, { 'if-match': `"${version}"` })).status).toBe(200);
      const afterSave = (await probe({ origin: OTHER, method: 'GET' })).json as unknown as ProbeResult;
      expect(afterSave.actual?.prediction.matchedRule).toBe(0);
      expect(afterSave.actual?.matchesPrediction).toBe(true);

      await storage.current.putCors('probed', serializeCorsDocument(CONFIG, 's3-xml'));
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const afterBehindTheBack = (await probe({ origin: OTHER, method: 'GET' })).json as unknown as ProbeResult;
      expect(afterBehindTheBack.actual?.prediction.matchedRule).toBeNull();
      expect(afterBehindTheBack.actual?.matchesPrediction).toBe(true);
    });
  });

  describe('signed probes and presigned methods', () => {
    it('sends a signed probe to a presigned URL of the profile endpoint, beside the unsigned preflight', async () => {
      const result = (await probe({ origin: 'https://app.example.com', method: 'GET', signed: true })).json as unknown as ProbeResult;
      const url = new URL(result.actual!.request.url);
      expect(url.origin).toBe(storage.current.endpoint);
      expect(url.pathname).toBe('/probed/test.txt');
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(result.actual?.response?.status).toBe(200);
      expect(result.actual?.matchesPrediction).toBe(true);
    });

    it('refuses a signed POST: that is a form upload', async () => {
      const res = await probe({ origin: 'https://app.example.com', method: 'POST', signed: true });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'bad-request', message: expect.stringContaining('form upload') } });
    });

    it.each(['HEAD', 'DELETE'] as const)('presigns a %s URL that the server accepts', async (method) => {
      await storage.current.putObject('probed', `presigned-${method}.txt`, 'x');
      const signed = (await api.call('POST', '/api/profiles/local/buckets/probed/presign', { key: `presigned-${method}.txt`, method })).json as unknown as PresignResult;
      expect(signed.method).toBe(method);
      const response = await fetch(signed.url, { method });
      expect(response.status).toBe(method === 'HEAD' ? 200 : 204);
    });
  });
});
