import { describe, expect, it } from 'vitest';
import { answerDifferences, answerMatches, corsHeadersOf, evaluate, providerErrorOf, type CorsConfig } from '../../src/core';

const APP = 'https://app.example.com';
const config: CorsConfig = { rules: [{ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: ['ETag'] }] };
const preflight = evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'GET' } }, 's3');
const actual = evaluate(config, { method: 'GET', headers: { origin: APP } }, 's3');

describe('corsHeadersOf', () => {
  it('keeps Access-Control-* and Vary, names lowercased, and drops the rest', () => {
    expect(corsHeadersOf({ 'Access-Control-Allow-Origin': APP, Vary: 'Origin', ETag: '"x"', 'content-type': 'text/plain' })).toEqual({ 'access-control-allow-origin': APP, vary: 'Origin' });
  });
});

describe('answerDifferences', () => {
  it('finds nothing when the answer is the prediction, whatever else it carries', () => {
    expect(answerDifferences({ status: 200, headers: { ...preflight.headers, 'x-amz-request-id': 'r1' } }, preflight)).toEqual([]);
    expect(answerMatches({ status: 404, headers: actual.headers }, actual)).toBe(true);
  });

  it("names a preflight's other status and each header that differs, absence included", () => {
    const withoutMethods = Object.fromEntries(Object.entries(preflight.headers).filter(([name]) => name !== 'access-control-allow-methods'));
    expect(answerDifferences({ status: 403, headers: { ...withoutMethods, 'access-control-allow-origin': '*' } }, preflight)).toEqual([
      { kind: 'status', predicted: 200, received: 403 },
      { kind: 'header', name: 'access-control-allow-methods', predicted: 'GET', received: undefined },
      { kind: 'header', name: 'access-control-allow-origin', predicted: APP, received: '*' },
    ]);
  });

  it('counts an extra CORS header as a difference', () => {
    expect(answerMatches({ status: 200, headers: { ...actual.headers, 'access-control-max-age': '5' } }, actual)).toBe(false);
  });
});

describe('providerErrorOf', () => {
  it('reads the code and message of an S3-style error body, entities decoded', () => {
    const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessForbidden</Code>\n  <Message>CORSResponse: This CORS request is not allowed. It&apos;s &quot;refused&quot;.</Message>\n  <RequestId>tx1</RequestId>\n</Error>';
    expect(providerErrorOf(body)).toEqual({ code: 'AccessForbidden', message: 'CORSResponse: This CORS request is not allowed. It\'s "refused".' });
  });

  it('reads an empty message as empty (Ceph RGW refuses preflights so)', () => {
    expect(providerErrorOf('<Error><Code>AccessDenied</Code><Message></Message></Error>')).toEqual({ code: 'AccessDenied', message: '' });
    expect(providerErrorOf('<Error><Code>AccessDenied</Code></Error>')).toEqual({ code: 'AccessDenied', message: '' });
  });

  it('finds nothing in other bodies: empty, not XML, another root, cut short', () => {
    for (const body of ['', 'hello', '<ListBucketResult><Code>x</Code></ListBucketResult>', '<Error><Code>AccessDenied</Code><Message>Acc']) {
      expect(providerErrorOf(body)).toBeUndefined();
    }
  });
});
