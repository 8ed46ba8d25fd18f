import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, parseCorsDocument } from '../../../src/core';
import { STORE_KEYS_FILE, type StoreKeys } from '../../../src/server/embedded/store-keys';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { startLocalS3, type LocalS3 } from '../../support/s3rver';
import { sendRaw, signedHttp, type RawResponse, type SignedHttp } from '../../support/signed-http';

// Issue 15, item 1: the embedded store as `npm start` runs it, attacked from outside the console.
// Everything but reading objects and preflights needs the data folder's keys; the same requests
// signed with them succeed; reads and preflights answer exactly as a bare s3rver does.

let dataDir: string;
let running: RunningConsole;
let store: string;
let keys: StoreKeys;
let signed: SignedHttp;
const logs: string[] = [];

const CORS_XML = (origin: string) =>
  `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
const md5 = (text: string) => createHash('md5').update(text).digest('base64');
const DELETE_XML = '<Delete><Object><Key>test.txt</Key></Object></Delete>';
const anonymous = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => sendRaw(`${store}${path}`, method, headers, body);

function formBody(fields: Record<string, string>, file: string, type = 'text/plain'): { body: string; contentType: string } {
  const boundary = '----cors-console-gate-test';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.txt"\r\nContent-Type: ${type}\r\n\r\n${file}\r\n--${boundary}--\r\n`);
  return { body: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}` };
}

const expectAccessDenied = (answer: RawResponse) => {
  expect(answer.status).toBe(403);
  expect(answer.body).toMatch(/<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);
  expect(answer.headers['content-type']).toBe('application/xml');
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-gate-'));
  running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: join(dataDir, 'no-web-build'), log: (line) => logs.push(line) });
  store = running.localS3Endpoint!;
  keys = JSON.parse(await readFile(join(dataDir, STORE_KEYS_FILE), 'utf8')) as StoreKeys;
  signed = signedHttp(store, keys);
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded store\'s keys', () => {
  it('are made for this data folder, readable by its owner only, and are not the well-known S3RVER pair', async () => {
    expect((await stat(join(dataDir, STORE_KEYS_FILE))).mode & 0o777).toBe(0o600);
    expect(keys.accessKeyId).toMatch(/^[A-Z0-9]{20}$/);
    expect(keys.secretAccessKey.length).toBeGreaterThanOrEqual(40);
    const wellKnown = signedHttp(store, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    const answer = await wellKnown.signed('PUT', '/demo-no-cors?cors', { 'content-type': 'application/xml', 'content-md5': md5(CORS_XML('*')) }, CORS_XML('*'));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>InvalidAccessKeyId</Code>');
  });
});

describe('unsigned requests that change or list a bucket', () => {
  it.each([
    ['PUT ?cors', 'PUT', '/demo-direct-upload?cors', CORS_XML('*')],
    ['DELETE ?cors', 'DELETE', '/demo-direct-upload?cors', undefined],
    ['object PUT', 'PUT', '/demo-direct-upload/test.txt', 'overwritten'],
    ['object DELETE', 'DELETE', '/demo-direct-upload/test.txt', undefined],
    ['POST ?delete', 'POST', '/demo-direct-upload?delete', DELETE_XML],
    ['a listing', 'GET', '/demo-direct-upload', undefined],
    ['ListBuckets', 'GET', '/', undefined],
    ['GET ?cors (another sub-resource)', 'GET', '/demo-direct-upload?cors', undefined],
    ['GET ?acl on an object', 'GET', '/demo-direct-upload/test.txt?acl', undefined],
    ['a bucket creation', 'PUT', '/attacker-bucket', undefined],
  ])('are refused with S3\'s AccessDenied: %s', async (_name, method, path, body) => {
    expectAccessDenied(await anonymous(method, path, body ? { 'content-type': 'application/xml', 'content-md5': md5(body) } : {}, body));
  });

  it('an unsigned form upload, and one with a forged signature, are refused', async () => {
    const unsigned = formBody({ key: 'evil.html', 'Content-Type': 'text/html' }, '<script>alert(1)</script>', 'text/html');
    expectAccessDenied(await anonymous('POST', '/demo-direct-upload', { 'content-type': unsigned.contentType }, unsigned.body));
    const policy = Buffer.from(JSON.stringify({ expiration: new Date(Date.now() + 60_000).toISOString(), conditions: [{ bucket: 'demo-direct-upload' }] })).toString('base64');
    const forged = formBody({ key: 'evil.html', Policy: policy, 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Credential': `${keys.accessKeyId}/20260101/us-east-1/s3/aws4_request`, 'X-Amz-Date': '20260101T000000Z', 'X-Amz-Signature': '0'.repeat(64) }, 'x');
    const answer = await anonymous('POST', '/demo-direct-upload', { 'content-type': forged.contentType }, forged.body);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('left every bucket as it was', async () => {
    expect((await anonymous('GET', '/demo-direct-upload/test.txt')).body).toContain('Hello from cors-console');
    expect((await anonymous('GET', '/demo-direct-upload/evil.html')).status).toBe(404);
    const rules = await signed.signed('GET', '/demo-direct-upload?cors');
    expect(rules.status).toBe(200);
    expect(rules.body).toContain('<ID>app</ID>');
    expect((await signed.signed('GET', '/attacker-bucket')).status).toBe(404);
  });

  it('carry the CORS headers the bucket\'s rules give the request, as the core predicts, so a page can read the 403', async () => {
    const request = { origin: 'https://app.example.com' };
    const answer = await anonymous('PUT', '/demo-direct-upload/test.txt', { ...request, 'content-type': 'text/plain' }, 'overwritten');
    expectAccessDenied(answer);
    const parsed = parseCorsDocument((await signed.signed('GET', '/demo-direct-upload?cors')).body, 's3-xml');
    if (!parsed.ok) throw new Error('the demo bucket\'s rules do not parse');
    const expected = evaluate(parsed.config, { method: 'PUT', headers: request }, 's3rver').headers;
    expect(expected['access-control-allow-origin']).toBe('https://app.example.com');
    const cors = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
    expect(cors).toEqual(expected);
  });

  it('are logged, one line each', () => {
    expect(logs.filter((line) => line.startsWith('embedded store gate: AccessDenied for an unsigned')).length).toBeGreaterThanOrEqual(10);
  });
});

describe('the same requests signed with the data folder\'s keys', () => {
  it('succeed: PUT ?cors, DELETE ?cors, object PUT and DELETE, POST ?delete, a listing', async () => {
    await signed.signed('PUT', '/demo-shadowed-etag/signed.txt', { 'content-type': 'text/plain' }, 'signed body');
    expect((await anonymous('GET', '/demo-shadowed-etag/signed.txt')).body).toBe('signed body');
    expect((await signed.signed('GET', '/demo-shadowed-etag')).body).toContain('<Key>signed.txt</Key>');
    const del = '<Delete><Object><Key>signed.txt</Key></Object></Delete>';
    expect((await signed.signed('POST', '/demo-shadowed-etag?delete', { 'content-type': 'application/xml', 'content-md5': md5(del) }, del)).status).toBe(200);
    expect((await anonymous('GET', '/demo-shadowed-etag/signed.txt')).status).toBe(404);
    await signed.signed('PUT', '/demo-shadowed-etag/gone.txt', { 'content-type': 'text/plain' }, 'x');
    expect((await signed.signed('DELETE', '/demo-shadowed-etag/gone.txt')).status).toBe(204);
    expect((await signed.signed('PUT', '/demo-no-cors?cors', { 'content-type': 'application/xml', 'content-md5': md5(CORS_XML('https://a.example')) }, CORS_XML('https://a.example'))).status).toBe(200);
    expect((await signed.signed('GET', '/demo-no-cors?cors')).body).toContain('https://a.example');
    // s3rver 3.7.1 answers DeleteBucketCors with 200 (S3 documents 204); the gate passes it on.
    expect((await signed.signed('DELETE', '/demo-no-cors?cors')).status).toBe(200);
    expect((await signed.signed('GET', '/demo-no-cors?cors')).status).toBe(404);
  });

  it('succeed presigned (the test pane\'s writing tests), and a presigned URL is refused once expired or when pointed elsewhere', async () => {
    const put = await signed.presign('PUT', '/demo-shadowed-etag/presigned.txt');
    expect((await sendRaw(put, 'PUT', { 'content-type': 'text/plain' }, 'presigned body')).status).toBe(200);
    expect((await anonymous('GET', '/demo-shadowed-etag/presigned.txt')).body).toBe('presigned body');
    const elsewhere = put.replace('/presigned.txt', '/other.txt');
    expect((await sendRaw(elsewhere, 'PUT', {}, 'x')).body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const expiring = await signed.presign('DELETE', '/demo-shadowed-etag/presigned.txt', 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await sendRaw(expiring, 'DELETE');
    expect(expired.status).toBe(403);
    expect(expired.body).toContain('<Message>Request has expired</Message>');
    expect((await anonymous('GET', '/demo-shadowed-etag/presigned.txt')).status).toBe(200);
  });

  it('succeed as a form upload with a signed policy, and only within its conditions', async () => {
    const client = new S3Client({ endpoint: store, region: 'us-east-1', forcePathStyle: true, credentials: keys });
    const post = await createPresignedPost(client, { Bucket: 'demo-shadowed-etag', Key: 'form.txt', Expires: 60 });
    client.destroy();
    const good = formBody(post.fields, 'form body');
    const answer = await sendRaw(post.url, 'POST', { 'content-type': good.contentType }, good.body);
    expect(answer.status).toBe(204);
    expect((await anonymous('GET', '/demo-shadowed-etag/form.txt')).body).toBe('form body');
    const otherKey = formBody({ ...post.fields, key: 'elsewhere.txt' }, 'x');
    const refused = await sendRaw(post.url, 'POST', { 'content-type': otherKey.contentType }, otherKey.body);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Invalid according to Policy: key must be');
  });

  it('are refused with a wrong secret (SignatureDoesNotMatch)', async () => {
    const wrong = signedHttp(store, { accessKeyId: keys.accessKeyId, secretAccessKey: `${keys.secretAccessKey}x` });
    const answer = await wrong.signed('DELETE', '/demo-direct-upload?cors');
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('what anyone may do, as before the gate', () => {
  let bare: LocalS3;
  const BUCKET = 'gate-differential';
  const ORIGIN = 'https://reader.example';
  beforeAll(async () => {
    bare = await startLocalS3();
    await bare.createBucket(BUCKET);
    await bare.putObject(BUCKET, 'read.txt', 'same body');
    await bare.putCors(BUCKET, CORS_XML(ORIGIN));
    await signed.signed('PUT', `/${BUCKET}`);
    await signed.signed('PUT', `/${BUCKET}/read.txt`, { 'content-type': 'text/plain' }, 'same body');
    await signed.signed('PUT', `/${BUCKET}?cors`, { 'content-type': 'application/xml', 'content-md5': md5(CORS_XML(ORIGIN)) }, CORS_XML(ORIGIN));
  });
  afterAll(() => bare?.stop());

  it.each([
    ['GET without Origin', 'GET', '/read.txt', {}],
    ['GET from a listed origin', 'GET', '/read.txt', { origin: ORIGIN }],
    ['GET from another origin', 'GET', '/read.txt', { origin: 'https://other.example' }],
    ['HEAD from a listed origin', 'HEAD', '/read.txt', { origin: ORIGIN }],
    ['GET of a missing key', 'GET', '/missing.txt', { origin: ORIGIN }],
    ['a preflight for PUT with headers', 'OPTIONS', '/read.txt', { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-amz-meta-a' }],
    ['a refused preflight', 'OPTIONS', '/read.txt', { origin: ORIGIN, 'access-control-request-method': 'DELETE' }],
    ['a preflight without Origin', 'OPTIONS', '/read.txt', { 'access-control-request-method': 'GET' }],
  ])('%s: the same status, CORS headers and body as a bare s3rver', async (_name, method, key, headers) => {
    const [through, direct] = await Promise.all([anonymous(method, `/${BUCKET}${key}`, headers), bare.request(method, `/${BUCKET}${key}`, headers)]);
    const corsOf = (answer: RawResponse) => Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
    expect(through.status).toBe(direct.status);
    expect(corsOf(through)).toEqual(corsOf(direct));
    expect(through.body.replace(/<RequestId>.*<\/RequestId>/, '')).toBe(direct.body.replace(/<RequestId>.*<\/RequestId>/, ''));
  });
});

describe('no HTML runs on the storage origin', () => {
  it('every object answer carries CSP sandbox and nosniff', async () => {
    const answer = await anonymous('GET', '/demo-direct-upload/test.txt');
    expect(answer.headers['content-security-policy']).toBe('sandbox');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('HTML uploaded through the gate is served as an attachment, unless the uploader chose otherwise', async () => {
    await signed.signed('PUT', '/demo-shadowed-etag/page.html', { 'content-type': 'text/html' }, '<script>fetch("/")</script>');
    const page = await anonymous('GET', '/demo-shadowed-etag/page.html');
    expect(page.headers['content-disposition']).toBe('attachment');
    expect(page.headers['content-security-policy']).toBe('sandbox');
    await signed.signed('PUT', '/demo-shadowed-etag/chosen.html', { 'content-type': 'text/html', 'content-disposition': 'inline' }, '<p>shown</p>');
    const chosen = await anonymous('GET', '/demo-shadowed-etag/chosen.html');
    expect(chosen.headers['content-disposition']).toBe('inline');
    // Shown, but still in a sandbox: an opaque origin with no script.
    expect(chosen.headers['content-security-policy']).toBe('sandbox');
  });
});
