import { QueryClient } from '@tanstack/react-query';

/** A factory, so tests build their own client (house style §11). */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });
}
