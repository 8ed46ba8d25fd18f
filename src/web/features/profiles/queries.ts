import { queryOptions } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

export const profileQueries = {
  all: () => ['profiles'] as const,
  list: () =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'list'] as const,
      queryFn: async () => (await callApi<{ profiles: ProfileSummary[] }>(apiPath.profiles())).data.profiles,
      staleTime: 60_000,
    }),
};
