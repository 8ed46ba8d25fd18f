import type { MiddlewareHandler } from 'hono';

/** A list fixed at start, or read per response (origins known only once a port is bound). */
export type Origins = readonly string[] | (() => readonly string[]);

export interface SecurityHeaderOptions {
  /** Origins besides the page's own that may frame it (the console's test harness, or the console for the harness). */
  frameAncestors?: Origins;
  /** Origins the page may fetch from and post forms to besides its own: the storage endpoints (see `storageCspSources`). */
  connectSources?: Origins;
  /** Origins the page may load in an iframe besides its own (the test harness). */
  frameSources?: Origins;
  /** Where forms may post; defaults to `connectSources` (presigned POST uploads go to the bucket). */
  formActions?: Origins;
  /** Origins the page may load images from besides its own: the public URLs in front of buckets. */
  imageSources?: Origins;
}

const read = (origins: Origins | undefined): readonly string[] => (typeof origins === 'function' ? origins() : (origins ?? []));
const sources = (origins: Origins | undefined) => ["'self'", ...cspExpressible(read(origins))].join(' ');

/**
 * The origins a CSP source list can name. CSP's host-source grammar has no IPv6 literal
 * (host-char is ALPHA / DIGIT / "-"; CSP3 §2.3.1), so Chromium refuses `http://[::1]:8787` with a
 * console error on every page ("does not support the source expression") and ignores it; no
 * bracketing makes it valid. Leaving such origins out changes what the browser enforces in no way
 * and keeps the console free of that error.
 */
export function cspExpressible(origins: readonly string[]): string[] {
  return origins.filter((origin) => !/^[a-z][a-z0-9+.-]*:\/\/\[/i.test(origin));
}

/**
 * The Content-Security-Policy of a console page. Scripts and styles come only from the page's
 * own origin (the Vite build emits no inline script); React's `style={...}` props are set
 * through the CSSOM, which `style-src` does not govern, so no 'unsafe-inline' is needed.
 * `connect-src` and `form-action` name the storage endpoints because the test pane's "Test
 * CORS" sends real requests, and presigned POST uploads, from the page straight to the bucket.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${sources(options.imageSources)} data:`,
    `connect-src ${sources(options.connectSources)}`,
    `form-action ${sources(options.formActions ?? options.connectSources)}`,
    `frame-src ${sources(options.frameSources)}`,
    `frame-ancestors ${sources(options.frameAncestors)}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Security headers on every response: the CSP above, no MIME sniffing, no Referer to other
 * origins (bucket URLs in deep links stay private), and no cross-site embedding of resources.
 * `Referrer-Policy: no-referrer` would make Chromium send `Origin: null` on the SPA's own POSTs,
 * which the API's origin check refuses, hence `same-origin`.
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy(options));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') {
      c.header('Cache-Control', 'no-store');
      // API answers are for the console's own pages: no other page may even load them opaquely.
      // (Pages and assets carry none: the test harness on another port may load them.)
      c.header('Cross-Origin-Resource-Policy', 'same-origin');
    }
  };
}
