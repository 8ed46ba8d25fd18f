import { appFetches, headerReadability, METHODS, predictBrowserFetch, type AppDescription, type BrowserFetch, type CorsConfig, type Dialect } from '../../../core';
import type { RequestOutcomeDetail } from '../../lib/messages';

/** An origin the app is not served from: stands for every other website. */
export const OTHER_SITE = 'https://other-site.example';

/** A header name no app description is expected to list. */
export const UNSENT_HEADER = 'x-unlisted-header';

/** One request and what the browser would make of it under a configuration. */
export interface RequestOutcome {
  /** The request (the catalogue's `appRequestText` says it). */
  request: BrowserFetch;
  allowed: boolean;
  /** Why it is blocked, or which headers script can or cannot read. */
  detail: RequestOutcomeDetail | null;
  /** 1-based rule that answers the actual request, when one does. */
  rule: number | null;
}

function outcome(config: CorsConfig, fetch: BrowserFetch, dialect: Dialect, mustRead: string[]): RequestOutcome {
  const prediction = predictBrowserFetch(config, fetch, dialect);
  const matched = prediction.actual?.matchedRule ?? null;
  const rule = matched === null ? null : matched + 1;
  if (!prediction.allowed) return { request: fetch, allowed: false, detail: prediction.blockedBy ? { code: 'blocked', block: prediction.blockedBy } : null, rule };
  const { unreadable } = headerReadability(prediction, mustRead);
  const detail: RequestOutcomeDetail | null = unreadable.length ? { code: 'unreadable', headers: unreadable } : mustRead.length ? { code: 'readable', headers: mustRead } : null;
  return { request: fetch, allowed: true, detail, rule };
}

/** Every request the described app makes, judged under `config`. */
export function appRequestOutcomes(app: AppDescription, config: CorsConfig, dialect: Dialect): RequestOutcome[] {
  return appFetches(app).map((fetch) => outcome(config, fetch, dialect, fetch.needsReadableHeaders));
}

/**
 * Requests the app does not make, judged under `config`: its first request from another website
 * and with a header it never sends, and each method it never uses, from its own origin. Rules
 * allowing only the app keep them blocked; other rules of the draft may not.
 */
export function otherRequestOutcomes(app: AppDescription, config: CorsConfig, dialect: Dialect): RequestOutcome[] {
  const [first] = appFetches(app);
  if (!first) return [];
  const used = new Set(appFetches(app).map((f) => f.method));
  const base = { origin: first.origin, headers: {}, credentials: first.credentials ?? 'omit' } as const;
  const fetches: BrowserFetch[] = [
    ...(app.origins.includes('*') ? [] : [{ ...first, origin: OTHER_SITE }]),
    { ...first, headers: { ...first.headers, [UNSENT_HEADER]: 'sample' } },
    ...METHODS.filter((m) => !used.has(m)).map((method) => ({ ...base, method })),
  ];
  return fetches.map((fetch) => outcome(config, fetch, dialect, []));
}
