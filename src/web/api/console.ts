import { queryOptions } from '@tanstack/react-query';
import { fetchAnswer } from './client';

export const consoleQueries = {
  info: () =>
    queryOptions({
      queryKey: ['console', 'info'] as const,
      queryFn: ({ signal }) => fetchAnswer('getConsoleInfo', { signal }),
      staleTime: Infinity,
    }),
  /** Whether this console asks for a token, and whether this browser has a session. */
  session: () =>
    queryOptions({
      queryKey: ['console', 'session'] as const,
      queryFn: ({ signal }) => fetchAnswer('getSession', { signal }),
      staleTime: Infinity,
    }),
};

export const profileQueries = {
  all: () => ['profiles'] as const,
  list: () =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await fetchAnswer('listProfiles', { signal })).profiles,
      staleTime: 60_000,
    }),
};

/** Trades the access token for the session cookie (HttpOnly: script never sees it again). */
export function signIn(token: string) {
  return fetchAnswer('signIn', { body: { token } });
}

/** Ends this browser's session: the cookie is cleared and the console asks for the token again. */
export function signOut() {
  return fetchAnswer('signOut', {});
}
