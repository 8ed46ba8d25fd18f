import { describe, expect, it } from 'vitest';
import {
  cautionText,
  classifyBrowserRequest,
  preflightAnswerBlock,
  preflightCautions,
  enginePreflightCacheSeconds,
  enginePreflightsEveryTime,
  ENGINE_FACTS,
  predictBrowserFetch,
  type CorsConfig,
} from '../../src/core';
import { rule } from '../support/builders';

// Issue 18, item 2: the prediction per engine, where the engines differ
// (shared/design/browser-engines.md; re-measured in test/e2e/engines-verdicts.test.ts).

const APP = 'https://app.example.com';
const upload = (maxAgeSeconds?: number): CorsConfig => ({
  rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type', 'authorization'], exposeHeaders: ['ETag'], ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) })],
});
const put = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/json' }, hasBody: true };

describe('preflight cache caps per engine', () => {
  it('caps Max-Age at 7200 s in Chromium, 600 s in WebKit and 86400 s in Firefox; 5 s when absent', () => {
    expect(enginePreflightCacheSeconds('100000', 'chromium')).toBe(7200);
    expect(enginePreflightCacheSeconds('100000', 'webkit')).toBe(600);
    expect(enginePreflightCacheSeconds('100000', 'firefox')).toBe(86_400);
    expect(enginePreflightCacheSeconds(undefined, 'webkit')).toBe(5);
    expect(enginePreflightCacheSeconds('300', 'chromium')).toBe(300);
  });

  it("predicts each engine's cache time for an allowed, preflighted request, and cautions where the engine's cap cuts it", () => {
    const get = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/json' } };
    const chromium = predictBrowserFetch(upload(86_400), get, 's3', 'chromium');
    expect(chromium).toMatchObject({ allowed: true, engine: 'chromium', preflightCacheSeconds: 7200 });
    expect(chromium.cautions).toEqual([{ code: 'preflight-cache-capped', params: { maxAge: 86_400, engine: 'chromium', cap: 7200 } }]);
    expect(cautionText(chromium.cautions[0]!)).toBe('Chromium will re-check every 2 hours: it keeps a preflight at most 7200 s, whatever Max-Age 86400 says.');
    const webkit = predictBrowserFetch(upload(3000), get, 's3', 'webkit');
    expect(webkit).toMatchObject({ allowed: true, engine: 'webkit', preflightCacheSeconds: 600 });
    expect(webkit.cautions).toEqual([{ code: 'preflight-cache-capped', params: { maxAge: 3000, engine: 'webkit', cap: 600 } }]);
    const firefox = predictBrowserFetch(upload(3000), get, 's3', 'firefox');
    expect(firefox).toMatchObject({ allowed: true, engine: 'firefox', preflightCacheSeconds: 3000, cautions: [] });
  });

  it('keeps the engine-free prediction as before: Safari’s cap, the lowest, and no engine fields', () => {
    const prediction = predictBrowserFetch(upload(3000), put, 's3');
    expect(prediction.cautions).toEqual([{ code: 'preflight-cache-capped', params: { maxAge: 3000, engine: 'webkit', cap: 600 } }]);
    expect(prediction).not.toHaveProperty('engine');
    expect(prediction).not.toHaveProperty('preflightCacheSeconds');
  });

  it('says nothing of a cache for a blocked request or one without a preflight', () => {
    const blocked = predictBrowserFetch(upload(600), { ...put, origin: 'https://other.example.com' }, 's3', 'chromium');
    expect(blocked.allowed).toBe(false);
    expect(blocked).not.toHaveProperty('preflightCacheSeconds');
    const simple = predictBrowserFetch({ rules: [rule({ allowedOrigins: [APP] })] }, { origin: APP, method: 'GET' }, 's3', 'webkit');
    expect(simple).toMatchObject({ allowed: true, engine: 'webkit', cautions: [] });
    expect(simple).not.toHaveProperty('preflightCacheSeconds');
  });
});

describe("Firefox's preflight for every PUT with a body", () => {
  it('is a Firefox fact only, for PUT with a body only', () => {
    expect(ENGINE_FACTS.firefox.repreflightsPutWithBody).toBe(true);
    expect(enginePreflightsEveryTime('firefox', 'PUT', true)).toBe(true);
    expect(enginePreflightsEveryTime('firefox', 'PUT', false)).toBe(false);
    expect(enginePreflightsEveryTime('firefox', 'POST', true)).toBe(false);
    expect(enginePreflightsEveryTime('chromium', 'PUT', true)).toBe(false);
    expect(enginePreflightsEveryTime('webkit', 'PUT', true)).toBe(false);
  });

  it('predicts no reuse of the preflight in Firefox and cautions that each upload costs two round trips; the verdict does not change', () => {
    const firefox = predictBrowserFetch(upload(600), put, 's3', 'firefox');
    expect(firefox).toMatchObject({ allowed: true, preflightCacheSeconds: 0 });
    expect(firefox.cautions).toEqual([{ code: 'preflight-every-time', params: { engine: 'firefox', method: 'PUT' } }]);
    expect(cautionText(firefox.cautions[0]!)).toBe('Firefox sends the preflight again before every PUT with a body, whatever Max-Age says: each upload costs two round trips there.');
    expect(predictBrowserFetch(upload(600), put, 's3', 'chromium')).toMatchObject({ allowed: true, preflightCacheSeconds: 600, cautions: [] });
    expect(predictBrowserFetch(upload(600), put, 's3', 'webkit')).toMatchObject({ allowed: true, preflightCacheSeconds: 600, cautions: [] });
    expect(predictBrowserFetch(upload(600), { ...put, hasBody: false }, 's3', 'firefox')).toMatchObject({ allowed: true, preflightCacheSeconds: 600, cautions: [] });
  });
});

describe('Access-Control-Allow-Headers: * and Authorization, per engine', () => {
  // S3 providers echo the requested headers, so `*` reaches the browser only from other servers
  // (a CDN, a proxy): the preflight answer is judged as received.
  const answer = { 'access-control-allow-origin': APP, 'access-control-allow-headers': '*' };
  const withAuthorization = classifyBrowserRequest({ method: 'GET', headers: { authorization: 'Bearer x' } });

  it('is allowed in all three with a caution, not a block', () => {
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      expect(ENGINE_FACTS[engine].wildcardAllowHeadersCoversAuthorization).toBe(true);
      expect(preflightAnswerBlock(withAuthorization, APP, { status: 204, headers: answer })).toBeUndefined();
      expect(preflightCautions(answer, withAuthorization, { engine, hasBody: false })).toEqual([{ code: 'authorization-under-wildcard', params: { allowHeaders: '*' } }]);
    }
  });

  it('is refused with credentials, where `*` is literal', () => {
    const credentialed = classifyBrowserRequest({ method: 'GET', headers: { authorization: 'Bearer x' }, credentials: 'include' });
    const withCredentials = { ...answer, 'access-control-allow-credentials': 'true' };
    expect(preflightAnswerBlock(credentialed, APP, { status: 204, headers: withCredentials })).toEqual({ check: 'header-not-allowed', stage: 'preflight', params: { headers: ['authorization'], allowHeaders: '*' } });
  });
});
