import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '../../contract/api';
import type { StorageError } from '../storage/result';

const STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  'bad-request': 400,
  'validation-failed': 422,
  'precondition-required': 428,
  'version-conflict': 409,
  'profile-not-found': 404,
  'bucket-not-found': 404,
  'not-found': 404,
  'not-supported': 501,
  'provider-unreachable': 502,
  'provider-timeout': 504,
  'provider-access-denied': 403,
  'provider-error': 502,
  'internal-error': 500,
  unauthenticated: 401,
  'cross-origin-refused': 403,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
};

/** Answers the one error envelope with the status that goes with its code. */
export function sendError(c: Context, body: ApiError): Response {
  return c.json(body, STATUS[body.error.code]);
}

export function apiError(code: ApiErrorCode, message: string, extra: Omit<ApiError['error'], 'code' | 'message'> = {}): ApiError {
  return { error: { code, message, ...extra } };
}

const FROM_STORAGE: Record<StorageError['code'], ApiErrorCode> = {
  unreachable: 'provider-unreachable',
  timeout: 'provider-timeout',
  'not-found': 'bucket-not-found',
  'access-denied': 'provider-access-denied',
  'not-supported': 'not-supported',
  'provider-error': 'provider-error',
};

/** A provider failure as the API reports it, with the provider's own code. */
export function fromStorageError(error: StorageError): ApiError {
  return apiError(FROM_STORAGE[error.code], error.message, error.providerCode ? { providerCode: error.providerCode } : {});
}

export function codeOfStorageError(error: StorageError): ApiErrorCode {
  return FROM_STORAGE[error.code];
}
