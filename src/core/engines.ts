// What each browser engine does differently with CORS, as measured on Chromium 156, Firefox ESR 153
// and WebKitGTK 2.50 (shared/design/browser-engines.md, "Observed behaviour", a page on one
// loopback origin calling another) and read in their sources. Where this says nothing, the three
// agree with the Fetch Standard as src/core/browser.ts encodes it.
import { PREFLIGHT_CACHE_CAPS, preflightCacheSeconds, WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION } from './browser';

export const BROWSER_ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type BrowserEngine = (typeof BROWSER_ENGINES)[number];

/** One engine's differences. */
export interface EngineFacts {
  /** The longest it keeps a preflight answer, in seconds ({@link PREFLIGHT_CACHE_CAPS}). */
  preflightCacheCap: number;
  /**
   * Whether it sends the preflight again for every PUT with a body, whatever Max-Age says. Firefox
   * did: 3 preflights for 3 PUTs with a body and Max-Age 600, where Chromium and WebKit sent one,
   * and all three sent one for PUTs without a body (cause unknown; re-measured by
   * test/e2e/engines-verdicts.test.ts).
   */
  repreflightsPutWithBody: boolean;
  /** `Access-Control-Allow-Headers: *` lets Authorization through without credentials (all three; the spec says no). */
  wildcardAllowHeadersCoversAuthorization: boolean;
  /**
   * An https page's fetch() of an http loopback URL is refused as mixed content: WebKit only
   * (src/core/mixed-content.ts); Chromium and Firefox count loopback as trustworthy.
   */
  blocksMixedContentOnLoopback: boolean;
  /**
   * A public page's fetch() of a private or loopback address needs the user's permission, and an
   * insecure public page is refused outright (Local Network Access, src/core/local-network.ts):
   * Chromium only. Firefox and WebKit are assumed not to: shared/design/browser-engines.md records
   * the block for Chrome alone, and neither engine was measured for it.
   */
  gatesLocalNetworkAccess: boolean;
}

export const ENGINE_FACTS: { readonly [E in BrowserEngine]: EngineFacts } = {
  chromium: { preflightCacheCap: PREFLIGHT_CACHE_CAPS.chromium, repreflightsPutWithBody: false, wildcardAllowHeadersCoversAuthorization: WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION, blocksMixedContentOnLoopback: false, gatesLocalNetworkAccess: true },
  firefox: { preflightCacheCap: PREFLIGHT_CACHE_CAPS.firefox, repreflightsPutWithBody: true, wildcardAllowHeadersCoversAuthorization: WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION, blocksMixedContentOnLoopback: false, gatesLocalNetworkAccess: false },
  webkit: { preflightCacheCap: PREFLIGHT_CACHE_CAPS.webkit, repreflightsPutWithBody: false, wildcardAllowHeadersCoversAuthorization: WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION, blocksMixedContentOnLoopback: true, gatesLocalNetworkAccess: false },
};

/** How long `engine` keeps a preflight answered with this Access-Control-Max-Age: the value (default 5 s), capped. */
export function enginePreflightCacheSeconds(maxAge: string | undefined, engine: BrowserEngine): number {
  return Math.min(preflightCacheSeconds(maxAge), ENGINE_FACTS[engine].preflightCacheCap);
}

/** Whether `engine` sends the preflight of this request every time, its cache notwithstanding. */
export function enginePreflightsEveryTime(engine: BrowserEngine, method: string, hasBody: boolean): boolean {
  return ENGINE_FACTS[engine].repreflightsPutWithBody && method === 'PUT' && hasBody;
}
