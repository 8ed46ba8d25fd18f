import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BucketCors, CorsState } from '../../../contract/api';
import type { CorsConfig } from '../../../core';
import { bucketQueries } from '../../api/buckets';
import { corsQueries, deleteCors, saveCors } from '../../api/cors';
import { historyQueries } from '../../api/history';
import type { WriteOutcome as ApiWriteOutcome } from '../../api/write-outcome';

export type WriteIntent = 'save' | 'delete';

/** A write guarded by the version the draft started from (If-Match). */
export type WriteRequest = { intent: 'save'; config: CorsConfig; version: string } | { intent: 'delete'; version: string };

/**
 * How a guarded write ended, as the API layer sorts it by error code (saved / conflict with
 * `current` / invalid with `issues` / failed); the editor acts on this, never on HTTP statuses.
 */
export type WriteOutcome = ApiWriteOutcome<CorsState>;

/** The one place that starts a write; its answer is already a typed outcome. */
function writeCors(profile: string, bucket: string, request: WriteRequest): Promise<WriteOutcome> {
  return request.intent === 'save' ? saveCors(profile, bucket, request.config, request.version) : deleteCors(profile, bucket, request.version);
}

/**
 * Saves or deletes the bucket's CORS configuration against a version. What the provider holds
 * afterwards (the written configuration, or theirs on a conflict) goes into the query cache here;
 * the caller's `onOutcome` moves the editor on.
 */
/** A write answers the state alone: the bucket's demo lesson, read once, stays. */
const keepLesson = (state: CorsState) => (held: BucketCors | undefined): BucketCors => (held?.lesson ? { ...state, lesson: held.lesson } : state);

export function useGuardedWrite(profile: string, bucket: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (request: WriteRequest) => writeCors(profile, bucket, request),
    onSuccess: (outcome) => {
      const detail = corsQueries.detail(profile, bucket).queryKey;
      // Every write that got past the version check is in the history, written or not.
      void queryClient.invalidateQueries({ queryKey: historyQueries.bucket(profile, bucket) });
      if (outcome.kind === 'saved') {
        queryClient.setQueryData(detail, keepLesson(outcome.value));
        void queryClient.invalidateQueries({ queryKey: bucketQueries.all(profile) });
      } else if (outcome.kind === 'conflict') {
        queryClient.setQueryData(detail, keepLesson(outcome.current));
      }
    },
  });
  const last = mutation.data;
  return {
    write: (request: WriteRequest, onOutcome: (outcome: WriteOutcome) => void) => mutation.mutate(request, { onSuccess: onOutcome }),
    /** The write under way, if any. */
    pending: mutation.isPending ? mutation.variables.intent : null,
    /** Why the last write wrote nothing (a conflict is shown as such, not as a failure), until the next write or `clearFailure`. */
    failure: last?.kind === 'invalid' || last?.kind === 'failed' ? last.error : null,
    clearFailure: mutation.reset,
  };
}
