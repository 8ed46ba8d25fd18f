import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CacheCheckResult, ProbeResult, ProfileSummary } from '../../../src/contract/api';
import { serializeCorsDocument } from '../../../src/core';
import { connectProfile } from '../../../src/server/profiles/connect';
import { parseProfilesFile } from '../../../src/server/profiles/profile';
import { isPublicTarget } from '../../../src/server/security/request-targets';
import { consoleWith } from '../../support/console-app';
import { startLocalS3, type LocalS3 } from '../../support/s3rver';

// The no-open-proxy guarantee extended to public URLs (issue 19): the cache check and a
// public-target probe reach the URL the profile's pattern yields for the bucket and a validated
// key, and the bucket's endpoint, nothing else. The "CDN" here is a real HTTP server that records
// what reaches it; the trap must never be reached. Bodies are sent raw, as an attacker would.

const A = 'https://app-a.example.com';
const B = 'https://app-b.example.com';

let s3: LocalS3;
let api: ReturnType<typeof consoleWith>;
let cdn: Server;
let cdnUrl: string;
let trap: Server;
let trapUrl: string;
let trapHits = 0;
let seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server | undefined) => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('media');
  await s3.createBucket('logos');
  await s3.request('PUT', '/media/a%20b/c%3Fd.txt', {}, 'hello');
  await s3.putCors('media', serializeCorsDocument({ rules: [{ allowedOrigins: [A, B], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [] }] }, 's3-xml'));
  trap = createServer((_req, res) => {
    trapHits++;
    res.end('you should not be here');
  });
  trapUrl = await listen(trap);
  // Records each request, and answers /redirect/… with a redirect to the trap (a hostile CDN).
  cdn = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/redirect/')) res.writeHead(307, { location: `${trapUrl}/stolen` });
    else res.writeHead(200, { 'x-cache': 'Miss from test-cdn' });
    res.end('hello');
  });
  cdnUrl = await listen(cdn);
  const file = parseProfilesFile(
    JSON.stringify({
      profiles: [
        {
          id: 'cdn',
          kind: 's3',
          endpoint: s3.endpoint,
          credentials: { env: { accessKeyId: 'KEY', secretAccessKey: 'SECRET' } },
          publicUrl: `${cdnUrl}/{bucket}/{key}`,
          publicUrls: { logos: `${cdnUrl}/redirect/{key}` },
        },
        { id: 'bare', kind: 's3', endpoint: s3.endpoint, credentials: { env: { accessKeyId: 'KEY', secretAccessKey: 'SECRET' } } },
      ],
    }),
    'profiles.json',
  );
  if (!file.ok) throw new Error(file.message);
  const connected = file.profiles.map((profile) => {
    const made = connectProfile(profile, { KEY: 'S3RVER', SECRET: 'S3RVER' });
    if (!made.ok) throw new Error(made.message);
    return made.profile;
  });
  api = consoleWith(connected);
}, 30_000);
afterAll(async () => {
  await Promise.all([close(trap), close(cdn)]);
  await s3?.stop();
});
beforeEach(() => {
  seen = [];
});

describe('the cache check', () => {
  it('sends its public steps to the pattern’s URL for the key, in order, and its direct steps to the endpoint', async () => {
    const res = await api.call('POST', '/api/profiles/cdn/buckets/media/cache-check', { key: 'a b/c?d.txt', originA: A, originB: B });
    expect(res.status).toBe(200);
    const result = res.json as unknown as CacheCheckResult;
    expect(result.publicUrl).toBe(`${cdnUrl}/media/a%20b/c%3Fd.txt`);
    expect(result.publicUrlPattern).toBe(`${cdnUrl}/{bucket}/{key}`);
    expect(seen.map((r) => `${r.method} ${r.url} ${r.headers.origin ?? '-'}`)).toEqual([
      'GET /media/a%20b/c%3Fd.txt -',
      `GET /media/a%20b/c%3Fd.txt ${A}`,
      `GET /media/a%20b/c%3Fd.txt ${B}`,
      `OPTIONS /media/a%20b/c%3Fd.txt ${A}`,
      `OPTIONS /media/a%20b/c%3Fd.txt ${A}`,
    ]);
    // Each on a connection of its own.
    expect(seen.every((r) => r.headers.connection === 'close')).toBe(true);
    const direct = result.steps.filter((s) => s.step.target === 'direct');
    expect(direct.map((s) => new URL(s.step.url).origin)).toEqual([s3.endpoint, s3.endpoint, s3.endpoint]);
    expect(direct.map((s) => s.response?.status)).toEqual([200, 200, 200]);
    expect(trapHits).toBe(0);
  });

  it('does not follow a redirect from the public URL', async () => {
    const res = await api.call('POST', '/api/profiles/cdn/buckets/logos/cache-check', { key: 'x.png', originA: A, originB: B });
    expect(res.status).toBe(200);
    const result = res.json as unknown as CacheCheckResult;
    expect(result.steps.filter((s) => s.step.target === 'public').map((s) => s.response?.status)).toEqual([307, 307, 307, 307, 307]);
    expect(seen.every((r) => r.url === '/redirect/x.png')).toBe(true);
    expect(trapHits).toBe(0);
  });

  it.each([
    ['a URL of its own', { url: 'http://127.0.0.1:1/stolen' }],
    ['a public URL of its own', { publicUrl: 'http://127.0.0.1:1/{key}' }],
    ['a Host header', { headers: { Host: 'evil.example' } }],
    ['a key that climbs out of the bucket', { key: '../logos/x' }],
    ['a key that is a dot segment', { key: 'a/./b' }],
    ['a key with a line break', { key: 'a\r\nHost: evil.example' }],
    ['an origin with a line break', { originA: 'https://a.example\r\nX-Injected: 1' }],
    ['an origin with a path', { originB: 'https://app-b.example.com/x' }],
  ])('refuses %s with 400, sending nothing', async (_name, change) => {
    const res = await api.call('POST', '/api/profiles/cdn/buckets/media/cache-check', { key: 'k.txt', originA: A, originB: B, ...change });
    expect(res.status).toBe(400);
    expect(res.json['error']).toMatchObject({ code: 'bad-request' });
    expect(seen).toEqual([]);
    expect(trapHits).toBe(0);
  });

  it.each(['evil.example%2F', '127.0.0.1%3A80%40evil.example', 'a%2Fb'])('refuses the bucket name %s with 400', async (bucket) => {
    const res = await api.call('POST', `/api/profiles/cdn/buckets/${bucket}/cache-check`, { key: 'k', originA: A, originB: B });
    expect(res.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('answers no-public-url, naming the profile, the bucket and the setting, for a profile without one', async () => {
    const res = await api.call('POST', '/api/profiles/bare/buckets/media/cache-check', { key: 'k', originA: A, originB: B });
    expect(res.status).toBe(409);
    expect(res.json['error']).toMatchObject({ code: 'no-public-url', params: { profile: 'bare', bucket: 'media' } });
    expect((res.json['error'] as { message: string }).message).toMatch(/bare.*media.*publicUrl/s);
    expect(seen).toEqual([]);
  });
});

describe('a probe of the public URL', () => {
  it('goes to the pattern’s URL for the key', async () => {
    const res = await api.call('POST', '/api/profiles/cdn/buckets/media/probe', { key: 'a b/c?d.txt', origin: A, method: 'GET', target: 'public' });
    expect(res.status).toBe(200);
    const probe = res.json as unknown as ProbeResult;
    expect(probe.objectUrl).toBe(`${cdnUrl}/media/a%20b/c%3Fd.txt`);
    expect(probe.target).toBe('public');
    expect(seen.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /media/a%20b/c%3Fd.txt', 'OPTIONS /media/a%20b/c%3Fd.txt']);
  });

  it('is refused signed, and without a public URL', async () => {
    const signed = await api.call('POST', '/api/profiles/cdn/buckets/media/probe', { key: 'k', origin: A, method: 'GET', target: 'public', signed: true });
    expect(signed.status).toBe(400);
    expect(signed.json['error']).toMatchObject({ code: 'bad-request', params: { reason: 'signed-public' } });
    const bare = await api.call('POST', '/api/profiles/bare/buckets/media/probe', { key: 'k', origin: A, method: 'GET', target: 'public' });
    expect(bare.status).toBe(409);
    expect(bare.json['error']).toMatchObject({ code: 'no-public-url' });
    expect(seen).toEqual([]);
  });

  it('goes to the endpoint when no target is named, as before', async () => {
    const probe = (await api.call('POST', '/api/profiles/cdn/buckets/media/probe', { key: 'k', origin: A, method: 'GET' })).json as unknown as ProbeResult;
    expect(new URL(probe.objectUrl).origin).toBe(s3.endpoint);
    expect(seen).toEqual([]);
  });
});

describe('the profile summary', () => {
  it('shows the public URL patterns, which are not credentials', async () => {
    const { profiles } = (await api.call('GET', '/api/profiles')).json as unknown as { profiles: ProfileSummary[] };
    expect(profiles.find((p) => p.id === 'cdn')).toMatchObject({ publicUrl: `${cdnUrl}/{bucket}/{key}`, publicUrls: { logos: `${cdnUrl}/redirect/{key}` } });
    expect(profiles.find((p) => p.id === 'bare')).not.toHaveProperty('publicUrl');
  });
});

describe('isPublicTarget', () => {
  const profile = { publicUrl: 'https://cdn.example.com/{bucket}/{key}', publicUrls: { logos: 'https://{bucket}.img.example.com/{key}' } };
  it.each([
    ['https://cdn.example.com/media/a%20b.png', 'media', 'a b.png', true],
    ['https://logos.img.example.com/x.png', 'logos', 'x.png', true],
    ['https://cdn.example.com/media/a%20b.png', 'media', 'other.png', false],
    ['https://cdn.example.com/logos/x.png', 'logos', 'x.png', false],
    ['https://cdn.example.com.evil.example/media/k', 'media', 'k', false],
    ['https://user:pw@cdn.example.com/media/k', 'media', 'k', false],
    ['https://cdn.example.com/media/k?x=1', 'media', 'k', false],
    ['http://cdn.example.com/media/k', 'media', 'k', false],
  ])('%s for %s/%s → %s', (url, bucket, key, allowed) => {
    expect(isPublicTarget(new URL(url), profile, bucket, key)).toBe(allowed);
  });

  it('allows nothing for a profile without a public URL', () => {
    expect(isPublicTarget(new URL('https://cdn.example.com/media/k'), {}, 'media', 'k')).toBe(false);
  });
});
