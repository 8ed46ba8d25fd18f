import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITE_SCHEMA_PATH, suiteFromSavedTests, suiteJsonSchema, suiteSchema } from '../../src/contract/suite';
import { savedTestSchema } from '../../src/contract/api';

const committed = resolve(import.meta.dirname, '../..', SUITE_SCHEMA_PATH);
const generated = `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`;

describe('the suite format (version 1)', () => {
  it('has its committed JSON Schema equal to the one generated from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(committed, generated);
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });

  it('is what the Test tab exports from saved tests, and it reads back', () => {
    const saved = [
      savedTestSchema.parse({ id: 'get', name: 'Download', request: { key: 'test.txt', method: 'GET', mustRead: ['ETag'] } }),
      savedTestSchema.parse({ id: 'put', name: 'Upload', request: { key: 'up.txt', method: 'PUT', headers: { 'content-type': 'text/plain' } }, expect: 'allowed' }),
    ];
    const suite = suiteFromSavedTests(saved, { bucket: 'photos', origin: 'https://app.example.com' });
    expect(suite).toEqual({ version: 1, bucket: 'photos', origin: 'https://app.example.com', tests: saved });
    expect(suiteSchema.parse(JSON.parse(JSON.stringify(suite)))).toEqual(suite);
  });

  it('gives a test the console sends from its second origin that origin, since the command reads no `from`', () => {
    const saved = [
      savedTestSchema.parse({ id: 'here', name: 'From the console', request: { key: 'k', method: 'GET' } }),
      savedTestSchema.parse({ id: 'there', name: 'From the second origin', request: { key: 'k', method: 'GET', from: 'harness' } }),
    ];
    const suite = suiteFromSavedTests(saved, { origin: 'http://127.0.0.1:8080', harnessOrigin: 'http://localhost:8081' });
    expect(suite.tests.map((t) => t.origin)).toEqual([undefined, 'http://localhost:8081']);
    expect(suiteSchema.parse(JSON.parse(JSON.stringify(suite)))).toEqual(suite);
  });

  it.each([
    ['another version', { version: 2, tests: [] }, 'version'],
    ['an origin with a path', { version: 1, origin: 'https://app.example.com/', tests: [{ id: 'a', name: 'a', request: { key: 'k', method: 'GET' } }] }, 'origin'],
    ['two tests with one id', { version: 1, tests: [1, 2].map(() => ({ id: 'a', name: 'a', request: { key: 'k', method: 'GET' } })) }, 'tests'],
    ['an unknown field', { version: 1, tests: [{ id: 'a', name: 'a', request: { key: 'k', method: 'GET' }, extra: 1 }] }, 'tests'],
  ])('refuses %s', (_, suite, path) => {
    const parsed = suiteSchema.safeParse(suite);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path[0]).toBe(path);
  });
});
