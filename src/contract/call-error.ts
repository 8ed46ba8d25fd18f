import type { ApiErrorBody } from './errors';

// Errors of a call as a client sees them, kept apart from the schemas (and zod) so a page can
// name and test them without loading the parsers.

/** Failures the client finds itself, with no answer from the API to go by. */
export type ClientError =
  | { code: 'console-unreachable'; params: Record<string, never>; message: string }
  /** The answer does not fit the route table: a proxy answered, or server and page disagree. */
  | { code: 'malformed-answer'; params: { route: string; status: number; field: string }; message: string };

export type CallError = ApiErrorBody | ClientError;

/** Whether the server answered the error (rather than the client finding it). */
export function isServerError(error: CallError): error is ApiErrorBody {
  return error.code !== 'console-unreachable' && error.code !== 'malformed-answer';
}
