import type { ApiErrorParams } from '../../contract/api';

/** The values each storage failure names, as the API carries them (the catalogue makes the sentence). */
interface StorageFailureParams {
  /** No answer (connection refused, DNS, TLS). */
  unreachable: ApiErrorParams<'provider-unreachable'>;
  /** No answer in time. */
  timeout: ApiErrorParams<'provider-timeout'>;
  /** The bucket does not exist. */
  'not-found': ApiErrorParams<'bucket-not-found'>;
  /** The credentials may not do this, or there are none. */
  'access-denied': ApiErrorParams<'provider-access-denied'>;
  /** The provider lacks the feature (MinIO community's per-bucket CORS). */
  'not-supported': Exclude<ApiErrorParams<'not-supported'>, { feature: 'presigned-post' }>;
  /** Any other error answer, or an answer the console cannot read. */
  'provider-error': ApiErrorParams<'provider-error'>;
}

export type StorageErrorCode = keyof StorageFailureParams;

interface ProviderAnswerFields {
  /** The provider's own error code (`NoSuchBucket`, `NotImplemented`, `AccessDenied`...). */
  providerCode?: string;
  /** The provider's HTTP status, when it answered. */
  providerStatus?: number;
}

/** What went wrong talking to a provider: a code and the values it names, never a sentence. */
export type StorageError = { [C in StorageErrorCode]: ProviderAnswerFields & { code: C; params: StorageFailureParams[C] } }[StorageErrorCode];

/** Distributes over a union of params: each without the call and the provider. */
type WithoutCallAndProvider<P> = P extends unknown ? Omit<P, 'call' | 'provider'> : never;

/**
 * A failure as one provider's operation reports it: the provider kit knows which call was made
 * and to whom, and adds both.
 */
export type OperationFailure = {
  [C in StorageErrorCode]: ProviderAnswerFields & { code: C; params: WithoutCallAndProvider<StorageFailureParams[C]> };
}[StorageErrorCode];

export type Result<T, E = StorageError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = StorageError>(error: E): Result<never, E> => ({ ok: false, error });
