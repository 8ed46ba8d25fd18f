import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, METHODS, type CorsConfig, type CorsRequest, type CorsRule } from '../../src/core';
import { evaluate } from '../../src/core/evaluate';
import { hundredRuleConfig, hundredRuleRequests } from '../fixtures/hundred-rules';
import { referenceEvaluate } from '../support/reference-evaluate';

// Issue 20, item 5: evaluate runs on compiled configurations and builds reasons on demand, with
// exactly the answers it gave before. The reference is the previous evaluate, kept verbatim; every
// field must agree, reasons included, and in the same key order (JSON compares that too).

const RUNS = Number(process.env['COMPILED_EVALUATE_RUNS'] ?? 3000);

// Small pools, so that rules and requests meet often: exact, wildcard, `*` and invalid (two `*`)
// origins, near misses (scheme, port, letter case, trailing slash), overlapping affixes.
const ORIGINS = [
  '*', 'https://app.example.com', 'https://*.example.com', 'http://app.example.com', 'https://app.example.com:8443',
  'https://APP.example.com', 'https://app.example.com/', 'http://localhost:*', 'http://localhost:5173', 'https://ab*bc.example',
  'https://*.*.example.com', '', ' https://app.example.com',
];
const REQUEST_ORIGINS = [
  'https://app.example.com', 'https://cdn.example.com', 'http://app.example.com', 'https://app.example.com:8443', 'https://app.example.com',
  'http://localhost:5173', 'http://localhost:3000', 'https://abc.example', 'https://abbc.example', 'https://nobody.example', '', ' ',
];
const HEADERS = ['content-type', 'Content-Type', 'x-amz-*', 'X-AMZ-*', '*', 'x-*-id', 'authorization', ''];
const REQUEST_HEADER_LISTS = [
  'content-type', 'Content-Type, X-Amz-Date', 'x-amz-meta-a,x-request-id', ' authorization ', 'x-custom', 'a,,b', '', ',', 'x-amz-date, content-type',
];

const rule: fc.Arbitrary<CorsRule> = fc.record(
  {
    id: fc.constantFrom('r', 'rule-2', ''),
    allowedOrigins: fc.uniqueArray(fc.constantFrom(...ORIGINS), { minLength: 1, maxLength: 3 }),
    allowedMethods: fc.uniqueArray(fc.constantFrom(...METHODS), { minLength: 1, maxLength: 3 }),
    allowedHeaders: fc.uniqueArray(fc.constantFrom(...HEADERS), { maxLength: 3 }),
    exposeHeaders: fc.uniqueArray(fc.constantFrom('ETag', 'x-amz-request-id', ''), { maxLength: 2 }),
    maxAgeSeconds: fc.constantFrom(0, 600, 86400),
  },
  { requiredKeys: ['allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders'] },
);

const config: fc.Arbitrary<CorsConfig | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 10, arbitrary: fc.record({ rules: fc.array(rule, { maxLength: 8 }), responseVary: fc.boolean() }, { requiredKeys: ['rules'] }) },
);

const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const request: fc.Arbitrary<CorsRequest> = fc
  .record({
    method: fc.constantFrom('OPTIONS', 'options', 'GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH'),
    origin: optional(fc.constantFrom(...REQUEST_ORIGINS)),
    originName: fc.constantFrom('origin', 'Origin', 'ORIGIN'),
    requestMethod: optional(fc.constantFrom('GET', 'get', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH', '')),
    requestHeaders: optional(fc.constantFrom(...REQUEST_HEADER_LISTS)),
    authorization: fc.boolean(),
    resource: optional(fc.constantFrom('object' as const, 'bucket' as const)),
    bucketExists: optional(fc.boolean()),
  })
  .map((r) => ({
    method: r.method,
    headers: {
      [r.originName]: r.origin,
      'Access-Control-Request-Method': r.requestMethod,
      'access-control-request-headers': r.requestHeaders,
      ...(r.authorization ? { Authorization: 'AWS4-HMAC-SHA256 Credential=...' } : {}),
    },
    ...(r.resource ? { resource: r.resource } : {}),
    ...(r.bucketExists !== undefined ? { bucketExists: r.bucketExists } : {}),
  }));

describe('evaluate on compiled configurations', () => {
  it(
    'answers every request exactly as the reference evaluate, reasons included, in every dialect',
    () => {
      fc.assert(
        fc.property(config, fc.array(request, { minLength: 1, maxLength: 4 }), fc.constantFrom(...DIALECTS), (cfg, requests, dialect) => {
          for (const req of requests) {
            const expected = referenceEvaluate(cfg, req, dialect);
            const actual = evaluate(cfg, req, dialect);
            expect(actual).toEqual(expected);
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
          }
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );

  it('answers the same when the same configuration is evaluated again (a cache hit)', () => {
    fc.assert(
      fc.property(config, request, fc.constantFrom(...DIALECTS), (cfg, req, dialect) => {
        const first = JSON.stringify(evaluate(cfg, req, dialect));
        expect(JSON.stringify(evaluate(cfg, req, dialect))).toBe(first);
        expect(first).toBe(JSON.stringify(referenceEvaluate(cfg, req, dialect)));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('gives the same answers with 100 rules, matching early, late, by wildcard and not at all', () => {
    const config = hundredRuleConfig();
    const requests = hundredRuleRequests();
    for (const dialect of DIALECTS) {
      for (const req of requests) expect(evaluate(config, req, dialect)).toEqual(referenceEvaluate(config, req, dialect));
    }
  });
});

describe("a decision's reasons, built on demand", () => {
  const rules: CorsRule[] = [
    { id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] },
    { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ];
  const preflight: CorsRequest = { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } };

  it('are an own enumerable property, seen by spread, JSON and structuredClone as a plain array', () => {
    const decision = evaluate({ rules }, preflight);
    const expected = referenceEvaluate({ rules }, preflight);
    expect(Object.keys(decision)).toEqual(Object.keys(expected));
    expect(Object.getOwnPropertySymbols(decision).filter((s) => Object.getOwnPropertyDescriptor(decision, s)?.enumerable)).toEqual([]);
    expect(decision).toStrictEqual(expected);
    expect({ ...decision }.reasons).toEqual(expected.reasons);
    expect(JSON.parse(JSON.stringify(decision))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(structuredClone(decision)).toEqual(expected);
  });

  it('are built once: reading them twice gives the same array', () => {
    const decision = evaluate({ rules }, preflight);
    expect(decision.reasons).toBe(decision.reasons);
  });

  it('can be replaced, as a data property could', () => {
    const decision = evaluate({ rules }, preflight);
    decision.reasons = [];
    expect(decision.reasons).toEqual([]);
  });
});
