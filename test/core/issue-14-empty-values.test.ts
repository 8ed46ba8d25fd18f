import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/core/dialects';
import { S3_NOT_ALLOWED_MESSAGE } from '../../src/core/dialects/s3';
import { evaluate, type CorsRequest } from '../../src/core/evaluate';
import type { CorsConfig } from '../../src/core/rule';
import { rule } from '../support/builders';

// Issue 14, item 4: headers sent with an empty value. Each row is what the dialect predicts, with
// every CORS header asserted (absence included); the same requests go to the real s3rver and
// Ceph RGW in evaluate.differential.test.ts (the cases named in the dialects' comments).

const APP = 'http://app.test:8080';
const S3RVER_VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

const exact: CorsConfig = {
  rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 })],
};
const star: CorsConfig = { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'] })] };

interface Case {
  name: string;
  dialect: Dialect;
  config: CorsConfig | null;
  request: CorsRequest;
  status: number | null;
  error?: { code: string; message: string; details?: Record<string, string> };
  matchedRule: number | null;
  headers: Record<string, string>;
}

const preflight = (origin: string | undefined, method?: string, requestHeaders?: string): CorsRequest => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders },
});
const actual = (method: string, headers: Record<string, string | undefined>): CorsRequest => ({ method, headers });

const s3rverAnswer = (methods: string, extra: Record<string, string> = {}) => ({ 'access-control-allow-origin': '*', 'access-control-allow-methods': methods, ...extra, vary: S3RVER_VARY });
const rgwDenied = { code: 'AccessDenied', message: '' };

const cases: Case[] = [
  // s3rver: an empty value is no value.
  {
    name: 's3rver refuses a preflight with an empty Access-Control-Request-Method as if it had none',
    dialect: 's3rver', config: exact, request: preflight(APP, ''),
    status: 403, error: { code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' }, matchedRule: null, headers: {},
  },
  {
    name: 's3rver answers an empty Access-Control-Request-Headers without Allow-Headers',
    dialect: 's3rver', config: exact, request: preflight(APP, 'GET', ''),
    status: 200, matchedRule: 0, headers: s3rverAnswer('GET, PUT'),
  },
  {
    name: 's3rver reads a blank Access-Control-Request-Headers as empty (the server never sees the spaces)',
    dialect: 's3rver', config: star, request: preflight(APP, 'GET', '   '),
    status: 200, matchedRule: 0, headers: s3rverAnswer('GET, HEAD'),
  },
  {
    name: 's3rver keeps an empty item of Access-Control-Request-Headers and echoes it',
    dialect: 's3rver', config: star, request: preflight(APP, 'GET', 'x-a,,x-b'),
    status: 200, matchedRule: 0, headers: s3rverAnswer('GET, HEAD', { 'access-control-allow-headers': 'x-a, , x-b' }),
  },
  {
    name: 's3rver refuses a trailing comma against a rule without `*` headers (it asks for the name "")',
    dialect: 's3rver', config: exact, request: preflight(APP, 'PUT', 'content-type,'),
    status: 403, error: { code: 'CORSResponse', message: S3_NOT_ALLOWED_MESSAGE }, matchedRule: null, headers: {},
  },
  {
    name: 's3rver refuses a preflight with an empty Origin as if it had none',
    dialect: 's3rver', config: star, request: preflight('', 'GET'),
    status: 403, error: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' }, matchedRule: null, headers: {},
  },
  {
    name: 's3rver judges an actual GET with an empty Access-Control-Request-Method by its own method',
    dialect: 's3rver', config: exact, request: actual('GET', { origin: APP, 'access-control-request-method': '' }),
    status: null, matchedRule: 0,
    headers: { 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'ETag', 'access-control-max-age': '600', vary: S3RVER_VARY },
  },
  {
    name: 's3rver answers an actual GET with an empty Origin from a `*` rule',
    dialect: 's3rver', config: star, request: actual('GET', { origin: '' }),
    status: null, matchedRule: 0, headers: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true', vary: S3RVER_VARY },
  },
  // Ceph RGW: an empty value is a value.
  {
    name: 'RGW refuses an empty Access-Control-Request-Method with 403 AccessDenied, not the 400 of a missing one',
    dialect: 'rgw', config: star, request: preflight(APP, ''),
    status: 403, error: rgwDenied, matchedRule: null, headers: {},
  },
  {
    name: 'RGW still answers 400 InvalidArgument when Access-Control-Request-Method is missing',
    dialect: 'rgw', config: star, request: preflight(APP),
    status: 400, error: { code: 'InvalidArgument', message: '' }, matchedRule: null, headers: {},
  },
  {
    name: 'RGW answers an empty Access-Control-Request-Headers without Allow-Headers',
    dialect: 'rgw', config: exact, request: preflight(APP, 'GET', ''),
    status: 200, matchedRule: 0,
    headers: { 'access-control-allow-origin': APP, 'access-control-allow-methods': 'GET', 'access-control-expose-headers': 'ETag', 'access-control-max-age': '600', vary: 'Origin' },
  },
  {
    name: 'RGW drops empty items of Access-Control-Request-Headers',
    dialect: 'rgw', config: exact, request: preflight(APP, 'PUT', 'content-type,'),
    status: 200, matchedRule: 0,
    headers: { 'access-control-allow-origin': APP, 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'content-type', 'access-control-expose-headers': 'ETag', 'access-control-max-age': '600', vary: 'Origin' },
  },
  {
    name: 'RGW matches an empty Origin against `*` and answers 200 with no CORS header at all',
    dialect: 'rgw', config: star, request: preflight('', 'GET'),
    status: 200, matchedRule: 0, headers: {},
  },
  {
    name: 'RGW refuses an empty Origin that no rule lists with 403 AccessDenied, not the 400 of a missing one',
    dialect: 'rgw', config: exact, request: preflight('', 'GET'),
    status: 403, error: rgwDenied, matchedRule: null, headers: {},
  },
  {
    name: 'RGW refuses an empty Origin on a bucket without CORS as it refuses any origin',
    dialect: 'rgw', config: null, request: preflight('', 'GET'),
    status: 403, error: rgwDenied, matchedRule: null, headers: {},
  },
  {
    name: 'RGW answers an actual GET with an empty Origin from a `*` rule with `*`',
    dialect: 'rgw', config: star, request: actual('GET', { origin: '' }),
    status: null, matchedRule: 0, headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET' },
  },
  {
    name: 'RGW sends nothing to a signed GET with an empty Origin (the echo would be empty)',
    dialect: 'rgw', config: star, request: actual('GET', { origin: '', authorization: 'AWS4-HMAC-SHA256 ...' }),
    status: null, matchedRule: 0, headers: {},
  },
  {
    name: 'RGW judges an actual GET with an empty Access-Control-Request-Method by "", which no rule allows',
    dialect: 'rgw', config: star, request: actual('GET', { origin: APP, 'access-control-request-method': '' }),
    status: null, matchedRule: null, headers: {},
  },
  {
    name: 'RGW still does no CORS for an actual GET without any Origin',
    dialect: 'rgw', config: star, request: actual('GET', {}),
    status: null, matchedRule: null, headers: {},
  },
  // AWS: not recorded; modelled as s3rver reads them ([U] in dialects/s3.ts).
  {
    name: 'S3 (unrecorded) refuses an empty Origin as a missing one',
    dialect: 's3', config: star, request: preflight('', 'GET'),
    status: 400, error: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' }, matchedRule: null, headers: {},
  },
  {
    name: 'S3 (unrecorded) answers an empty Access-Control-Request-Headers without Allow-Headers',
    dialect: 's3', config: star, request: preflight(APP, 'GET', ''),
    status: 200, matchedRule: 0, headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', vary: S3RVER_VARY },
  },
];

describe('evaluate with empty header values', () => {
  it.each(cases)('$name', (c) => {
    const decision = evaluate(c.config, c.request, c.dialect);
    expect(decision.status).toBe(c.status);
    expect(decision.error).toEqual(c.error);
    expect(decision.matchedRule).toBe(c.matchedRule);
    expect(decision.headers).toEqual(c.headers);
  });
});
