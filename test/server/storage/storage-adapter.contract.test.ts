// The StorageAdapter contract, run over every adapter: S3 against s3rver and a real Ceph RGW, OSS and
// COS against loopback doubles that keep buckets and documents as the providers do (the services
// are not reachable from here). What only one provider does is tested in its own file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCorsDocument, type CorsConfig } from '../../../src/core';
import type { StorageAdapter } from '../../../src/server/storage/adapter';
import type { Result } from '../../../src/server/storage/result';
import { errorDocument, refusedOrigin, useProviderDouble } from '../../support/provider-double';
import { ADAPTER_TARGETS, type AdapterTarget, type Keys } from './adapter-targets';

/** Calls to real servers (RGW on a busy machine) get this long, never vitest's 5 s default. */
const CALL_MS = 30_000;
const START_MS = 120_000;

const RULES: CorsConfig['rules'] = [
  { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 },
  { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
];
const REPLACEMENT: CorsConfig['rules'] = [{ allowedOrigins: ['https://other.example.com'], allowedMethods: ['DELETE'], allowedHeaders: ['*'], exposeHeaders: [] }];

/** Long enough to count as secrets (the redactor leaves short values, such as s3rver's keys, alone). */
const ECHOED: Keys = { id: 'AKIDechoedKeyId0000000001', secret: 'EchoedSecretThatMustNeverBeShown' };
const UNKNOWN: Keys = { id: 'UNKNOWNKEYID00000001', secret: 'UnknownSecretKey000000000001' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every call that reaches the provider, on one bucket. */
const operations: Record<string, (adapter: StorageAdapter, bucket: string) => Promise<Result<unknown>>> = {
  listBuckets: (a) => a.listBuckets(),
  getCors: (a, bucket) => a.getCors(bucket),
  putCors: (a, bucket) => a.putCors(bucket, { rules: RULES }),
  deleteCors: (a, bucket) => a.deleteCors(bucket),
};

// A stand-in for a provider that never answers, and one whose answers each test sets.
const silent = useProviderDouble();
const scripted = useProviderDouble();
beforeAll(() => silent.current.reply(() => new Promise(() => {})));

describe.each(ADAPTER_TARGETS)('StorageAdapter contract: $name', (spec) => {
  let target: AdapterTarget;
  beforeAll(async () => {
    target = await spec.start();
  }, START_MS);
  afterAll(() => target?.stop(), START_MS);

  const freshBucket = async (stem: string) => {
    const bucket = target.bucketName(stem);
    await target.createBucket(bucket);
    return bucket;
  };

  it(
    'lists a bucket it holds, with an ISO creation date',
    async () => {
      const bucket = await freshBucket('listed');

      const result = await target.adapter.listBuckets();

      expect(result.ok && result.value.find((entry) => entry.name === bucket)).toEqual({ name: bucket, createdAt: expect.stringMatching(ISO_DATE) });
    },
    CALL_MS,
  );

  it(
    'answers { config: null, raw: null } for a bucket without CORS',
    async () => {
      const bucket = await freshBucket('bare');

      expect(await target.adapter.getCors(bucket)).toEqual({ ok: true, value: { config: null, raw: null } });
    },
    CALL_MS,
  );

  it(
    'reads back the rules it wrote, in order, with the provider document verbatim',
    async () => {
      const bucket = await freshBucket('round-trip');

      expect(await target.adapter.putCors(bucket, { rules: RULES })).toEqual({ ok: true, value: undefined });
      const read = await target.adapter.getCors(bucket);

      expect(read.ok && read.value.config?.rules).toEqual(RULES);
      const raw = read.ok ? read.value.raw : null;
      expect(raw).toEqual(expect.any(String));
      expect(parseCorsDocument(raw ?? '', target.format)).toMatchObject({ ok: true, config: { rules: RULES } });
    },
    CALL_MS,
  );

  it(
    'replaces the whole configuration on write',
    async () => {
      const bucket = await freshBucket('replaced');
      await target.adapter.putCors(bucket, { rules: RULES });

      await target.adapter.putCors(bucket, { rules: REPLACEMENT });

      const read = await target.adapter.getCors(bucket);
      expect(read.ok && read.value.config?.rules).toEqual(REPLACEMENT);
    },
    CALL_MS,
  );

  it(
    'keeps ResponseVary exactly when its capabilities say it can',
    async () => {
      const bucket = await freshBucket('vary');

      await target.adapter.putCors(bucket, { rules: RULES, responseVary: true });

      const read = await target.adapter.getCors(bucket);
      expect(read.ok && (read.value.config?.responseVary ?? false)).toBe(target.adapter.capabilities.responseVary);
    },
    CALL_MS,
  );

  it(
    'deletes the configuration, after which the bucket has none',
    async () => {
      const bucket = await freshBucket('deleted');
      await target.adapter.putCors(bucket, { rules: RULES });

      expect(await target.adapter.deleteCors(bucket)).toEqual({ ok: true, value: undefined });

      expect(await target.adapter.getCors(bucket)).toEqual({ ok: true, value: { config: null, raw: null } });
    },
    CALL_MS,
  );

  it.each(['getCors', 'putCors', 'deleteCors'])(
    'answers not-found with the provider code and status when %s names a bucket that does not exist',
    async (operation) => {
      const result = await operations[operation]!(target.adapter, target.bucketName('missing'));

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'not-found',
          providerCode: 'NoSuchBucket',
          providerStatus: 404,
          params: { reason: 'no-such-bucket', call: expect.objectContaining({ bucket: target.bucketName('missing') }), provider: expect.any(Object), providerCode: 'NoSuchBucket', providerStatus: 404 },
        },
      });
    },
    CALL_MS,
  );

  it.each(['listBuckets', 'getCors'])(
    'answers access-denied, naming the provider code, when %s is sent with a key the provider does not know',
    async (operation) => {
      const stranger = target.build(target.endpoint, UNKNOWN, 5000);

      const result = await operations[operation]!(stranger, target.bucketName('listed'));

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'access-denied',
          providerCode: 'InvalidAccessKeyId',
          providerStatus: 403,
          params: expect.objectContaining({ reason: 'credentials-refused', providerCode: 'InvalidAccessKeyId', providerMessage: expect.any(String) }),
        },
      });
    },
    CALL_MS,
  );

  it.each(Object.keys(operations))(
    'answers unreachable, naming the network error, when nothing listens during %s',
    async (operation) => {
      const closed = target.build(await refusedOrigin(), target.keys, 5000);

      const result = await operations[operation]!(closed, target.bucketName('listed'));

      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unreachable', params: expect.objectContaining({ reason: 'no-answer', transportCode: 'ECONNREFUSED' }) }) });
      expect(result.ok || result.error.providerStatus).toBeUndefined();
    },
    CALL_MS,
  );

  it.each(['getCors', 'putCors'])(
    'answers timeout when %s gets no answer within its deadline',
    async (operation) => {
      const wedged = target.build(silent.current.origin, target.keys, 300);

      const result = await operations[operation]!(wedged, target.bucketName('listed'));

      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'timeout', params: expect.objectContaining({ reason: 'no-answer-in-time' }) }) });
    },
    CALL_MS,
  );

  it(
    'answers any other error document as a provider error, with its code, status and message',
    async () => {
      scripted.current.reply(() => errorDocument(400, 'MalformedXML', 'The XML you provided was not well-formed.'));

      const result = await target.build(scripted.current.origin, target.keys, 5000).putCors(target.bucketName('listed'), { rules: RULES });

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'provider-error',
          providerCode: 'MalformedXML',
          providerStatus: 400,
          params: expect.objectContaining({ reason: 'error-answer', providerCode: 'MalformedXML', providerStatus: 400, providerMessage: 'The XML you provided was not well-formed.' }),
        },
      });
    },
    CALL_MS,
  );

  it(
    'never repeats the credentials in a message, even when the provider echoes them',
    async () => {
      scripted.current.reply(() => errorDocument(403, 'AccessDenied', `Key ${ECHOED.id} with secret ${ECHOED.secret} may not do this.`));

      const result = await target.build(scripted.current.origin, ECHOED, 5000).getCors(target.bucketName('listed'));

      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'access-denied', providerCode: 'AccessDenied', providerStatus: 403 }) });
      const message = result.ok || !('providerMessage' in result.error.params) ? '' : (result.error.params.providerMessage ?? '');
      expect(message).toContain('[redacted]');
      expect(message).not.toContain(ECHOED.id);
      expect(message).not.toContain(ECHOED.secret);
    },
    CALL_MS,
  );

  it('answers the unsigned URL a browser requests for an object, as a Result', () => {
    const bucket = target.bucketName('listed');

    const result = target.adapter.objectUrl(bucket, 'photos/a b.jpg');

    expect(result.ok && result.value.href).toBe(target.objectUrlOf(bucket, 'photos/a b.jpg'));
  });

  it.each([
    { method: 'GET' as const, contentType: undefined },
    { method: 'PUT' as const, contentType: 'application/pdf' },
  ])(
    'presigns a $method URL on the object URL, its signature in the query',
    async ({ method, contentType }) => {
      const bucket = target.bucketName('listed');

      const result = await target.adapter.presign(bucket, 'photos/a b.jpg', { method, expiresSeconds: 600, ...(contentType ? { contentType } : {}) });

      const url = new URL(result.ok ? result.value : 'about:blank');
      expect(`${url.origin}${url.pathname}`).toBe(target.objectUrlOf(bucket, 'photos/a b.jpg'));
      expect([...url.searchParams.keys()].some((name) => /signature/i.test(name))).toBe(true);
    },
    CALL_MS,
  );

  it(
    'signs a POST upload form exactly when its capabilities say it can, and otherwise answers not-supported',
    async () => {
      const bucket = target.bucketName('listed');

      const result = await target.adapter.presignPost(bucket, 'uploads/form.txt', 300);

      if (!target.adapter.capabilities.presignedPost) {
        expect(result).toEqual({ ok: false, error: { code: 'not-supported', params: expect.objectContaining({ reason: 'sdk-cannot-sign-post', call: { call: 'sign-post', bucket, key: 'uploads/form.txt' } }) } });
        return;
      }
      expect(result).toEqual({ ok: true, value: { url: expect.any(String), fields: expect.objectContaining({ key: 'uploads/form.txt' }) } });
      // The signed policy: `Policy` for S3, `policy` for OSS.
      expect(Object.keys(result.ok ? result.value.fields : {}).some((name) => name.toLowerCase() === 'policy')).toBe(true);
      expect(new URL(result.ok ? result.value.url : 'about:blank').origin).toBe(new URL(target.objectUrlOf(bucket, 'uploads/form.txt')).origin);
    },
    CALL_MS,
  );
});
