import type { QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../../src/web/app/query-client';

/** The app's own query client, fresh per test, without retries: a failed call shows at once. */
export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false }, mutations: { ...defaults.mutations, retry: false } });
  return client;
}
