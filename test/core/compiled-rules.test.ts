import { describe, expect, it } from 'vitest';
import type { CorsConfig, CorsRequest, CorsRule } from '../../src/core';
import { compileRules } from '../../src/core/compiled-rules';
import { evaluate } from '../../src/core/evaluate';
import { referenceEvaluate } from '../support/reference-evaluate';

// The compile cache is keyed on the caller's own objects, which callers may edit in place (a
// form's state, a test's fixture). Editing in place must be safe: a later evaluate sees the edit,
// never a stale compilation, and a decision already made keeps describing the rule it was made on.

const uploads = (): CorsRule => ({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
const reader = (): CorsRule => ({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] });
const preflight = (origin: string, method: string, headers?: string): CorsRequest => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, ...(headers ? { 'access-control-request-headers': headers } : {}) },
});

/** Evaluates and checks the answer against the reference, which compiles nothing. */
function evaluateChecked(config: CorsConfig, request: CorsRequest) {
  const decision = evaluate(config, request);
  expect(decision).toEqual(referenceEvaluate(config, request));
  return decision;
}

describe('compileRules', () => {
  it('compiles a rules list once while it is unchanged', () => {
    const rules = [uploads(), reader()];
    expect(compileRules(rules)).toBe(compileRules(rules));
  });

  it('reuses the compilation of unchanged rules in a new list (an edit elsewhere, a reorder)', () => {
    const [a, b] = [uploads(), reader()];
    const first = compileRules([a, b]);
    const reordered = compileRules([b, a]);
    expect(reordered[0]).toBe(first[1]);
    expect(reordered[1]).toBe(first[0]);
  });

  it.each([
    ['an origin pushed', (r: CorsRule) => r.allowedOrigins.push('https://other.example')],
    ['an origin replaced', (r: CorsRule) => (r.allowedOrigins[0] = 'https://other.example')],
    ['a method added', (r: CorsRule) => r.allowedMethods.push('GET')],
    ['a header removed', (r: CorsRule) => r.allowedHeaders.pop()],
    ['the origins list replaced', (r: CorsRule) => (r.allowedOrigins = ['*'])],
    ['the ID changed', (r: CorsRule) => (r.id = 'renamed')],
  ])('compiles a rule again after %s in place', (_, edit) => {
    const rules = [uploads()];
    const before = compileRules(rules);
    edit(rules[0]!);
    const after = compileRules(rules);
    expect(after).not.toBe(before);
    expect(after[0]!.allowedOrigins).toEqual(rules[0]!.allowedOrigins);
    expect(after[0]!.allowedMethods).toEqual(rules[0]!.allowedMethods);
    expect(after[0]!.allowedHeaders).toEqual(rules[0]!.allowedHeaders);
    expect(after[0]!.id).toBe(rules[0]!.id);
  });

  it('compiles the list again when rules are added, removed or replaced in place', () => {
    const rules = [uploads()];
    const one = compileRules(rules);
    rules.push(reader());
    const two = compileRules(rules);
    expect(two).toHaveLength(2);
    expect(two[0]).toBe(one[0]);
    rules[1] = uploads();
    expect(compileRules(rules)[1]!.source).toBe(rules[1]);
    rules.splice(0, 1);
    expect(compileRules(rules)).toHaveLength(1);
  });
});

describe('evaluate with configurations edited in place', () => {
  it('answers from the edited rule, never from a stale compilation', () => {
    const config: CorsConfig = { rules: [uploads()] };
    const request = preflight('https://other.example', 'PUT', 'content-type');
    expect(evaluateChecked(config, request).status).toBe(403);
    config.rules[0]!.allowedOrigins.push('https://other.example');
    expect(evaluateChecked(config, request).status).toBe(200);
    config.rules[0]!.allowedHeaders[0] = 'x-amz-*';
    expect(evaluateChecked(config, request).status).toBe(403);
    config.rules[0]!.allowedHeaders.push('CONTENT-TYPE');
    expect(evaluateChecked(config, request).status).toBe(200);
  });

  it('answers from the edited list when a rule is inserted ahead', () => {
    const config: CorsConfig = { rules: [reader()] };
    const request = preflight('https://app.example.com', 'GET');
    expect(evaluateChecked(config, request).matchedRule).toBe(0);
    config.rules.unshift({ ...uploads(), allowedMethods: ['GET'] });
    const decision = evaluateChecked(config, request);
    expect(decision.matchedRule).toBe(0);
    expect(decision.summary).toEqual({ code: 'preflight.allowed', params: { rule: 0, ruleId: 'uploads' } });
  });

  it('keeps the reasons of a decision made before the edit (they describe the rule as evaluated)', () => {
    const config: CorsConfig = { rules: [uploads()] };
    const request = preflight('https://other.example', 'PUT');
    const expected = referenceEvaluate(config, request);
    const decision = evaluate(config, request);
    config.rules[0]!.allowedOrigins.push('https://other.example');
    config.rules[0]!.id = 'renamed';
    expect(decision.reasons).toEqual(expected.reasons);
    expect(decision.reasons[0]).toMatchObject({ id: 'uploads', outcome: 'failed', origin: { ok: false, params: { allowed: ['https://app.example.com'] } } });
  });

  it('answers the headers of the rule as it reads now (Expose-Headers and Max-Age are read per call)', () => {
    const config: CorsConfig = { rules: [uploads()] };
    const request = preflight('https://app.example.com', 'PUT');
    expect(evaluateChecked(config, request).headers['access-control-expose-headers']).toBe('ETag');
    config.rules[0]!.exposeHeaders.push('x-amz-request-id');
    config.rules[0]!.maxAgeSeconds = 60;
    const headers = evaluateChecked(config, request).headers;
    expect(headers['access-control-expose-headers']).toBe('ETag, x-amz-request-id');
    expect(headers['access-control-max-age']).toBe('60');
  });
});
