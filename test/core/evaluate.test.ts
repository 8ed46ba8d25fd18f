import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/core/dialects';
import { evaluate, type CorsRequest } from '../../src/core/evaluate';
import type { CorsConfig, CorsRule } from '../../src/core/rule';
import { rule } from '../support/builders';

// Table-driven, asserting the FULL set of CORS headers (absence included) as rs/cors does.
// Facts: shared/design/s3-cors-semantics.md ([R] recorded from AWS, [D] documented).

const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

const config = (...rules: CorsRule[]): CorsConfig => ({ rules });

const exact = config(rule({ allowedOrigins: ['http://localhost:4200'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['x-amz-expected-bucket-owner'], exposeHeaders: ['ETag', 'x-amz-request-id'], maxAgeSeconds: 3000 }));
const star = config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: ['*'] }));
const partial = config(rule({ allowedOrigins: ['http://*.origin.com'], allowedMethods: ['GET'] }));
const mixedCase = config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: ['x-AMZ-server-SIDE-encryption'] }));
const ordered = config(
  rule({ id: 'downloads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'] }),
  rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
);

interface Case {
  name: string;
  config: CorsConfig | null;
  request: CorsRequest;
  dialect?: Dialect;
  status: number | null;
  error?: { code: string; message: string; details?: Record<string, string> };
  matchedRule: number | null;
  headers: Record<string, string>;
}

const preflight = (origin: string | undefined, method?: string, requestHeaders?: string, extra: Partial<CorsRequest> = {}): CorsRequest => ({
  method: 'OPTIONS',
  headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requestHeaders },
  ...extra,
});
const actual = (method: string, headers: Record<string, string | undefined>): CorsRequest => ({ method, headers });

const s3Cases: Case[] = [
  {
    name: 'echoes a specific origin with credentials, the full method list, expose headers and max-age',
    config: exact,
    request: preflight('http://localhost:4200', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'http://localhost:4200',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-expose-headers': 'ETag, x-amz-request-id',
      'access-control-max-age': '3000',
      vary: VARY,
    },
  },
  {
    name: 'refuses another scheme for the same host and port',
    config: exact,
    request: preflight('https://localhost:4200', 'GET'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'GET', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'refuses a method the rule does not list',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: preflight('http://a.example', 'PUT'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'PUT', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'names the bucket as ResourceType when the URL is the bucket',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: preflight('http://a.example', 'PUT', undefined, { resource: 'bucket' }),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'PUT', ResourceType: 'BUCKET' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'answers * (without credentials) for a * rule and echoes requested headers lowercased',
    config: star,
    request: preflight('http://a.example', 'GET', 'X-Custom, Content-Type'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'x-custom, content-type',
      vary: VARY,
    },
  },
  {
    name: 'matches * against an origin that is not a valid serialized origin',
    config: star,
    request: preflight('whatever', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', vary: VARY },
  },
  {
    name: 'echoes the origin matched through a partial wildcard',
    config: partial,
    request: preflight('http://test.origin.com', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'http://test.origin.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET',
      vary: VARY,
    },
  },
  {
    name: 'does not match a partial wildcard when the origin has a trailing slash',
    config: partial,
    request: preflight('http://test.origin.com/', 'GET'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'GET', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'matches requested headers case-insensitively on both sides',
    config: mixedCase,
    request: preflight('http://a.example', 'GET', 'x-amz-server-side-encryption'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'x-amz-server-side-encryption',
      vary: VARY,
    },
  },
  {
    name: 'trims requested header names around commas',
    config: exact,
    request: preflight('http://localhost:4200', 'PUT', ' x-AMZ-expected-BUCKET-owner '),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'http://localhost:4200',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'x-amz-expected-bucket-owner',
      'access-control-expose-headers': 'ETag, x-amz-request-id',
      'access-control-max-age': '3000',
      vary: VARY,
    },
  },
  {
    name: 'fails a rule without AllowedHeaders when any header is requested',
    config: partial,
    request: preflight('http://test.origin.com', 'GET', 'x-custom'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'GET', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'fails the whole rule when one of several requested headers is not allowed',
    config: exact,
    request: preflight('http://localhost:4200', 'PUT', 'x-amz-expected-bucket-owner, x-other'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'PUT', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'refuses OPTIONS without Origin with 400 BadRequest',
    config: star,
    request: preflight(undefined, 'GET'),
    status: 400,
    error: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'refuses OPTIONS without Origin with 400 even when no config exists',
    config: null,
    request: preflight(undefined, 'GET'),
    status: 400,
    error: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'answers 403 "CORS is not enabled" with ResourceType BUCKET when there is no config',
    config: null,
    request: preflight('http://a.example', 'PUT'),
    status: 403,
    error: { code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.', details: { Method: 'PUT', ResourceType: 'BUCKET' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'reports Method OPTIONS when there is no config and no Access-Control-Request-Method',
    config: null,
    request: preflight('http://a.example'),
    status: 403,
    error: { code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.', details: { Method: 'OPTIONS', ResourceType: 'BUCKET' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'answers 403 "Bucket not found" for a missing bucket',
    config: null,
    request: preflight('http://a.example', 'GET', undefined, { bucketExists: false }),
    status: 403,
    error: { code: 'AccessForbidden', message: 'CORSResponse: Bucket not found', details: { Method: 'OPTIONS', ResourceType: 'BUCKET' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'refuses a preflight without Access-Control-Request-Method when a config exists',
    config: star,
    request: preflight('http://a.example'),
    status: 400,
    error: { code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'lets a later rule answer when an earlier rule fails on headers (first match on all three)',
    config: ordered,
    request: preflight('https://app.example.com', 'PUT', 'content-type'),
    status: 200,
    matchedRule: 1,
    headers: {
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'ETag',
      vary: VARY,
    },
  },
  {
    name: 'answers a header-less preflight from the first rule that matches',
    config: ordered,
    request: preflight('https://app.example.com', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET',
      vary: VARY,
    },
  },
  {
    name: 'adds the same headers (no Allow-Headers) to an actual request with a matching Origin',
    config: exact,
    request: actual('GET', { Origin: 'http://localhost:4200' }),
    status: null,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'http://localhost:4200',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-expose-headers': 'ETag, x-amz-request-id',
      'access-control-max-age': '3000',
      vary: VARY,
    },
  },
  {
    name: 'does no CORS processing for an actual request without Origin (Referer does not count)',
    config: star,
    request: actual('GET', { Referer: 'http://a.example/page' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'adds nothing to an actual request whose origin matches no rule',
    config: exact,
    request: actual('GET', { Origin: 'http://elsewhere.example' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'adds nothing when there is no config',
    config: null,
    request: actual('GET', { Origin: 'http://a.example' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'judges an actual request by its Access-Control-Request-Method instead of its method',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: actual('GET', { Origin: 'http://a.example', 'Access-Control-Request-Method': 'PUT' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'judges an actual request by its Access-Control-Request-Headers',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: actual('GET', { Origin: 'http://a.example', 'Access-Control-Request-Headers': 'x-custom' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'echoes Allow-Headers on an actual request that sends allowed Access-Control-Request-Headers',
    config: star,
    request: actual('GET', { Origin: 'http://a.example', 'Access-Control-Request-Headers': 'X-Custom' }),
    status: null,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'x-custom',
      vary: VARY,
    },
  },
  {
    name: 'ignores headers an actual request really carries',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: actual('GET', { Origin: 'http://a.example', 'x-amz-request-payer': 'requester' }),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', vary: VARY },
  },
  {
    name: 'answers an actual PUT from a GET-only config without CORS headers (never refuses it)',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: actual('PUT', { Origin: 'http://a.example' }),
    status: null,
    matchedRule: null,
    headers: {},
  },
  {
    name: 'answers the actual PUT of an upload from the FIRST rule, even if the preflight matched a later one',
    config: ordered,
    request: actual('PUT', { Origin: 'https://app.example.com' }),
    status: null,
    matchedRule: 1,
    headers: {
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-expose-headers': 'ETag',
      vary: VARY,
    },
  },
  {
    name: 'sends max-age 0 when it is configured as 0',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'], maxAgeSeconds: 0 })),
    request: preflight('http://a.example', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', 'access-control-max-age': '0', vary: VARY },
  },
  {
    name: 'compares origins case-sensitively (the safer model, not recorded)',
    config: config(rule({ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'] })),
    request: preflight('https://APP.example.com', 'GET'),
    status: 403,
    error: { code: 'AccessForbidden', message: NOT_ALLOWED, details: { Method: 'GET', ResourceType: 'OBJECT' } },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'lets an x-amz-* allowed header cover x-amz-meta-owner',
    config: config(rule({ allowedOrigins: ['https://a.example'], allowedMethods: ['PUT'], allowedHeaders: ['x-amz-*'] })),
    request: preflight('https://a.example', 'PUT', 'x-amz-meta-owner,x-amz-acl'),
    status: 200,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'https://a.example',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'x-amz-meta-owner, x-amz-acl',
      vary: VARY,
    },
  },
];

const s3rverCases: Case[] = [
  {
    name: 's3rver answers * to every preflight, without credentials, expose or max-age',
    dialect: 's3rver',
    config: exact,
    request: preflight('http://localhost:4200', 'GET'),
    status: 200,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, PUT', vary: VARY },
  },
  {
    name: 's3rver stops at the first origin+method rule even when its headers fail',
    dialect: 's3rver',
    config: ordered,
    request: preflight('https://app.example.com', 'GET', 'content-type'),
    status: 403,
    error: { code: 'CORSResponse', message: NOT_ALLOWED.replace('CORSResponse: ', '') },
    matchedRule: null,
    headers: {},
  },
  {
    name: 's3rver answers OPTIONS without Origin with 403 BadRequest',
    dialect: 's3rver',
    config: star,
    request: preflight(undefined, 'GET'),
    status: 403,
    error: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 's3rver checks Access-Control-Request-Method before the config',
    dialect: 's3rver',
    config: null,
    request: preflight('http://a.example'),
    status: 403,
    error: { code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 's3rver sends credentials beside * on actual requests, and no Allow-Methods',
    dialect: 's3rver',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'], exposeHeaders: ['ETag'], maxAgeSeconds: 10 })),
    request: actual('GET', { Origin: 'http://a.example' }),
    status: null,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '10',
      vary: VARY,
    },
  },
  {
    name: 's3rver matches a * rule for an actual request without Origin',
    dialect: 's3rver',
    config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })),
    request: actual('GET', {}),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true', vary: VARY },
  },
  {
    name: 's3rver ignores Access-Control-Request-Headers on actual requests',
    dialect: 's3rver',
    config: config(rule({ allowedOrigins: ['http://a.example'], allowedMethods: ['GET'] })),
    request: actual('GET', { Origin: 'http://a.example', 'Access-Control-Request-Headers': 'x-custom' }),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': 'http://a.example', 'access-control-allow-credentials': 'true', vary: VARY },
  },
];

// Measured on a real radosgw: test/core/evaluate.differential.test.ts sends these shapes to it.
const rgwCases: Case[] = [
  {
    name: 'RGW echoes the origin on a preflight even for a * rule, with only the requested method and Vary: Origin',
    dialect: 'rgw',
    config: star,
    request: preflight('http://a.example', 'GET', 'X-Custom, x-other'),
    status: 200,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': 'http://a.example', 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'X-Custom,x-other', vary: 'Origin' },
  },
  {
    name: 'RGW answers * without Vary to an unsigned actual request on a * rule',
    dialect: 'rgw',
    config: star,
    request: actual('GET', { Origin: 'http://a.example' }),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET' },
  },
  {
    name: 'RGW echoes the origin to a request signed in the Authorization header on a * rule',
    dialect: 'rgw',
    config: star,
    request: actual('GET', { Origin: 'http://a.example', Authorization: 'AWS4-HMAC-SHA256 Credential=...' }),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': 'http://a.example', 'access-control-allow-methods': 'GET', vary: 'Origin' },
  },
  {
    name: 'RGW refuses a PUT preflight at the first rule for the origin, although the second allows it',
    dialect: 'rgw',
    config: ordered,
    request: preflight('https://app.example.com', 'PUT'),
    status: 403,
    error: { code: 'AccessDenied', message: '' },
    matchedRule: null,
    headers: {},
  },
  {
    name: 'RGW leaves a refused name out of Allow-Headers on an actual request instead of refusing it',
    dialect: 'rgw',
    config: exact,
    request: actual('GET', { Origin: 'http://localhost:4200', 'Access-Control-Request-Headers': 'X-Amz-Expected-Bucket-Owner, x-no' }),
    status: null,
    matchedRule: 0,
    headers: {
      'access-control-allow-origin': 'http://localhost:4200',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'X-Amz-Expected-Bucket-Owner',
      'access-control-expose-headers': 'ETag,x-amz-request-id',
      'access-control-max-age': '3000',
      vary: 'Origin',
    },
  },
  {
    name: 'RGW checks Access-Control-Request-Method before whether CORS exists',
    dialect: 'rgw',
    config: null,
    request: preflight('http://a.example', undefined),
    status: 400,
    error: { code: 'InvalidArgument', message: '' },
    matchedRule: null,
    headers: {},
  },
];

const responseVaryCases: Case[] = [
  {
    name: 'OSS ResponseVary adds Vary: Origin to a response without CORS headers',
    dialect: 'oss',
    config: { rules: [rule({ allowedOrigins: ['https://a.example'], allowedMethods: ['GET'] })], responseVary: true },
    request: actual('GET', {}),
    status: null,
    matchedRule: null,
    headers: { vary: 'Origin' },
  },
  {
    name: 'COS ResponseVary keeps the CORS Vary, which already names Origin',
    dialect: 'cos',
    config: { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })], responseVary: true },
    request: actual('GET', { Origin: 'https://a.example' }),
    status: null,
    matchedRule: 0,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', vary: VARY },
  },
  {
    name: 'S3 has no ResponseVary, so the flag changes nothing',
    dialect: 's3',
    config: { rules: [rule({ allowedOrigins: ['https://a.example'], allowedMethods: ['GET'] })], responseVary: true },
    request: actual('GET', {}),
    status: null,
    matchedRule: null,
    headers: {},
  },
];

describe('evaluate', () => {
  it.each([...s3Cases, ...s3rverCases, ...rgwCases, ...responseVaryCases])('$name', (c) => {
    const decision = evaluate(c.config, c.request, c.dialect ?? 's3');
    expect(decision.status).toBe(c.status);
    expect(decision.error).toEqual(c.error);
    expect(decision.matchedRule).toBe(c.matchedRule);
    expect(decision.headers).toEqual(c.headers);
    expect(decision.kind).toBe(c.request.method === 'OPTIONS' ? 'preflight' : 'actual');
  });

  it('has a case table of the promised size', () => {
    expect(s3Cases.length + s3rverCases.length + responseVaryCases.length).toBeGreaterThanOrEqual(40);
  });
});

describe('evaluate reasons', () => {
  it('explains per rule why it matched, failed or was not reached', () => {
    const three = config(
      rule({ allowedOrigins: ['https://other.example'], allowedMethods: ['GET'] }),
      rule({ id: 'app', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'] }),
      rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] }),
    );
    const { reasons } = evaluate(three, preflight('https://app.example.com', 'GET'));
    expect(reasons.map((r) => r.outcome)).toEqual(['failed', 'matched', 'not-reached']);
    expect(reasons[0]?.origin).toEqual({ ok: false, code: 'origin.not-listed', params: { origin: 'https://app.example.com', allowed: ['https://other.example'] } });
    expect(reasons[1]).toMatchObject({ code: 'matched', id: 'app', origin: { ok: true, code: 'origin.matches' } });
    expect(reasons[2]).toMatchObject({ code: 'not-reached', params: { decidedBy: 1, decidedById: 'app' } });
    expect(reasons[2]?.params).not.toHaveProperty('stopped');
  });

  it('names the refused header and says when a rule allows no headers at all', () => {
    const { reasons } = evaluate(partial, preflight('http://test.origin.com', 'GET', 'x-custom'));
    expect(reasons[0]?.headers).toEqual({ ok: false, code: 'headers.not-allowed', params: { headers: ['x-custom'], allowed: [] } });
  });

  it('points out an origin that differs only in scheme', () => {
    const { reasons } = evaluate(exact, preflight('https://localhost:4200', 'GET'));
    expect(reasons[0]?.origin?.params).toMatchObject({ nearMiss: { kind: 'scheme', scheme: 'http', requestScheme: 'https' } });
  });

  it('points out a listed origin with a trailing slash', () => {
    const cfg = config(rule({ allowedOrigins: ['https://a.example/'], allowedMethods: ['GET'] }));
    const { reasons } = evaluate(cfg, preflight('https://a.example', 'GET'));
    expect(reasons[0]?.origin?.params).toMatchObject({ nearMiss: { kind: 'trailing-slash', candidate: 'https://a.example/' } });
  });

  it('says where RGW stops searching although AWS would go on', () => {
    const { reasons } = evaluate(ordered, preflight('https://app.example.com', 'PUT'), 'rgw');
    expect(reasons[0]).toMatchObject({ code: 'stopped-search', params: { selection: 'origin-then-method-and-headers', provider: 'Ceph RADOS Gateway' } });
    expect(reasons[1]).toMatchObject({ outcome: 'not-reached', params: { stopped: 'origin-then-method-and-headers' } });
  });

  it('says where s3rver stops searching although AWS would go on', () => {
    const { reasons } = evaluate(ordered, preflight('https://app.example.com', 'GET', 'content-type'), 's3rver');
    expect(reasons[0]).toMatchObject({ code: 'stopped-search', params: { selection: 'origin-method-then-headers' } });
    expect(reasons[1]).toMatchObject({ outcome: 'not-reached', params: { stopped: 'origin-method-then-headers' } });
  });
});
