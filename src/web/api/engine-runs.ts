import { queryOptions } from '@tanstack/react-query';
import type { StartEngineRunBody } from '../../contract/api';
import { fetchAnswer } from './client';

/** How often a running engine run's progress is read. */
const PROGRESS_EVERY_MS = 500;

export const engineRunQueries = {
  all: () => ['engine-runs'] as const,
  /** The engines installed on the console's host (they change only when someone installs one). */
  host: () =>
    queryOptions({
      queryKey: [...engineRunQueries.all(), 'host'] as const,
      queryFn: ({ signal }) => fetchAnswer('getHostEngines', { signal }),
      staleTime: 60_000,
    }),
  /** A run's progress, read again while it runs. */
  detail: (run: string) =>
    queryOptions({
      queryKey: [...engineRunQueries.all(), 'detail', run] as const,
      queryFn: ({ signal }) => fetchAnswer('getEngineRun', { params: { run }, signal }),
      refetchInterval: (query) => (query.state.data?.state === 'running' ? PROGRESS_EVERY_MS : false),
    }),
};

export function startEngineRun(profile: string, bucket: string, body: StartEngineRunBody) {
  return fetchAnswer('startEngineRun', { params: { profile, bucket }, body });
}

/** Cancels a run; answers it once its engines are closed. */
export function cancelEngineRun(run: string) {
  return fetchAnswer('cancelEngineRun', { params: { run } });
}
