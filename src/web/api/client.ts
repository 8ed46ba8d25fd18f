import { callRoute, isServerError, type CallError, type CallInput } from '../../contract/client';
import type { AnswerOf, CorsState, RouteSpec } from '../../contract/api';

/** A failed `/api` call: the error's code, params and message (the server's, or the client's own). */
export class ApiRequestError extends Error {
  readonly code: CallError['code'];
  readonly error: CallError;
  /** What the provider holds now, when the server sent it (a conflict, a failed write). */
  readonly current: CorsState | undefined;
  /** The storage provider's own error code, when the provider refused. */
  readonly providerCode: string | undefined;

  constructor(error: CallError, current?: CorsState) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.code = error.code;
    this.error = error;
    this.current = current;
    this.providerCode = isServerError(error) ? error.providerCode : undefined;
  }
}

const browserFetch = (path: string, init: RequestInit) => fetch(path, init);

/** Calls one route of the table; resolves with its parsed answer and ETag, or rejects with ApiRequestError. */
export async function request<R extends RouteSpec>(route: R, input: CallInput<R>): Promise<{ answer: AnswerOf<R>; etag: string | null }> {
  const result = await callRoute(browserFetch, route, input);
  if (!result.ok) throw new ApiRequestError(result.error, result.current);
  return { answer: result.answer, etag: result.etag };
}

/** `request`, for the answer alone. */
export async function fetchAnswer<R extends RouteSpec>(route: R, input: CallInput<R>): Promise<AnswerOf<R>> {
  return (await request(route, input)).answer;
}

/** The console wants its access token: the app shows the sign-in form, then retries. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'unauthenticated';
}
