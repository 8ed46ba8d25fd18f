import type { ApiError } from '../../contract/api';

/** A failed `/api` call: the HTTP status and the server's error envelope. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;

  constructor(status: number, body: ApiError) {
    super(body.error.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

/** The one place that turns any failed response into an ApiRequestError (no `"x" in json` sniffing elsewhere). */
export function parseApiError(status: number, text: string): ApiRequestError {
  try {
    const json: unknown = JSON.parse(text);
    if (isApiError(json)) return new ApiRequestError(status, json);
  } catch {
    // Not JSON: a proxy or a crashed server answered; described below.
  }
  return new ApiRequestError(status, { error: { code: 'internal-error', message: `The console server answered ${status} without an explanation.` } });
}

/** Calls the console API; resolves with the JSON body and the ETag, or rejects with ApiRequestError. */
export async function callApi<T>(path: string, init: RequestInit = {}): Promise<{ data: T; etag: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch {
    throw new ApiRequestError(0, { error: { code: 'internal-error', message: 'The console server cannot be reached. Is `npm start` still running?' } });
  }
  const text = await response.text();
  if (!response.ok) throw parseApiError(response.status, text);
  return { data: JSON.parse(text) as T, etag: response.headers.get('etag') };
}

/** The console wants its access token: the app shows the sign-in form, then retries. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiRequestError && error.body.error.code === 'unauthenticated';
}

const bucketPath = (profile: string, bucket: string) => `/api/profiles/${encodeURIComponent(profile)}/buckets/${encodeURIComponent(bucket)}`;

export const apiPath = {
  session: () => '/api/session',
  console: () => '/api/console',
  profiles: () => '/api/profiles',
  buckets: (profile: string) => `/api/profiles/${encodeURIComponent(profile)}/buckets`,
  cors: (profile: string, bucket: string) => `${bucketPath(profile, bucket)}/cors`,
  probe: (profile: string, bucket: string) => `${bucketPath(profile, bucket)}/probe`,
  presign: (profile: string, bucket: string) => `${bucketPath(profile, bucket)}/presign`,
  savedTests: (profile: string, bucket: string) => `${bucketPath(profile, bucket)}/tests`,
};
