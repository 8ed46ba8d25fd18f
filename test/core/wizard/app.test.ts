import { describe, expect, it } from 'vitest';
import { appFetches, validateApp, type AppDescription } from '../../../src/core/wizard/app';
import { sampleOrigin } from '../../../src/core/wizard/samples';

const APP = 'https://app.example.com';
const app = (partial: Partial<AppDescription>): AppDescription => ({ origins: [APP], operations: ['download'], ...partial });

describe('validateApp', () => {
  it('accepts a plain description', () => {
    expect(validateApp(app({ requestHeaders: ['x-amz-meta-*'], readableHeaders: ['ETag'] }), 's3')).toEqual([]);
  });

  it.each([
    { name: 'no origins', input: app({ origins: [] }), code: 'app.no-origins', path: ['origins'] },
    { name: 'no operations', input: app({ operations: [] }), code: 'app.no-operations', path: ['operations'] },
    { name: 'an origin with a trailing slash', input: app({ origins: [APP, 'https://b.example.com/'] }), code: 'origin.trailing-slash', path: ['origins', 1] },
    { name: 'an origin without a scheme', input: app({ origins: ['app.example.com'] }), code: 'origin.missing-scheme', path: ['origins', 0] },
    { name: 'two wildcards in an origin', input: app({ origins: ['https://*.*.example.com'] }), code: 'origin.multiple-wildcards', path: ['origins', 0] },
    { name: '* with credentials', input: app({ origins: ['*'], credentials: true }), code: 'app.star-with-credentials', path: ['origins', 0] },
    { name: 'a header with two wildcards', input: app({ requestHeaders: ['x-*-*'] }), code: 'header.multiple-wildcards', path: ['requestHeaders', 0, 'name'] },
    { name: 'a wildcard readable header', input: app({ readableHeaders: ['x-amz-*'] }), code: 'expose.wildcard', path: ['readableHeaders', 0, 'name'] },
    { name: 'a negative max age', input: app({ maxAgeSeconds: -1 }), code: 'app.invalid-max-age', path: ['maxAgeSeconds'] },
    { name: 'a wildcard port on R2', input: app({ origins: ['http://localhost:*'] }), code: 'origin.port-wildcard', path: ['origins', 0], dialect: 'r2' as const },
  ])('reports $name at its place in the description', ({ input, code, path, dialect }) => {
    expect(validateApp(input, dialect ?? 's3')).toContainEqual(expect.objectContaining({ severity: 'error', code, path }));
  });
});

describe('appFetches', () => {
  it('makes one request per origin, operation and method, with the headers of that operation', () => {
    const fetches = appFetches(app({
      origins: [APP, 'https://*.example.org'],
      operations: ['download', 'multipart-upload'],
      requestHeaders: [{ name: 'content-type', value: 'application/json', operations: ['multipart-upload'] }],
      credentials: true,
    }));
    expect(fetches.map((f) => `${f.origin} ${f.method} ${Object.keys(f.headers ?? {}).join(',')}`)).toEqual([
      `${APP} GET `,
      `${APP} PUT content-type`,
      `${APP} POST content-type`,
      'https://sample.example.org GET ',
      'https://sample.example.org PUT content-type',
      'https://sample.example.org POST content-type',
    ]);
    expect(fetches.every((f) => f.credentials === 'include')).toBe(true);
    expect(fetches.find((f) => f.method === 'PUT')?.needsReadableHeaders).toEqual(['etag']);
  });

  it('samples a member of each origin pattern', () => {
    expect(sampleOrigin('https://*.example.com')).toBe('https://sample.example.com');
    expect(sampleOrigin(APP)).toBe(APP);
    expect(sampleOrigin('*')).toMatch(/^https:\/\//);
  });
});
