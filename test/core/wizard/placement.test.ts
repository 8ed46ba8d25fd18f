import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { CorsConfig, CorsRule } from '../../../src/core/rule';
import { insertEffectively } from '../../../src/core/wizard/placement';
import { rule } from '../../support/builders';

const APP = 'https://app.example.com';
const upload = rule({ id: 'upload', allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });

function place(config: CorsConfig, rules: CorsRule[], dialect: 's3' | 'oss' | 's3rver' | 'rgw' = 's3') {
  const result = insertEffectively(config, rules, dialect);
  if (!result.ok) throw new Error(result.error.code);
  return result;
}

/** Which rule answers the actual request and the preflight of an upload from APP. */
function answerers(config: CorsConfig, dialect: 's3' | 's3rver' | 'rgw' = 's3') {
  const actual = evaluate(config, { method: 'PUT', headers: { origin: APP } }, dialect).matchedRule;
  const preflight = evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } }, dialect).matchedRule;
  return { actual, preflight };
}

describe('insertEffectively', () => {
  it('appends when no existing rule answers the same origins and methods', () => {
    const config = { rules: [rule({ allowedOrigins: ['https://other.example'], allowedMethods: ['PUT'] }), rule({})] };
    const { index, config: next, explanations } = place(config, [upload]);
    expect(index).toBe(2);
    expect(next.rules[2]).toBe(upload);
    expect(explanations[0]).toMatchObject({ field: 'placement', value: '2', code: 'placement.last', params: { count: 1 } });
    expect(answerers(next)).toEqual({ actual: 2, preflight: 2 });
  });

  it('goes above the first rule that would answer its requests first (the ETag case)', () => {
    const config = { rules: [rule({ allowedOrigins: ['https://other.example'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }), rule({ id: 'late' })] };
    // Appended, the preflight would reach the new rule but the actual PUT would be answered by rule 2 without ETag.
    expect(answerers({ rules: [...config.rules, upload] })).toEqual({ actual: 1, preflight: 3 });
    const { index, config: next, explanations } = place(config, [upload]);
    expect(index).toBe(1);
    expect(answerers(next)).toEqual({ actual: 1, preflight: 1 });
    expect(explanations[0]).toMatchObject({
      code: 'placement.above',
      params: { count: 1, position: 1, blocking: 1, cells: [{ method: 'PUT', origin: 'https://app.example.com' }] },
    });
  });

  it('states which later rules give way', () => {
    const config = { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'] }), rule({ id: 'puts', allowedMethods: ['PUT', 'GET'] })] };
    const { explanations } = place(config, [upload]);
    expect(explanations).toContainEqual({
      field: 'placement',
      value: '1',
      code: 'placement.gives-way',
      params: { rule: 1, ruleId: 'puts', position: 2, count: 1, cells: [{ method: 'PUT', origin: 'https://app.example.com' }] },
    });
  });

  it('may stay below a rule that already answers its requests at least as well', () => {
    const generous = rule({ allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag', 'x-amz-request-id'] });
    const { index, explanations } = place({ rules: [generous] }, [upload]);
    expect(index).toBe(1);
    expect(explanations).toContainEqual(expect.objectContaining({ code: 'placement.already-served', params: { rule: 0, cells: [{ method: 'PUT', origin: 'https://app.example.com' }] } }));
  });

  it('goes above a * rule even when it allows as much, since credentialed requests need an echoed origin', () => {
    const star = rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'] });
    expect(place({ rules: [star] }, [upload]).index).toBe(0);
  });

  it('treats overlapping wildcards as answering the same requests', () => {
    const config = { rules: [rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['PUT'] })] };
    expect(place(config, [upload]).index).toBe(0);
    expect(place(config, [rule({ allowedOrigins: ['https://*.example.org'], allowedMethods: ['PUT'] })]).index).toBe(1);
  });

  it('keeps several new rules together and in order', () => {
    const get = rule({ id: 'get' });
    const config = { rules: [rule({ allowedOrigins: ['*'] })] };
    const { config: next, index } = place(config, [get, upload]);
    expect(index).toBe(0);
    expect(next.rules.map((r) => r.id)).toEqual(['get', 'upload', undefined]);
  });

  it('works for s3rver, which stops at the first rule matching origin and method', () => {
    const config = { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'] })] };
    const { config: next } = place(config, [upload], 's3rver');
    expect(answerers(next, 's3rver')).toEqual({ actual: 0, preflight: 0 });
  });

  it('goes above a rule for the same origin with other methods on Ceph RGW, which picks the answering rule by origin alone', () => {
    const config = { rules: [rule({ id: 'reads' })] };
    expect(place(config, [upload], 's3').index).toBe(1);
    const { config: next, index, explanations } = place(config, [upload], 'rgw');
    expect(index).toBe(0);
    expect(explanations[0]).toMatchObject({ code: 'placement.above', params: { position: 0, blocking: 0, blockingId: 'reads', cells: [{ method: 'PUT', origin: 'https://app.example.com' }] } });
    expect(answerers(next, 'rgw')).toEqual({ actual: 0, preflight: 0 });
  });

  it('refuses when the provider has no room for the rules', () => {
    const full = { rules: Array.from({ length: 10 }, (_, i) => rule({ allowedOrigins: [`https://site${i}.example`] })) };
    expect(insertEffectively(full, [upload], 'oss')).toEqual({
      ok: false,
      error: { code: 'placement.too-many-rules', params: { provider: 'Alibaba Cloud OSS', max: 10, count: 10, adding: 1 } },
    });
    expect(insertEffectively(full, [upload], 's3').ok).toBe(true);
  });

  it('keeps the rest of the configuration', () => {
    const { config } = place({ rules: [rule({})], responseVary: true }, [upload], 'oss');
    expect(config.responseVary).toBe(true);
  });
});
