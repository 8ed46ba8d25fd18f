import { isIP } from 'node:net';
import OSS from 'ali-oss';
import type { SignedRequester } from 'ali-oss';
import { z } from 'zod';
import { serializeCorsDocument } from '../../core';
import type { CorsConfig } from '../../core';
import type { BucketEntry, Capabilities, PresignOptions, StorageAdapter } from './adapter';
import { numberOf, isNoCorsConfiguration, storedCorsFrom, textOf } from './provider-answers';
import { fail, ok } from './result';
import type { Result, StorageError } from './result';

export interface OssAdapterOptions {
  /** `oss-cn-hangzhou` or `cn-hangzhou`. */
  region: string;
  /**
   * `https://host[:port]`; buckets are addressed as `<bucket>.host`. An IP endpoint only says where
   * to connect: ali-oss then sends the regional host (`<bucket>.oss-<region>.aliyuncs.com`) in
   * `Host`, and the URLs handed to browsers keep naming that host.
   */
  endpoint?: string;
  accessKeyId: string;
  accessKeySecret: string;
  timeoutMs?: number;
}

const CAPABILITIES: Capabilities = { bucketCors: true, responseVary: true, presignedPost: true };

/** The pattern ali-oss's checkBucketName applies to its own bucket calls; `request()` skips it. */
const BUCKET_NAME = /^[a-z0-9_][a-z0-9-_]{1,61}[a-z0-9_]$/;

/** ali-oss's listBuckets resolves to this page, not the `Bucket[]` @types/ali-oss declares. */
const bucketPageSchema = z.object({
  buckets: z.array(z.object({ name: z.string(), creationDate: z.string().optional() })).nullable(),
  isTruncated: z.boolean(),
  nextMarker: z.string().nullable(),
});

/** The largest page OSS ListBuckets returns. */
const PAGE_SIZE = 1000;

export function createOssAdapter(options: OssAdapterOptions): StorageAdapter {
  const region = options.region.startsWith('oss-') ? options.region : `oss-${options.region}`;
  const base: OSS.Options = {
    region,
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
    // Without it, ali-oss builds http:// URLs from the region.
    secure: true,
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
  };
  const endpoint = options.endpoint === undefined ? undefined : withScheme(options.endpoint);
  const client = withSignedRequests(new OSS(endpoint === undefined ? base : { ...base, endpoint: endpoint.href }));
  // signatureUrl and generateObjectUrl refuse IP endpoints and read the bucket from the options,
  // so URLs come from a per-bucket client that names the public host.
  const urlClient = (bucket: string) => new OSS({ ...base, bucket, ...(endpoint !== undefined && !isIpHost(endpoint) ? { endpoint: endpoint.href } : {}) });
  const failure = describeFailure(options, region);

  async function attempt<T>(action: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run();
    } catch (thrown) {
      return fail(failure(thrown, action));
    }
  }

  const objectUrl = (bucket: string, key: string): URL => {
    if (!BUCKET_NAME.test(bucket)) throw new TypeError(`${JSON.stringify(bucket)} is not an OSS bucket name.`);
    return new URL(urlClient(bucket).generateObjectUrl(key));
  };

  return {
    capabilities: CAPABILITIES,

    listBuckets: () =>
      attempt('list buckets', async () => {
        const entries: BucketEntry[] = [];
        let marker: string | undefined;
        for (;;) {
          const page: unknown = await client.listBuckets(marker === undefined ? { 'max-keys': PAGE_SIZE } : { marker, 'max-keys': PAGE_SIZE });
          const parsed = bucketPageSchema.safeParse(page);
          if (!parsed.success) return fail(unexpectedAnswer('list buckets'));
          for (const bucket of parsed.data.buckets ?? []) {
            entries.push({ name: bucket.name, ...(bucket.creationDate ? { createdAt: bucket.creationDate } : {}) });
          }
          const next = parsed.data.nextMarker;
          if (!parsed.data.isTruncated || !next || next === marker) return ok(entries);
          marker = next;
        }
      }),

    getCors: (bucket) =>
      withBucket(bucket, () =>
        attempt(`read the CORS configuration of bucket ${bucket}`, async () => {
          try {
            const response = await client.request({ method: 'GET', bucket, subres: 'cors', successStatuses: [200] });
            return storedCorsFrom(response.data, 'oss-xml', 'OSS');
          } catch (thrown) {
            if (isNoCorsConfiguration(thrown)) return ok({ config: null, raw: null });
            throw thrown;
          }
        }),
      ),

    putCors: (bucket, config) =>
      withBucket(bucket, () =>
        attempt(`replace the CORS configuration of bucket ${bucket}`, async () => {
          await client.request({
            method: 'PUT',
            bucket,
            subres: 'cors',
            headers: { 'Content-Type': 'application/xml' },
            // A Buffer, so the SDK's Content-Length counts bytes, not UTF-16 units.
            content: Buffer.from(corsBody(config), 'utf8'),
            successStatuses: [200],
          });
          return ok(undefined);
        }),
      ),

    deleteCors: (bucket) =>
      withBucket(bucket, () =>
        attempt(`delete the CORS configuration of bucket ${bucket}`, async () => {
          await client.deleteBucketCORS(bucket);
          return ok(undefined);
        }),
      ),

    objectUrl,

    presign: (bucket, key, presign) =>
      withBucket(bucket, () => attempt(`sign a URL for ${key} in bucket ${bucket}`, async () => ok(urlClient(bucket).signatureUrl(key, signatureOptions(presign))))),

    presignPost: (bucket, key, expiresSeconds) =>
      withBucket(bucket, () =>
        attempt(`sign an upload form for ${key} in bucket ${bucket}`, async () => {
          // The OSS PostObject policy: the form is valid until `expiration`, for this bucket and key only.
          const policy = {
            expiration: new Date(Date.now() + expiresSeconds * 1000).toISOString(),
            conditions: [{ bucket }, ['eq', '$key', key]],
          };
          const signed = urlClient(bucket).calculatePostSignature(policy);
          return ok({
            url: new URL('/', objectUrl(bucket, key)).toString(),
            fields: { key, policy: signed.policy, OSSAccessKeyId: signed.OSSAccessKeyId, Signature: signed.Signature },
          });
        }),
      ),
  };
}

/**
 * OSS keeps `ResponseVary` false unless told; the console's model treats an absent value as false,
 * so the document always states it, and replacing a configuration also resets the switch.
 */
function corsBody(config: CorsConfig): string {
  return serializeCorsDocument({ ...config, responseVary: config.responseVary ?? false }, 'oss-xml');
}

function signatureOptions(presign: PresignOptions): OSS.SignatureUrlOptions {
  return {
    // @types/ali-oss lists no HEAD, but signatureUrl signs whatever method it is given.
    method: presign.method as OSS.HTTPMethods,
    expires: presign.expiresSeconds,
    ...(presign.contentType !== undefined ? { 'Content-Type': presign.contentType } : {}),
  };
}

function withBucket<T>(bucket: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
  if (BUCKET_NAME.test(bucket)) return run();
  return Promise.resolve(
    fail({
      code: 'provider-error',
      providerCode: 'InvalidBucketName',
      message: `${JSON.stringify(bucket)} is not an OSS bucket name: use 3 to 63 lower-case letters, digits and hyphens.`,
    }),
  );
}

/** The raw signed request is private API: check it is there rather than trust a cast. */
function withSignedRequests(client: OSS): OSS & SignedRequester {
  if (hasSignedRequests(client)) return client;
  throw new Error('This ali-oss version has no client.request(); the OSS adapter needs ali-oss 6.x.');
}

function hasSignedRequests(client: OSS): client is OSS & SignedRequester {
  return 'request' in client && typeof client.request === 'function';
}

/** ali-oss misreads `host:port` without a scheme (as scheme `host:`), so https is added here. */
function withScheme(endpoint: string): URL {
  return new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
}

function isIpHost(endpoint: URL): boolean {
  return isIP(endpoint.hostname.replace(/^\[|\]$/g, '')) !== 0;
}

function unexpectedAnswer(action: string): StorageError {
  return { code: 'provider-error', message: `OSS sent an answer the console does not understand when asked to ${action}.` };
}

/** Answers that mean these credentials may not do this. */
const DENIED = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']);

/** Network error codes urllib puts in its message; ali-oss keeps only the message. */
const NETWORK_CODE = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPROTO|CERT_[A-Z_]+)\b/;

/**
 * Maps what ali-oss throws to a StorageError. It throws urllib's errors with `status` -1 (no
 * connection) or a `*TimeoutError` name, and OSS error documents as `{ code, status, message }`.
 */
function describeFailure(options: OssAdapterOptions, region: string) {
  const secrets = [options.accessKeySecret, options.accessKeyId].filter((secret) => secret.length > 0);
  const redact = (text: string) => secrets.reduce((clean, secret) => clean.split(secret).join('[redacted]'), text);
  const where = options.endpoint ?? `${region}.aliyuncs.com`;

  return (thrown: unknown, action: string): StorageError => {
    const name = textOf(thrown, 'name') ?? '';
    const status = numberOf(thrown, 'status');
    const code = textOf(thrown, 'code');
    const detail = redact(textOf(thrown, 'message') ?? String(thrown));

    if (name.endsWith('TimeoutError') || status === -2) {
      return { code: 'timeout', message: `OSS (${where}) did not answer in time when asked to ${action}. Check the network path to it, or allow a longer timeout.` };
    }
    if (status === -1) {
      const reason = NETWORK_CODE.exec(detail)?.[1];
      return {
        code: 'unreachable',
        message: `Could not reach OSS at ${where} to ${action}${reason ? ` (${reason})` : ''}. Check the endpoint and region, and that this server can connect to it.`,
      };
    }
    if (status === undefined || status < 100) {
      return { code: 'provider-error', message: `Could not ${action}: ${detail}` };
    }
    const provider = { ...(code !== undefined ? { providerCode: code } : {}), providerStatus: status };
    if (code === 'NoSuchBucket') {
      return { code: 'not-found', ...provider, message: `Could not ${action}: OSS has no such bucket. Check the name, and that the bucket is in ${region}.` };
    }
    if (code !== undefined && DENIED.has(code)) {
      return {
        code: 'access-denied',
        ...provider,
        message: `Could not ${action}: OSS refused the credentials (${code}: ${detail}). Check the access key, and that its RAM policy or the bucket policy allows this.`,
      };
    }
    return { code: 'provider-error', ...provider, message: `Could not ${action}: OSS answered ${code ?? 'an error'} (HTTP ${status}): ${detail}` };
  };
}
