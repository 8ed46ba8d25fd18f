import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { createProfileRegistry } from '../../../src/server/profiles/registry';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { s3rverProfile } from '../../support/console-app';
import { httpCall, type HttpAnswer } from '../../support/http';
import { errorXml, startProviderDouble } from '../../support/provider-double';
import { startLocalS3, type LocalS3 } from '../../support/s3rver';

// The console configured with known fake secrets (credentials in environment variables, the
// access token), driven through every API call and its error paths over HTTP. No secret may
// appear in any answer, any header, or any log line.
// Paths, headers and bodies are written by hand on purpose, not through the typed client: an
// attacker sends raw requests, and these tests must send what the client would never build.

const SECRETS = {
  CEPH_ACCESS_KEY: 'AKIAFAKEKEYID7Q2W3E4R',
  CEPH_SECRET_KEY: 'ceph-secret-9f8e7d6c5b4a3928171615141312',
  OSS_ACCESS_KEY_ID: 'LTAIfakeOssKeyId0042',
  OSS_ACCESS_KEY_SECRET: 'oss-secret-0a1b2c3d4e5f6a7b8c9d0e1f',
  COS_SECRET_ID: 'AKIDfakeCosSecretId77',
  COS_SECRET_KEY: 'cos-secret-f0e1d2c3b4a5968778695a4b',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEDEFAULTCHAIN1',
  AWS_SECRET_ACCESS_KEY: 'aws-secret-1234567890abcdefghijklmnopqrst',
};
const TOKEN = 'token-secret-never-echo-5566778899';
/** Values that must never leave the server; access key IDs are identifiers (a presigned URL carries one by design). */
const MUST_NOT_LEAK = [SECRETS.CEPH_SECRET_KEY, SECRETS.OSS_ACCESS_KEY_SECRET, SECRETS.COS_SECRET_KEY, SECRETS.AWS_SECRET_ACCESS_KEY, TOKEN];

let dir: string;
let s3: LocalS3;
let running: RunningConsole;
const logs: string[] = [];
const answers: HttpAnswer[] = [];

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const answer = await httpCall(`${running.url}${path}`, method, { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  answers.push(answer);
  return answer;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-console-secrets-'));
  s3 = await startLocalS3();
  await s3.createBucket('secret-bucket');
  const profiles = {
    profiles: [
      // s3rver knows only its own key pair, so every call with these keys fails: the error paths.
      { id: 'ceph', kind: 's3', endpoint: s3.endpoint, addressing: 'path', dialect: 'rgw', credentials: { env: { accessKeyId: 'CEPH_ACCESS_KEY', secretAccessKey: 'CEPH_SECRET_KEY' } } },
      // The SDK default chain, from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
      { id: 'default-chain', kind: 's3', endpoint: s3.endpoint, addressing: 'path' },
      // Nothing listens there: the unreachable paths of the OSS and COS SDKs.
      { id: 'oss', kind: 'oss', region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:1' },
      { id: 'cos', kind: 'cos', region: 'ap-guangzhou', endpoint: 'http://127.0.0.1:1' },
    ],
  };
  await writeFile(join(dir, 'profiles.json'), JSON.stringify(profiles));
  running = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: join(dir, 'profiles.json'), CORS_CONSOLE_TOKEN: TOKEN },
    processEnv: { ...SECRETS },
    dataDir: dir,
    webDir: join(dir, 'no-web'),
    log: (line) => logs.push(line),
  });
});
afterAll(async () => {
  await running?.stop();
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('no secret leaves the server', () => {
  it('through any answer, header or log line, on success and error paths alike', async () => {
    const config = { rules: [{ allowedOrigins: ['https://a.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };
    await call('POST', '/api/session', { token: TOKEN });
    await call('POST', '/api/session', { token: `${TOKEN}-wrong` });
    await call('GET', '/api/session');
    await call('GET', '/api/profiles');
    await call('GET', '/api/profiles', undefined, { authorization: 'Bearer wrong' });
    for (const profile of ['ceph', 'default-chain', 'oss', 'cos']) {
      const bucket = profile === 'cos' ? 'secret-bucket-1250000000' : 'secret-bucket';
      const base = `/api/profiles/${profile}/buckets`;
      await call('GET', base);
      const loaded = await call('GET', `${base}/${bucket}/cors`);
      const version = (loaded.json['version'] as string | undefined) ?? 'none';
      await call('PUT', `${base}/${bucket}/cors`, { config }, { 'if-match': `"${version}"` });
      await call('PUT', `${base}/${bucket}/cors`, { config: { rules: [] } }, { 'if-match': '"x"' });
      await call('PUT', `${base}/${bucket}/cors`, '{broken', { 'if-match': '"x"' });
      await call('DELETE', `${base}/${bucket}/cors`, undefined, { 'if-match': `"${version}"` });
      await call('POST', `${base}/${bucket}/probe`, { origin: 'https://a.example', method: 'PUT', headers: { 'content-type': 'text/plain' } });
      for (const method of ['GET', 'PUT', 'POST']) await call('POST', `${base}/${bucket}/presign`, { key: 'k.txt', method, confirmWrite: true });
      await call('POST', `${base}/${bucket}/presign`, { key: '..', method: 'GET' });
      await call('GET', `${base}/no-such-bucket-here/cors`);
    }
    await call('GET', '/api/nothing');

    // The calls did reach the error paths they were meant to.
    const codes = new Set(answers.map((a) => (a.json['error'] as { code?: string } | undefined)?.code).filter(Boolean));
    expect([...codes]).toEqual(expect.arrayContaining(['unauthenticated', 'provider-access-denied', 'provider-unreachable', 'bad-request', 'not-found']));
    expect(answers.some((a) => a.status === 200 && String(a.json['url'] ?? '').includes('X-Amz-Signature'))).toBe(true);

    const texts = [...answers.map((a) => `${a.status} ${JSON.stringify(a.headers)} ${a.text}`), ...logs];
    const leaks = texts.flatMap((text) => MUST_NOT_LEAK.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 12)}… in ${text.slice(0, 160)}`));
    console.info(`secret scan: ${answers.length} answers and ${logs.length} log lines checked for ${MUST_NOT_LEAK.length} secrets: ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
  });
});

describe('scrubbing, for errors nobody foresaw', () => {
  it('removes configured secrets from log lines and error answers', async () => {
    const secret = 'an-sdk-that-echoes-its-secret-0042';
    const profile = s3rverProfile('http://127.0.0.1:1');
    // An adapter bug that throws with the secret in its message, and one that returns it in an error.
    profile.adapter = {
      ...profile.adapter,
      getCors: () => Promise.reject(new Error(`signing failed with key ${secret}`)),
      listBuckets: () =>
        Promise.resolve({ ok: false, error: { code: 'provider-error', params: { reason: 'error-answer', call: { call: 'list-buckets' }, provider: { kind: 's3-api' }, providerMessage: `provider said: bad key ${secret}` } } }),
    };
    const lines: string[] = [];
    const app = createApp({ profiles: createProfileRegistry([profile]), log: (line) => lines.push(line), secrets: [secret] });
    const thrown = await app.request('/api/profiles/local/buckets/b1b/cors');
    const returned = await app.request('/api/profiles/local/buckets');
    expect(thrown.status).toBe(500);
    expect(returned.status).toBe(502);
    expect(lines).toEqual([expect.stringContaining('signing failed with key [redacted]')]);
    expect(await returned.text()).toContain('bad key [redacted]');
    expect(await thrown.text()).not.toContain(secret);
  });
});

describe('issue 15: scrubbing covers 200 answers too', () => {
  // The SDK's default chain finds this secret itself, so the profile's adapter does not know it
  // and cannot scrub it: only the console's scrubbing of every answer can.
  it("removes a secret a provider quotes in one bucket's error from the (200) bucket list", async () => {
    const secret = 'default-chain-secret-echoed-by-the-provider-77';
    const double = await startProviderDouble();
    double.reply((request) => {
      if (request.url === '/' || request.url.startsWith('/?x-id=ListBuckets') || !request.url.includes('cors')) {
        return { status: 200, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o</ID></Owner><Buckets><Bucket><Name>leaky</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>' };
      }
      // A provider (or a proxy in front of it) that quotes the signing key it was given.
      return { status: 400, headers: { 'content-type': 'application/xml' }, body: errorXml('InvalidRequest', `signature computed with secret ${secret} does not match`) };
    });
    const folder = await mkdtemp(join(dir, 'double-'));
    await writeFile(join(folder, 'profiles.json'), JSON.stringify({ profiles: [{ id: 'double', kind: 's3', endpoint: double.origin, addressing: 'path' }] }));
    const chain = { AWS_ACCESS_KEY_ID: 'AKIADEFAULTCHAIN0077', AWS_SECRET_ACCESS_KEY: secret };
    const saved = { AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'], AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] };
    Object.assign(process.env, chain);
    const console = await startConsole({
      env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: join(folder, 'profiles.json') },
      processEnv: chain,
      dataDir: folder,
      webDir: join(folder, 'no-web'),
      log: () => {},
    });
    try {
      const page = await httpCall(`${console.url}/api/profiles/double/buckets`);
      expect(page.status).toBe(200);
      const [bucket] = page.json['buckets'] as { name: string; cors: { status: string; error: { message: string } } }[];
      expect(bucket).toMatchObject({ name: 'leaky', cors: { status: 'error', error: { message: expect.stringContaining('signature computed with secret [redacted] does not match') } } });
      expect(page.text).not.toContain(secret);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, name);
        else process.env[name] = value;
      }
      await console.stop();
      await double.stop();
    }
  }, 30_000);
});
