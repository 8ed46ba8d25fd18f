import { queryOptions } from '@tanstack/react-query';
import type { CorsState, WriteSource } from '../../contract/api';
import type { CorsConfig } from '../../core';
import { fetchAnswer } from './client';
import { settleWrite, type WriteOutcome } from './write-outcome';

export const corsQueries = {
  all: (profile: string) => ['cors', profile] as const,
  detail: (profile: string, bucket: string) =>
    queryOptions({
      queryKey: [...corsQueries.all(profile), 'detail', bucket] as const,
      queryFn: ({ signal }) => fetchAnswer('getCors', { params: { profile, bucket }, signal }),
      // A configuration can change behind the console's back; the If-Match guard catches it on save.
      staleTime: 5_000,
    }),
};

/** PutBucketCors guarded by the version it replaces: saved, conflict (with `current`), invalid (with issues) or failed. */
export function saveCors(profile: string, bucket: string, config: CorsConfig, version: string, source?: WriteSource): Promise<WriteOutcome<CorsState>> {
  return settleWrite(() => fetchAnswer('putCors', { params: { profile, bucket }, body: { config, ...(source ? { source } : {}) }, ifMatch: version }));
}

/** DeleteBucketCors guarded by the version it removes. */
export function deleteCors(profile: string, bucket: string, version: string): Promise<WriteOutcome<CorsState>> {
  return settleWrite(() => fetchAnswer('deleteCors', { params: { profile, bucket }, ifMatch: version }));
}
