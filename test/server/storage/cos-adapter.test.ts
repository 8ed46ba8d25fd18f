// What only the COS adapter does (the exact requests its SDK sends, its URLs and signatures, its
// retries), against a loopback double: the real service is not reachable from here. The shared
// behaviour is in storage-adapter.contract.test.ts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCorsDocument } from '../../../src/core';
import type { CorsConfig } from '../../../src/core';
import type { StorageAdapter } from '../../../src/server/storage/adapter';
import { createCosAdapter } from '../../../src/server/storage/cos-adapter';
import type { CosAdapterOptions } from '../../../src/server/storage/cos-adapter';
import { errorXml, onlyRequest, useProviderDouble, xmlReply } from '../../support/provider-double';

const SECRET_ID = 'AKIDtestSecretId0000000000000001';
const SECRET_KEY = 'TestSecretKeyThatMustNeverBeShown';
const BUCKET = 'examplebucket-1250000000';
/** With an IP endpoint (the SDK's `Ip` option) the request still names the bucket's regional host. */
const BUCKET_HOST = 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com';
const REQUEST_ID = 'NWQ0MmQ4ZjlfMjZiODJhMDlfNmI4Nl8xMjM0';

/** Calls go to a loopback double; a busy machine still gets far more than vitest's 5 s default. */
const CALL_MS = 15_000;

const double = useProviderDouble();

const credentials = { region: 'ap-guangzhou', secretId: SECRET_ID, secretKey: SECRET_KEY };
const adapter = (extra: Partial<CosAdapterOptions> = {}): StorageAdapter => createCosAdapter({ ...credentials, endpoint: double.current.origin, timeoutMs: 5000, ...extra });

const xml = (status: number, body: string) => xmlReply(status, body, { 'x-cos-request-id': REQUEST_ID });

/** The COS error document (COS API "Error codes"). */
const cosError = (code: string, message: string) =>
  errorXml(code, message, {
    Resource: `${BUCKET_HOST}/`,
    RequestId: REQUEST_ID,
    TraceId: 'OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTQyYWVlY2QwZTk2MDVmZDQ3MmI2Y2I4ZmI5ZmM4ODFj',
  });

/** COS XML API signature (`q-sign-algorithm=sha1&q-ak=...`), as sent in Authorization or a URL query. */
const cosSignature = (headerList: string, paramList: string) =>
  new RegExp(
    `^q-sign-algorithm=sha1&q-ak=${SECRET_ID}&q-sign-time=(\\d+);(\\d+)&q-key-time=\\1;\\2&q-header-list=${headerList}&q-url-param-list=${paramList}&q-signature=[0-9a-f]{40}$`,
  );

const md5Base64 = (body: string) => createHash('md5').update(Buffer.from(body, 'utf8')).digest('base64');

describe('COS listBuckets', { timeout: CALL_MS }, () => {
  const service = (names: string[]) =>
    xml(
      200,
      [
        '<ListAllMyBucketsResult>',
        '  <Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>',
        '  <Buckets>',
        ...names.map((name) => `    <Bucket><Name>${name}</Name><Location>ap-guangzhou</Location><CreationDate>2019-05-24T11:49:50Z</CreationDate></Bucket>`),
        '  </Buckets>',
        '</ListAllMyBucketsResult>',
      ].join('\n'),
    );

  it('sends a signed GET / to the service host and returns each bucket with its creation date', async () => {
    double.current.reply(() => service(['examplebucket-1250000000', 'logs-1250000000']));

    const result = await adapter().listBuckets();

    expect(result).toEqual({
      ok: true,
      value: [
        { name: 'examplebucket-1250000000', createdAt: '2019-05-24T11:49:50Z' },
        { name: 'logs-1250000000', createdAt: '2019-05-24T11:49:50Z' },
      ],
    });
    const request = onlyRequest(double.current);
    expect([request.method, request.url, request.headers.host]).toEqual(['GET', '/?max-keys=2000', 'service.cos.myqcloud.com']);
    expect(request.headers.authorization).toMatch(cosSignature('host', 'max-keys'));
  });

  it('asks for the next page after the last name when a page comes back full', async () => {
    const full = Array.from({ length: 2000 }, (_, index) => `bucket${String(index).padStart(4, '0')}-1250000000`);
    double.current.reply((request) => (request.url.includes('marker=') ? service(['zzz-1250000000']) : service(full)));

    const result = await adapter().listBuckets();

    expect(result.ok && result.value.length).toBe(2001);
    expect(double.current.requests.map((request) => request.url)).toEqual(['/?max-keys=2000', '/?marker=bucket1999-1250000000&max-keys=2000']);
  });
});

describe('COS getCors', { timeout: CALL_MS }, () => {
  const stored = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CORSConfiguration>',
    '  <CORSRule>',
    '    <ID>uploads</ID>',
    '    <AllowedOrigin>https://app.example.com</AllowedOrigin>',
    '    <AllowedMethod>PUT</AllowedMethod>',
    '    <AllowedMethod>GET</AllowedMethod>',
    '    <AllowedHeader>*</AllowedHeader>',
    '    <ExposeHeader>ETag</ExposeHeader>',
    '    <MaxAgeSeconds>500</MaxAgeSeconds>',
    '  </CORSRule>',
    '  <ResponseVary>true</ResponseVary>',
    '</CORSConfiguration>',
  ].join('\n');

  it('sends a signed GET /?cors to the bucket host and parses the document, ResponseVary and rule ID included, keeping the raw XML', async () => {
    double.current.reply(() => xml(200, stored));

    const result = await adapter().getCors(BUCKET);

    const request = onlyRequest(double.current);
    // The SDK writes the action as `cors=`; it signs it as q-url-param-list=cors.
    expect([request.method, request.url, request.headers.host]).toEqual(['GET', '/?cors=', BUCKET_HOST]);
    expect(request.headers.authorization).toMatch(cosSignature('host', 'cors'));
    expect(result).toEqual({
      ok: true,
      value: {
        raw: stored,
        config: {
          responseVary: true,
          rules: [
            {
              id: 'uploads',
              allowedOrigins: ['https://app.example.com'],
              allowedMethods: ['PUT', 'GET'],
              allowedHeaders: ['*'],
              exposeHeaders: ['ETag'],
              maxAgeSeconds: 500,
            },
          ],
        },
      },
    });
  });

});

describe('COS putCors', { timeout: CALL_MS }, () => {
  const config: CorsConfig = {
    responseVary: true,
    rules: [
      {
        id: 'a&b',
        allowedOrigins: ['https://app.example.com', 'https://a.example.com/?x=1&y=<2>'],
        allowedMethods: ['PUT', 'POST'],
        allowedHeaders: ['content-type', 'x-ünïcode'],
        exposeHeaders: ['ETag'],
        maxAgeSeconds: 0,
      },
      { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
    ],
  };

  it('sends PUT /?cors with the escaped XML the SDK builds, <ResponseVary>true</ResponseVary> and a Content-MD5 of that body', async () => {
    double.current.reply(() => ({ status: 200, headers: { 'x-cos-request-id': REQUEST_ID } }));

    const result = await adapter().putCors(BUCKET, config);

    expect(result).toEqual({ ok: true, value: undefined });
    const request = onlyRequest(double.current);
    expect([request.method, request.url, request.headers.host]).toEqual(['PUT', '/?cors=', BUCKET_HOST]);
    expect(request.body).toBe(
      '<CORSConfiguration>' +
        '<CORSRule><ID>a&amp;b</ID><AllowedOrigin>https://app.example.com</AllowedOrigin><AllowedOrigin>https://a.example.com/?x=1&amp;y=&lt;2&gt;</AllowedOrigin>' +
        '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>content-type</AllowedHeader><AllowedHeader>x-ünïcode</AllowedHeader>' +
        '<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>0</MaxAgeSeconds></CORSRule>' +
        '<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>' +
        '<ResponseVary>true</ResponseVary>' +
        '</CORSConfiguration>',
    );
    expect(parseCorsDocument(request.body, 'cos-xml')).toEqual({ ok: true, config, issues: [] });
    expect(request.headers['content-type']).toBe('application/xml');
    expect(request.headers['content-md5']).toBe(md5Base64(request.body));
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(request.body)));
    expect(request.headers.authorization).toMatch(cosSignature('content-length;content-md5;content-type;host', 'cors'));
  });

  it('states <ResponseVary>false</ResponseVary> when the configuration leaves it unset, so a replace also resets it', async () => {
    double.current.reply(() => ({ status: 200 }));

    await adapter().putCors(BUCKET, { rules: config.rules });

    expect(onlyRequest(double.current).body).toContain('<ResponseVary>false</ResponseVary>');
  });
});

describe('COS deleteCors', { timeout: CALL_MS }, () => {
  it('sends a signed DELETE /?cors to the bucket host and succeeds on 204 No Content', async () => {
    double.current.reply(() => ({ status: 204, headers: { 'x-cos-request-id': REQUEST_ID } }));

    const result = await adapter().deleteCors(BUCKET);

    expect(result).toEqual({ ok: true, value: undefined });
    const request = onlyRequest(double.current);
    expect([request.method, request.url, request.headers.host]).toEqual(['DELETE', '/?cors=', BUCKET_HOST]);
    expect(request.headers.authorization).toMatch(cosSignature('content-length;host', 'cors'));
  });
});

describe('COS errors and bucket names', { timeout: CALL_MS }, () => {
  it('reports an error status without an error document by its status alone', async () => {
    double.current.reply(() => ({ status: 405 }));

    expect(await adapter().deleteCors(BUCKET)).toEqual({
      ok: false,
      error: { code: 'provider-error', providerStatus: 405, params: expect.objectContaining({ reason: 'error-answer', providerStatus: 405, call: { call: 'delete-cors', bucket: BUCKET } }) },
    });
  });

  it('tries a 5xx answer four times in all (the SDK retries) before reporting it as a provider error', async () => {
    double.current.reply(() => xml(503, cosError('ServiceUnavailable', 'Please reduce your request rate.')));

    const result = await adapter().getCors(BUCKET);

    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'provider-error', providerCode: 'ServiceUnavailable', providerStatus: 503 }) });
    expect(double.current.requests).toHaveLength(4);
  });

  it('refuses a bucket name without the APPID suffix without sending anything', async () => {
    double.current.reply(() => ({ status: 200 }));

    const result = await adapter().getCors('examplebucket');

    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'provider-error', providerCode: 'InvalidBucketName', params: expect.objectContaining({ reason: 'invalid-bucket-name', bucket: 'examplebucket', provider: expect.objectContaining({ kind: 'cos' }) }) }),
    });
    expect(double.current.requests).toEqual([]);
  });
});

describe('COS URLs', { timeout: CALL_MS }, () => {
  const cos = createCosAdapter(credentials);

  it.each([
    { endpoint: undefined, expected: `https://${BUCKET_HOST}/photos/a%20b.jpg`, why: 'the regional host' },
    { endpoint: '127.0.0.1:9000', expected: `https://${BUCKET_HOST}/photos/a%20b.jpg`, why: 'the regional host, since browsers never go to the IP the server connects to' },
    { endpoint: 'https://cos.example.com', expected: `https://${BUCKET}.cos.example.com/photos/a%20b.jpg`, why: 'the endpoint host' },
  ])('names the object virtual-hosted on $why', ({ endpoint, expected }) => {
    const withEndpoint = createCosAdapter({ ...credentials, ...(endpoint ? { endpoint } : {}) });

    const url = withEndpoint.objectUrl(BUCKET, 'photos/a b.jpg');

    expect(url.ok && url.value.href).toBe(expected);
  });

  it.each([
    { method: 'GET' as const, contentType: undefined, headerList: 'host' },
    { method: 'PUT' as const, contentType: 'application/pdf', headerList: 'content-type;host' },
  ])('presigns a $method URL on the object with the q-sign-* query, signing $headerList', async ({ method, contentType, headerList }) => {
    const before = Math.floor(Date.now() / 1000);

    const result = await cos.presign(BUCKET, 'uploads/report.pdf', { method, expiresSeconds: 600, ...(contentType ? { contentType } : {}) });

    expect(result.ok).toBe(true);
    const url = new URL(result.ok ? result.value : '');
    expect(`${url.origin}${url.pathname}`).toBe(`https://${BUCKET_HOST}/uploads/report.pdf`);
    expect(url.search.slice(1)).toMatch(cosSignature(headerList, ''));
    const [start, end] = (url.searchParams.get('q-sign-time') ?? '').split(';').map(Number);
    expect(start).toBeGreaterThanOrEqual(before - 1);
    expect(end! - start!).toBe(600);
  });
});
