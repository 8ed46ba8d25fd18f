import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../../src/web/lib/router';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { name: 'home' }],
    ['/p/local', { name: 'profile', profile: 'local' }],
    ['/p/local/b/demo-no-cors', { name: 'bucket', profile: 'local', bucket: 'demo-no-cors', tab: 'rules' }],
    ['/p/local/b/demo-no-cors/rules', { name: 'bucket', profile: 'local', bucket: 'demo-no-cors', tab: 'rules' }],
    ['/p/local/b/demo-no-cors/test', { name: 'bucket', profile: 'local', bucket: 'demo-no-cors', tab: 'test' }],
    ['/p/local/b/demo-no-cors/history', { name: 'bucket', profile: 'local', bucket: 'demo-no-cors', tab: 'history' }],
    ['/p/aws%20prod/b/my.bucket', { name: 'bucket', profile: 'aws prod', bucket: 'my.bucket', tab: 'rules' }],
    ['/p/local/audit', { name: 'audit', profile: 'local' }],
    ['/p/local/audit/x', { name: 'not-found', path: '/p/local/audit/x' }],
    ['/x/y', { name: 'not-found', path: '/x/y' }],
    ['/p/local/b/x/other', { name: 'not-found', path: '/p/local/b/x/other' }],
  ])('parses %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each<Route>([
    { name: 'home' },
    { name: 'profile', profile: 'local' },
    { name: 'audit', profile: 'a b' },
    { name: 'bucket', profile: 'local', bucket: 'b', tab: 'rules' },
    { name: 'bucket', profile: 'a b', bucket: 'c', tab: 'test' },
    { name: 'bucket', profile: 'local', bucket: 'b', tab: 'history' },
  ])('round-trips %j through its deep link', (route) => {
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
