import type { Issue } from '../../core';
import type { CorsState } from '../../contract/api';
import { ApiRequestError } from './api-error';

/**
 * How a guarded write ended, keyed on the API's error codes so no caller reads HTTP statuses:
 * saved; refused because the data changed (`current` is what is there now); refused as invalid
 * (`issues` point into what was sent); or failed (the provider or the console could not do it).
 */
export type WriteOutcome<T> =
  | { kind: 'saved'; value: T }
  | { kind: 'conflict'; current: CorsState; error: ApiRequestError }
  | { kind: 'invalid'; issues: Issue[]; error: ApiRequestError }
  | { kind: 'failed'; error: ApiRequestError };

export type WriteRefusal = Exclude<WriteOutcome<unknown>, { kind: 'saved' }>;

/** Runs a write and sorts its end into an outcome; it never rejects. */
export async function settleWrite<T>(write: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { kind: 'saved', value: await write() };
  } catch (error) {
    // Anything else is a bug, not an outcome.
    if (!(error instanceof ApiRequestError)) throw error;
    if (error.error.code === 'version-conflict' && error.current) return { kind: 'conflict', current: error.current, error };
    if (error.error.code === 'validation-failed' || (error.error.code === 'bad-request' && error.error.issues)) return { kind: 'invalid', issues: error.error.issues ?? [], error };
    return { kind: 'failed', error };
  }
}

/** The saved value, or the refusal's error thrown (for a mutation that shows any refusal as a failure). */
export function savedOrThrow<T>(outcome: WriteOutcome<T>): T {
  if (outcome.kind === 'saved') return outcome.value;
  throw outcome.error;
}
