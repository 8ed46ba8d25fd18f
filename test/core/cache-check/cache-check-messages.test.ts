// The cache check's wording: every finding and fix renders in English and Chinese from its code
// and params, with its values, and code snippets exactly as written.
import { i18n } from '@lingui/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import chinese from '../../../src/core/messages/locales/zh-CN.json?lingui';
import {
  CACHE_FIX_CODES,
  CACHE_KINDS,
  analyseCacheCheck,
  cacheCheckPlan,
  cacheFindingText,
  cacheFixText,
  cacheSigns,
  cacheSignsText,
  cacheStepText,
  type CacheFinding,
  type CacheFix,
} from '../../../src/core';
import { A, B, DIRECT_URL, PUBLIC_URL, bucketGet, bucketPreflight, cloudfront, directAnswers, nginx, ok, via } from './answers';

const plan = cacheCheckPlan({ publicUrl: PUBLIC_URL, directUrl: DIRECT_URL, originA: A, originB: B, nonce: 'n' });
const HAN = /[\u4e00-\u9fff]/;

function inBoth(render: () => string): { zh: string; en: string } {
  i18n.activate('zh-CN');
  const zh = render();
  i18n.activate('en');
  return { zh, en: render() };
}

beforeAll(() => i18n.load('zh-CN', chinese));
afterEach(() => i18n.activate('en'));

const [noVary] = analyseCacheCheck(
  plan,
  { 'public-origin-a': ok(via(bucketGet(undefined), nginx('HIT'))), ...directAnswers() },
  { dialect: 'oss' },
).findings as [CacheFinding];

describe('cache check messages', () => {
  it('words the classic poisoning with its step, origin and the bucket’s own answer, in English and Chinese', () => {
    const text = inBoth(() => cacheFindingText(noVary, plan));
    expect(text.en).toBe(
      `GET from origin ${A} through the public URL: answered from the cache without Access-Control-Allow-Origin and without Vary: Origin, though the bucket answers origin ${A} with Access-Control-Allow-Origin: ${A}. An answer made for a request without Origin (an image, a crawler, a health check) was cached and is replayed to CORS requests, which the browser refuses.`,
    );
    expect(text.zh).toBe(
      `经公共 URL 发送来源为 ${A} 的 GET：响应来自缓存，既没有 Access-Control-Allow-Origin 也没有 Vary: Origin，而存储桶对来源 ${A} 会返回 Access-Control-Allow-Origin: ${A}。为不带 Origin（来源）的请求（图片、爬虫、健康检查）生成的响应被缓存，并被重放给 CORS 请求，浏览器会拒绝它。`,
    );
  });

  it('words ResponseVary with the provider’s name and the console’s term for it in Chinese', () => {
    const text = inBoth(() => cacheFixText(noVary.fixes[0]!));
    expect(text.en).toContain("Turn on ResponseVary in the bucket's CORS settings (Alibaba Cloud OSS)");
    expect(text.zh).toContain('开启返回 Vary: Origin（Alibaba Cloud OSS）');
  });

  it('words a cached preflight with its age', () => {
    const [cached] = analyseCacheCheck(plan, {
      'public-preflight-1': ok(via(bucketPreflight(A), cloudfront(true, 120))),
      ...directAnswers(),
    }).findings as [CacheFinding];
    const text = inBoth(() => cacheFindingText(cached, plan));
    expect(text.en).toMatch(/^First preflight from origin https:\/\/app-a\.example\.com through the public URL: the preflight was answered from the cache, 2 minutes old\./);
    expect(text.zh).toMatch(HAN);
    expect(text.zh).toContain('预检由缓存响应');
  });

  it('words every fix, for every cache, with its snippets verbatim', () => {
    const fixes: CacheFix[] = CACHE_KINDS.flatMap((cache): CacheFix[] => [
      { code: 'cache-key-origin', params: { cache } },
      { code: 'no-cache-preflight', params: { cache } },
      { code: 'remove-added-allow-origin', params: { cache, values: ['*'] } },
      { code: 'purge-cache', params: { cache } },
      { code: 'forward-origin', params: { cache } },
    ]);
    fixes.push(
      { code: 'response-vary', params: { dialect: 'cos' } },
      { code: 'cloudfront-cache-key-origin', params: {} },
      { code: 'cloudfront-cached-methods', params: {} },
      { code: 'cloudflare-cache-key-origin', params: {} },
      { code: 'cloudflare-remove-transform-rule', params: { values: ['*'] } },
      { code: 'nginx-cache-key-origin', params: {} },
      { code: 'varnish-hash-origin', params: {} },
      { code: 'app-crossorigin-img', params: {} },
      { code: 'app-fetch-no-store', params: {} },
    );
    expect(new Set(fixes.map((fix) => fix.code))).toEqual(new Set(CACHE_FIX_CODES));
    for (const fix of fixes) {
      const text = inBoth(() => cacheFixText(fix));
      expect(text.en, fix.code).not.toMatch(/cache-check\./);
      expect(text.zh, fix.code).toMatch(HAN);
    }
    expect(cacheFixText({ code: 'nginx-cache-key-origin', params: {} })).toContain('add $http_origin to proxy_cache_key');
    expect(cacheFixText({ code: 'app-fetch-no-store', params: {} })).toContain("fetch(url, { cache: 'no-store' })");
    expect(cacheFixText({ code: 'purge-cache', params: { cache: 'cloudfront' } })).toBe(
      "Purge the object from CloudFront (an invalidation), and again after each change to the bucket's CORS rules.",
    );
  });

  it('words each step, and the cache signs of an answer', () => {
    for (const step of plan.steps) expect(inBoth(() => cacheStepText(step)).zh).toMatch(HAN);
    expect(cacheSignsText(cacheSigns(ok(cloudfront(true, 3))))).toBe(
      'Looks like CloudFront: Age: 3, X-Cache: Hit from cloudfront, Via: 1.1 5d4f0e6a0d3a1c2b.cloudfront.net (CloudFront)',
    );
    expect(cacheSignsText(cacheSigns(ok({})))).toBe('No sign of a cache in this answer.');
  });

  it('words the stale headers, an absent one as none', () => {
    const [stale] = analyseCacheCheck(plan, { 'public-origin-b': ok(via(bucketGet(B), nginx('HIT'))), ...directAnswers('GET, PUT', [A]) }).findings as [CacheFinding];
    expect(cacheFindingText(stale, plan)).toContain('access-control-allow-origin: https://app-b.example.com in the cache, (none) from the bucket');
  });
});
