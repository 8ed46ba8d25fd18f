import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketQueries } from '../../api/buckets';
import { corsQueries } from '../../api/cors';
import { historyQueries, restoreEntry, type RestoreRequest } from '../../api/history';

/**
 * Restores a history entry with the version the page holds in If-Match: what the provider holds
 * afterwards (restored, or theirs on a conflict) goes into the query cache, as a save's does.
 */
export function useRestore(profile: string, bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RestoreRequest) => restoreEntry(profile, bucket, request),
    onSuccess: (outcome) => {
      const detail = corsQueries.detail(profile, bucket).queryKey;
      if (outcome.kind === 'saved') queryClient.setQueryData(detail, outcome.value);
      else if (outcome.kind === 'conflict') queryClient.setQueryData(detail, outcome.current);
      void queryClient.invalidateQueries({ queryKey: historyQueries.bucket(profile, bucket) });
      void queryClient.invalidateQueries({ queryKey: bucketQueries.all(profile) });
    },
  });
}
