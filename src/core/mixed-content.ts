// Mixed content: a page served over https may not fetch() an http URL; the browser refuses before
// any CORS check (W3C Mixed Content, "blockable" requests), unless the URL is "potentially
// trustworthy" — a loopback host (W3C Secure Contexts §3.2). Chromium and Firefox let loopback
// through; WebKit does not: WebKitGTK 2.50 refused https://app.example.com → http://127.0.0.1
// (test/e2e/engines-origins.test.ts), as Safari does (WebKit bug 171934).
import type { RequestReason } from './browser';
import { ENGINE_FACTS, type BrowserEngine } from './engines';

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: the hosts Secure Contexts counts as trustworthy over http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Whether a page on `pageOrigin` fetching `url` is mixed content, and whether the URL is on loopback. */
export function mixedContent(pageOrigin: string, url: string): { loopback: boolean } | undefined {
  if (!URL.canParse(pageOrigin) || !URL.canParse(url)) return undefined;
  const target = new URL(url);
  if (new URL(pageOrigin).protocol !== 'https:' || target.protocol !== 'http:') return undefined;
  return { loopback: isLoopbackHost(target.hostname) };
}

/**
 * The refusal of a mixed-content fetch in `engine`, or in every engine when none is named: on
 * loopback only WebKit refuses, so without an engine that case is a caution instead
 * (`mixedContentCaution`).
 */
export function mixedContentRefusal(pageOrigin: string, url: string, engine?: BrowserEngine): RequestReason | undefined {
  const mixed = mixedContent(pageOrigin, url);
  if (!mixed) return undefined;
  if (mixed.loopback && !(engine && ENGINE_FACTS[engine].blocksMixedContentOnLoopback)) return undefined;
  return { code: 'mixed-content', params: { pageOrigin, url, loopback: mixed.loopback } };
}

/** The engines that refuse an https page's fetch of an http loopback URL, when the fetch is one and no engine is named. */
export function mixedContentLoopbackEngines(pageOrigin: string, url: string, engine?: BrowserEngine): BrowserEngine[] {
  if (engine || !mixedContent(pageOrigin, url)?.loopback) return [];
  return (Object.keys(ENGINE_FACTS) as BrowserEngine[]).filter((name) => ENGINE_FACTS[name].blocksMixedContentOnLoopback);
}
