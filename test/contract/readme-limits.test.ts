import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, MAX_SAVED_TESTS, maxBodyBytesOf, routes, type RouteSpec } from '../../src/contract/api';
import { MAX_WRONG_TOKENS, WRONG_TOKEN_WINDOW_MS } from '../../src/server/security/auth-throttle';

// Issue 15: README said 256 KiB while PUT .../tests took 8 MiB. The limits are stated once, in
// the route table, and README's limits table must quote them: this reads the table and compares.

const readme = readFileSync('README.md', 'utf8');
const table = readme.slice(readme.indexOf('### Limits'));
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| '))
  .map((line) => line.split('|').map((cell) => cell.trim()));

const size = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);
/** `/api/profiles/:profile/buckets/:bucket/tests` as README writes it: `.../buckets/{bucket}/tests`. */
const readmePath = (route: RouteSpec) => route.path.replace('/api/profiles/:profile/buckets/:bucket', '.../buckets/{bucket}').replace(/:(\w+)/g, '{$1}');
const valueOf = (label: string) => rows.find(([, what]) => what?.startsWith(label))?.[2];

describe("README's limits table quotes the code", () => {
  it('states the default body limit, and every call with its own', () => {
    expect(valueOf('Request body, every call not listed below')).toBe(size(DEFAULT_MAX_BODY_BYTES));
    const own = Object.values(routes).filter((route: RouteSpec) => maxBodyBytesOf(route) !== DEFAULT_MAX_BODY_BYTES);
    expect(own.length).toBeGreaterThan(0);
    for (const route of own) expect([readmePath(route), valueOf(`Request body, \`${route.method} ${readmePath(route)}\``)]).toEqual([readmePath(route), size(maxBodyBytesOf(route))]);
    // No row for a call that has no limit of its own.
    expect(rows.filter(([, what]) => what?.startsWith('Request body, `'))).toHaveLength(own.length);
  });

  it('states the wrong-token throttle and the saved-tests cap', () => {
    expect(WRONG_TOKEN_WINDOW_MS).toBe(60_000);
    expect(valueOf('Wrong tokens')).toBe(`${MAX_WRONG_TOKENS} a minute`);
    expect(valueOf('Saved tests per bucket')).toBe(String(MAX_SAVED_TESTS));
  });
});
