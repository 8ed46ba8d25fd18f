import type { StorageError } from './result';

/**
 * Why a storage call failed, as the console tells a person. Finer than `StorageError['code']`
 * only where the advice differs: `no-credentials` is reported as `access-denied`.
 */
export type Failure = 'unreachable' | 'timeout' | 'not-found' | 'access-denied' | 'no-credentials' | 'not-supported' | 'provider-error';

/** The console's storage error kind of each failure. */
export const STORAGE_CODE: Record<Failure, StorageError['code']> = {
  unreachable: 'unreachable',
  timeout: 'timeout',
  'not-found': 'not-found',
  'access-denied': 'access-denied',
  'no-credentials': 'access-denied',
  'not-supported': 'not-supported',
  'provider-error': 'provider-error',
};

/** What one provider's reader found in what its SDK threw (see each adapter's `readError`). */
export interface ThrownFacts {
  /** The provider's own error code (`NoSuchBucket`), or the name of an error the SDK raised itself. */
  providerCode?: string;
  /** The HTTP status of the provider's answer, when it answered. */
  providerStatus?: number;
  /** Node's network error code (`ECONNREFUSED`) or the SDK's timeout name, when no answer came. */
  transportCode?: string;
  /** A transport failure the SDK signals without a code (ali-oss's status -1 and -2). */
  transport?: 'unreachable' | 'timeout';
  /** The error's own text. */
  detail: string;
}

/**
 * Codes of calls that got no answer. Node's codes for a connection that never answered (the AWS
 * SDK and cos-request pass them through as `code`; urllib writes them into its message) ...
 */
const UNREACHABLE = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EPROTO', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'];
/** ... and the timeout names and codes of the SDKs, of Node and of `request` (`ESOCKETTIMEDOUT`). */
const TIMED_OUT = ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException'];
const TRANSPORT = new Map<string, 'unreachable' | 'timeout'>([...UNREACHABLE.map((code) => [code, 'unreachable'] as const), ...TIMED_OUT.map((code) => [code, 'timeout'] as const)]);

/** A code of a call that got no answer; Node's TLS certificate codes all start `CERT_`. */
function transportOf(code: string | undefined): 'unreachable' | 'timeout' | undefined {
  if (code === undefined) return undefined;
  return TRANSPORT.get(code) ?? (code.startsWith('CERT_') ? 'unreachable' : undefined);
}

/** The first code of a connection that got no answer named in a text (urllib keeps it only in its message). */
export function unreachableCodeIn(text: string): string | undefined {
  return text.match(/\b[A-Z][A-Z_]+\b/g)?.find((word) => transportOf(word) === 'unreachable');
}

/** Provider error codes (S3, OSS and COS share these names) that say more than "an error". */
const PROVIDER: ReadonlyMap<string, Failure> = new Map([
  ['NoSuchBucket', 'not-found'],
  // What the AWS SDK names a 404 that came without an error document (HEAD).
  ['NotFound', 'not-found'],
  ['AccessDenied', 'access-denied'],
  ['Forbidden', 'access-denied'],
  ['InvalidAccessKeyId', 'access-denied'],
  ['SignatureDoesNotMatch', 'access-denied'],
  ['AllAccessDisabled', 'access-denied'],
  // The AWS SDK's default chain found no credentials at all.
  ['CredentialsProviderError', 'no-credentials'],
  // MinIO community answers this for per-bucket CORS.
  ['NotImplemented', 'not-supported'],
]);

/** The answer to GET ?cors on a bucket without CORS: not a failure, just no configuration. */
export const NO_CORS_CONFIGURATION = 'NoSuchCORSConfiguration';

/** Classifies one failure: transport first (no answer came), then the provider's code. */
export function classify(facts: ThrownFacts): Failure {
  const transport = facts.transport ?? transportOf(facts.transportCode) ?? transportOf(facts.providerCode);
  if (transport) return transport;
  return PROVIDER.get(facts.providerCode ?? '') ?? 'provider-error';
}
