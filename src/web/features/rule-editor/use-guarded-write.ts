import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CorsState } from '../../../contract/api';
import type { CorsConfig, Issue } from '../../../core';
import { ApiRequestError } from '../../lib/api-client';
import { bucketListKey, corsQueries } from '../../lib/cors-queries';
import { deleteCors, saveCors } from '../../lib/write-cors';

export type WriteIntent = 'save' | 'delete';

/** A write guarded by the version the draft started from (If-Match). */
export type WriteRequest = { intent: 'save'; config: CorsConfig; version: string } | { intent: 'delete'; version: string };

/** How a guarded write ended; the editor acts on this, never on HTTP statuses. */
export type WriteOutcome =
  | { kind: 'saved'; state: CorsState }
  /** The provider's configuration is no longer the version the draft started from; nothing was written. */
  | { kind: 'conflict'; current: CorsState }
  /** The server refused the configuration; `issues` say where. */
  | { kind: 'invalid'; issues: readonly Issue[]; error: unknown }
  | { kind: 'provider-error'; error: unknown };

/** The one place that reads a write's answer. */
async function writeCors(profile: string, bucket: string, request: WriteRequest): Promise<WriteOutcome> {
  try {
    const state = request.intent === 'save' ? await saveCors(profile, bucket, request.config, request.version) : await deleteCors(profile, bucket, request.version);
    return { kind: 'saved', state };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 409 && error.body.current) return { kind: 'conflict', current: error.body.current };
    if (error instanceof ApiRequestError && error.status === 422) return { kind: 'invalid', issues: error.body.error.issues ?? [], error };
    return { kind: 'provider-error', error };
  }
}

/**
 * Saves or deletes the bucket's CORS configuration against a version. What the provider holds
 * afterwards (the written configuration, or theirs on a conflict) goes into the query cache here;
 * the caller's `onOutcome` moves the editor on.
 */
export function useGuardedWrite(profile: string, bucket: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (request: WriteRequest) => writeCors(profile, bucket, request),
    onSuccess: (outcome) => {
      const detail = corsQueries.detail(profile, bucket).queryKey;
      if (outcome.kind === 'saved') {
        queryClient.setQueryData(detail, outcome.state);
        void queryClient.invalidateQueries({ queryKey: bucketListKey(profile) });
      } else if (outcome.kind === 'conflict') {
        queryClient.setQueryData(detail, outcome.current);
      }
    },
  });
  const last = mutation.data;
  return {
    write: (request: WriteRequest, onOutcome: (outcome: WriteOutcome) => void) => mutation.mutate(request, { onSuccess: onOutcome }),
    /** The write under way, if any. */
    pending: mutation.isPending ? mutation.variables.intent : null,
    /** Why the last write wrote nothing (a conflict is shown as such, not as a failure), until the next write or `clearFailure`. */
    failure: last?.kind === 'invalid' || last?.kind === 'provider-error' ? last.error : null,
    clearFailure: mutation.reset,
  };
}
