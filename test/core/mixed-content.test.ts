// Issue 18: an https page's fetch() of an http bucket is refused as mixed content before any CORS
// check; on loopback only WebKit refuses it (measured in test/e2e/engines-origins.test.ts).
import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { blockText, cautionText, isLoopbackHost, predictBrowserFetch, type CorsConfig } from '../../src/core';
import chinese from '../../src/core/messages/locales/zh-CN.json?lingui';

const OPEN: CorsConfig = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: [] }] };
const PAGE = 'https://app.example.com';
const LOOPBACK = 'http://127.0.0.1:9000/bucket/photo.jpg';
const REMOTE = 'http://bucket.example.com/photo.jpg';

afterEach(() => i18n.activate('en'));

describe('isLoopbackHost', () => {
  it('counts the hosts Secure Contexts trusts over http, and nothing else', () => {
    const hosts = ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '10.0.0.1', '192.168.1.2', 'localhost.example.com', '128.0.0.1', 'example.com'];
    expect(hosts.filter(isLoopbackHost)).toEqual(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']);
  });
});

describe('predictBrowserFetch with the URL fetched', () => {
  it('refuses an https page fetching an http bucket off loopback in every engine, before any preflight', () => {
    for (const engine of [undefined, 'chromium', 'firefox', 'webkit'] as const) {
      const prediction = predictBrowserFetch(OPEN, { origin: PAGE, method: 'PUT', headers: { 'content-type': 'image/jpeg' }, url: REMOTE }, 's3', engine);
      expect({ engine, allowed: prediction.allowed, check: prediction.blockedBy?.check, preflight: prediction.request.preflight, sent: prediction.preflight ?? prediction.actual }).toEqual({
        engine,
        allowed: false,
        check: 'request-refused',
        preflight: false,
        sent: undefined,
      });
      expect(prediction.request.reasons[0]).toEqual({ code: 'mixed-content', params: { pageOrigin: PAGE, url: REMOTE, loopback: false } });
    }
  });

  it('on loopback, refuses in WebKit only; without an engine it is allowed with a caution naming Safari', () => {
    // The page really on loopback, as measured (routed there): a public one would meet Chrome's Local Network Access too (local-network.test.ts).
    const verdicts = (['chromium', 'firefox', 'webkit'] as const).map((engine) => `${engine}: ${predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: LOOPBACK, pageAddressSpace: 'loopback' }, 's3', engine).allowed}`);
    expect(verdicts).toEqual(['chromium: true', 'firefox: true', 'webkit: false']);
    const any = predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: LOOPBACK, pageAddressSpace: 'loopback' });
    expect(any.allowed).toBe(true);
    expect(any.cautions).toEqual([{ code: 'mixed-content-on-loopback', params: { engine: 'webkit', pageOrigin: PAGE, url: LOOPBACK } }]);
    expect(cautionText(any.cautions[0]!)).toBe(
      `Safari will refuse this request: the page is on https (${PAGE}) and the bucket on http (${LOOPBACK}). Chromium and Firefox let that through on loopback; WebKit refuses it as mixed content. Serve the bucket over https to work in every browser.`,
    );
  });

  it('leaves an http page, an https bucket and a fetch without a URL as they were', () => {
    for (const fetch of [
      { origin: 'http://app.example.com', method: 'GET', url: REMOTE },
      { origin: PAGE, method: 'GET', url: 'https://bucket.example.com/photo.jpg' },
      { origin: PAGE, method: 'GET' },
    ]) {
      const prediction = predictBrowserFetch(OPEN, fetch, 's3', 'webkit');
      expect({ fetch, allowed: prediction.allowed, cautions: prediction.cautions }).toEqual({ fetch, allowed: true, cautions: [] });
    }
  });

  it('says why in English and in Chinese, with the page and the URL, and the fix that works', () => {
    const block = predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: LOOPBACK }, 's3', 'webkit').blockedBy!;
    expect(blockText(block)).toBe(
      `The page is on https (${PAGE}) and the bucket URL on http on this machine (${LOOPBACK}): WebKit browsers such as Safari refuse this mixed content before any CORS check (Chromium and Firefox let loopback through), so nothing is sent. Serve the bucket over https, or the page over http; no CORS rule can fix it.`,
    );
    i18n.load('zh-CN', chinese);
    i18n.activate('zh-CN');
    const remote = blockText(predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: REMOTE }).blockedBy!);
    expect(remote).toBe(`页面使用 https（${PAGE}），而存储桶 URL 使用 http（${REMOTE}）：浏览器会在任何 CORS 检查之前拒绝这种混合内容，请求不会发出。请通过 https 提供存储桶，或通过 http 提供页面；任何 CORS 规则都无法解决此问题。`);
  });
});
