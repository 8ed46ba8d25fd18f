// What only the S3 adapter does; the shared behaviour is in storage-adapter.contract.test.ts.
import { describe, expect, it } from 'vitest';
import { MAX_CORS_DOCUMENT_BYTES } from '../../../src/server/storage/provider-answers';
import { createS3Adapter } from '../../../src/server/storage/s3-adapter';
import { useProviderDouble } from '../../support/provider-double';

const KEYS = { accessKeyId: 'AKIAS3QUIRKTEST00001', secretAccessKey: 'S3QuirkSecretThatMustNeverBeShown' };
const CALL_MS = 15_000;

const double = useProviderDouble();

describe('S3 object URLs', () => {
  it('names the object virtual-hosted on the regional AWS host when no endpoint is given', () => {
    const aws = createS3Adapter({ region: 'eu-west-1', addressing: 'virtual', credentials: KEYS });

    const url = aws.objectUrl('examplebucket', 'photos/a b.jpg');

    expect(url.ok && url.value.href).toBe('https://examplebucket.s3.eu-west-1.amazonaws.com/photos/a%20b.jpg');
  });

  it.each(['../other-bucket/x', 'a/../../x'])('refuses the key %s, whose dot segments would leave a path-style bucket, as a failed Result', (key) => {
    const local = createS3Adapter({ endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', addressing: 'path', credentials: KEYS });

    expect(local.objectUrl('examplebucket', key)).toEqual({
      ok: false,
      error: { code: 'provider-error', params: { reason: 'key-outside-bucket', call: { call: 'build-url', bucket: 'examplebucket', key }, provider: { kind: 's3-api' } } },
    });
  });
});

describe('S3 errors only S3-compatible stores give', () => {
  it(
    'answers not-supported where the store answers NotImplemented (MinIO community has no per-bucket CORS)',
    async () => {
      // Until told otherwise the double answers 501 NotImplemented, as MinIO does for ?cors.
      double.current.reply((request) => ({
        status: 501,
        headers: { 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message><Resource>${request.url}</Resource></Error>`,
      }));
      const minio = createS3Adapter({ endpoint: double.current.origin, region: 'us-east-1', addressing: 'path', credentials: KEYS, timeoutMs: 5000 });

      const result = await minio.getCors('examplebucket');

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'not-supported',
          providerCode: 'NotImplemented',
          providerStatus: 501,
          params: { reason: 'not-implemented', call: { call: 'read-cors', bucket: 'examplebucket' }, provider: { kind: 's3-api' }, providerCode: 'NotImplemented' },
        },
      });
    },
    CALL_MS,
  );

  it(
    'answers access-denied, saying no credentials were found, when the credential chain finds none',
    async () => {
      double.current.reply(() => ({ status: 500 }));
      const missing = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      const keyless = createS3Adapter({
        endpoint: double.current.origin,
        region: 'us-east-1',
        addressing: 'path',
        credentials: () => Promise.reject(missing),
        timeoutMs: 5000,
      });

      const result = await keyless.listBuckets();

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'access-denied',
          providerCode: 'CredentialsProviderError',
          params: { reason: 'no-credentials', call: { call: 'list-buckets' }, provider: { kind: 's3-api' }, providerMessage: 'Could not load credentials from any providers' },
        },
      });
      expect(double.current.requests).toEqual([]);
    },
    CALL_MS,
  );
});

describe('stored CORS documents over what the console reads (issue 15: 200,000 rules never ended)', () => {
  const rule = (i: number) => `<CORSRule><AllowedOrigin>https://app-${i}.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>`;
  const hugeDocument = () => {
    const rules: string[] = [];
    for (let i = 0, bytes = 0; bytes <= MAX_CORS_DOCUMENT_BYTES; i++) {
      rules.push(rule(i));
      bytes += rules.at(-1)!.length;
    }
    return `<CORSConfiguration>${rules.join('')}</CORSConfiguration>`;
  };

  it(
    'refuses one over MAX_CORS_DOCUMENT_BYTES with cors-document-too-large, before the SDK parses it',
    async () => {
      const body = hugeDocument();
      double.current.reply(() => ({ status: 200, headers: { 'content-type': 'application/xml' }, body }));
      const store = createS3Adapter({ endpoint: double.current.origin, region: 'us-east-1', addressing: 'path', credentials: KEYS, timeoutMs: 10_000 });

      const result = await store.getCors('examplebucket');

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'provider-error',
          params: { reason: 'cors-document-too-large', maxBytes: MAX_CORS_DOCUMENT_BYTES, bytes: Buffer.byteLength(body), call: { call: 'read-cors', bucket: 'examplebucket' }, provider: { kind: 's3-api' } },
        },
      });
    },
    CALL_MS,
  );
});
