import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, errorCodesOf, pathOf, routes } from '../../src/contract/api';

describe('the route table', () => {
  it('holds each method and path once', () => {
    const calls = Object.values(routes).map((route) => `${route.method} ${route.path}`);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('names only codes the envelope knows, and adds the guard, path and body refusals to each call', () => {
    for (const route of Object.values(routes)) expect(API_ERROR_CODES).toEqual(expect.arrayContaining(errorCodesOf(route)));
    expect(errorCodesOf(routes.putCors)).toEqual(expect.arrayContaining(['version-conflict', 'validation-failed', 'precondition-required', 'profile-not-found', 'bad-request', 'payload-too-large', 'unauthenticated']));
    expect(errorCodesOf(routes.getSession)).not.toContain('profile-not-found');
  });

  it('builds paths from templates with each parameter encoded', () => {
    expect(pathOf(routes.getCors.path, { profile: 'a b', bucket: 'x/y' })).toBe('/api/profiles/a%20b/buckets/x%2Fy/cors');
  });
});
