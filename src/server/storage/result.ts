/** What went wrong talking to a provider, as a value the API can show a person. */
export interface StorageError {
  /**
   * `unreachable`: no answer (connection refused, DNS, TLS); `timeout`: no answer in time;
   * `not-found`: the bucket does not exist; `access-denied`: the credentials may not do this;
   * `not-supported`: the provider lacks the feature (MinIO community's per-bucket CORS);
   * `provider-error`: any other error answer.
   */
  code: 'unreachable' | 'timeout' | 'not-found' | 'access-denied' | 'not-supported' | 'provider-error';
  message: string;
  /** The provider's own error code (`NoSuchBucket`, `NotImplemented`, `AccessDenied`...). */
  providerCode?: string;
  /** The provider's HTTP status, when it answered. */
  providerStatus?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StorageError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: StorageError): Result<T> => ({ ok: false, error });
