import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorBody, ApiErrorCode, ApiErrorParams } from '../../contract/api';
import type { StorageError } from '../storage/result';
import { messageOf } from './error-messages';

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
  'confirmation-required': 409,
  'history-entry-not-found': 404,
  'history-unwritable': 503,
  'engine-run-busy': 409,
  'engine-not-installed': 503,
  'engine-run-not-found': 404,
  'audit-not-found': 404,
  'no-public-url': 409,
};

/** An API error envelope narrowed to some codes (a route's). */
export type ApiErrorOf<C extends ApiErrorCode> = Omit<ApiError, 'error'> & { error: Extract<ApiErrorBody, { code: C }> };

/** Answers the one error envelope with the status that goes with its code. */
export function sendError(c: Context, body: ApiError): Response {
  return c.json(body, STATUS[body.error.code]);
}

type Extra = Pick<ApiErrorBody, 'providerCode' | 'issues'>;

/** An error envelope: the code, the values it names, and the message the catalogue makes of them. */
export function apiError<C extends ApiErrorCode>(code: C, params: ApiErrorParams<C>, extra: Extra = {}): ApiErrorOf<C> {
  // The catalogue keys each code to its own params, so this object is the union member for `C`.
  const error = { code, params, message: messageOf(code, params), ...extra } as Extract<ApiErrorBody, { code: C }>;
  return { error };
}

const FROM_STORAGE = {
  unreachable: 'provider-unreachable',
  timeout: 'provider-timeout',
  'not-found': 'bucket-not-found',
  'access-denied': 'provider-access-denied',
  'not-supported': 'not-supported',
  'provider-error': 'provider-error',
} as const satisfies Record<StorageError['code'], ApiErrorCode>;

export type StorageErrorCode = (typeof FROM_STORAGE)[keyof typeof FROM_STORAGE];

/** A provider failure as the API reports it: its values as params, with the provider's own code. */
export function fromStorageError(error: StorageError): ApiErrorOf<StorageErrorCode> {
  const extra = error.providerCode ? { providerCode: error.providerCode } : {};
  // A StorageError's params are those of its API code (result.ts types them so).
  return apiError(FROM_STORAGE[error.code], error.params, extra);
}
