import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../../src/core/dialects';
import { headerReadability, predictBrowserFetch } from '../../../src/core/predict';
import type { CorsConfig } from '../../../src/core/rule';
import { validateConfig } from '../../../src/core/validate';
import { strictestFixFor, type FailingFetch, type FixResult } from '../../../src/core/wizard/fix';
import { probeFetches } from '../../../src/core/wizard/probe';
import { rule } from '../../support/builders';

const APP = 'https://app.example.com';
const OTHER = 'https://other.example.com';
const JSON_PUT: FailingFetch = { origin: APP, method: 'PUT', headers: { 'Content-Type': 'application/json', 'x-foo': '1' } };

type Fixed = Extract<FixResult, { ok: true }>;

function fix(config: CorsConfig, fetch: FailingFetch, dialect: Dialect = 's3'): Fixed {
  const result = strictestFixFor(config, fetch, dialect);
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error.params)}`);
  return result;
}

/** Every value of every rule, to check that a fix adds no `*`. */
function wildcards(config: CorsConfig): number {
  return config.rules.flatMap((r) => [...r.allowedOrigins, ...r.allowedHeaders, ...r.exposeHeaders]).filter((v) => v.includes('*')).length;
}

/** The fix lets the request through, readable; breaks nothing that worked; adds no wildcard; stays valid. */
function expectSoundFix(before: CorsConfig, fetch: FailingFetch, result: Fixed, dialect: Dialect = 's3') {
  const after = predictBrowserFetch(result.config, fetch, dialect);
  expect(after.allowed).toBe(true);
  expect(headerReadability(after, fetch.needsReadableHeaders ?? []).unreadable).toEqual([]);
  for (const probe of probeFetches([before, result.config])) {
    const was = predictBrowserFetch(before, probe, dialect);
    if (!was.allowed) continue;
    const now = predictBrowserFetch(result.config, probe, dialect);
    expect(now.allowed, `${probe.method} from ${probe.origin} still allowed`).toBe(true);
    expect(now.exposedHeaders).toEqual(expect.arrayContaining(was.exposedHeaders));
  }
  expect(wildcards(result.config)).toBe(wildcards(before));
  expect(validateConfig(result.config, dialect).filter((i) => i.severity === 'error')).toEqual([]);
  expect(result.explanations[0]?.field).toBe('request');
}

describe('strictestFixFor: an unlisted origin', () => {
  it('adds the origin to a rule that grants it nothing more than a new rule would', () => {
    const before = { rules: [rule({ id: 'reads' })] };
    const fetch = { origin: OTHER, method: 'GET' };
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result).toMatchObject({ kind: 'extend-rule', ruleIndex: 0, change: { kind: 'extend-rule', rule: 0, ruleId: 'reads', added: [{ field: 'origin', value: OTHER }] } });
    expect(result.config.rules[0]!.allowedOrigins).toEqual([APP, OTHER]);
    expect(result.explanations).toContainEqual(expect.objectContaining({ field: 'allowedOrigins', value: OTHER }));
    const chosen = result.explanations.at(-1)!;
    expect(chosen.code).toBe('fix.chosen');
    if (chosen.code === 'fix.chosen') expect(chosen.params.alternative?.extra).toBe(chosen.params.extra);
  });

  it('adds a rule instead when extending would also let the origin upload and delete', () => {
    const before = { rules: [rule({ allowedMethods: ['GET', 'PUT', 'DELETE'], allowedHeaders: ['content-type'] })] };
    const fetch = { origin: OTHER, method: 'GET' };
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result.kind).toBe('insert-rule');
    expect(result.config.rules[result.ruleIndex]).toEqual({ id: 'allow-get', allowedOrigins: [OTHER], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] });
    // A listed origin is echoed with Allow-Credentials on S3, so its credentialed twin comes along.
    expect(result.alsoAllows).toEqual([{ request: { method: 'GET', origin: OTHER, headers: [], credentials: true } }]);
    expect(result.explanations.at(-1)).toMatchObject({
      code: 'fix.chosen',
      params: { extra: 1, alternative: { change: { kind: 'extend-rule', rule: 0 }, extra: expect.any(Number) } },
    });
  });
});

describe('strictestFixFor: a method the rule does not allow', () => {
  it('adds the method to the rule of that origin alone', () => {
    const before = { rules: [rule({})] };
    const fetch = { origin: APP, method: 'PUT' };
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result).toMatchObject({ kind: 'extend-rule', ruleIndex: 0 });
    expect(result.config.rules[0]!.allowedMethods).toEqual(['GET', 'PUT']);
    expect(result.explanations).toContainEqual({ field: 'allowedMethods', value: 'PUT', code: 'fix.method-added', params: { method: 'PUT' } });
  });

  it('adds a rule when the existing rule also serves other origins', () => {
    const before = { rules: [rule({ allowedOrigins: [APP, OTHER] })] };
    const fetch = { origin: APP, method: 'PUT' };
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result.kind).toBe('insert-rule');
    expect(result.config.rules.map((r) => r.allowedMethods)).toEqual([['GET'], ['PUT']]);
    expect(predictBrowserFetch(result.config, { origin: OTHER, method: 'PUT' }).allowed).toBe(false);
  });
});

describe('strictestFixFor: headers refused at the preflight', () => {
  it('allows x-foo and content-type for PUT only, not for GET', () => {
    const before = { rules: [rule({ allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] };
    expect(predictBrowserFetch(before, JSON_PUT).blockedBy).toMatchObject({ check: 'preflight-status', stage: 'preflight' });
    const result = fix(before, JSON_PUT);
    expectSoundFix(before, JSON_PUT, result);
    expect(result).toMatchObject({ kind: 'insert-rule', ruleIndex: 0 });
    // Inherits ETag from the rule that answered PUT from this origin before, so uploads keep reading it.
    expect(result.config.rules[0]).toEqual({ id: 'allow-put', allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type', 'x-foo'], exposeHeaders: ['ETag'] });
    expect(predictBrowserFetch(result.config, { origin: APP, method: 'GET', headers: { 'x-foo': '1' } }).allowed).toBe(false);
    expect(result.explanations).toContainEqual(
      expect.objectContaining({ field: 'allowedHeaders', value: 'content-type', code: 'fix.header-added', params: { header: 'content-type', reason: expect.objectContaining({ code: 'content-type-not-safelisted' }) } }),
    );
    expect(result.explanations).toContainEqual(expect.objectContaining({ field: 'exposeHeaders', value: 'ETag', code: 'fix.expose-kept', params: expect.objectContaining({ rule: 0 }) }));
  });

  it('extends a PUT-only rule of that origin', () => {
    const before = { rules: [rule({ allowedMethods: ['PUT'] })] };
    const result = fix(before, JSON_PUT);
    expectSoundFix(before, JSON_PUT, result);
    expect(result.kind).toBe('extend-rule');
    expect(result.config.rules[0]!.allowedHeaders).toEqual(['content-type', 'x-foo']);
  });

  it('does not allow headers the browser does not ask for', () => {
    const fetch = { origin: APP, method: 'PUT', headers: { 'content-type': 'text/plain', cookie: 'a=1' } };
    const result = fix({ rules: [rule({})] }, fetch);
    expect(result.config.rules.flatMap((r) => r.allowedHeaders)).toEqual([]);
  });
});

describe('strictestFixFor: credentials against a * rule', () => {
  const before = { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'], maxAgeSeconds: 300 })] };

  it.each(['s3', 'oss', 'cos', 'r2'] as const)('puts a rule naming the origin above it on %s', (dialect) => {
    const fetch: FailingFetch = { origin: APP, method: 'GET', credentials: 'include' };
    expect(predictBrowserFetch(before, fetch, dialect).blockedBy?.check).toBe('wildcard-with-credentials');
    const result = fix(before, fetch, dialect);
    expectSoundFix(before, fetch, result, dialect);
    expect(result).toMatchObject({ kind: 'insert-rule', ruleIndex: 0 });
    expect(result.config.rules[0]).toMatchObject({ allowedOrigins: [APP], allowedMethods: ['GET'], exposeHeaders: ['ETag'], maxAgeSeconds: 300 });
    expect(result.explanations).toContainEqual(expect.objectContaining({ field: 'allowedOrigins', code: 'fix.credentials' }));
  });

  it('fixes a credentialed upload too, since S3 echoes the listed origin on the preflight', () => {
    const fetch: FailingFetch = { origin: APP, method: 'PUT', credentials: 'include' };
    expectSoundFix(before, fetch, fix(before, fetch));
  });

  it('reports that s3rver cannot serve a credentialed preflight, whose answer is always *', () => {
    const result = strictestFixFor(before, { origin: APP, method: 'PUT', credentials: 'include' }, 's3rver');
    expect(result).toMatchObject({ ok: false, error: { code: 'fix.not-possible', params: { provider: 's3rver (local emulator)', block: { kind: 'blocked', blockedBy: { check: 'wildcard-with-credentials' } } } } });
  });

  it('fixes a credentialed simple GET on s3rver, whose actual answers echo a listed origin', () => {
    const fetch: FailingFetch = { origin: APP, method: 'GET', credentials: 'include' };
    expectSoundFix(before, fetch, fix(before, fetch, 's3rver'), 's3rver');
  });
});

describe('strictestFixFor: an earlier rule shadowing the one written for the request', () => {
  // cos-js-sdk-v5#56: the preflight matches rule 2, but the actual PUT is answered by rule 1, which exposes nothing.
  const before = {
    rules: [
      rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }),
      rule({ id: 'uploads', allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
    ],
  };
  const fetch: FailingFetch = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/json' }, needsReadableHeaders: ['ETag'] };

  it('places the fix above the shadowing rule', () => {
    const p = predictBrowserFetch(before, fetch);
    expect(p.allowed).toBe(true);
    expect(p.exposedHeaders).toEqual([]);
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result).toMatchObject({ kind: 'insert-rule', ruleIndex: 0 });
    expect(result.config.rules[0]).toMatchObject({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
    expect(result.explanations[0]).toMatchObject({ code: 'fix.request', params: { block: { kind: 'unreadable', headers: ['ETag'] } } });
    expect(result.explanations).toContainEqual(expect.objectContaining({ field: 'placement', code: 'placement.above', params: expect.objectContaining({ blocking: 0 }) }));
  });

  it('says when the rule it was written for is left with nothing to answer', () => {
    const narrow = { rules: [rule({ allowedMethods: ['GET', 'PUT'] }), before.rules[1]!] };
    const result = fix(narrow, fetch);
    expectSoundFix(narrow, fetch, result);
    // Extending rule 1 would let GET carry content-type and expose ETag on GET too: a narrow rule above wins.
    expect(result).toMatchObject({ kind: 'insert-rule', ruleIndex: 0 });
    expect(result.explanations.at(-1)).toEqual({ field: 'rules', value: '2', code: 'fix.rule-dead', params: { rule: 2, ruleId: 'uploads' } });
  });
});

describe('strictestFixFor: a header script cannot read', () => {
  it('exposes ETag on the rule that answers the upload', () => {
    const before = { rules: [rule({ id: 'reads' }), rule({ id: 'uploads', allowedMethods: ['PUT'], allowedHeaders: ['content-type'] })] };
    const fetch: FailingFetch = { origin: APP, method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, needsReadableHeaders: ['etag'] };
    const result = fix(before, fetch);
    expectSoundFix(before, fetch, result);
    expect(result).toMatchObject({ kind: 'extend-rule', ruleIndex: 1, change: { rule: 1, ruleId: 'uploads', added: [{ field: 'expose', value: 'ETag' }] } });
    expect(result.config.rules[1]!.exposeHeaders).toEqual(['ETag']);
  });

  it('needs nothing for a safelisted header such as Content-Length', () => {
    const result = strictestFixFor({ rules: [rule({})] }, { origin: APP, method: 'GET', needsReadableHeaders: ['Content-Length'] }, 's3');
    expect(result).toMatchObject({ ok: false, error: { code: 'fix.already-allowed' } });
  });
});

describe('strictestFixFor: no configuration at all', () => {
  it('adds a first rule', () => {
    const result = fix({ rules: [] }, { origin: APP, method: 'GET' });
    expect(result).toMatchObject({ kind: 'insert-rule', ruleIndex: 0 });
    expect(result.config.rules).toEqual([{ id: 'allow-get', allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }]);
  });

  it('names a second rule for the same method uniquely', () => {
    const result = fix({ rules: [rule({ id: 'allow-get', allowedOrigins: [OTHER], allowedMethods: ['GET', 'PUT'] })] }, { origin: APP, method: 'GET' });
    expect(result.config.rules[result.ruleIndex]!.id).toBe('allow-get-2');
  });
});

describe('strictestFixFor: when no rule can help', () => {
  const config = { rules: [rule({})] };

  it.each([
    { name: 'a forbidden method', fetch: { origin: APP, method: 'TRACE' }, code: 'fix.refused-by-browser' },
    { name: 'a header value the browser refuses', fetch: { origin: APP, method: 'GET', headers: { 'x-a': 'line\nbreak' } }, code: 'fix.refused-by-browser' },
    { name: 'PATCH, which no bucket rule can allow', fetch: { origin: APP, method: 'PATCH' }, code: 'fix.method-not-allowable' },
    { name: 'an opaque origin', fetch: { origin: 'null', method: 'GET' }, code: 'fix.invalid-origin' },
    { name: 'a request that already works', fetch: { origin: APP, method: 'GET' }, code: 'fix.already-allowed' },
    { name: 'Set-Cookie, never readable', fetch: { origin: APP, method: 'GET', needsReadableHeaders: ['Set-Cookie'] }, code: 'fix.header-never-readable' },
  ])('refuses $name with $code', ({ fetch, code }) => {
    const result = strictestFixFor(config, fetch, 's3');
    expect(result).toEqual({ ok: false, error: { code, params: expect.any(Object) } });
  });
});

describe('strictestFixFor: provider limits', () => {
  it('extends a rule when OSS has no room for another, and lists what else that allows', () => {
    const full = { rules: Array.from({ length: 10 }, (_, i) => rule({ allowedOrigins: [`https://site${i}.example`] })) };
    const fetch = { origin: APP, method: 'GET' };
    const result = fix(full, fetch, 'oss');
    expectSoundFix(full, fetch, result, 'oss');
    expect(result.kind).toBe('extend-rule');
    expect(result.config.rules).toHaveLength(10);
  });

  it('reports the limit when only a new rule could help', () => {
    // Credentials need an echoed origin; a rule listing * never echoes, and OSS has no room for another rule.
    const full = { rules: Array.from({ length: 10 }, (_, i) => rule({ allowedOrigins: ['*'], allowedMethods: i === 0 ? ['GET'] : ['PUT'] })) };
    expect(strictestFixFor(full, { origin: APP, method: 'GET', credentials: 'include' }, 'oss')).toEqual({
      ok: false,
      error: { code: 'fix.not-possible', params: { provider: 'Alibaba Cloud OSS', refusal: { code: 'placement.too-many-rules', params: { provider: 'Alibaba Cloud OSS', max: 10, count: 10, adding: 1 } } } },
    });
  });

  it('extends a rule when S3 already holds 100 rules, with a small sample even then', () => {
    const full = { rules: Array.from({ length: 100 }, (_, i) => rule({ allowedOrigins: [`https://s${i}.example`, 'https://*.corp.example'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [`x-h${i}`] })) };
    const fetch = { origin: 'https://s5.example', method: 'DELETE', headers: { 'x-h5': '1' } };
    const result = fix(full, fetch);
    expect(result).toMatchObject({ kind: 'extend-rule', ruleIndex: 5, change: { rule: 5, added: [{ field: 'method', value: 'DELETE' }] } });
    expect(result.alsoAllows).toContainEqual({ request: { method: 'DELETE', origin: 'https://sample.corp.example', headers: [], credentials: false } });
    expect(predictBrowserFetch(result.config, fetch).allowed).toBe(true);
  });
});

const PAGE = 'http://127.0.0.1:33607';
const getAndPut: CorsConfig = { rules: [{ id: 'app', allowedOrigins: [PAGE], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [] }] };

// On Ceph RGW the first rule listing an origin answers every method from it: a narrow rule
// inserted above would take the GETs the old rule allowed.
describe.each(['rgw', 's3', 's3rver'] as const)('strictestFixFor beside a rule that already answers the origin, on %s', (dialect) => {
  it('fixes a JSON PUT with a custom header without breaking the GET the rule already allowed', () => {
    const put = { origin: PAGE, method: 'PUT', headers: { 'content-type': 'application/json', 'x-app-trace': '42' } };
    expect(predictBrowserFetch(getAndPut, { origin: PAGE, method: 'GET' }, dialect).allowed).toBe(true);
    const fix = strictestFixFor(getAndPut, put, dialect);
    if (!fix.ok) throw new Error(fix.error.code);
    expect(predictBrowserFetch(fix.config, put, dialect).allowed).toBe(true);
    expect(predictBrowserFetch(fix.config, { origin: PAGE, method: 'GET' }, dialect).allowed).toBe(true);
  });
});
