import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BucketPage } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

/** Buckets come in pages of this many; the list keeps loading pages in the background. */
export const BUCKET_PAGE_SIZE = 1000;

export const bucketQueries = {
  all: (profile: string) => ['buckets', profile] as const,
  list: (profile: string) =>
    infiniteQueryOptions({
      queryKey: [...bucketQueries.all(profile), 'list'] as const,
      queryFn: async ({ pageParam, signal }) => {
        const query = new URLSearchParams({ limit: String(BUCKET_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
        return (await callApi<BucketPage>(`${apiPath.buckets(profile)}?${query}`, { signal })).data;
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};
