import { z } from 'zod';
import { issueSchema } from './core-values';

// Every failing `/api` call answers one envelope: a stable `code`, the values the error names
// (`params`), and an English `message` the server makes from both (scripts read it). A second
// language replaces the catalogue that makes messages, not the code that raises errors.

const text = z.string();
/** A provider's failure: `detail` is the storage layer's account of it, naming the bucket and the call. */
const providerParams = z.object({ detail: text });

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
      /** `field` is the first misfit's path in the body (empty for the body itself). */
      z.object({ reason: z.literal('body-shape'), field: text, detail: text }),
      z.object({ reason: z.literal('reserved-header'), headers: z.array(text) }),
      z.object({ reason: z.literal('key-unaddressable'), key: text, bucket: text, detail: text }),
      z.object({ reason: z.literal('signed-post') }),
      z.object({ reason: z.literal('off-endpoint'), origin: text, profile: text, endpoint: text }),
    ]),
  ),
  /** 422: the configuration has errors the provider would reject; `first` is the first of them (all are in `issues`). */
  coded('validation-failed', z.object({ profile: text, first: issueSchema.optional() })),
  /** 428: a write without If-Match. */
  coded('precondition-required', z.object({})),
  /** 409: the configuration changed since it was loaded; the envelope's `current` holds it. */
  coded('version-conflict', z.object({})),
  coded('profile-not-found', z.object({ profile: text })),
  coded('bucket-not-found', providerParams),
  coded('not-found', z.object({ method: text, path: text })),
  coded('not-supported', z.union([providerParams, z.object({ feature: z.literal('presigned-post'), profile: text })])),
  coded('provider-unreachable', providerParams),
  coded('provider-timeout', providerParams),
  coded('provider-access-denied', providerParams),
  coded('provider-error', providerParams),
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
  /** 429: too many failed sign-ins; wait a minute. */
  coded('too-many-requests', z.object({})),
  /** 409: a probe or presign would write or delete `key`, an object outside the scratch prefix, and did not say `confirmWrite`. */
  coded('confirmation-required', z.object({ bucket: text, key: text, method: z.enum(['PUT', 'POST', 'DELETE']) })),
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
export const GUARD_ERRORS = ['unauthenticated', 'cross-origin-refused', 'unsupported-media-type', 'internal-error'] as const satisfies readonly ApiErrorCode[];
