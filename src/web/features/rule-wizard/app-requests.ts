import { appFetches, METHODS, predictBrowserFetch, predictedVerdict, type AppDescription, type AppVerdict, type BrowserFetch, type CorsConfig, type Dialect } from '../../../core';
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
  /** The verdict for the app: allowed, allowed but broken (the core says why), or blocked. */
  verdict: AppVerdict;
  /** Why it is blocked, what still breaks for the app, or which headers script can read. */
  detail: RequestOutcomeDetail | null;
  /** 1-based rule that answers the actual request, when one does. */
  rule: number | null;
}

function outcome(config: CorsConfig, fetch: BrowserFetch, dialect: Dialect, mustRead: string[]): RequestOutcome {
  const prediction = predictBrowserFetch(config, fetch, dialect);
  const matched = prediction.actual?.matchedRule ?? null;
  const rule = matched === null ? null : matched + 1;
  const verdict = predictedVerdict(prediction, mustRead, dialect);
  const base = { request: fetch, allowed: prediction.allowed, verdict, rule };
  if (!prediction.allowed) return { ...base, detail: prediction.blockedBy ? { code: 'blocked', block: prediction.blockedBy } : null };
  if (verdict.level === 'broken') return { ...base, detail: { code: 'broken', breakages: verdict.breakages } };
  return { ...base, detail: mustRead.length ? { code: 'readable', headers: mustRead } : null };
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
