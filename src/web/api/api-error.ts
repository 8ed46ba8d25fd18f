import { isServerError, type CallError } from '../../contract/call-error';
import type { CorsState } from '../../contract/api';

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

/** The console wants its access token: the app shows the sign-in form, then retries. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'unauthenticated';
}
