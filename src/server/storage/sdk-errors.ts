import type { StorageError } from './result';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'AbortError']);
const NOT_FOUND = new Set(['NoSuchBucket', 'NotFound']);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AllAccessDisabled', 'CredentialsProviderError']);
const NOT_SUPPORTED = new Set(['NotImplemented']);

interface SdkLikeError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  status?: number;
  statusCode?: number;
}

/**
 * Maps an SDK or network error to a StorageError a person can act on. The SDKs differ in where
 * they put the provider's code (`name`, `code`, `Code`) and status, so all are read here.
 */
export function mapSdkError(thrown: unknown, what: string): StorageError {
  const e: SdkLikeError = typeof thrown === 'object' && thrown !== null ? (thrown as SdkLikeError) : { message: String(thrown) };
  const providerCode = e.Code ?? (e.name && e.name !== 'Error' ? e.name : undefined) ?? e.code;
  const providerStatus = e.$metadata?.httpStatusCode ?? e.status ?? e.statusCode;
  const detail = (e.message ?? '').trim();
  const base = {
    ...(providerCode ? { providerCode } : {}),
    ...(providerStatus ? { providerStatus } : {}),
  };
  if (e.code && NETWORK_CODES.has(e.code)) {
    return { code: 'unreachable', message: `Could not ${what}: the storage endpoint did not answer (${e.code}). Check the endpoint and that the service is running.`, providerCode: e.code };
  }
  if ((providerCode && TIMEOUT_NAMES.has(providerCode)) || (e.code && TIMEOUT_NAMES.has(e.code))) {
    return { code: 'timeout', message: `Could not ${what}: the storage endpoint did not answer in time.`, ...base };
  }
  if (providerCode === 'CredentialsProviderError') {
    return { code: 'access-denied', message: `Could not ${what}: no credentials were found for this profile (${detail}).`, ...base };
  }
  if (providerCode && NOT_FOUND.has(providerCode)) {
    return { code: 'not-found', message: `Could not ${what}: the bucket does not exist.`, ...base };
  }
  if (providerCode && DENIED.has(providerCode)) {
    return { code: 'access-denied', message: `Could not ${what}: the provider refused the credentials (${providerCode}${detail ? `: ${detail}` : ''}).`, ...base };
  }
  if (providerCode && NOT_SUPPORTED.has(providerCode)) {
    return { code: 'not-supported', message: `Could not ${what}: the provider does not implement it (${providerCode}).`, ...base };
  }
  return { code: 'provider-error', message: `Could not ${what}: ${detail || 'the provider answered with an error'}${providerCode ? ` (${providerCode})` : ''}.`, ...base };
}
