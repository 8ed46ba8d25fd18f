import { queryOptions } from '@tanstack/react-query';
import type { ConsoleInfo, SavedTest, SavedTests } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

export const consoleInfoQuery = queryOptions({
  queryKey: ['console-info'] as const,
  queryFn: async ({ signal }) => (await callApi<ConsoleInfo>(apiPath.console(), { signal })).data,
  staleTime: Infinity,
});

export const savedTestQueries = {
  all: (profile: string) => ['saved-tests', profile] as const,
  list: (profile: string, bucket: string) =>
    queryOptions({
      queryKey: [...savedTestQueries.all(profile), 'list', bucket] as const,
      queryFn: async ({ signal }) => (await callApi<SavedTests>(apiPath.savedTests(profile, bucket), { signal })).data.tests,
    }),
};

export async function replaceSavedTests(profile: string, bucket: string, tests: SavedTest[]): Promise<SavedTest[]> {
  return (await callApi<SavedTests>(apiPath.savedTests(profile, bucket), { method: 'PUT', body: JSON.stringify({ tests }) })).data.tests;
}
