import type { Dialect } from '../dialects';
import { predictBrowserFetch, type BrowserFetch } from '../predict';
import { METHODS, type CorsConfig } from '../rule';
import { sampleHeader, sampleOrigin } from './app';

/** An origin no rule is written for: stands for "every other website". */
export const UNLISTED_ORIGIN = 'https://unlisted-site.example';

/** How a change to a configuration changes what browsers allow, over a sample of requests. */
export interface ConfigChange {
  /** Requests blocked before and allowed after. */
  newlyAllowed: string[];
  /** Requests allowed before and blocked after: regressions. */
  newlyBlocked: string[];
  /** Requests allowed both times whose answer exposes headers it did not expose before. */
  newlyReadable: string[];
  /** Requests allowed both times whose answer no longer exposes a header: regressions too. */
  noLongerReadable: string[];
}

/** `PUT from https://a.example with content-type (with credentials)`: a probe, for people. */
export function describeFetch(fetch: BrowserFetch): string {
  const headers = Object.keys(fetch.headers ?? {}).map((h) => h.toLowerCase()).sort();
  const withHeaders = headers.length ? ` with ${headers.join(', ')}` : '';
  return `${fetch.method} from ${fetch.origin}${withHeaders}${fetch.credentials === 'include' ? ' (with credentials)' : ''}`;
}

/**
 * A sample of requests that exercises every value of both configurations: each origin they list
 * (a member of each wildcard, plus an unlisted origin), every method, no header or one allowed
 * header at a time, with and without credentials; plus `extra` requests verbatim.
 */
export function probeFetches(configs: CorsConfig[], extra: BrowserFetch[] = []): BrowserFetch[] {
  const rules = configs.flatMap((c) => c.rules);
  const origins = new Set([UNLISTED_ORIGIN, ...rules.flatMap((r) => r.allowedOrigins.map(sampleOrigin)), ...extra.map((f) => f.origin)]);
  const headerSets = new Map<string, Record<string, string>>([['', {}]]);
  for (const name of new Set(rules.flatMap((r) => r.allowedHeaders.map((h) => h.toLowerCase())))) {
    const [sampleName, value] = sampleHeader({ name: name === '*' ? 'x-sample-header' : name });
    headerSets.set(sampleName, { [sampleName]: sampleName === 'content-type' ? 'application/json' : value });
  }
  const probes: BrowserFetch[] = [];
  for (const origin of origins) {
    for (const method of METHODS) {
      for (const headers of headerSets.values()) {
        for (const credentials of ['omit', 'include'] as const) probes.push({ origin, method, headers, credentials });
      }
    }
  }
  return [...probes, ...extra];
}

/**
 * Compares what browsers may do under `before` and under each later configuration, request by
 * request over `probes`; the answers under `before` are computed once.
 */
export function changeMeter(before: CorsConfig, probes: BrowserFetch[], dialect: Dialect): (after: CorsConfig) => ConfigChange {
  const was = probes.map((fetch) => predictBrowserFetch(before, fetch, dialect));
  return (after) => {
    const change: ConfigChange = { newlyAllowed: [], newlyBlocked: [], newlyReadable: [], noLongerReadable: [] };
    probes.forEach((fetch, i) => {
      const then = was[i]!;
      const now = predictBrowserFetch(after, fetch, dialect);
      const what = describeFetch(fetch);
      if (!then.allowed && now.allowed) change.newlyAllowed.push(what);
      else if (then.allowed && !now.allowed) change.newlyBlocked.push(what);
      else if (then.allowed && now.allowed) {
        const gained = now.exposedHeaders.filter((h) => !then.exposedHeaders.includes(h));
        const lost = then.exposedHeaders.filter((h) => !now.exposedHeaders.includes(h));
        if (gained.length) change.newlyReadable.push(`${what}: ${gained.join(', ')}`);
        if (lost.length) change.noLongerReadable.push(`${what}: ${lost.join(', ')}`);
      }
    });
    return change;
  };
}

/** Compares what browsers may do under `before` and `after`, over a sample built from both. */
export function compareConfigs(before: CorsConfig, after: CorsConfig, dialect: Dialect, extra: BrowserFetch[] = []): ConfigChange {
  return changeMeter(before, probeFetches([before, after], extra), dialect)(after);
}

/** Whether the change takes away anything browsers could do before. */
export function hasRegression(change: ConfigChange): boolean {
  return change.newlyBlocked.length > 0 || change.noLongerReadable.length > 0;
}
