import type { ProbeExchange, ProbeResult, TestRequest } from '../../../../src/contract/api';
import { evaluate, type CorsConfig } from '../../../../src/core';
import type { FetchOutcome } from '../../../../src/web/lib/browser-fetch';
import { diagnose } from '../../../../src/web/features/test-pane/diagnose';
import { findingText, headlineText } from '../../../../src/web/lib/messages';
import { predictFor, type TestRun } from '../../../../src/web/features/test-pane/run-test';
import { rule } from '../../../support/builders';

const APP = 'https://app.example.com';
const request = (partial: Partial<TestRequest> = {}): TestRequest => ({ key: 'test.txt', method: 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch', ...partial });

const allowed = (headers: Record<string, string> = {}): FetchOutcome => ({ readable: true, status: 200, readableHeaders: { 'content-type': 'text/plain', ...headers }, bodyBytes: 5, ms: 3 });
const blocked: FetchOutcome = { readable: false, error: 'TypeError: Failed to fetch', ms: 3 };

function exchange(status: number, headers: Record<string, string>, matches = true, body = ''): ProbeExchange {
  const prediction = evaluate(null, { method: 'GET', headers: {} });
  return { request: { method: 'GET', url: 'http://s3/b/test.txt', headers: {} }, response: { status, headers, bodyBytes: body.length, bodyPreview: body }, timing: { totalMs: 1 }, prediction, matchesPrediction: matches };
}

function runOf(config: CorsConfig | null, req: TestRequest, browser: FetchOutcome, probe: Partial<ProbeResult> = {}, origin = APP, draft?: CorsConfig | null): TestRun {
  const saved = predictFor(config, req, origin, 's3');
  return {
    request: req,
    through: 'endpoint',
    origin,
    url: 'http://s3/b/test.txt',
    browser,
    probe: { dialect: 's3', objectUrl: 'http://s3/b/test.txt', predictedWith: { config, version: 'v1' }, actual: exchange(200, {}), ...probe },
    prediction: { saved, ...(draft !== undefined ? { draft: predictFor(draft, req, origin, 's3') } : {}) },
  };
}

const codes = (d: ReturnType<typeof diagnose>) => d.findings.map((f) => f.code);

describe('diagnose', () => {
  it('says allowed, with the status, and points at the answering rule', () => {
    const config = { rules: [rule({ allowedOrigins: ['https://other.example'] }), rule({})] };
    const d = diagnose(runOf(config, request(), allowed()), config);
    expect(d).toMatchObject({ verdict: 'allowed', level: { level: 'allowed', breakages: [] }, headline: { verdict: 'allowed', status: 200 }, findings: [], fixable: false, rules: [1] });
    expect(headlineText(d.headline)).toBe('Allowed: script can read the response (200).');
  });

  it('names an unlisted origin and the closest listed one', () => {
    const config = { rules: [rule({ allowedOrigins: ['http://localhost:3000'] })] };
    const d = diagnose(runOf(config, request(), blocked, {}, 'http://localhost:5173'), config);
    expect(d.verdict).toBe('blocked');
    expect(d.headline).toEqual({ verdict: 'blocked', atPreflight: false, cause: 'origin-not-listed', origin: 'http://localhost:5173', method: 'GET' });
    expect(d.findings).toEqual([
      {
        code: 'origin-not-listed',
        params: {
          origin: 'http://localhost:5173',
          closest: { origin: 'http://localhost:3000', rule: 0, nearMiss: { kind: 'port', candidate: 'http://localhost:3000', port: '3000', requestPort: '5173' } },
        },
      },
    ]);
    // The English wording, once, as the web catalogue renders it.
    expect(headlineText(d.headline)).toBe('Blocked: origin http://localhost:5173 is not listed in any rule.');
    expect(findingText(d.findings[0]!)).toBe(
      'Origin http://localhost:5173 is not listed in any rule. The closest listed origin is http://localhost:3000 (rule 1): http://localhost:3000 has the same host but port 3000; the request comes from port 5173.',
    );
    expect(d.fixable).toBe(true);
  });

  it('names a method the rule for this origin does not allow', () => {
    const config = { rules: [rule({})] };
    const d = diagnose(runOf(config, request({ method: 'DELETE' }), blocked), config);
    expect(codes(d)).toEqual(['method-not-allowed']);
    expect(d.findings[0]).toEqual({
      code: 'method-not-allowed',
      params: { cause: 'rule', rule: 0, origin: APP, check: { ok: false, code: 'method.not-allowed', params: { method: 'DELETE', allowed: ['GET'] } }, decider: null },
    });
    // The finding and the rules column name the deciding rule from the same place: here, none.
    expect(findingText(d.findings[0]!)).toBe('No rule matches: in rule 1, method DELETE is not allowed (allowed: GET).');
  });

  it('names the header a preflight refuses', () => {
    const config = { rules: [rule({ allowedMethods: ['PUT'], allowedHeaders: ['content-type'] })] };
    const d = diagnose(runOf(config, request({ method: 'PUT', headers: { 'content-type': 'application/json', 'x-trace': '1' } }), blocked), config);
    expect(codes(d)).toEqual(['header-not-allowed']);
    expect(d.headline).toMatchObject({ verdict: 'blocked', atPreflight: true, cause: 'header-not-allowed' });
    expect(d.findings[0]).toEqual({
      code: 'header-not-allowed',
      params: { cause: 'rule', rule: 0, check: { ok: false, code: 'headers.not-allowed', params: { headers: ['x-trace'], allowed: ['content-type'] } }, decider: null },
    });
    expect(headlineText(d.headline)).toBe('Blocked at the preflight: a request header is not allowed.');
    expect(findingText(d.findings[0]!)).toBe('No rule matches: in rule 1, header x-trace is not allowed (allowed: content-type).');
  });

  it('explains * with credentials and how to fix it', () => {
    const config = { rules: [rule({ allowedOrigins: ['*'] })] };
    const d = diagnose(runOf(config, request({ credentials: 'include' }), blocked), config);
    expect(codes(d)).toEqual(['wildcard-with-credentials']);
    expect(d.findings[0]).toMatchObject({ code: 'wildcard-with-credentials', params: { origin: APP, starRule: 0, block: { check: 'wildcard-with-credentials' } } });
  });

  it('says when the request itself fails and the browser reports it as CORS', () => {
    const config = { rules: [rule({})] };
    const d = diagnose(runOf(config, request(), blocked, { actual: exchange(403, {}, false, '<Error><Code>SignatureDoesNotMatch</Code></Error>') }), config);
    expect(codes(d)).toContain('non-cors-failure');
    expect(d.findings.find((f) => f.code === 'non-cors-failure')!.params).toEqual({ status: 403, providerCode: 'SignatureDoesNotMatch', browserBlocked: true });
    expect(codes(d)).not.toContain('browser-differs');
  });

  it('says when CORS passes but the bucket refuses', () => {
    const config = { rules: [rule({})] };
    const d = diagnose(runOf(config, request(), { ...allowed(), status: 403 }, { actual: exchange(403, {}, true, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>tx1</RequestId></Error>') }), config);
    expect(d.verdict).toBe('allowed');
    expect(d.findings[0]).toEqual({ code: 'non-cors-failure', params: { status: 403, providerCode: 'AccessDenied', browserBlocked: false } });
    expect(findingText(d.findings[0]!)).toBe('CORS allows the request, but the bucket answers 403 AccessDenied: a signature, permission or key problem, not CORS.');
  });

  it('blames something in between when the browser disagrees but the server answers as predicted', () => {
    const config = { rules: [rule({})] };
    const d = diagnose(runOf(config, request(), blocked), config);
    expect(codes(d)).toEqual(['browser-differs']);
    expect(d.findings[0]).toEqual({ code: 'browser-differs', params: { predicted: 'allowed', browser: 'blocked', serverAsPredicted: true } });
  });

  it('reports a server that answers differently from the model', () => {
    const config = { rules: [rule({})] };
    const d = diagnose(runOf(config, request(), allowed(), { actual: exchange(200, { 'access-control-allow-origin': '*' }, false) }), config);
    expect(codes(d)).toEqual(['server-differs']);
  });

  it('says which header script cannot read, and that a rule change fixes it', () => {
    const config = { rules: [rule({ allowedMethods: ['PUT'] })] };
    const d = diagnose(runOf(config, request({ method: 'PUT', mustRead: ['ETag'] }), allowed()), config);
    expect(d.level.level).toBe('broken');
    expect(d.headline).toEqual({ verdict: 'broken', breakage: { code: 'header-unreadable', params: { headers: ['etag'] } } });
    // The deciding finding first; the 5 s preflight (no MaxAgeSeconds) after it.
    expect(codes(d)).toEqual(['header-unreadable', 'preflight-not-cached']);
    expect(d.findings[0]).toEqual({ code: 'header-unreadable', params: { header: 'ETag', rule: 0 } });
    expect(headlineText(d.headline)).toBe(
      "Allowed, but broken for the app. The app gets null for ETag, so a multipart upload cannot complete (each part's ETag is needed) and integrity checks fail.",
    );
    expect(findingText(d.findings[0]!)).toBe('Script cannot read ETag: rule 1, which answers the actual request, does not list it in Expose headers.');
    expect(d.fixable).toBe(true);
  });

  it('says when the rules expose a header the answer does not carry, which no rule change fixes', () => {
    const config = { rules: [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] };
    const d = diagnose(runOf(config, request({ method: 'PUT', mustRead: ['ETag'] }), allowed()), config);
    expect(d.headline).toMatchObject({ verdict: 'broken', breakage: { code: 'header-unreadable' } });
    expect(d.findings[0]).toEqual({ code: 'header-unreadable', params: { header: 'ETag', rule: null, exposedByRules: true } });
    expect(findingText(d.findings[0]!)).toBe('Script cannot read ETag: the rules let script read it, but the answer does not carry it.');
    expect(d.fixable).toBe(false);
  });

  it('reads no error code from a body that is not an XML error, or is cut short', () => {
    const config = { rules: [rule({})] };
    const cut = diagnose(runOf(config, request(), { ...allowed(), status: 403 }, { actual: exchange(403, {}, true, '<Error><Code>AccessDenied</Code><Message>Access Den') }), config);
    expect(cut.findings[0]).toEqual({ code: 'non-cors-failure', params: { status: 403, browserBlocked: false } });
  });

  it('says what the draft would change', () => {
    const config = { rules: [rule({})] };
    const draft = { rules: [rule({ allowedMethods: ['GET', 'DELETE'] })] };
    const d = diagnose(runOf(config, request({ method: 'DELETE' }), blocked, {}, APP, draft), config);
    expect(codes(d)).toEqual(['method-not-allowed', 'draft-changes-verdict']);
    expect(d.findings[1]).toEqual({ code: 'draft-changes-verdict', params: { draft: 'allowed' } });
  });

  it('reports an unreachable endpoint', () => {
    const config = { rules: [rule({})] };
    const down: ProbeExchange = { ...exchange(200, {}), response: null, error: { code: 'provider-unreachable', transportCode: 'ECONNREFUSED' }, matchesPrediction: null };
    const d = diagnose(runOf(config, request(), blocked, { actual: down }), config);
    expect(codes(d)[0]).toBe('endpoint-unreachable');
    expect(codes(d)).not.toContain('browser-differs');
  });
});
