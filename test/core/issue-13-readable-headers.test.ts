import { describe, expect, it } from 'vitest';
import { headerReadability, predictBrowserFetch, strictestFixFor, type BrowserFetch, type CorsConfig, type Dialect } from '../../src/core';

// Issue 13: on Ceph RGW, with a stored rule exposing `*`, the saved-test verdict said ETag was
// readable while the strictest fix proposed exposing ETag. The Fetch Standard decides: `*` in
// Access-Control-Expose-Headers exposes every header to a request without credentials, and is a
// literal name with credentials ("CORS filtered response"). RGW answers `*` as stored, and never
// allows credentials, so every request it lets through can read ETag.

const APP = 'https://app.example.com';
const exposeAll: CorsConfig = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['*'] }] };
const upload: BrowserFetch = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/octet-stream' } };

describe('issue 13: which headers script can read under ExposeHeaders *', () => {
  it('on RGW, ETag is readable, so the strictest fix has nothing to add', () => {
    const prediction = predictBrowserFetch(exposeAll, upload, 'rgw');
    expect(prediction.allowed).toBe(true);
    expect(prediction.actual?.headers['access-control-expose-headers']).toBe('*');
    expect(headerReadability(prediction, ['ETag', 'x-amz-request-id'])).toEqual({ readable: ['etag', 'x-amz-request-id'], unreadable: [] });

    const fix = strictestFixFor(exposeAll, { ...upload, needsReadableHeaders: ['ETag'] }, 'rgw');
    expect(fix).toMatchObject({ ok: false, error: { code: 'fix.already-allowed' } });
  });

  it.each<Dialect>(['rgw', 's3rver'])('on %s, a GET without credentials reads ETag too', (dialect) => {
    const prediction = predictBrowserFetch(exposeAll, { origin: APP, method: 'GET' }, dialect);
    expect(headerReadability(prediction, ['ETag']).readable).toEqual(['etag']);
  });

  it('with credentials, * is a literal name: where the request passes (s3rver echoes a listed origin with credentials), ETag stays hidden and the fix exposes it', () => {
    const listed: CorsConfig = { rules: [{ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: ['*'] }] };
    const credentialed: BrowserFetch = { origin: APP, method: 'GET', credentials: 'include' };
    const prediction = predictBrowserFetch(listed, credentialed, 's3rver');
    expect(prediction.allowed).toBe(true);
    expect(headerReadability(prediction, ['ETag', 'Content-Type'])).toEqual({ readable: ['content-type'], unreadable: ['etag'] });

    const fix = strictestFixFor(listed, { ...credentialed, needsReadableHeaders: ['ETag'] }, 's3rver');
    expect(fix).toMatchObject({ ok: true, kind: 'extend-rule', ruleIndex: 0 });
    if (fix.ok) expect(fix.config.rules[0]!.exposeHeaders).toEqual(['*', 'ETag']);
  });

  it('on RGW, a credentialed request is blocked before readability matters', () => {
    const prediction = predictBrowserFetch(exposeAll, { origin: APP, method: 'GET', credentials: 'include' }, 'rgw');
    expect(prediction.allowed).toBe(false);
    expect(headerReadability(prediction, ['ETag', 'Content-Type'])).toEqual({ readable: [], unreadable: ['etag', 'content-type'] });
  });
});
