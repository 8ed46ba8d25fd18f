import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isTransient, isUnauthenticated } from '../api/api-error';

export interface QueryClientOptions {
  /** Called when any call answers 401 unauthenticated: the app asks for the access token. */
  onUnauthenticated?: () => void;
}

/** A factory, so tests build their own client (house style §11). */
export function createQueryClient({ onUnauthenticated }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { staleTime: 10_000, retry: (count, error) => isTransient(error) && count < 3 } },
  });
}
