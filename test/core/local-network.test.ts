// Issue 19, item 3: Chrome's Local Network Access. A public page's fetch() of a private or loopback
// address needs the user's permission in Chromium, and an insecure public page is refused outright;
// no CORS rule changes it (shared/design/browser-engines.md; measured in test/e2e/local-network-access.test.ts).
import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blockText,
  cautionText,
  corsErrorReasonText,
  corsFixText,
  explainCorsError,
  hostAddressSpace,
  localNetworkFetch,
  localNetworkFixText,
  LOCAL_NETWORK_FIX_CODES,
  pageAddressSpace,
  predictBrowserFetch,
  type CorsConfig,
} from '../../src/core';
import chinese from '../../src/core/messages/locales/zh-CN.json?lingui';

const OPEN: CorsConfig = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: [] }] };
const PAGE = 'https://app.example.com';
const HTTP_PAGE = 'http://app.example.com';
// https URLs, so no mixed content mixes in (src/core/mixed-content.ts).
const RGW = 'https://192.168.1.20:7480/photos/cat.jpg';
const LOOPBACK = 'https://127.0.0.1:9000/photos/cat.jpg';

afterEach(() => i18n.activate('en'));

describe('hostAddressSpace', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['localhost', 'loopback'], ['files.localhost', 'loopback'], ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.0.10', 'private'], ['169.254.169.254', 'private'],
    ['[fc00::1]', 'private'], ['[fd12:3456::1]', 'private'], ['[fe80::1]', 'private'], ['[febf::1]', 'private'], ['[::ffff:7f00:1]', 'loopback'], ['[::ffff:c0a8:101]', 'private'],
    ['172.15.0.1', 'public'], ['172.32.0.1', 'public'], ['192.169.0.1', 'public'], ['8.8.8.8', 'public'], ['[2001:db8::1]', 'public'], ['[fec0::1]', 'public'],
    ['bucket.example.com', undefined], ['rgw.lan', undefined], ['localhost.example.com', undefined],
  ])('%s is %s', (host, space) => {
    expect(hostAddressSpace(host)).toBe(space);
  });

  it('takes a page on any host name as public, and a page on an address by its address', () => {
    expect([PAGE, 'http://10.1.2.3:8080', 'http://127.0.0.1:5173', 'not a url'].map(pageAddressSpace)).toEqual(['public', 'private', 'loopback', undefined]);
  });
});

describe('localNetworkFetch', () => {
  it('names a public page reaching a private or loopback address, and whether the page is secure', () => {
    expect(localNetworkFetch(PAGE, RGW)).toEqual({ pageOrigin: PAGE, url: RGW, addressSpace: 'private', secure: true });
    expect(localNetworkFetch(HTTP_PAGE, LOOPBACK)).toEqual({ pageOrigin: HTTP_PAGE, url: LOOPBACK, addressSpace: 'loopback', secure: false });
  });

  it('leaves a local page, a public URL and a host name DNS alone could place', () => {
    expect(localNetworkFetch('http://127.0.0.1:5173', RGW)).toBeUndefined();
    expect(localNetworkFetch('http://192.168.1.5', LOOPBACK)).toBeUndefined();
    expect(localNetworkFetch(PAGE, 'https://bucket.s3.amazonaws.com/cat.jpg')).toBeUndefined();
    expect(localNetworkFetch(PAGE, 'http://rgw.lan:7480/photos/cat.jpg')).toBeUndefined();
  });

  it('takes the page space the caller knows: a loopback page marked public is secure (Secure Contexts counts loopback)', () => {
    expect(localNetworkFetch('http://127.0.0.1:5173', 'http://127.0.0.1:8000/b/k', 'public')).toEqual({ pageOrigin: 'http://127.0.0.1:5173', url: 'http://127.0.0.1:8000/b/k', addressSpace: 'loopback', secure: true });
    expect(localNetworkFetch(PAGE, RGW, 'loopback')).toBeUndefined();
  });
});

describe('predictBrowserFetch with Local Network Access', () => {
  const verdicts = (fetch: Parameters<typeof predictBrowserFetch>[1]) =>
    (['chromium', 'firefox', 'webkit'] as const).map((engine) => {
      const prediction = predictBrowserFetch(OPEN, fetch, 's3', engine);
      return `${engine}: ${prediction.allowed ? 'allowed' : prediction.request.reasons.map((r) => r.code).join(',')}`;
    });

  it('refuses in Chromium only, before any preflight, whatever the rules allow', () => {
    expect(verdicts({ origin: PAGE, method: 'PUT', headers: { 'content-type': 'image/jpeg' }, url: RGW })).toEqual(['chromium: local-network-access', 'firefox: allowed', 'webkit: allowed']);
    const chromium = predictBrowserFetch(OPEN, { origin: PAGE, method: 'PUT', headers: { 'content-type': 'image/jpeg' }, url: RGW }, 's3', 'chromium');
    expect({ check: chromium.blockedBy?.check, stage: chromium.blockedBy?.stage, preflight: chromium.request.preflight, sent: chromium.preflight ?? chromium.actual }).toEqual({
      check: 'request-refused',
      stage: 'request',
      preflight: false,
      sent: undefined,
    });
    expect(chromium.request.reasons[0]).toEqual({ code: 'local-network-access', params: { pageOrigin: PAGE, url: RGW, addressSpace: 'private', secure: true } });
  });

  it('lets a secure page through once the user allowed it, but never an insecure one', () => {
    expect(verdicts({ origin: PAGE, method: 'GET', url: RGW, localNetworkPermission: true })).toEqual(['chromium: allowed', 'firefox: allowed', 'webkit: allowed']);
    expect(verdicts({ origin: HTTP_PAGE, method: 'GET', url: LOOPBACK, localNetworkPermission: true })).toEqual(['chromium: local-network-access', 'firefox: allowed', 'webkit: allowed']);
  });

  it('follows where the page really is: an engine run serves pages from loopback unless told they are public', () => {
    expect(verdicts({ origin: PAGE, method: 'GET', url: LOOPBACK, pageAddressSpace: 'loopback' })).toEqual(['chromium: allowed', 'firefox: allowed', 'webkit: allowed']);
    expect(verdicts({ origin: 'http://127.0.0.1:5173', method: 'GET', url: 'http://127.0.0.1:8000/b/k', pageAddressSpace: 'public' })).toEqual(['chromium: local-network-access', 'firefox: allowed', 'webkit: allowed']);
  });

  it('without an engine named, allows with a caution naming Chromium, gone once permitted', () => {
    const any = predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: RGW });
    expect(any.allowed).toBe(true);
    expect(any.cautions).toEqual([{ code: 'local-network-access', params: { engine: 'chromium', pageOrigin: PAGE, url: RGW, addressSpace: 'private', secure: true } }]);
    expect(predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: RGW, localNetworkPermission: true }).cautions).toEqual([]);
    expect(predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET' }).cautions).toEqual([]);
  });

  it('says why in English and in Chinese, naming the permission, the refusal of insecure pages and that no rule changes it', () => {
    const secure = predictBrowserFetch(OPEN, { origin: PAGE, method: 'GET', url: RGW }, 's3', 'chromium').blockedBy!;
    expect(blockText(secure)).toBe(
      `The page is on a public origin (${PAGE}) and the bucket URL (${RGW}) is a private network address: Chrome's Local Network Access asks the user for permission first, and refuses the request if it is not granted. No CORS rule can change this.`,
    );
    const insecure = predictBrowserFetch(OPEN, { origin: HTTP_PAGE, method: 'GET', url: LOOPBACK });
    expect(cautionText(insecure.cautions[0]!)).toBe(
      `Chromium will refuse this request (Local Network Access): the page is on a public origin served over http (${HTTP_PAGE}) and the bucket URL (${LOOPBACK}) is a loopback address on the user's machine. Chrome refuses insecure public pages outright; Firefox and Safari let it through. No CORS rule can change this.`,
    );
    i18n.load('zh-CN', chinese);
    i18n.activate('zh-CN');
    expect(blockText(secure)).toBe(`页面位于公网来源（${PAGE}），而存储桶 URL（${RGW}）是私有网络地址：Chrome 的 Local Network Access 会先请求用户授权，未获授权则拒绝该请求。任何 CORS 规则都无法改变这一点。`);
    expect(LOCAL_NETWORK_FIX_CODES.map(localNetworkFixText)).toEqual([
      '通过 https 提供应用，并让用户接受 Chrome 询问是否允许访问本地网络的提示。',
      '为存储桶提供公网地址上的端点（或在其前面加 CDN 或代理），使页面无需访问本地网络。',
      '如果应用运行在 iframe 中，嵌入页面必须授予该权限：在 iframe 上设置 allow="local-network-access"。',
    ]);
  });
});

describe("Chromium's Local Network Access corsError values", () => {
  const context = { origin: 'http://127.0.0.1:5173', method: 'GET', url: 'http://127.0.0.1:8000/photos/cat.jpg' };

  it('explain the refusal as the block the prediction gives, not as a CORS rule', () => {
    const denied = explainCorsError({ corsError: 'LocalNetworkAccessPermissionDenied', failedParameter: '' }, context);
    const predicted = predictBrowserFetch(OPEN, { origin: context.origin, method: 'GET', url: context.url, pageAddressSpace: 'public' }, 's3', 'chromium');
    expect(denied).toEqual({ corsError: 'LocalNetworkAccessPermissionDenied', block: predicted.blockedBy, fix: { code: 'local-network-permission', params: { origin: context.origin, secure: true } } });
    expect(corsErrorReasonText(denied)).toContain("Chrome's Local Network Access asks the user for permission first");
    expect(corsFixText(denied.fix)).toMatch(/^No CORS rule can fix this: Chrome asks the user/);
  });

  it('explain InsecureLocalNetwork as the outright refusal of an insecure page', () => {
    const insecure = explainCorsError({ corsError: 'InsecureLocalNetwork', failedParameter: '' }, { ...context, origin: HTTP_PAGE });
    expect(insecure.block).toEqual({ check: 'request-refused', stage: 'request', params: { reasons: [{ code: 'local-network-access', params: { pageOrigin: HTTP_PAGE, url: context.url, addressSpace: 'loopback', secure: false } }] } });
    expect(corsFixText(insecure.fix)).toMatch(/^No CORS rule can fix this: Chrome refuses outright/);
  });

  it('without the URL, still say Local Network Access and give no CORS check', () => {
    const bare = explainCorsError({ corsError: 'InvalidLocalNetworkAccess', failedParameter: '' }, { origin: PAGE, method: 'GET' });
    expect(bare).toEqual({ corsError: 'InvalidLocalNetworkAccess', fix: { code: 'local-network-permission', params: { origin: PAGE, secure: true } } });
    expect(corsErrorReasonText(bare)).toContain('Local Network Access');
  });
});
