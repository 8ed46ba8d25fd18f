import { afterAll, beforeAll } from 'vitest';
import { consoleWith, s3rverProfile } from './console-app';
import type { ConnectedProfile } from '../../src/server/profiles/connect';
import type { StateStore } from '../../src/server/state/state-store';
import { startLocalS3, type LocalS3 } from './s3rver';

/**
 * For component tests: the real console app over a real s3rver, reached through `fetch('/api/...')`
 * as the SPA does. Only `/api` calls are routed to the app; anything else fails loudly.
 */
export function useRealApi({ state, profiles }: { state?: () => StateStore; profiles?: (s3: LocalS3) => ConnectedProfile[] } = {}) {
  const ctx: { s3: LocalS3; api: ReturnType<typeof consoleWith> } = {} as never;
  const originalFetch = globalThis.fetch;
  beforeAll(async () => {
    // The web API layer loads the route table and its parsers with the first call; loaded here,
    // that cost is the set-up's, not the first test's.
    await Promise.all([import('../../src/contract/routes'), import('../../src/contract/client')]);
    ctx.s3 = await startLocalS3();
    ctx.api = consoleWith(profiles ? profiles(ctx.s3) : [s3rverProfile(ctx.s3.endpoint)], state ? { state: state() } : {});
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
      if (!url.startsWith('/api/')) throw new Error(`Component tests only reach /api; got ${url}`);
      // jsdom's AbortSignal is not the one Node's Request accepts, so it is not passed on.
      const rest: RequestInit = { ...init };
      delete rest.signal;
      return ctx.api.app.request(url, rest);
    }) as typeof fetch;
  });
  afterAll(async () => {
    globalThis.fetch = originalFetch;
    await ctx.s3?.stop();
  });
  return ctx;
}
