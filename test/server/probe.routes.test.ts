import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { answered } from '../support/api-client';
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

  // Bodies go as written, deliberately invalid ones included; answers are parsed with the route's schema.
  const probe = (body: unknown) => api.client(routes.probe, { params: { profile: 'local', bucket: 'probed' }, body: { method: 'GET' }, rawBody: JSON.stringify(body) });

  describe('POST .../probe', () => {
    it.each([
      ['an allowed GET', { origin: 'https://app.example.com', method: 'GET' }, 200],
      ['a PUT with allowed headers', { origin: 'https://app.example.com', method: 'PUT', key: 'put-target.txt', headers: { 'content-type': 'application/json', 'x-amz-meta-owner': 'me' }, body: '{}', confirmWrite: true }, 200],
      ['an unlisted origin', { origin: 'https://evil.example', method: 'GET' }, 403],
      ['a header the rule lacks', { origin: 'https://app.example.com', method: 'GET', headers: { 'x-custom': '1' } }, 403],
      ['a method the rule lacks', { origin: 'https://app.example.com', method: 'DELETE', key: 'gone.txt', confirmWrite: true }, 403],
    ])('sends %s for real and matches the core\'s prediction', async (_name, body, preflightStatus) => {
      const result = answered(await probe(body));
      expect(result.dialect).toBe(storage.current.dialect);
      expect(result.preflight?.response?.status).toBe(preflightStatus);
      expect(result.preflight?.request.url).toBe(`${storage.current.endpoint}/probed/${(body as { key?: string }).key ?? 'test.txt'}`);
      expect(result.preflight?.matchesPrediction).toBe(true);
      // A writing request the browser stops at its preflight is never sent (issue 14).
      const stopped = preflightStatus !== 200 && body.method === 'DELETE';
      expect(result.actual?.matchesPrediction).toBe(stopped ? undefined : true);
      expect(result.actualNotSent).toEqual(stopped ? { code: 'browser-stops-at-preflight', check: 'preflight-status' } : undefined);
      expect(result.preflight?.timing.totalMs).toBeGreaterThan(0);
    });

    it('lists only the CORS-unsafe headers in the preflight, as a browser does', async () => {
      const result = answered(await probe({ origin: 'https://app.example.com', method: 'PUT', headers: { 'Content-Type': 'text/plain', 'X-Amz-Meta-B': '1', 'x-amz-meta-a': '2' }, send: 'preflight' }));
      expect(result.preflight?.request.headers).toEqual({
        origin: 'https://app.example.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-amz-meta-a,x-amz-meta-b',
      });
      expect(result.actual).toBeUndefined();
    });

    it('returns every response header unfiltered', async () => {
      const result = answered(await probe({ origin: 'https://app.example.com', method: 'GET', send: 'actual' }));
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
      expect(!res.ok && res.error.code).toBe('bad-request');
    });

    it.each(['../other/x', 'a/./b', '..', 'x/..'])('refuses key %s, which would leave the object or the bucket', async (key) => {
      const res = await probe({ origin: 'https://app.example.com', method: 'GET', key });
      expect(res.status).toBe(400);
    });

    it('keeps other odd keys inside the bucket, encoded', async () => {
      const result = answered(await probe({ origin: 'https://app.example.com', method: 'GET', key: '?x=1#..%2F/é', send: 'preflight' }));
      const url = new URL(result.preflight!.request.url);
      expect(url.origin).toBe(storage.current.endpoint);
      expect(url.pathname).toBe('/probed/%3Fx%3D1%23..%252F/%C3%A9');
    });
  });

  describe('POST .../presign', () => {
    const presign = (body: unknown) => api.client(routes.presign, { params: { profile: 'local', bucket: 'signed' }, body: { key: 'x', method: 'GET' }, rawBody: JSON.stringify(body) });

    it('signs a PUT URL that the server accepts, and a GET URL that reads it back', async () => {
      const put = answered(await presign({ key: 'upload.txt', method: 'PUT', contentType: 'text/plain', confirmWrite: true }));
      expect(put.url).toContain('X-Amz-Signature=');
      const uploaded = await fetch(put.url, { method: 'PUT', body: 'signed upload', headers: { 'content-type': 'text/plain' } });
      expect(uploaded.status).toBe(200);
      const get = answered(await presign({ key: 'upload.txt', method: 'GET' }));
      expect(await (await fetch(get.url)).text()).toBe('signed upload');
    });

    it('signs a POST policy for browser form uploads', async () => {
      const post = answered(await presign({ key: 'form.txt', method: 'POST', confirmWrite: true }));
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
      const before = answered(await probe({ origin: OTHER, method: 'GET' }));
      expect(before.actual?.prediction.matchedRule).toBeNull();

      const at = { profile: 'local', bucket: 'probed' };
      const { version } = answered(await api.client(routes.getCors, { params: at }));
      expect(before.predictedWith).toEqual({ config: CONFIG, version });
      const saved = answered(await api.client(routes.putCors, { params: at, body: { config: withOther }, ifMatch: version }));
      const afterSave = answered(await probe({ origin: OTHER, method: 'GET' }));
      expect(afterSave.predictedWith).toEqual({ config: withOther, version: saved.version });
      expect(afterSave.actual?.prediction.matchedRule).toBe(0);
      expect(afterSave.actual?.matchesPrediction).toBe(true);

      await storage.current.putCors('probed', serializeCorsDocument(CONFIG, 's3-xml'));
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const afterBehindTheBack = answered(await probe({ origin: OTHER, method: 'GET' }));
      expect(afterBehindTheBack.actual?.prediction.matchedRule).toBeNull();
      expect(afterBehindTheBack.actual?.matchesPrediction).toBe(true);
    });
  });

  describe('signed probes and presigned methods', () => {
    it('sends a signed probe to a presigned URL of the profile endpoint, beside the unsigned preflight', async () => {
      const result = answered(await probe({ origin: 'https://app.example.com', method: 'GET', signed: true }));
      const url = new URL(result.actual!.request.url);
      expect(result.signedUrl).toBe(url.toString());
      expect(result.objectUrl).toBe(`${storage.current.endpoint}/probed/test.txt`);
      expect(url.origin).toBe(storage.current.endpoint);
      expect(url.pathname).toBe('/probed/test.txt');
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(result.actual?.response?.status).toBe(200);
      expect(result.actual?.matchesPrediction).toBe(true);
    });

    it('refuses a signed POST: that is a form upload', async () => {
      const res = await probe({ origin: 'https://app.example.com', method: 'POST', signed: true });
      expect(res.status).toBe(400);
      expect(!res.ok && res.error).toMatchObject({ code: 'bad-request', params: { reason: 'signed-post' }, message: expect.stringContaining('form upload') });
    });

    it.each(['HEAD', 'DELETE'] as const)('presigns a %s URL that the server accepts', async (method) => {
      await storage.current.putObject('probed', `presigned-${method}.txt`, 'x');
      const signed = answered(await api.client(routes.presign, { params: { profile: 'local', bucket: 'probed' }, body: { key: `presigned-${method}.txt`, method, confirmWrite: true } }));
      expect(signed.method).toBe(method);
      const response = await fetch(signed.url, { method });
      expect(response.status).toBe(method === 'HEAD' ? 200 : 204);
    });
  });
});
