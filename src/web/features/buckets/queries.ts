import { infiniteQueryOptions } from '@tanstack/react-query';
import type { BucketPage } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

/**
 * The first page is small so rows appear at once (each bucket costs the server one CORS read);
 * the rest come in large pages in the background.
 */
export const FIRST_PAGE_SIZE = 50;
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
