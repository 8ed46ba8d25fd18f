import { isServerError, type CallError } from '../../contract/call-error';
import type { CorsState } from '../../contract/api';
import type { IssueText } from '../../contract/messages/api-error-text';

/** Words a failed call in the active locale: the contract's catalogue, which loads with the API client. */
export type CallErrorWording = (error: CallError, issueText?: IssueText) => string;

/** A failed `/api` call: the error's code, params and message (the server's, or the client's own). */
export class ApiRequestError extends Error {
  readonly code: CallError['code'];
  readonly error: CallError;
  /** What the provider holds now, when the server sent it (a conflict, a failed write). */
  readonly current: CorsState | undefined;
  /** The storage provider's own error code, when the provider refused. */
  readonly providerCode: string | undefined;

  private readonly wording: CallErrorWording | undefined;

  constructor(error: CallError, current?: CorsState, wording?: CallErrorWording) {
    super(error.message);
    this.wording = wording;
    this.name = 'ApiRequestError';
    this.code = error.code;
    this.error = error;
    this.current = current;
    this.providerCode = isServerError(error) ? error.providerCode : undefined;
  }

  /** The error's sentence in the active locale (`issueText` words an issue it names); the server's English without a wording. */
  text(issueText?: IssueText): string {
    return this.wording ? this.wording(this.error, issueText) : this.error.message;
  }
}

/** The console wants its access token: the app shows the sign-in form, then retries. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'unauthenticated';
}

// Answers that may differ a moment later: nobody answered, or the answer was a failure on the way.
// Anything else (not found, access denied, a refusal) is the answer, and asking again only delays it
// (a missing bucket showed "Loading…" for 7.5 s while its 404 was retried three times).
const TRANSIENT_CODES: ReadonlySet<CallError['code']> = new Set(['console-unreachable', 'provider-unreachable', 'provider-timeout', 'provider-error', 'internal-error', 'too-many-requests']);

/** Whether a failed read is worth repeating. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof ApiRequestError) || TRANSIENT_CODES.has(error.code);
}
