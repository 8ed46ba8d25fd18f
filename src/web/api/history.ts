import { queryOptions } from '@tanstack/react-query';
import type { CorsState, WriteSource } from '../../contract/api';
import { fetchAnswer } from './client';
import { settleWrite, type WriteOutcome } from './write-outcome';

export const HISTORY_PAGE_SIZE = 20;

export const historyQueries = {
  all: (profile: string) => ['history', profile] as const,
  bucket: (profile: string, bucket: string) => [...historyQueries.all(profile), bucket] as const,
  /** One page, newest first; the first page (no cursor) also says whether the provider drifted from the history. */
  page: (profile: string, bucket: string, cursor?: string) =>
    queryOptions({
      queryKey: [...historyQueries.bucket(profile, bucket), 'page', cursor ?? null] as const,
      queryFn: ({ signal }) => fetchAnswer('listHistory', { params: { profile, bucket }, query: { limit: String(HISTORY_PAGE_SIZE), ...(cursor ? { cursor } : {}) }, signal }),
      staleTime: 5_000,
    }),
};

export interface RestoreRequest {
  entry: string;
  side: 'after' | 'before';
  /** The version the provider holds now, as this page read it. */
  version: string;
  source?: WriteSource;
}

/** Writes an entry's configuration back, guarded by the version the provider holds now (If-Match). */
export function restoreEntry(profile: string, bucket: string, request: RestoreRequest): Promise<WriteOutcome<CorsState>> {
  const { entry, side, version, source } = request;
  return settleWrite(() => fetchAnswer('restoreHistory', { params: { profile, bucket, entry }, body: { side, ...(source ? { source } : {}) }, ifMatch: version }));
}
