import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresignResult, ProbeResult } from '../../../src/contract/api';
import { isStorageTarget, storageCspSources, storageOriginsOf } from '../../../src/server/security/storage-origins';
import { consoleWith, s3rverProfile } from '../../support/console-app';
import { startLocalS3, type LocalS3 } from '../../support/s3rver';

// Probes and presigned URLs reach the profile's own storage and nothing else: redirects are
// reported, not followed; keys and bucket names cannot steer the URL elsewhere.
// Paths, headers and bodies are written by hand on purpose, not through the typed client: an
// attacker sends raw requests, and these tests must send what the client would never build.

let s3: LocalS3;
let api: ReturnType<typeof consoleWith>;
let redirecting: Server;
let trap: Server;
let trapHits = 0;

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('proxy-bucket');
  await s3.putObject('proxy-bucket', 'test.txt', 'hello');
  trap = createServer((_req, res) => {
    trapHits++;
    res.end('you should not be here');
  });
  const trapUrl = await listen(trap);
  // A storage endpoint that redirects every object request to another host (as a hostile or
  // misconfigured endpoint could), and answers "no CORS configuration" to GET ?cors.
  redirecting = createServer((req, res) => {
    if (req.url?.includes('?cors')) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0"?><Error><Code>NoSuchCORSConfiguration</Code><Message>none</Message></Error>');
      return;
    }
    res.writeHead(307, { location: `${trapUrl}/stolen` });
    res.end();
  });
  const redirectingUrl = await listen(redirecting);
  api = consoleWith([s3rverProfile(s3.endpoint), s3rverProfile(redirectingUrl, 'redirecting')]);
});
afterAll(async () => {
  await Promise.all([new Promise((r) => trap?.close(r)), new Promise((r) => redirecting?.close(r))]);
  await s3?.stop();
});

describe('probes', () => {
  it('report a redirect to another host, and do not follow it', async () => {
    const res = await api.call('POST', '/api/profiles/redirecting/buckets/any-bucket/probe', { origin: 'https://app.example.com', method: 'GET', send: 'both' });
    expect(res.status).toBe(200);
    const probe = res.json as unknown as ProbeResult;
    expect(probe.preflight?.response?.status).toBe(307);
    expect(probe.actual?.response?.status).toBe(307);
    expect(probe.actual?.response?.headers['location']).toMatch(/\/stolen$/);
    expect(trapHits).toBe(0);
  });

  it.each([
    ['a key that climbs out of the bucket', { key: '../other-bucket/secret.txt' }],
    ['a key that is a dot segment', { key: 'a/./b' }],
    ['a key with a line break', { key: 'a\r\nHost: evil.example' }],
    ['a Host header', { headers: { Host: 'evil.example' } }],
    ['an origin with a line break', { origin: 'https://a.example\r\nX-Injected: 1' }],
    ['a header value with a line break', { headers: { 'x-a': '1\r\nX-Injected: 1' } }],
    ['a header name that is not a token', { headers: { 'x a:': '1' } }],
  ])('refuse %s with 400 naming the field', async (_name, fields) => {
    const res = await api.call('POST', '/api/profiles/local/buckets/proxy-bucket/probe', { method: 'GET', ...fields });
    expect(res.status).toBe(400);
    expect(res.json['error']).toMatchObject({ code: 'bad-request' });
    expect(JSON.stringify(res.json['error'])).toMatch(/key|Host|origin|headers|Header/);
  });

  it.each(['evil.example%2F', 'a%2Fb', '127.0.0.1%3A80%40evil.example', 'bucket.', '-bucket', 'x'])('refuse the bucket name %s with 400', async (bucket) => {
    const res = await api.call('POST', `/api/profiles/local/buckets/${bucket}/probe`, { method: 'GET' });
    expect(res.status).toBe(400);
  });
});

describe('presigned URLs', () => {
  it.each(['GET', 'PUT', 'POST'] as const)('for %s point at the profile\'s endpoint', async (method) => {
    const res = await api.call('POST', '/api/profiles/local/buckets/proxy-bucket/presign', { key: 'up/load.txt', method, confirmWrite: true });
    expect(res.status).toBe(200);
    expect(new URL((res.json as unknown as PresignResult).url).origin).toBe(s3.endpoint);
  });

  it('refuse a key that climbs out of the bucket', async () => {
    expect((await api.call('POST', '/api/profiles/local/buckets/proxy-bucket/presign', { key: '../x', method: 'GET' })).status).toBe(400);
  });
});

describe('storage origins (what probes, presigned URLs and the CSP allow)', () => {
  const minio = { kind: 's3' as const, endpoint: 'http://minio.internal:9000' };
  const aws = { kind: 's3' as const, endpoint: 'https://s3.eu-west-1.amazonaws.com' };
  const oss = { kind: 'oss' as const, endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' };
  const cosOnIp = { kind: 'cos' as const, endpoint: 'http://10.0.0.5:8080' };

  it.each([
    [minio, 'http://minio.internal:9000/b/k', true],
    [minio, 'http://b.minio.internal:9000/k', true],
    [minio, 'https://minio.internal:9000/b/k', false],
    [minio, 'http://minio.internal:9001/b/k', false],
    [minio, 'http://minio.internal.evil.example:9000/b/k', false],
    [minio, 'http://user:pw@minio.internal:9000/b/k', false],
    [aws, 'https://bucket.s3.eu-west-1.amazonaws.com/k', true],
    [aws, 'https://amazonaws.com.evil.example/k', false],
    [oss, 'https://bucket.oss-cn-hangzhou.aliyuncs.com/k', true],
    [cosOnIp, 'https://bucket-125.cos.ap-guangzhou.myqcloud.com/k', true],
    [cosOnIp, 'http://10.0.0.5:8080/k', true],
    [cosOnIp, 'http://10.0.0.6:8080/k', false],
  ])('%o: %s → %s', (profile, url, allowed) => {
    expect(isStorageTarget(new URL(url), storageOriginsOf(profile))).toBe(allowed);
  });

  it('become the CSP sources of the page', () => {
    expect(storageCspSources([minio, aws, oss])).toEqual(['http://minio.internal:9000', 'http://*.minio.internal:9000', 'https://*.amazonaws.com', 'https://*.aliyuncs.com']);
  });
});
