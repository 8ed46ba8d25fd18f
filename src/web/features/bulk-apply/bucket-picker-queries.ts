import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BucketPage } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';
import { bucketListKey } from '../../lib/cors-queries';

export const PICKER_PAGE_SIZE = 100;

/**
 * Buckets by name prefix, a page at a time, for picking targets: the server filters, so a profile
 * with tens of thousands of buckets only costs the pages someone looks at. The key sits under the
 * bucket list's prefix, so invalidating the list after a write refreshes these too.
 */
export const bucketPickerQueries = {
  byPrefix: (profile: string, prefix: string) =>
    infiniteQueryOptions({
      queryKey: [...bucketListKey(profile), 'picker', prefix] as const,
      queryFn: async ({ pageParam, signal }) => {
        const query = new URLSearchParams({ prefix, limit: String(PICKER_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
        return (await callApi<BucketPage>(`${apiPath.buckets(profile)}?${query}`, { signal })).data;
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};
