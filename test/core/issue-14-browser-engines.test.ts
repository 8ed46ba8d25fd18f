import { describe, expect, it } from 'vitest';
import {
  cautionText,
  checkAllowHeaders,
  issueText,
  predictBrowserFetch,
  PREFLIGHT_CACHE_CAPS,
  validateConfig,
  type CorsConfig,
} from '../../src/core';
import { rule } from '../support/builders';

// Issue 14, item 6: what today's engines do where the Fetch Standard says otherwise, and the
// caps they put on the preflight cache (shared/design/browser-engines.md).

const APP = 'https://app.example.com';

describe("Access-Control-Allow-Headers: * and Authorization (all three engines let it through; the spec says they must not)", () => {
  it('lets `*` cover Authorization on a request without credentials, and says it did', () => {
    expect(checkAllowHeaders(['authorization', 'x-custom'], '*', false)).toEqual({ refused: [], authorizationByWildcard: true });
  });

  it('does not flag Authorization listed by name', () => {
    expect(checkAllowHeaders(['authorization'], '*, Authorization', false)).toEqual({ refused: [], authorizationByWildcard: false });
  });

  it('takes `*` literally with credentials, refusing every header it does not name', () => {
    expect(checkAllowHeaders(['authorization', 'x-custom'], '*', true)).toEqual({ refused: ['authorization', 'x-custom'], authorizationByWildcard: false });
  });

  it('refuses a header neither listed nor covered', () => {
    expect(checkAllowHeaders(['x-custom'], 'content-type', false)).toEqual({ refused: ['x-custom'], authorizationByWildcard: false });
  });
});

describe("WebKit's 600 s preflight cache cap", () => {
  const withMaxAge = (maxAgeSeconds: number): CorsConfig => ({
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds })],
  });
  const upload = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/json' } };

  it('is 600 s, below Chromium (2 h) and Firefox (24 h)', () => {
    expect(PREFLIGHT_CACHE_CAPS).toEqual({ chromium: 7200, firefox: 86_400, webkit: 600 });
  });

  it('predicts an allowed upload with a max-age above 600 s, cautioning that Safari re-checks every 10 minutes', () => {
    const prediction = predictBrowserFetch(withMaxAge(3000), upload, 's3');
    expect(prediction.allowed).toBe(true);
    expect(prediction.cautions).toEqual([{ code: 'preflight-cache-capped', params: { maxAge: 3000, engine: 'webkit', cap: 600 } }]);
    expect(cautionText(prediction.cautions[0]!)).toBe('Safari will re-check every 10 minutes: it keeps a preflight at most 600 s, whatever Max-Age 3000 says.');
  });

  it('has no caution at 600 s, nor for a request without a preflight', () => {
    expect(predictBrowserFetch(withMaxAge(600), upload, 's3').cautions).toEqual([]);
    const get: CorsConfig = { rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds: 3000 })] };
    expect(predictBrowserFetch(get, { origin: APP, method: 'GET' }, 's3').cautions).toEqual([]);
  });

  it('flags the rule itself, once Chromium and once Safari above 2 h', () => {
    const issues = validateConfig(withMaxAge(3000), 's3').filter((i) => i.code.startsWith('max-age.'));
    expect(issues).toEqual([{ severity: 'warning', code: 'max-age.above-webkit-cap', params: { value: 3000, cap: 600 }, path: ['rules', 0, 'maxAgeSeconds'] }]);
    expect(issueText(issues[0]!).message).toBe("Max age 3000 s is above Safari's cap of 600 s: Safari will re-check every 10 minutes.");
    expect(validateConfig(withMaxAge(86_400), 's3').filter((i) => i.code.startsWith('max-age.')).map((i) => i.code)).toEqual(['max-age.above-browser-cap', 'max-age.above-webkit-cap']);
  });
});
