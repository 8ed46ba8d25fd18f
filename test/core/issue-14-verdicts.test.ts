import { describe, expect, it } from 'vitest';
import {
  breakageText,
  decidingRule,
  decidingRuleText,
  evaluate,
  isSurelyCrossSite,
  judgeOutcome,
  predictBrowserFetch,
  predictedVerdict,
  preflightCacheSeconds,
  providerAnswerLabel,
  providerAnswerOfBlock,
  refusingRuleText,
  sampleChangeText,
  strictestFixFor,
  verdictLevelText,
  type CorsConfig,
  type Dialect,
} from '../../src/core';
import { demoBuckets } from '../../src/server/embedded/seeds';
import { rule } from '../support/builders';

// Issue 14, item 2 and its wording bullet: three-level verdicts from the core, the deciding rule
// named from one place, provider text only ever quoted, and the request under test never listed
// among the requests a fix "also lets through".

const APP = 'http://127.0.0.1:9150';
const HARNESS = 'http://127.0.0.1:9151';
const [directUpload, noCors, shadowedEtag] = demoBuckets([APP]).map((demo) => demo.cors);
const DIALECTS = ['s3', 's3rver', 'rgw'] as const satisfies readonly Dialect[];

describe('the level of each case', () => {
  it.each(['s3', 'rgw'] as const)('on %s, an upload answered by the shadowing * rule of demo-shadowed-etag is allowed but broken: ETag first, then the 5 s preflight', (dialect) => {
    const upload = predictBrowserFetch(shadowedEtag!, { origin: APP, method: 'PUT', headers: { 'content-type': 'text/plain' } }, dialect);
    expect(predictedVerdict(upload, ['ETag'], dialect)).toEqual({
      level: 'broken',
      breakages: [
        { code: 'header-unreadable', params: { headers: ['etag'] } },
        { code: 'preflight-not-cached', params: { seconds: 5, maxAgeAnswered: false } },
      ],
    });
  });

  it('on s3rver, the same upload is broken by ETag alone: s3rver never sends Max-Age on a preflight, which no rule changes', () => {
    const upload = predictBrowserFetch(shadowedEtag!, { origin: APP, method: 'PUT', headers: { 'content-type': 'text/plain' } }, 's3rver');
    expect(predictedVerdict(upload, ['ETag'], 's3rver')).toEqual({ level: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag'] } }] });
  });

  it.each(DIALECTS)('on %s, the same upload on demo-direct-upload is allowed: ETag exposed, preflight cached 3000 s', (dialect) => {
    const upload = predictBrowserFetch(directUpload!, { origin: APP, method: 'PUT', headers: { 'content-type': 'text/plain' } }, dialect);
    expect(predictedVerdict(upload, ['ETag'], dialect)).toEqual({ level: 'allowed', breakages: [] });
  });

  it.each(DIALECTS)('on %s, any preflighted request on demo-no-cors is blocked, with the browser check that failed', (dialect) => {
    const upload = predictBrowserFetch(noCors!, { origin: APP, method: 'PUT' }, dialect);
    expect(predictedVerdict(upload, ['ETag'], dialect)).toMatchObject({ level: 'blocked', breakages: [], blockedBy: { check: 'preflight-status', stage: 'preflight' } });
  });

  it('a request without a preflight is never judged on preflight caching', () => {
    const get = predictBrowserFetch({ rules: [rule({})] }, { origin: 'https://app.example.com', method: 'GET' }, 's3');
    expect(predictedVerdict(get, [], 's3')).toEqual({ level: 'allowed', breakages: [] });
  });

  it('ExposeHeaders * hides ETag from a request with credentials: broken, not allowed', () => {
    const config = { rules: [rule({ exposeHeaders: ['*'] })] };
    const get = predictBrowserFetch(config, { origin: 'https://app.example.com', method: 'GET', credentials: 'include' }, 's3');
    expect(predictedVerdict(get, ['ETag'], 's3').level).toBe('broken');
    expect(predictedVerdict(predictBrowserFetch(config, { origin: 'https://app.example.com', method: 'GET' }, 's3'), ['ETag'], 's3').level).toBe('allowed');
  });

  it.each([
    { maxAge: undefined, seconds: 5, level: 'broken' },
    { maxAge: '5', seconds: 5, level: 'broken' },
    { maxAge: '0', seconds: 0, level: 'broken' },
    { maxAge: '6', seconds: 6, level: 'allowed' },
    { maxAge: '600', seconds: 600, level: 'allowed' },
    { maxAge: 'soon', seconds: 5, level: 'broken' },
  ])('a preflight answered with Max-Age $maxAge is cached $seconds s: $level', ({ maxAge, seconds, level }) => {
    expect(preflightCacheSeconds(maxAge)).toBe(seconds);
    expect(judgeOutcome({ allowed: true, unreadable: [], preflight: { maxAge, providerSendsMaxAge: true } }).level).toBe(level);
  });

  it('blocked wins over everything else, and the unreadable headers come first, named once', () => {
    expect(judgeOutcome({ allowed: false, unreadable: ['ETag'], preflight: { maxAge: undefined, providerSendsMaxAge: true } })).toEqual({ level: 'blocked', breakages: [] });
    expect(judgeOutcome({ allowed: true, unreadable: ['ETag', 'etag', 'x-amz-version-id'], preflight: { maxAge: '1', providerSendsMaxAge: true } }).breakages).toEqual([
      { code: 'header-unreadable', params: { headers: ['etag', 'x-amz-version-id'] } },
      { code: 'preflight-not-cached', params: { seconds: 1, maxAgeAnswered: true } },
    ]);
  });

  it('says in one line what the app will see fail', () => {
    expect(verdictLevelText('broken')).toBe('Allowed, but broken for the app');
    expect(breakageText({ code: 'header-unreadable', params: { headers: ['etag'] } })).toBe(
      "The app gets null for ETag, so a multipart upload cannot complete (each part's ETag is needed) and integrity checks fail.",
    );
    expect(breakageText({ code: 'header-unreadable', params: { headers: ['x-amz-version-id', 'x-amz-request-id'] } })).toBe(
      'The app gets null for x-amz-version-id and x-amz-request-id: script cannot read them.',
    );
    expect(breakageText({ code: 'preflight-not-cached', params: { seconds: 5, maxAgeAnswered: false } })).toBe(
      'Every request more than 5 s after the last waits for a new preflight: there is no Access-Control-Max-Age, so browsers keep it 5 s and the app pays two round trips.',
    );
  });
});

describe('a credentialed request whose cookies will be dropped', () => {
  const config = { rules: [rule({ allowedOrigins: ['https://app.example.com'] })] };
  const get = () => predictBrowserFetch(config, { origin: 'https://app.example.com', method: 'GET', credentials: 'include' }, 's3');

  it('is allowed but broken when the bucket is on another site: its cookies are third-party', () => {
    const verdict = predictedVerdict(get(), [], 's3', { pageOrigin: 'https://app.example.com', url: 'https://media.s3.eu-west-1.amazonaws.com/a.jpg' });
    expect(verdict).toEqual({ level: 'broken', breakages: [{ code: 'cookies-third-party', params: { pageOrigin: 'https://app.example.com', bucketHost: 'media.s3.eu-west-1.amazonaws.com' } }] });
    expect(breakageText(verdict.breakages[0]!)).toBe(
      "The app's cookies are dropped: media.s3.eu-west-1.amazonaws.com is another site than https://app.example.com, so its cookies are third-party, which Safari never sends and other browsers drop when third-party cookies are blocked.",
    );
  });

  it('is allowed on the same site, and without credentials', () => {
    expect(predictedVerdict(get(), [], 's3', { pageOrigin: 'https://app.example.com', url: 'https://cdn.example.com/a.jpg' }).level).toBe('allowed');
    const anonymous = predictBrowserFetch(config, { origin: 'https://app.example.com', method: 'GET' }, 's3');
    expect(predictedVerdict(anonymous, [], 's3', { pageOrigin: 'https://app.example.com', url: 'https://media.s3.amazonaws.com/a.jpg' }).level).toBe('allowed');
  });

  it.each([
    { page: 'http://127.0.0.1:8787', url: 'http://127.0.0.1:9000/b/k', cross: false, why: 'ports do not make a site' },
    { page: 'http://127.0.0.1:8787', url: 'http://10.0.0.5:7480/b/k', cross: true, why: 'another address' },
    { page: 'https://app.example.com', url: 'http://app.example.com/b/k', cross: true, why: 'another scheme' },
    { page: 'https://app.example.com', url: 'https://files.example.com/k', cross: false, why: 'same registrable domain' },
    { page: 'https://app.example.co.uk', url: 'https://cdn.other.co.uk/k', cross: false, why: 'unknown without the Public Suffix List, so never warned' },
  ])('$page → $url: cross-site $cross ($why)', ({ page, url, cross }) => {
    expect(isSurelyCrossSite(page, url)).toBe(cross);
  });
});

describe('the provider text is a quote, never the reason', () => {
  it.each([
    { dialect: 's3', status: 403, code: 'AccessForbidden', message: /^CORSResponse: This CORS request is not allowed\. This is usually because the evalution of Origin/ },
    { dialect: 's3rver', status: 403, code: 'CORSResponse', message: /^This CORS request is not allowed\. This is usually because the evalution of Origin/ },
  ] as const)('on $dialect, a refused preflight keeps the provider code and message apart from the console\'s sentence', ({ dialect, status, code, message }) => {
    const refused = predictBrowserFetch(shadowedEtag!, { origin: 'https://elsewhere.example', method: 'DELETE' }, dialect);
    const answer = providerAnswerOfBlock(refused.blockedBy);
    expect(answer).toMatchObject({ status, code });
    expect(answer!.message).toMatch(message);
    expect(providerAnswerLabel(answer!)).toBe(`The provider's answer (${status} ${code}):`);
  });

  it('has no quote for a block the provider did not word', () => {
    const star = predictBrowserFetch({ rules: [rule({ allowedOrigins: ['*'] })] }, { origin: 'https://app.example.com', method: 'GET', credentials: 'include' }, 's3');
    expect(providerAnswerOfBlock(star.blockedBy)).toBeUndefined();
  });
});

describe('the deciding rule, from one place', () => {
  const preflight = (config: CorsConfig, method: string, dialect: Dialect) =>
    evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': method } }, dialect);

  it('on AWS and s3rver, DELETE on demo-direct-upload: no rule matches, and the finding says the same', () => {
    for (const dialect of ['s3', 's3rver'] as const) {
      const decision = preflight(directUpload!, 'DELETE', dialect);
      expect(decidingRule(decision)).toBeNull();
      expect(decidingRuleText(decidingRule(decision))).toBe('no rule matches');
      expect(refusingRuleText(decidingRule(decision), { rule: 0, ruleId: 'app' }, 'method DELETE is not allowed (allowed: PUT, POST, GET, HEAD)')).toBe(
        'No rule matches: in rule 1 (app), method DELETE is not allowed (allowed: PUT, POST, GET, HEAD).',
      );
    }
  });

  it('on RGW, DELETE on demo-direct-upload: rule 1 refuses it, in the column and in the finding alike', () => {
    const decision = preflight(directUpload!, 'DELETE', 'rgw');
    const decider = decidingRule(decision);
    expect(decider).toEqual({ role: 'refuses', rule: 0, ruleId: 'app', selection: 'origin-then-method-and-headers', provider: 'Ceph RADOS Gateway' });
    expect(decidingRuleText(decider)).toBe('rule 1 (app) refuses it: Ceph RADOS Gateway uses only the first rule that lists the origin');
    expect(refusingRuleText(decider, { rule: 0, ruleId: 'app' }, 'method DELETE is not allowed (allowed: PUT, POST, GET, HEAD)')).toBe(
      'Rule 1 (app) refuses it: Ceph RADOS Gateway uses only the first rule that lists the origin, and there method DELETE is not allowed (allowed: PUT, POST, GET, HEAD).',
    );
  });

  it('names the rule that answers', () => {
    expect(decidingRuleText(decidingRule(preflight(directUpload!, 'PUT', 's3')))).toBe('rule 1 (app) answers');
  });
});

describe('a fix never says it "also lets through" the request under test', () => {
  it.each(['s3rver', 'rgw'] as const)('on %s, a PUT with Content-Type: text/plain from the second origin on demo-direct-upload', (dialect) => {
    const fix = strictestFixFor(directUpload!, { origin: HARNESS, method: 'PUT', headers: { 'content-type': 'text/plain' } }, dialect);
    if (!fix.ok) throw new Error(fix.error.code);
    const also = fix.alsoAllows.map(sampleChangeText);
    expect(also).not.toContain(`PUT from ${HARNESS}`);
    expect(also).not.toContain(`PUT from ${HARNESS} with content-type`);
  });

  it('still lists a request that differs from it (with credentials)', () => {
    const fix = strictestFixFor(directUpload!, { origin: HARNESS, method: 'POST', headers: { 'content-type': 'text/plain' }, needsReadableHeaders: ['ETag'] }, 's3rver');
    if (!fix.ok) throw new Error(fix.error.code);
    expect(fix.alsoAllows.map(sampleChangeText)).toEqual([`POST from ${HARNESS} (with credentials)`]);
  });
});
