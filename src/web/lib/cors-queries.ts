import { queryOptions } from '@tanstack/react-query';
import type { CorsState } from '../../contract/api';
import { apiPath, callApi } from './api-client';

export const corsQueries = {
  all: (profile: string) => ['cors', profile] as const,
  detail: (profile: string, bucket: string) =>
    queryOptions({
      queryKey: [...corsQueries.all(profile), 'detail', bucket] as const,
      queryFn: async ({ signal }) => (await callApi<CorsState>(apiPath.cors(profile, bucket), { signal })).data,
      // A configuration can change behind the console's back; the If-Match guard catches it on save.
      staleTime: 5_000,
    }),
};

/**
 * The bucket list's key prefix, as `bucketQueries.all` in features/buckets builds it: features do not
 * import each other, and a save changes the rule count that list shows.
 */
export const bucketListKey = (profile: string) => ['buckets', profile] as const;
