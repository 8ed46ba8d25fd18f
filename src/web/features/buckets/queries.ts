import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BucketPage } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

/**
 * The first page is about what the sidebar shows, so rows appear at once (each bucket costs the
 * server one CORS read); the rest come in large pages in the background.
 */
export const FIRST_PAGE_SIZE = 25;
export const BUCKET_PAGE_SIZE = 1000;

interface PageParam {
  cursor: string | null;
  limit: number;
}

export const bucketQueries = {
  all: (profile: string) => ['buckets', profile] as const,
  list: (profile: string) =>
    infiniteQueryOptions({
      queryKey: [...bucketQueries.all(profile), 'list'] as const,
      queryFn: async ({ pageParam, signal }) => {
        const query = new URLSearchParams({ limit: String(pageParam.limit), ...(pageParam.cursor ? { cursor: pageParam.cursor } : {}) });
        return (await callApi<BucketPage>(`${apiPath.buckets(profile)}?${query}`, { signal })).data;
      },
      initialPageParam: { cursor: null, limit: FIRST_PAGE_SIZE } as PageParam,
      getNextPageParam: (last): PageParam | null => (last.nextCursor ? { cursor: last.nextCursor, limit: BUCKET_PAGE_SIZE } : null),
    }),
};

/** How often, and how many times, to ask whether the server's newer listing has arrived. */
const REVALIDATE_EVERY_MS = 500;
const REVALIDATE_TRIES = 20;

/**
 * The server may cut the first page from a listing a few seconds old while it lists again
 * (`refreshing`). This waits for that listing and answers whether it differs from `version`,
 * without reloading every page (and every CORS summary) when nothing changed.
 */
export async function listingChanged(profile: string, version: string, signal: AbortSignal): Promise<boolean> {
  for (let i = 0; i < REVALIDATE_TRIES && !signal.aborted; i++) {
    await new Promise((resolve) => setTimeout(resolve, REVALIDATE_EVERY_MS));
    const page = (await callApi<BucketPage>(`${apiPath.buckets(profile)}?limit=1`, { signal })).data;
    if (!page.refreshing) return page.listingVersion !== version;
  }
  return false;
}
