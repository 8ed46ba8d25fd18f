// Local Network Access (Chrome): a page on a public origin that fetches a private or loopback
// address needs the user's permission, and an insecure public page is refused outright; no CORS
// rule changes either (shared/design/browser-engines.md, "Local Network Access (Chrome)";
// developer.chrome.com/blog/local-network-access). Measured in Chromium 156 with
// `--ip-address-space-overrides`: a secure public page gets `LocalNetworkAccessPermissionDenied`
// until `local-network-access` is granted, an http page on a public host `InsecureLocalNetwork`
// even with it granted (test/e2e/local-network-access.test.ts). Chromium also gates a private
// page reaching loopback; the console only speaks of public pages (issue 19, item 3).
import type { RequestReason } from './browser';
import { ENGINE_FACTS, type BrowserEngine } from './engines';
import { isLoopbackHost } from './mixed-content';

/** Where an address is, as Chromium's IP address spaces name it. */
export type AddressSpace = 'public' | 'private' | 'loopback';

function ipv4Space(host: string): AddressSpace | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  if (a === 127) return 'loopback';
  // RFC 1918 (10/8, 172.16/12, 192.168/16) and link-local 169.254/16 (RFC 3927).
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'private';
  return 'public';
}

function ipv6Space(host: string): AddressSpace | undefined {
  if (!host.includes(':')) return undefined;
  if (host === '::1') return 'loopback';
  // An IPv4-mapped address (`::ffff:7f00:1` as the URL parser writes ::ffff:127.0.0.1) is its IPv4 one.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return ipv4Space(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const first = parseInt(host.split(':')[0] || '0', 16);
  // Unique local fc00::/7 (RFC 4193) and link-local fe80::/10 (RFC 4291).
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'private';
  return 'public';
}

/**
 * The address space of a URL's host when it can be told without DNS: an IP literal, `localhost` or
 * `*.localhost` (which Chromium resolves to loopback itself); undefined for any other host name.
 */
export function hostAddressSpace(hostname: string): AddressSpace | undefined {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopbackHost(host)) return 'loopback';
  return ipv4Space(host) ?? ipv6Space(host);
}

/** A page's address space as the console judges it from its origin: public unless its host is a private or loopback address. */
export function pageAddressSpace(origin: string): AddressSpace | undefined {
  return URL.canParse(origin) ? (hostAddressSpace(new URL(origin).hostname) ?? 'public') : undefined;
}

/** A page that Chromium counts as a secure context: https, or http on a loopback host (W3C Secure Contexts §3.2). */
export function isSecurePage(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'https:' || isLoopbackHost(url.hostname);
}

/** The facts of a fetch Local Network Access gates: the page, the URL, where the URL is, and whether the page is secure. */
export interface LocalNetworkFetch {
  pageOrigin: string;
  url: string;
  addressSpace: 'private' | 'loopback';
  /** An insecure page is refused outright; a secure one may ask the user. */
  secure: boolean;
}

/**
 * Whether a page on `pageOrigin` fetching `url` is a public page reaching a private or loopback
 * address. `pageSpace` is where the page really is when the caller knows better than its origin
 * (an engine run serves every page from this host, or marks it public with an override).
 */
export function localNetworkFetch(pageOrigin: string, url: string, pageSpace?: AddressSpace): LocalNetworkFetch | undefined {
  if (!URL.canParse(url) || (pageSpace ?? pageAddressSpace(pageOrigin)) !== 'public') return undefined;
  const space = hostAddressSpace(new URL(url).hostname);
  if (space !== 'private' && space !== 'loopback') return undefined;
  return { pageOrigin, url, addressSpace: space, secure: isSecurePage(pageOrigin) };
}

/** What can be done about it, by code: none is a CORS rule. */
export const LOCAL_NETWORK_FIX_CODES = ['https-and-permission', 'public-endpoint', 'permission-policy'] as const;
/**
 * `https-and-permission`: serve the app over https and have users accept Chrome's prompt;
 * `public-endpoint`: give the bucket an endpoint on a public address (or a CDN in front);
 * `permission-policy`: an app framed by another page needs `allow="local-network-access"` on its iframe.
 */
export type LocalNetworkFixCode = (typeof LOCAL_NETWORK_FIX_CODES)[number];

/**
 * Whether the engine refuses the fetch: Chromium unless the page is secure and the user allowed
 * it (`permitted`). Firefox and WebKit are assumed not to gate it: the design note records the
 * block for Chrome only, and neither was measured doing it (src/core/engines.ts).
 */
export function localNetworkRefusal(fetch: LocalNetworkFetch | undefined, engine: BrowserEngine, permitted: boolean): RequestReason | undefined {
  if (!fetch || !ENGINE_FACTS[engine].gatesLocalNetworkAccess) return undefined;
  if (fetch.secure && permitted) return undefined;
  return { code: 'local-network-access', params: { ...fetch } };
}

/** The engines that would refuse it, for a prediction that names none. */
export function localNetworkEngines(fetch: LocalNetworkFetch | undefined, permitted: boolean): BrowserEngine[] {
  return (Object.keys(ENGINE_FACTS) as BrowserEngine[]).filter((engine) => localNetworkRefusal(fetch, engine, permitted));
}
