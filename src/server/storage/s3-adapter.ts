import {
  DeleteBucketCorsCommand,
  DeleteObjectCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  type CORSRule,
  type GetBucketCorsCommandInput,
  type GetBucketCorsCommandOutput,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DeserializeMiddleware } from '@smithy/types';
import { isMethod, type CorsRule } from '../../core';
import type { BucketEntry, StorageAdapter } from './adapter';
import type { ThrownFacts } from './error-table';
import { corsDocumentTooLarge, fieldOf, MAX_CORS_DOCUMENT_BYTES, numberOf, textOf } from './provider-answers';
import { adapterFrom, callDeadline } from './provider-kit';
import { fail, ok } from './result';

export interface S3AdapterOptions {
  /** Custom endpoint for S3-compatible stores; absent for AWS itself. */
  endpoint?: string;
  region: string;
  /** `path` for most S3-compatible stores and s3rver; `virtual` for AWS. */
  addressing: 'path' | 'virtual';
  /** Static keys, or a provider (the AWS SDK default chain when absent). */
  credentials?: S3ClientConfig['credentials'];
  /** A named profile of the shared AWS config/credentials files. */
  awsProfile?: string;
  /** The deadline of one call, retries included; past it the request is aborted, not abandoned. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function toSdkRule(rule: CorsRule): CORSRule {
  return {
    ...(rule.id !== undefined ? { ID: rule.id } : {}),
    AllowedOrigins: rule.allowedOrigins,
    AllowedMethods: rule.allowedMethods,
    ...(rule.allowedHeaders.length ? { AllowedHeaders: rule.allowedHeaders } : {}),
    ...(rule.exposeHeaders.length ? { ExposeHeaders: rule.exposeHeaders } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { MaxAgeSeconds: rule.maxAgeSeconds } : {}),
  };
}

function fromSdkRule(rule: CORSRule): CorsRule {
  return {
    ...(rule.ID !== undefined ? { id: rule.ID } : {}),
    allowedOrigins: rule.AllowedOrigins ?? [],
    // The provider validated these on write; an unknown value cannot be stored, so drop it.
    allowedMethods: (rule.AllowedMethods ?? []).filter(isMethod),
    allowedHeaders: rule.AllowedHeaders ?? [],
    exposeHeaders: rule.ExposeHeaders ?? [],
    ...(rule.MaxAgeSeconds !== undefined ? { maxAgeSeconds: rule.MaxAgeSeconds } : {}),
  };
}

/** Stops the capture of a document over `MAX_CORS_DOCUMENT_BYTES`, so the SDK never parses it. */
class CorsDocumentTooLarge extends Error {
  constructor(readonly bytes: number | undefined) {
    super(`The stored CORS document is over ${MAX_CORS_DOCUMENT_BYTES} bytes`);
  }
}

/**
 * Past this size a stored document is handed to the analysis unread: the SDK's parse of one (2.7 MB
 * for 10,000 rules) held the event loop for 110-160 ms on a busy 2-core machine. Four times the
 * most S3 itself stores (64 KiB), so every document a real provider holds still goes through the SDK.
 */
const LARGE_CORS_DOCUMENT_BYTES = 256 * 1024;

/** What the SDK is given in place of a large document: an empty configuration, read in no time. */
const EMPTY_CORS_DOCUMENT = new TextEncoder().encode('<CORSConfiguration></CORSConfiguration>');

/**
 * Captures the raw response body of one command, so the API can show the provider's own document;
 * one over `LARGE_CORS_DOCUMENT_BYTES` is kept from the SDK (`large`), and one over
 * `MAX_CORS_DOCUMENT_BYTES` is dropped unread (the connection closed) and thrown.
 */
function captureRawBody(command: GetBucketCorsCommand): () => { raw: string | null; large: boolean } {
  let raw: string | null = null;
  let large = false;
  const capture: DeserializeMiddleware<GetBucketCorsCommandInput, GetBucketCorsCommandOutput> = (next) => async (args) => {
      const out = await next(args);
      const response = out.response as { body?: AsyncIterable<Uint8Array> | Uint8Array; statusCode?: number; headers?: Record<string, string> };
      if (response.body && Symbol.asyncIterator in Object(response.body)) {
        const body = response.body as AsyncIterable<Uint8Array> & { destroy?: () => void };
        const declared = Number(response.headers?.['content-length']);
        if (declared > MAX_CORS_DOCUMENT_BYTES) {
          body.destroy?.();
          throw new CorsDocumentTooLarge(declared);
        }
        const chunks: Uint8Array[] = [];
        let length = 0;
        for await (const chunk of body) {
          length += chunk.length;
          if (length > MAX_CORS_DOCUMENT_BYTES) {
            body.destroy?.();
            throw new CorsDocumentTooLarge(undefined);
          }
          chunks.push(chunk);
        }
        const bytes = Buffer.concat(chunks);
        raw = bytes.toString('utf8');
        large = response.statusCode === 200 && bytes.length > LARGE_CORS_DOCUMENT_BYTES;
        // The SDK's deserializer accepts a byte array in place of the consumed stream.
        response.body = large ? EMPTY_CORS_DOCUMENT : new Uint8Array(bytes);
      }
      return out;
  };
  command.middlewareStack.addRelativeTo(capture, { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'captureRawCorsBody' });
  return () => ({ raw, large });
}

/**
 * Reads what the AWS SDK throws. It puts the provider's code in `Code` or `name` (a network
 * failure keeps Node's `code` and the plain name `Error`) and the status in `$metadata`.
 */
function readError(thrown: unknown): ThrownFacts {
  const name = textOf(thrown, 'name');
  const code = textOf(thrown, 'code');
  const providerCode = textOf(thrown, 'Code') ?? (name && name !== 'Error' ? name : undefined) ?? code;
  const providerStatus = numberOf(fieldOf(thrown, '$metadata'), 'httpStatusCode') ?? numberOf(thrown, 'status') ?? numberOf(thrown, 'statusCode');
  const detail = typeof thrown === 'object' && thrown !== null ? (textOf(thrown, 'message') ?? '').trim() : String(thrown);
  return { ...(providerCode ? { providerCode } : {}), ...(providerStatus ? { providerStatus } : {}), ...(code ? { transportCode: code } : {}), detail };
}

/** Static keys, when the profile gives them; a credential provider's keys are not known here. */
function secretsOf(credentials: S3ClientConfig['credentials']): string[] {
  return credentials && typeof credentials === 'object' ? [credentials.secretAccessKey, credentials.accessKeyId] : [];
}

/** The SDK client settings for these options (also used by the S3 state backend). */
export function s3ClientConfig(options: S3AdapterOptions): S3ClientConfig {
  return {
    region: options.region,
    forcePathStyle: options.addressing === 'path',
    // Flexible checksums (CRC32 in aws-chunked bodies) break several S3-compatible servers,
    // s3rver among them; only operations that require a checksum get one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    requestHandler: { requestTimeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, connectionTimeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.awsProfile ? { profile: options.awsProfile } : {}),
  };
}

/** Any S3-compatible endpoint (AWS, Ceph RGW, MinIO, R2, s3rver) through the official SDK. */
export function createS3Adapter(options: S3AdapterOptions): StorageAdapter {
  const client = new S3Client(s3ClientConfig(options));
  const deadline = callDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const within = () => ({ abortSignal: deadline() });

  return adapterFrom({
    capabilities: { bucketCors: true, responseVary: false, presignedPost: true },
    provider: { kind: 's3-api' },
    secrets: secretsOf(options.credentials),
    readError,
    operations: {
      listBuckets: async () => {
        const names: BucketEntry[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(new ListBucketsCommand({ MaxBuckets: 1000, ...(token ? { ContinuationToken: token } : {}) }), within());
          for (const b of page.Buckets ?? []) {
            if (b.Name) names.push({ name: b.Name, ...(b.CreationDate ? { createdAt: b.CreationDate.toISOString() } : {}) });
          }
          token = page.ContinuationToken;
        } while (token);
        return ok(names);
      },

      getCors: async (bucket) => {
        const command = new GetBucketCorsCommand({ Bucket: bucket });
        const raw = captureRawBody(command);
        const out = await client.send(command, within()).catch((thrown: unknown) => {
          if (thrown instanceof CorsDocumentTooLarge) return thrown;
          throw thrown;
        });
        if (out instanceof CorsDocumentTooLarge) return corsDocumentTooLarge(out.bytes);
        const captured = raw();
        if (captured.large && captured.raw !== null) return ok({ config: null, raw: captured.raw, unread: 's3-xml' });
        const rules = (out.CORSRules ?? []).map(fromSdkRule);
        return ok(rules.length ? { config: { rules }, raw: captured.raw } : { config: null, raw: null });
      },

      putCors: async (bucket, cors) => {
        await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: cors.rules.map(toSdkRule) } }), within());
        return ok(undefined);
      },

      deleteCors: async (bucket) => {
        await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }), within());
        return ok(undefined);
      },

      objectUrl: (bucket, key) => {
        const base = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
        const path = key.split('/').map(encodeURIComponent).join('/');
        const url = options.addressing === 'path' ? new URL(`${base.origin}/${bucket}/${path}`) : new URL(`${base.protocol}//${bucket}.${base.host}/${path}`);
        const expected = options.addressing === 'path' ? `/${bucket}/` : '/';
        // Dot segments collapse in URLs; the contract refuses such keys, and this makes sure of it.
        if (!url.pathname.startsWith(expected) || url.pathname.length - expected.length < path.length) {
          return fail({ code: 'provider-error', params: { reason: 'key-outside-bucket' } });
        }
        return ok(url);
      },

      presign: async (bucket, key, { method, expiresSeconds, contentType }) => {
        const target = { Bucket: bucket, Key: key };
        const command = {
          GET: () => new GetObjectCommand(target),
          HEAD: () => new HeadObjectCommand(target),
          PUT: () => new PutObjectCommand({ ...target, ...(contentType ? { ContentType: contentType } : {}) }),
          DELETE: () => new DeleteObjectCommand(target),
        }[method]();
        return ok(await getSignedUrl(client, command, { expiresIn: expiresSeconds }));
      },

      presignPost: async (bucket, key, expiresSeconds) => {
        const { url, fields } = await createPresignedPost(client, { Bucket: bucket, Key: key, Expires: expiresSeconds });
        return ok({ url, fields });
      },
    },
  });
}
