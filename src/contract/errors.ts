import { z } from 'zod';
import { bodyMisfitSchema } from './core-params';
import { issueSchema } from './core-values';
import { STATE_BACKENDS } from './history';

// Every failing `/api` call answers one envelope: a stable `code`, the values the error names
// (`params`), and an English `message` the server makes from both (scripts read it). The sentence
// comes from the contract's catalogue (messages/api-error-text.ts), which the web app renders from
// the same code and params in the person's locale.

const text = z.string();

/** The storage call that failed, as a code and the values it names. */
const storageCallSchema = z.discriminatedUnion('call', [
  z.object({ call: z.literal('list-buckets') }),
  z.object({ call: z.literal('read-cors'), bucket: text }),
  z.object({ call: z.literal('write-cors'), bucket: text }),
  z.object({ call: z.literal('delete-cors'), bucket: text }),
  z.object({ call: z.literal('build-url'), bucket: text, key: text }),
  z.object({ call: z.literal('sign-url'), bucket: text, key: text, method: text }),
  z.object({ call: z.literal('sign-post'), bucket: text, key: text }),
  /** A test's scratch object, written so a DELETE test deletes a real object, and removed after the test. */
  z.object({ call: z.literal('create-scratch'), bucket: text, key: text }),
  z.object({ call: z.literal('remove-scratch'), bucket: text, key: text }),
]);
export type StorageCall = z.infer<typeof storageCallSchema>;

/**
 * Who answered: a store spoken to through the S3 API (AWS, Ceph RGW, MinIO, R2, s3rver, so it is
 * not named), or OSS or COS through their own SDKs, with the endpoint host and region they use.
 */
const storageProviderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('s3-api') }),
  z.object({ kind: z.literal('oss'), endpoint: text, region: text }),
  z.object({ kind: z.literal('cos'), endpoint: text, region: text }),
]);
export type StorageProvider = z.infer<typeof storageProviderSchema>;

/**
 * A provider's failure: the call, the provider and why, as values. `providerMessage` is the
 * provider's (or its SDK's) own text, quoted as data: the console's sentence is the catalogue's.
 */
const providerFailure = <const R extends string, S extends z.ZodRawShape>(reason: R, shape: S) =>
  z.object({ reason: z.literal(reason), call: storageCallSchema, provider: storageProviderSchema, ...shape });
const providerMessage = text.optional();

/** Why an object's URL cannot be built: the storage failure's reason, or the SDK threw (`sdk-refused`). */
const unaddressableCauseSchema = z.enum(['invalid-bucket-name', 'key-outside-bucket', 'no-url', 'sdk-refused']);
export type UnaddressableCause = z.infer<typeof unaddressableCauseSchema>;

function coded<const C extends string, P extends z.ZodType>(code: C, params: P) {
  return z.object({
    code: z.literal(code),
    params,
    message: text,
    /** The storage provider's own error code, when the provider refused. */
    providerCode: text.optional(),
    /** Validation issues, with paths into the request body's `config`. */
    issues: z.array(issueSchema).optional(),
  });
}

export const apiErrorSchema = z.discriminatedUnion('code', [
  coded(
    'bad-request',
    z.discriminatedUnion('reason', [
      z.object({ reason: z.literal('bucket-name'), bucket: text }),
      z.object({ reason: z.literal('body-not-json') }),
      /** `field` is the first misfit's path in the body (empty for the body itself); `misfit` says why it does not fit. */
      z.object({ reason: z.literal('body-shape'), field: text, misfit: bodyMisfitSchema }),
      z.object({ reason: z.literal('reserved-header'), headers: z.array(text) }),
      /** The adapter cannot build the object's URL; `providerMessage` is its SDK's own text when it threw. */
      z.object({ reason: z.literal('key-unaddressable'), key: text, bucket: text, cause: unaddressableCauseSchema, providerMessage: text.optional() }),
      z.object({ reason: z.literal('signed-post') }),
      z.object({ reason: z.literal('off-endpoint'), origin: text, profile: text, endpoint: text }),
      /** A test sends from the console's second origin, and this console serves none. */
      z.object({ reason: z.literal('no-harness-origin') }),
      /** A signed probe to the public URL: presigned URLs are the endpoint's, a CDN would cache or refuse them. */
      z.object({ reason: z.literal('signed-public') }),
    ]),
  ),
  /** 422: the configuration has errors the provider would reject; `first` is the first of them (all are in `issues`). */
  coded('validation-failed', z.object({ profile: text, first: issueSchema.optional() })),
  /** 428: a write without If-Match. */
  coded('precondition-required', z.object({})),
  /** 409: the configuration changed since it was loaded; the envelope's `current` holds it. */
  coded('version-conflict', z.object({})),
  coded('profile-not-found', z.object({ profile: text })),
  coded('bucket-not-found', providerFailure('no-such-bucket', { providerCode: text.optional(), providerStatus: z.number().optional() })),
  coded('not-found', z.object({ method: text, path: text })),
  coded(
    'not-supported',
    z.union([
      /** The provider answered that it lacks the call (MinIO community's NotImplemented for per-bucket CORS). */
      providerFailure('not-implemented', { providerCode: text.optional() }),
      /** The provider's SDK cannot sign a browser form upload (COS). */
      providerFailure('sdk-cannot-sign-post', {}),
      z.object({ feature: z.literal('presigned-post'), profile: text }),
    ]),
  ),
  /** No answer came; `transportCode` is Node's network code (`ECONNREFUSED`). */
  coded('provider-unreachable', providerFailure('no-answer', { transportCode: text.optional() })),
  coded('provider-timeout', providerFailure('no-answer-in-time', {})),
  coded(
    'provider-access-denied',
    z.discriminatedUnion('reason', [
      providerFailure('credentials-refused', { providerCode: text.optional(), providerMessage }),
      /** No credentials were found for the profile; `providerMessage` is the SDK's account of where it looked. */
      providerFailure('no-credentials', { providerMessage }),
    ]),
  ),
  coded(
    'provider-error',
    z.discriminatedUnion('reason', [
      /** Any other error answer, with the provider's code, status and text as it sent them. */
      providerFailure('error-answer', { providerCode: text.optional(), providerStatus: z.number().optional(), providerMessage }),
      /** Refused before sending: no bucket of this provider can have the name. */
      providerFailure('invalid-bucket-name', { bucket: text }),
      /** The stored CORS document does not parse; `first` is the parser's first issue. */
      providerFailure('unreadable-cors-document', { first: issueSchema.optional() }),
      /** The stored CORS document is over the `maxBytes` the console reads (`bytes`, when the answer said). */
      providerFailure('cors-document-too-large', { maxBytes: z.number(), bytes: z.number().optional() }),
      /** The SDK returned an answer of a shape the console does not know. */
      providerFailure('unreadable-answer', {}),
      /** The object key would leave the bucket's URL space (dot segments). */
      providerFailure('key-outside-bucket', {}),
      /** The SDK built no URL for the object. */
      providerFailure('no-url', {}),
    ]),
  ),
  coded('internal-error', z.object({})),
  /** 401: this console needs its access token (POST /api/session) and the call carried no valid session, or the token was wrong. */
  coded('unauthenticated', z.object({ reason: z.enum(['no-session', 'wrong-token']) })),
  /** 403: the call came from another origin, or named a host this console does not answer to. */
  coded(
    'cross-origin-refused',
    z.discriminatedUnion('reason', [
      z.object({ reason: z.literal('host'), host: text, consoleOrigin: text.optional() }),
      z.object({ reason: z.literal('site'), site: text }),
      z.object({ reason: z.literal('origin'), origin: text, expected: text }),
    ]),
  ),
  /** 413: the request body is larger than the call accepts. */
  coded('payload-too-large', z.object({ method: text, path: text, limitKiB: z.number() })),
  /** 415: a state-changing call must carry `Content-Type: application/json`. */
  coded('unsupported-media-type', z.object({ method: text, path: text })),
  /** 429: too many wrong tokens from this client address (sign-in or Bearer); its token checks resume in `retryAfterSeconds`. */
  coded('too-many-requests', z.object({ retryAfterSeconds: z.number() })),
  /** 409: a probe or presign would write or delete `key`, an object outside the scratch prefix, and did not say `confirmWrite`. */
  coded('confirmation-required', z.object({ bucket: text, key: text, method: z.enum(['PUT', 'POST', 'DELETE']) })),
  /** 404: the bucket's history has no entry with this id. */
  coded('history-entry-not-found', z.object({ bucket: text, entry: text })),
  /**
   * 503: a write refused before the provider was touched, because its history entry could not be
   * written (every write is recorded first). `backend` and `where` name the state backend;
   * `systemCode` is the file system's code (`EACCES`, `ENOTDIR`, `EROFS`, `ENOSPC`) or the state
   * bucket's (`NoSuchBucket`, `AccessDenied`), when there is one.
   */
  coded('history-unwritable', z.object({ bucket: text, backend: z.enum(STATE_BACKENDS), where: text, systemCode: text.optional() })),
  /** 409: this console runs one engine run at a time; `running` is the run going on. */
  coded('engine-run-busy', z.object({ running: text })),
  /** 503: an engine asked for is not installed on the console's host; `installCommand` installs it on Debian. */
  coded('engine-not-installed', z.object({ engine: text, missing: z.array(text), installCommand: text })),
  /**
   * 409: the cache check or a public-target probe needs the bucket's public URL, and the profiles
   * file sets none for it (`publicUrl` on the profile, or `publicUrls` for the bucket).
   */
  coded('no-public-url', z.object({ profile: text, bucket: text })),
  /** 404: no engine run with this id (runs are kept a while after they end, not across restarts). */
  coded('engine-run-not-found', z.object({ run: text })),
  /** 404: no audit with this id (audits are kept a while after they end, not across restarts). */
  coded('audit-not-found', z.object({ audit: text })),
]);

/** One API error: code, the values it names, and the server's English message. */
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
/** Stable error codes of the console API. */
export type ApiErrorCode = ApiErrorBody['code'];
export type ApiErrorParams<C extends ApiErrorCode> = Extract<ApiErrorBody, { code: C }>['params'];

export const API_ERROR_CODES: readonly ApiErrorCode[] = apiErrorSchema.options.map((option) => option.shape.code.value);

/**
 * Errors any `/api` call may answer before its handler runs: the guard (session, origin, JSON
 * body) and the server's last resort.
 */
export const GUARD_ERRORS = ['unauthenticated', 'cross-origin-refused', 'unsupported-media-type', 'internal-error', 'too-many-requests', 'payload-too-large'] as const satisfies readonly ApiErrorCode[];
