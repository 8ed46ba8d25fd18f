import { describe, expect, it } from 'vitest';
import { DIALECTS, REFUSALS, validateConfig, type CorsConfig, type CorsRule } from '../../src/core';
import { rule } from '../support/builders';

// Issue 14, item 5: every error says who refuses it. The real servers' answers are checked in
// test/server/issue-14-refusals.test.ts; here, that no error goes without a source on any dialect.

const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule({ allowedOrigins: ['http://a.example'], allowedMethods: ['GET'], ...partial })] });

const broken: CorsConfig[] = [
  one({ allowedOrigins: ['', ' ', 'localhost', '*.example.com', ' http://a.example', 'http://a.example/', 'http://a.example/x', 'http://*.*.x', 'http://localhost:*', 'http://a\u0001', 'http://\uD800'] }),
  one({ allowedHeaders: ['', 'a b', 'x-*-*', 'x<y>'], exposeHeaders: ['', 'x-amz-*', 'a b', "x'"] }),
  one({ allowedMethods: ['PATCH' as 'GET', 'get' as 'GET'], maxAgeSeconds: -1 }),
  one({ maxAgeSeconds: 10_000_000, id: 'x'.repeat(300) }),
  one({ allowedOrigins: [], allowedMethods: [] }),
  { rules: [] },
  { rules: Array.from({ length: 101 }, () => rule({ allowedOrigins: ['http://a.example'], allowedMethods: ['GET'] })) },
  { rules: [rule({ allowedOrigins: ['http://a.example'], allowedMethods: ['GET'], allowedHeaders: Array.from({ length: 3000 }, (_, i) => `x-header-${i}`) })] },
];

describe('who refuses an error', () => {
  it.each(DIALECTS)('names the source of every error on %s', (dialect) => {
    const errors = broken.flatMap((config) => validateConfig(config, dialect)).filter((issue) => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.filter((issue) => issue.source === undefined).map((issue) => issue.code)).toEqual([]);
  });

  it('never says who refuses a warning', () => {
    const warnings = DIALECTS.flatMap((dialect) => broken.flatMap((config) => validateConfig(config, dialect))).filter((issue) => issue.severity === 'warning');
    expect(warnings.filter((issue) => issue.source !== undefined)).toEqual([]);
  });

  it('covers every error code validateConfig reports', () => {
    const codes = new Set(DIALECTS.flatMap((dialect) => broken.flatMap((config) => validateConfig(config, dialect))).filter((i) => i.severity === 'error').map((i) => i.code));
    expect([...codes].filter((code) => !Object.hasOwn(REFUSALS, code))).toEqual([]);
  });

  it.each([
    ['s3', 'localhost'], ['rgw', 'localhost'], ['s3rver', 'localhost'],
    ['s3', '*.example.com'], ['rgw', '*.example.com'], ['s3rver', '*.example.com'],
  ] as const)('on %s, the console alone refuses the origin %s: no browser sends it', (dialect, origin) => {
    const issue = validateConfig(one({ allowedOrigins: [origin] }), dialect)[0];
    expect(issue).toMatchObject({ code: 'origin.missing-scheme', severity: 'error', source: 'console', consoleReason: 'never-matches' });
    expect(issue?.providerCode).toBeUndefined();
  });

  it('says AWS stores an empty origin while s3rver and RGW refuse it', () => {
    const issueOn = (dialect: 's3' | 'rgw' | 's3rver') => validateConfig(one({ allowedOrigins: [''] }), dialect).find((i) => i.code === 'origin.empty');
    expect(issueOn('s3')).toMatchObject({ source: 'console', consoleReason: 'never-matches' });
    expect(issueOn('s3rver')).toMatchObject({ source: 'provider', providerCode: 'MalformedXML', providerMessage: 'The XML you provided was not well-formed or did not validate against our published schema' });
    expect(issueOn('rgw')).toMatchObject({ source: 'provider', providerCode: 'MalformedXML', providerMessage: '' });
  });

  it("quotes AWS's own sentence for an unsupported method, and RGW's empty MalformedXML", () => {
    const config = one({ allowedMethods: ['PATCH' as 'GET'] });
    expect(validateConfig(config, 's3').find((i) => i.code === 'method.unsupported')).toMatchObject({
      source: 'provider', providerCode: 'InvalidRequest', providerMessage: 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH',
    });
    expect(validateConfig(config, 'rgw').find((i) => i.code === 'method.unsupported')).toMatchObject({ source: 'provider', providerCode: 'MalformedXML', providerMessage: '' });
  });
});
