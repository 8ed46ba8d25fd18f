import type { Dialect, DialectProfile } from '../dialects';
import { parsePattern, patternsOverlap } from '../pattern';
import { headerReadability, predictBrowserFetch, type BrowserFetch, type BrowserPrediction } from '../predict';
import { METHODS, type CorsConfig, type CorsRule } from '../rule';
import { sampleHeader, sampleOrigin } from './samples';

/** An origin no rule is written for: stands for "every other website". */
export const UNLISTED_ORIGIN = 'https://unlisted-site.example';

/** Header sets `probesAround` samples beyond the touched rules' own. */
const MAX_HEADER_SAMPLES = 8;

/** A sampled request, as people are shown it: `headers` are the names it sets, lowercased and sorted. */
export interface SampleRequest {
  method: string;
  origin: string;
  headers: string[];
  credentials: boolean;
}

/** A sampled request whose verdict changes; `headers` are the exposed headers gained or lost, when that is the change. */
export interface SampleChange {
  request: SampleRequest;
  headers?: string[];
}

/** How a change to a configuration changes what browsers allow, over a sample of requests. */
export interface ConfigChange {
  /** Requests blocked before and allowed after. */
  newlyAllowed: SampleChange[];
  /** Requests allowed before and blocked after: regressions. */
  newlyBlocked: SampleChange[];
  /** Requests allowed both times whose answer exposes headers it did not expose before. */
  newlyReadable: SampleChange[];
  /** Requests allowed both times whose answer no longer exposes a header: regressions too. */
  noLongerReadable: SampleChange[];
}

/** A probe as people are shown it (`sampleChangeText` words it). */
export function sampleRequest(fetch: BrowserFetch): SampleRequest {
  const headers = Object.keys(fetch.headers ?? {}).map((h) => h.toLowerCase()).sort();
  return { method: fetch.method, origin: fetch.origin, headers, credentials: fetch.credentials === 'include' };
}

/** Two probes that people would see as the same request have the same key. */
export function sampleKey(request: SampleRequest): string {
  return JSON.stringify(request);
}

/** The sampled members of an origin list: each listed origin, a member of each wildcard. */
function originSamples(rules: readonly CorsRule[]): string[] {
  return rules.flatMap((r) => r.allowedOrigins.map(sampleOrigin));
}

/** One request header set per allowed header name (a member for families), plus none at all. */
export function headerSamples(rules: readonly CorsRule[]): Record<string, string>[] {
  const sets = new Map<string, Record<string, string>>([['', {}]]);
  for (const name of new Set(rules.flatMap((r) => r.allowedHeaders.map((h) => h.toLowerCase())))) {
    const [sampleName, value] = sampleHeader({ name: name === '*' ? 'x-sample-header' : name });
    sets.set(sampleName, { [sampleName]: sampleName === 'content-type' ? 'application/json' : value });
  }
  return [...sets.values()];
}

export function combine(origins: Iterable<string>, methods: readonly string[], headerSets: Record<string, string>[], extra: BrowserFetch[]): BrowserFetch[] {
  const probes: BrowserFetch[] = [];
  for (const origin of new Set(origins)) {
    for (const method of methods) {
      for (const headers of headerSets) {
        for (const credentials of ['omit', 'include'] as const) probes.push({ origin, method, headers, credentials });
      }
    }
  }
  return [...probes, ...extra];
}

/**
 * A sample of requests that exercises every value of the configurations: each origin they list
 * (a member of each wildcard, plus an unlisted origin), every method, no header or one allowed
 * header at a time, with and without credentials; plus `extra` requests verbatim. Its size grows
 * with origins × headers, so it suits small configurations; see `probesAround` for large ones.
 */
export function probeFetches(configs: CorsConfig[], extra: BrowserFetch[] = []): BrowserFetch[] {
  const rules = configs.flatMap((c) => c.rules);
  const origins = [UNLISTED_ORIGIN, ...originSamples(rules), ...extra.map((f) => f.origin)];
  return combine(origins, METHODS, headerSamples(rules), extra);
}

/**
 * The requests whose answers changing or adding the `touched` rules can alter: a rule only
 * answers its own origins and methods, so only those are sampled, with the headers of the rules
 * that share an origin and a method with it (a dialect that stops at the first origin+method match
 * judges them on the touched rule). Small whatever the size of the configuration.
 */
export function probesAround(config: CorsConfig, touched: readonly CorsRule[], extra: BrowserFetch[] = [], selection: DialectProfile['matching']['preflightSelection'] = 'all-conditions'): BrowserFetch[] {
  const origins = touched.flatMap((r) => r.allowedOrigins.map((o) => parsePattern(o)));
  // Where the first rule listing an origin answers every method (Ceph RGW), a rule touches all
  // methods from its origins, not only its own.
  const everyMethod = selection === 'origin-then-method-and-headers';
  const methods = METHODS.filter((m) => everyMethod || touched.some((r) => r.allowedMethods.includes(m)));
  const neighbours = config.rules.filter(
    (r) => r.allowedMethods.some((m) => methods.includes(m)) && r.allowedOrigins.some((o) => origins.some((t) => patternsOverlap(parsePattern(o), t))),
  );
  // The touched rules' own headers first; neighbours' headers only up to a bound, so the sample stays small.
  const headerSets = headerSamples([...touched, ...neighbours]).slice(0, Math.max(MAX_HEADER_SAMPLES, headerSamples(touched).length));
  return combine([...originSamples(touched), ...extra.map((f) => f.origin)], methods, headerSets, extra);
}

/** `predictBrowserFetch`, or a caller's memo of it. */
export type Predictor = (config: CorsConfig, fetch: BrowserFetch, dialect: Dialect) => BrowserPrediction;

/**
 * Measures how later configurations change what browsers may do compared with `before`, request by
 * request over the probes given to each call; answers under `before` are remembered across calls.
 */
export function changeMeter(before: CorsConfig, dialect: Dialect, predict: Predictor = predictBrowserFetch): (after: CorsConfig, probes: BrowserFetch[]) => ConfigChange {
  const remembered = new Map<string, BrowserPrediction>();
  const was = (fetch: BrowserFetch) => {
    const key = JSON.stringify([fetch.origin, fetch.method, fetch.headers ?? {}, fetch.credentials ?? null, fetch.resource ?? null]);
    let prediction = remembered.get(key);
    if (!prediction) remembered.set(key, (prediction = predict(before, fetch, dialect)));
    return prediction;
  };
  return (after, probes) => {
    const change: ConfigChange = { newlyAllowed: [], newlyBlocked: [], newlyReadable: [], noLongerReadable: [] };
    const seen = new Set<string>();
    for (const fetch of probes) {
      const request = sampleRequest(fetch);
      const key = sampleKey(request);
      if (seen.has(key)) continue;
      seen.add(key);
      const then = was(fetch);
      const now = predict(after, fetch, dialect);
      if (!then.allowed && now.allowed) change.newlyAllowed.push({ request });
      else if (then.allowed && !now.allowed) change.newlyBlocked.push({ request });
      else if (then.allowed && now.allowed) {
        // Over the names either answer exposes: an exposed `*` covers them all only without credentials.
        const names = [...new Set([...then.exposedHeaders, ...now.exposedHeaders])];
        const before = headerReadability(then, names).readable;
        const after = headerReadability(now, names).readable;
        const gained = after.filter((h) => !before.includes(h));
        const lost = before.filter((h) => !after.includes(h));
        if (gained.length) change.newlyReadable.push({ request, headers: gained });
        if (lost.length) change.noLongerReadable.push({ request, headers: lost });
      }
    }
    return change;
  };
}

/** Compares what browsers may do under `before` and `after`, over a sample built from both. */
export function compareConfigs(before: CorsConfig, after: CorsConfig, dialect: Dialect, extra: BrowserFetch[] = []): ConfigChange {
  return changeMeter(before, dialect)(after, probeFetches([before, after], extra));
}

/** Whether the change takes away anything browsers could do before. */
export function hasRegression(change: ConfigChange): boolean {
  return change.newlyBlocked.length > 0 || change.noLongerReadable.length > 0;
}
