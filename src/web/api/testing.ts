import { queryOptions } from '@tanstack/react-query';
import type { CacheCheckBody, PresignBody, ProbeBody, RemoveScratchBody, SavedTest } from '../../contract/api';
import { fetchAnswer } from './client';
import { settleWrite, type WriteOutcome } from './write-outcome';

interface BucketRef {
  profile: string;
  bucket: string;
}

/** The server's raw preflight and actual request beside its prediction (and the URLs and configuration it used). */
export function probe({ profile, bucket }: BucketRef, body: ProbeBody) {
  return fetchAnswer('probe', { params: { profile, bucket }, body });
}

/** A presigned URL (or POST form) for a request the page sends straight to the bucket. */
export function presign({ profile, bucket }: BucketRef, body: PresignBody) {
  return fetchAnswer('presign', { params: { profile, bucket }, body });
}

/** The cache check: the server's requests through the bucket's public URL and straight to the bucket, and what they show. */
export function cacheCheck({ profile, bucket }: BucketRef, body: CacheCheckBody) {
  return fetchAnswer('cacheCheck', { params: { profile, bucket }, body });
}

/** Removes a test's scratch object once the page's own request is done (the server would, later). */
export function removeScratch({ profile, bucket }: BucketRef, body: RemoveScratchBody) {
  return fetchAnswer('removeScratch', { params: { profile, bucket }, body });
}

export const savedTestQueries = {
  all: (profile: string) => ['saved-tests', profile] as const,
  list: (profile: string, bucket: string) =>
    queryOptions({
      queryKey: [...savedTestQueries.all(profile), 'list', bucket] as const,
      queryFn: async ({ signal }) => (await fetchAnswer('listSavedTests', { params: { profile, bucket }, signal })).tests,
    }),
};

/** Replaces the bucket's saved tests: saved (the list as stored), invalid (with issues) or failed. */
export function replaceSavedTests(profile: string, bucket: string, tests: SavedTest[]): Promise<WriteOutcome<SavedTest[]>> {
  return settleWrite(async () => (await fetchAnswer('putSavedTests', { params: { profile, bucket }, body: { tests } })).tests);
}
