// What only the OSS adapter does (the exact requests ali-oss sends, its URLs and signatures), against a
// loopback double: the real service is not reachable from here. The shared behaviour is in
// storage-adapter.contract.test.ts.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCorsDocument, serializeCorsDocument } from '../../../src/core';
import type { CorsConfig } from '../../../src/core';
import type { StorageAdapter } from '../../../src/server/storage/adapter';
import { createOssAdapter } from '../../../src/server/storage/oss-adapter';
import type { OssAdapterOptions } from '../../../src/server/storage/oss-adapter';
import { onlyRequest, useProviderDouble, xmlReply } from '../../support/provider-double';

const KEY_ID = 'LTAI5tTestKeyId0001';
const SECRET = 'TestSecretThatMustNeverBeShown';
const BUCKET = 'examplebucket';
/** With an IP endpoint, ali-oss still addresses the bucket by its regional name in `Host`. */
const BUCKET_HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
const REQUEST_ID = '5C3D9175B6FC201293AD4890';

/** Calls go to a loopback double; a busy machine still gets far more than vitest's 5 s default. */
const CALL_MS = 15_000;

const double = useProviderDouble();

const credentials = { region: 'cn-hangzhou', accessKeyId: KEY_ID, accessKeySecret: SECRET };
const adapter = (extra: Partial<OssAdapterOptions> = {}): StorageAdapter => createOssAdapter({ ...credentials, endpoint: double.current.origin, timeoutMs: 5000, ...extra });

const xml = (status: number, body: string) => xmlReply(status, body, { 'x-oss-request-id': REQUEST_ID });

/** OSS signature v1 header: `OSS <AccessKeyId>:<base64 HMAC-SHA1>`. */
const OSS_V1_AUTHORIZATION = new RegExp(`^OSS ${KEY_ID}:[A-Za-z0-9+/]{27}=$`);

const md5Base64 = (body: string) => createHash('md5').update(Buffer.from(body, 'utf8')).digest('base64');
const hmacSha1Base64 = (text: string) => createHmac('sha1', SECRET).update(text, 'utf8').digest('base64');

describe('OSS listBuckets', { timeout: CALL_MS }, () => {
  const page = (names: string[], next?: string) =>
    xml(
      200,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ListAllMyBucketsResult>',
        '  <Owner><ID>51264</ID><DisplayName>51264</DisplayName></Owner>',
        ...(next ? ['  <IsTruncated>true</IsTruncated>', `  <NextMarker>${next}</NextMarker>`] : []),
        '  <Buckets>',
        ...names.map(
          (name) =>
            `    <Bucket><CreationDate>2014-02-17T18:12:43.000Z</CreationDate><ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint><Location>oss-cn-hangzhou</Location><Name>${name}</Name><StorageClass>Standard</StorageClass></Bucket>`,
        ),
        '  </Buckets>',
        '</ListAllMyBucketsResult>',
      ].join('\n'),
    );

  it('follows NextMarker until IsTruncated is false and returns every bucket with its creation date', async () => {
    double.current.reply((request) => (request.url.includes('marker=') ? page(['gamma']) : page(['alpha', 'beta'], 'beta')));

    const result = await adapter().listBuckets();

    expect(result).toEqual({
      ok: true,
      value: ['alpha', 'beta', 'gamma'].map((name) => ({ name, createdAt: '2014-02-17T18:12:43.000Z' })),
    });
    expect(double.current.requests.map((request) => [request.method, request.url])).toEqual([
      ['GET', '/?max-keys=1000'],
      ['GET', '/?marker=beta&max-keys=1000'],
    ]);
    for (const request of double.current.requests) expect(request.headers.authorization).toMatch(OSS_V1_AUTHORIZATION);
  });

  it('answers an empty list for an account with no buckets', async () => {
    double.current.reply(() => xml(200, '<ListAllMyBucketsResult><Owner><ID>1</ID><DisplayName>1</DisplayName></Owner><Buckets/></ListAllMyBucketsResult>'));

    expect(await adapter().listBuckets()).toEqual({ ok: true, value: [] });
  });
});

describe('OSS getCors', { timeout: CALL_MS }, () => {
  const stored = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CORSConfiguration>',
    '  <CORSRule>',
    '    <AllowedOrigin>https://app.example.com</AllowedOrigin>',
    '    <AllowedMethod>PUT</AllowedMethod>',
    '    <AllowedMethod>GET</AllowedMethod>',
    '    <AllowedHeader>*</AllowedHeader>',
    '    <ExposeHeader>ETag</ExposeHeader>',
    '    <ExposeHeader>x-oss-request-id</ExposeHeader>',
    '    <MaxAgeSeconds>600</MaxAgeSeconds>',
    '  </CORSRule>',
    '  <ResponseVary>true</ResponseVary>',
    '</CORSConfiguration>',
  ].join('\n');

  it('sends a signed GET /?cors addressed to the bucket and keeps the raw XML that getBucketCORS would drop ResponseVary from', async () => {
    double.current.reply(() => xml(200, stored));

    const result = await adapter().getCors(BUCKET);

    const request = onlyRequest(double.current);
    expect(request.method).toBe('GET');
    // ali-oss writes the sub-resource as `cors=`; OSS reads it as ?cors, and the signature covers `/examplebucket/?cors`.
    expect(request.url).toBe('/?cors=');
    expect(request.headers.host).toBe(BUCKET_HOST);
    expect(request.headers.authorization).toMatch(OSS_V1_AUTHORIZATION);
    expect(request.headers['x-oss-date']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(result).toEqual({
      ok: true,
      value: {
        raw: stored,
        config: {
          responseVary: true,
          rules: [
            {
              allowedOrigins: ['https://app.example.com'],
              allowedMethods: ['PUT', 'GET'],
              allowedHeaders: ['*'],
              exposeHeaders: ['ETag', 'x-oss-request-id'],
              maxAgeSeconds: 600,
            },
          ],
        },
      },
    });
  });

  it('reports a stored document the core cannot read as a provider error, naming the problem', async () => {
    double.current.reply(() => xml(200, '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod></CORSRule></CORSConfiguration>'));

    const result = await adapter().getCors(BUCKET);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'provider-error',
        params: expect.objectContaining({ reason: 'unreadable-cors-document', call: { call: 'read-cors', bucket: BUCKET }, first: expect.objectContaining({ code: 'method.unsupported', params: { value: 'PATCH' } }) }),
      },
    });
  });
});

describe('OSS putCors', { timeout: CALL_MS }, () => {
  const config: CorsConfig = {
    responseVary: true,
    rules: [
      {
        allowedOrigins: ['https://app.example.com', 'https://a.example.com/?x=1&y=<2>'],
        allowedMethods: ['PUT', 'POST'],
        allowedHeaders: ['content-type', 'x-"quoted"', 'x-ünïcode'],
        exposeHeaders: ['ETag', "x-'single'"],
        maxAgeSeconds: 3000,
      },
      { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
    ],
  };

  it('sends PUT /?cors with the escaped OSS XML including <ResponseVary>true</ResponseVary>, and a Content-MD5 of that body', async () => {
    double.current.reply(() => ({ status: 200, headers: { 'x-oss-request-id': REQUEST_ID } }));

    const result = await adapter().putCors(BUCKET, config);

    expect(result).toEqual({ ok: true, value: undefined });
    const request = onlyRequest(double.current);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/?cors=');
    expect(request.headers.host).toBe(BUCKET_HOST);
    expect(request.body).toBe(serializeCorsDocument(config, 'oss-xml'));
    expect(request.body).toContain('<ResponseVary>true</ResponseVary>');
    expect(request.body).toContain('<AllowedOrigin>https://a.example.com/?x=1&amp;y=&lt;2&gt;</AllowedOrigin>');
    expect(request.body).toContain('<AllowedHeader>x-&quot;quoted&quot;</AllowedHeader>');
    expect(parseCorsDocument(request.body, 'oss-xml')).toEqual({ ok: true, config, issues: [] });
    expect(request.headers['content-type']).toBe('application/xml');
    expect(request.headers['content-md5']).toBe(md5Base64(request.body));
    // Bytes, not characters: the body holds non-ASCII text.
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(request.body)));
    expect(request.headers.authorization).toMatch(OSS_V1_AUTHORIZATION);
  });

  it('signs the Content-MD5 and Content-Type it actually sends (OSS signature v1 string to sign)', async () => {
    double.current.reply(() => ({ status: 200 }));

    await adapter().putCors(BUCKET, config);

    const { headers } = onlyRequest(double.current);
    // ali-oss sends no Date header: x-oss-date takes the Date line and is also a canonical x-oss- header.
    const date = String(headers['x-oss-date']);
    const stringToSign = ['PUT', headers['content-md5'], headers['content-type'], date, `x-oss-date:${date}`, `/${BUCKET}/?cors`].join('\n');
    expect(headers.authorization).toBe(`OSS ${KEY_ID}:${hmacSha1Base64(stringToSign)}`);
  });

  it('states <ResponseVary>false</ResponseVary> when the configuration leaves it unset, so a replace also resets it', async () => {
    double.current.reply(() => ({ status: 200 }));

    await adapter().putCors(BUCKET, { rules: config.rules });

    expect(onlyRequest(double.current).body).toContain('<ResponseVary>false</ResponseVary>');
  });
});

describe('OSS deleteCors', { timeout: CALL_MS }, () => {
  it('sends a signed DELETE /?cors and succeeds on 204 No Content', async () => {
    double.current.reply(() => ({ status: 204, headers: { 'x-oss-request-id': REQUEST_ID } }));

    const result = await adapter().deleteCors(BUCKET);

    expect(result).toEqual({ ok: true, value: undefined });
    const request = onlyRequest(double.current);
    expect([request.method, request.url, request.headers.host]).toEqual(['DELETE', '/?cors=', BUCKET_HOST]);
    expect(request.headers.authorization).toMatch(OSS_V1_AUTHORIZATION);
  });
});

describe('OSS bucket names', { timeout: CALL_MS }, () => {
  it('refuses a name OSS cannot have without sending anything', async () => {
    double.current.reply(() => ({ status: 200 }));

    const result = await adapter().getCors('Not_A_Bucket!');

    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'provider-error', providerCode: 'InvalidBucketName' }) });
    expect(double.current.requests).toEqual([]);
  });
});

describe('OSS URLs', { timeout: CALL_MS }, () => {
  const publicEndpoint = createOssAdapter({ ...credentials, endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' });

  it.each([
    { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', why: 'the endpoint host' },
    { endpoint: undefined, why: 'the region' },
    { endpoint: '127.0.0.1:9000', why: 'the region, since browsers never go to the IP the server connects to' },
  ])('names the object virtual-hosted on $why', ({ endpoint }) => {
    const oss = createOssAdapter({ ...credentials, ...(endpoint ? { endpoint } : {}) });

    const url = oss.objectUrl(BUCKET, 'photos/a b.jpg');

    expect(url.ok && url.value.href).toBe(`https://${BUCKET_HOST}/photos/a%20b.jpg`);
  });

  it('presigns a GET with OSSAccessKeyId, Expires and Signature on the object URL', async () => {
    const before = Math.floor(Date.now() / 1000);

    const result = await publicEndpoint.presign(BUCKET, 'photos/cat.jpg', { method: 'GET', expiresSeconds: 600 });

    expect(result.ok).toBe(true);
    const url = new URL(result.ok ? result.value : '');
    expect(`${url.origin}${url.pathname}`).toBe(`https://${BUCKET_HOST}/photos/cat.jpg`);
    expect(url.searchParams.get('OSSAccessKeyId')).toBe(KEY_ID);
    expect(Number(url.searchParams.get('Expires'))).toBeGreaterThanOrEqual(before + 600);
    const expires = url.searchParams.get('Expires');
    expect(url.searchParams.get('Signature')).toBe(hmacSha1Base64(`GET\n\n\n${expires}\n/${BUCKET}/photos/cat.jpg`));
  });

  it('presigns a PUT whose signature covers the Content-Type the upload must carry', async () => {
    const result = await publicEndpoint.presign(BUCKET, 'uploads/report.pdf', { method: 'PUT', expiresSeconds: 60, contentType: 'application/pdf' });

    const url = new URL(result.ok ? result.value : '');
    expect(`${url.origin}${url.pathname}`).toBe(`https://${BUCKET_HOST}/uploads/report.pdf`);
    const expires = url.searchParams.get('Expires');
    expect(url.searchParams.get('Signature')).toBe(hmacSha1Base64(`PUT\n\napplication/pdf\n${expires}\n/${BUCKET}/uploads/report.pdf`));
  });

  it('presigns a POST form: a base64 policy limited to the bucket and key, OSSAccessKeyId, and the policy signature', async () => {
    const result = await publicEndpoint.presignPost(BUCKET, 'uploads/form.txt', 300);

    expect(result.ok).toBe(true);
    const { url, fields } = result.ok ? result.value : { url: '', fields: {} };
    expect(url).toBe(`https://${BUCKET_HOST}/`);
    expect(Object.keys(fields).sort()).toEqual(['OSSAccessKeyId', 'Signature', 'key', 'policy']);
    expect(fields['key']).toBe('uploads/form.txt');
    expect(fields['OSSAccessKeyId']).toBe(KEY_ID);
    expect(fields['Signature']).toBe(hmacSha1Base64(fields['policy']!));
    const policy: unknown = JSON.parse(Buffer.from(fields['policy']!, 'base64').toString('utf8'));
    expect(policy).toEqual({ expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), conditions: [{ bucket: BUCKET }, ['eq', '$key', 'uploads/form.txt']] });
  });
});
