import OSS from 'ali-oss';
import type { SignedRequester } from 'ali-oss';
import { z } from 'zod';
import { serializeCorsDocument } from '../../core';
import type { CorsConfig } from '../../core';
import type { BucketEntry, Capabilities, PresignOptions, StorageAdapter } from './adapter';
import { endpointUrl, isIpEndpoint } from './endpoint';
import { unreachableCodeIn, type ThrownFacts } from './error-table';
import { numberOf, storedCorsFrom, textOf } from './provider-answers';
import { adapterFrom } from './provider-kit';
import { fail, ok } from './result';

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
  const endpoint = options.endpoint === undefined ? undefined : endpointUrl(options.endpoint);
  const client = withSignedRequests(new OSS(endpoint === undefined ? base : { ...base, endpoint: endpoint.href }));
  // signatureUrl and generateObjectUrl refuse IP endpoints and read the bucket from the options,
  // so URLs come from a per-bucket client that names the public host.
  const urlClient = (bucket: string) => new OSS({ ...base, bucket, ...(endpoint !== undefined && !isIpEndpoint(endpoint) ? { endpoint: endpoint.href } : {}) });
  const objectUrl = (bucket: string, key: string) => new URL(urlClient(bucket).generateObjectUrl(key));

  return adapterFrom({
    capabilities: CAPABILITIES,
    provider: { kind: 'oss', endpoint: options.endpoint ?? `${region}.aliyuncs.com`, region },
    secrets: [options.accessKeySecret, options.accessKeyId],
    bucketNames: BUCKET_NAME,
    readError,
    operations: {
      listBuckets: async () => {
        const entries: BucketEntry[] = [];
        let marker: string | undefined;
        for (;;) {
          const page: unknown = await client.listBuckets(marker === undefined ? { 'max-keys': PAGE_SIZE } : { marker, 'max-keys': PAGE_SIZE });
          const parsed = bucketPageSchema.safeParse(page);
          if (!parsed.success) return fail({ code: 'provider-error', params: { reason: 'unreadable-answer' } });
          for (const bucket of parsed.data.buckets ?? []) {
            entries.push({ name: bucket.name, ...(bucket.creationDate ? { createdAt: bucket.creationDate } : {}) });
          }
          const next = parsed.data.nextMarker;
          if (!parsed.data.isTruncated || !next || next === marker) return ok(entries);
          marker = next;
        }
      },

      getCors: async (bucket) => {
        // getBucketCORS drops ResponseVary, so the document comes through the signed raw request.
        const response = await client.request({ method: 'GET', bucket, subres: 'cors', successStatuses: [200] });
        return storedCorsFrom(response.data, 'oss-xml');
      },

      putCors: async (bucket, config) => {
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
      },

      deleteCors: async (bucket) => {
        await client.deleteBucketCORS(bucket);
        return ok(undefined);
      },

      objectUrl: (bucket, key) => ok(objectUrl(bucket, key)),

      presign: async (bucket, key, presign) => ok(urlClient(bucket).signatureUrl(key, signatureOptions(presign))),

      presignPost: async (bucket, key, expiresSeconds) => {
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
      },
    },
  });
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

/** The raw signed request is private API: check it is there rather than trust a cast. */
function withSignedRequests(client: OSS): OSS & SignedRequester {
  if (hasSignedRequests(client)) return client;
  throw new Error('This ali-oss version has no client.request(); the OSS adapter needs ali-oss 6.x.');
}

function hasSignedRequests(client: OSS): client is OSS & SignedRequester {
  return 'request' in client && typeof client.request === 'function';
}

/**
 * Reads what ali-oss throws: urllib's errors with `status` -1 (no connection) or -2, or a
 * `*TimeoutError` name, and OSS error documents as `{ code, status, message }`.
 */
function readError(thrown: unknown): ThrownFacts {
  const name = textOf(thrown, 'name') ?? '';
  const status = numberOf(thrown, 'status');
  const code = textOf(thrown, 'code');
  const detail = textOf(thrown, 'message') ?? String(thrown);
  if (name.endsWith('TimeoutError') || status === -2) return { transport: 'timeout', detail };
  if (status === -1) {
    // urllib puts Node's network code in its message; ali-oss keeps only the message.
    const reason = unreachableCodeIn(detail);
    return { transport: 'unreachable', ...(reason ? { transportCode: reason } : {}), detail };
  }
  if (status === undefined || status < 100) return { detail };
  return { ...(code !== undefined ? { providerCode: code } : {}), providerStatus: status, detail };
}
