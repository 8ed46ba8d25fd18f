import { describe, expect, it } from 'vitest';
import { decisionSchema, issueSchema } from '../../src/contract/core-values';
import { evaluate, validateConfig, type CorsConfig } from '../../src/core';

const config: CorsConfig = { rules: [{ allowedOrigins: ['www.a.com', 'https://app.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };

describe("the core's coded values on the wire", () => {
  it('passes issues whole, params included', () => {
    const issues = validateConfig(config, 's3');
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issueSchema.parse(JSON.parse(JSON.stringify(issue)))).toEqual(issue);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'origin.missing-scheme', params: { value: 'www.a.com', suggestion: 'https://www.a.com' } }));
  });

  it('passes decisions whole: rule reasons, their checks and the summary keep code and params', () => {
    const decision = evaluate(config, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT' } }, 's3');
    expect(decisionSchema.parse(JSON.parse(JSON.stringify(decision)))).toEqual(decision);
    expect(decision.summary.code).toBe('preflight.no-match');
  });

  it.each([
    ['an unknown issue code', { severity: 'error', code: 'origin.x', params: {}, path: [] }],
    ['an issue without params', { severity: 'error', code: 'origin.empty', path: [] }],
    ['an issue in the old prose shape', { severity: 'error', code: 'origin.empty', message: 'Origin is empty', path: [] }],
    ["an issue with another code's params", { severity: 'error', code: 'origin.missing-scheme', params: { value: 'www.a.com' }, path: [] }],
    ['an issue whose param has the wrong type', { severity: 'warning', code: 'rule.etag-not-exposed', params: { rule: 0, methods: 'PUT' }, path: [] }],
    ['a body issue carrying prose instead of a misfit', { severity: 'error', code: 'body.invalid', params: { field: 'key', detail: 'Invalid input' }, path: ['key'] }],
  ])('refuses %s', (_name, value) => {
    expect(issueSchema.safeParse(value).success).toBe(false);
  });

  it("refuses a decision whose rule reason's check has params of another shape", () => {
    const decision = evaluate(config, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT' } }, 's3');
    const [reason] = decision.reasons;
    expect(reason?.method).toMatchObject({ code: 'method.not-allowed' });
    const reshaped = { ...decision, reasons: [{ ...reason, method: { ...reason?.method, params: { method: 'PUT' } } }] };
    expect(decisionSchema.safeParse(reshaped).success).toBe(false);
  });

  it('refuses a decision whose summary is a sentence', () => {
    const decision = evaluate(config, { method: 'GET', headers: { origin: 'https://app.example' } }, 's3');
    expect(decisionSchema.safeParse({ ...decision, summary: 'Allowed by rule 1.' }).success).toBe(false);
  });
});
