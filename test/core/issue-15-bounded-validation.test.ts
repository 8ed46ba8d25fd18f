import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCorsDocument, serializeCorsDocument } from '../../src/core';
import type { Dialect } from '../../src/core/dialects';
import type { Issue } from '../../src/core/issues';
import type { CorsConfig } from '../../src/core/rule';
import { findShadowedRules } from '../../src/core/shadowing';
import { analysesAcrossRules, maxAnalysedRules, validateAcrossRules, validateConfig, validateRuleAt } from '../../src/core/validate';
import { overlappingConfig } from '../support/shadowing-arbitraries';
import { rule } from '../support/builders';

// Issue 15: a 10,000-rule document (s3rver stores one) froze the console for 37 s per read, and
// 200,000 rules never ended: the shadowing analysis grows faster than the rules do.

const many = (n: number): CorsConfig => ({ rules: Array.from({ length: n }, (_, i) => rule({ id: `rule-${i}`, allowedOrigins: [`https://app-${i}.example.com`], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })) });
const codes = (issues: Issue[]) => issues.map((i) => i.code);
const SHADOW_CODES = ['rule.shadowed', 'rule.never-matches'];

describe('the across-rule analyses stop at the provider\'s rule limit', () => {
  it.each<[Dialect, number]>([['s3', 100], ['s3rver', 100], ['rgw', 100], ['oss', 10], ['cos', 100]])('takes at most the rules %s accepts (%i)', (dialect, max) => {
    expect(maxAnalysedRules(dialect)).toBe(max);
    expect(analysesAcrossRules(max, dialect)).toBe(true);
    expect(analysesAcrossRules(max + 1, dialect)).toBe(false);
  });

  it('reports a configuration over the limit with config.analysis-skipped, its count and the limit, beside the provider\'s refusal', () => {
    const issues = validateConfig(many(101), 's3rver');

    expect(issues.filter((i) => i.path.length === 1)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'config.too-many-rules', params: { max: 100, count: 101, provider: 's3rver (local emulator)', awsWording: false } }),
      expect.objectContaining({ severity: 'warning', code: 'config.analysis-skipped', params: { count: 101, max: 100 }, path: ['rules'] }),
    ]);
  });

  it('still checks each rule of a configuration over the limit on its own', () => {
    const config = many(150);
    config.rules[120] = rule({ allowedOrigins: ['app.example.com'] });

    const issues = validateConfig(config, 's3');

    expect(issues).toContainEqual(expect.objectContaining({ code: 'origin.missing-scheme', path: ['rules', 120, 'allowedOrigins', 0] }));
    expect(codes(issues).filter((c) => SHADOW_CODES.includes(c))).toEqual([]);
  });

  it('gives the editor\'s split (each rule + across rules) the same issues as validateConfig over the limit', () => {
    const config = many(120);
    const split = [...validateAcrossRules(config, 's3'), ...config.rules.flatMap((r, i) => validateRuleAt(r, i, 's3'))];

    expect(new Set(split.map((i) => JSON.stringify(i)))).toEqual(new Set(validateConfig(config, 's3').map((i) => JSON.stringify(i))));
  });

  it('answers within the limit exactly as before: the per-rule checks plus the full shadowing analysis', () => {
    fc.assert(
      fc.property(overlappingConfig, (config) => {
        const before = [...config.rules.flatMap((r, i) => validateRuleAt(r, i, 's3')), ...findShadowedRules(config.rules, 's3')];
        const now = validateConfig(config, 's3').filter((i) => i.path.length > 1 || SHADOW_CODES.includes(i.code));
        expect(new Set(now.map((i) => JSON.stringify(i)))).toEqual(new Set(before.map((i) => JSON.stringify(i))));
      }),
      { numRuns: 40 },
    );
  });

  it('reads and validates 10,000 rules in linear time (generous bounds for a busy 2-core machine)', () => {
    const small = many(1_000);
    const large = many(10_000);
    const cost = (config: CorsConfig) => {
      const started = performance.now();
      const parsed = parseCorsDocument(serializeCorsDocument(config, 's3-xml'), 's3-xml');
      validateConfig(parsed.ok ? parsed.config : config, 's3rver');
      return performance.now() - started;
    };
    cost(small); // warm the JIT
    const tenfold = cost(large) / cost(small);

    // Linear work is ~10x for 10x the rules; the pairwise analysis this replaces was > 100x.
    expect(tenfold).toBeLessThan(40);
  }, 120_000);
});
