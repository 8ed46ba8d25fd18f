import { infiniteQueryOptions } from '@tanstack/react-query';
import { fetchAnswer } from './client';

/**
 * The first page is about what the sidebar shows, so rows appear at once (each bucket costs the
 * server one CORS read); the rest come in large pages in the background.
 */
export const FIRST_PAGE_SIZE = 25;
export const BUCKET_PAGE_SIZE = 1000;
export const PICKER_PAGE_SIZE = 100;

interface PageParam {
  cursor: string | null;
  limit: number;
}

const INITIAL_PAGE: PageParam = { cursor: null, limit: FIRST_PAGE_SIZE };

export const bucketQueries = {
  /** Every bucket listing of a profile: invalidated after a write changes a rule count. */
  all: (profile: string) => ['buckets', profile] as const,
  list: (profile: string) =>
    infiniteQueryOptions({
      queryKey: [...bucketQueries.all(profile), 'list'] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchAnswer('listBuckets', { params: { profile }, query: { limit: String(pageParam.limit), ...(pageParam.cursor ? { cursor: pageParam.cursor } : {}) }, signal }),
      initialPageParam: INITIAL_PAGE,
      getNextPageParam: (last): PageParam | null => (last.nextCursor ? { cursor: last.nextCursor, limit: BUCKET_PAGE_SIZE } : null),
    }),
  /**
   * Buckets whose name contains a text (any case, as the bucket list filters), a page at a time,
   * for picking targets: the server filters, so a profile with tens of thousands of buckets only
   * costs the pages someone looks at. A first page asks for a listing made now: choosing buckets
   * to write to wants them as they are.
   */
  byName: (profile: string, contains: string) =>
    infiniteQueryOptions({
      queryKey: [...bucketQueries.all(profile), 'picker', contains] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchAnswer('listBuckets', { params: { profile }, query: { contains, limit: String(PICKER_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : { fresh: '1' }) }, signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/**
 * Has the server list the profile's buckets now, so the first page fetched next comes from that
 * listing rather than one up to two seconds old: what pressing Refresh asks for (a bucket made
 * elsewhere a moment ago must show up).
 */
export async function relistBuckets(profile: string): Promise<void> {
  await fetchAnswer('listBuckets', { params: { profile }, query: { limit: '1', fresh: '1' } });
}

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
    const page = await fetchAnswer('listBuckets', { params: { profile }, query: { limit: '1' }, signal });
    if (!page.refreshing) return page.listingVersion !== version;
  }
  return false;
}
