import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, CorsState } from '../../../../src/contract/api';
import type { CorsConfig, Issue } from '../../../../src/core';
import { ApiRequestError } from '../../../../src/web/api/api-error';
import { nextConfig, planBucket, type BucketPlan } from '../../../../src/web/features/bulk-apply/plan';
import { writePlans, type WriteResult } from '../../../../src/web/features/bulk-apply/write-plans';
import { rule } from '../../../support/builders';

const state = (config: CorsConfig | null, version = 'v1'): CorsState => ({ config, raw: null, dialect: 's3', version, issues: [] });
const theirs: CorsConfig = { rules: [rule({ allowedOrigins: ['https://theirs.example.com'] })], responseVary: true };
const draft: CorsConfig = { rules: [rule({ allowedOrigins: ['https://draft.example.com'] })] };

describe('nextConfig', () => {
  it('replace gives the bucket the draft exactly, ResponseVary included', () => {
    expect(nextConfig(theirs, draft, 'replace')).toEqual(draft);
  });

  it('append puts the draft after the bucket\'s rules, which keep answering first, and keeps the bucket\'s ResponseVary', () => {
    expect(nextConfig(theirs, draft, 'append')).toEqual({ rules: [theirs.rules[0], draft.rules[0]], responseVary: true });
    expect(nextConfig(null, draft, 'append')).toEqual(draft);
  });
});

describe('planBucket', () => {
  it('refuses an append that takes an OSS bucket past its 10 rules, with the provider\'s reason', () => {
    const nine: CorsConfig = { rules: Array.from({ length: 9 }, (_, i) => rule({ allowedOrigins: [`https://n${i}.example.com`] })) };
    const plan = planBucket('full', state(nine), { rules: [rule({ allowedOrigins: ['https://a.example.com'] }), rule({ allowedOrigins: ['https://b.example.com'] })] }, 'append', 'oss');
    expect(plan.kind).toBe('invalid');
    expect(plan.kind !== 'unreadable' && plan.errors.map((i) => [i.code, i.params])).toEqual([['config.too-many-rules', { max: 10, count: 11, provider: 'Alibaba Cloud OSS', awsWording: false }]]);
  });

  it('says "unchanged" when the bucket already holds the result, and carries the version read', () => {
    const plan = planBucket('same', state(draft, 'abc'), draft, 'replace', 's3');
    expect(plan).toMatchObject({ kind: 'unchanged', version: 'abc' });
  });

  it('keeps warnings with a ready plan: appending after a * rule leaves the draft\'s rule shadowed by it', () => {
    const plan = planBucket('star', state({ rules: [rule({ allowedOrigins: ['*'] })] }), draft, 'append', 's3');
    expect(plan.kind).toBe('ready');
    expect(plan.kind === 'ready' && plan.warnings.map((w) => w.code)).toContain('rule.shadowed');
  });
});

describe('writePlans', () => {
  const planned = (bucket: string, kind: 'ready' | 'unchanged', version = 'v1'): BucketPlan => ({ bucket, kind, version, before: null, after: draft, errors: [], warnings: [] });
  const ready = (bucket: string, version = 'v1') => planned(bucket, 'ready', version);
  const refused = (error: ApiErrorBody) => new ApiRequestError(error);

  it('writes ready plans in order with their preview version, and reports conflicts, refusals and provider errors per bucket', async () => {
    const calls: string[] = [];
    const plans: BucketPlan[] = [
      ready('ok', 'v-ok'),
      ready('moved'),
      ready('refused'),
      ready('down'),
      { bucket: 'broken', kind: 'unreadable', failure: { code: 'provider-error', message: 'no' } },
      planned('same', 'unchanged'),
    ];
    const seen: WriteResult['outcome'][] = [];
    const results = await writePlans(
      plans,
      async (bucket, config, version) => {
        calls.push(`${bucket}@${version}`);
        if (bucket === 'moved') return { kind: 'conflict', current: state(null, 'v3'), error: refused({ code: 'version-conflict', params: {}, message: 'changed' }) };
        if (bucket === 'refused') {
          const issues: Issue[] = [{ severity: 'error', code: 'origin.missing-scheme', params: { value: 'www.a.com', suggestion: 'https://www.a.com' }, path: ['rules', 0, 'allowedOrigins', 0] }];
          return { kind: 'invalid', issues, error: refused({ code: 'validation-failed', params: { profile: 'Test' }, message: 'invalid', issues }) };
        }
        if (bucket === 'down') return { kind: 'failed', error: refused({ code: 'provider-access-denied', params: { reason: 'credentials-refused', call: { call: 'write-cors', bucket: 'down' }, provider: { kind: 's3-api' }, providerCode: 'AccessDenied' }, message: 'provider-access-denied happened', providerCode: 'AccessDenied' }) };
        return { kind: 'saved', value: state(config, 'v2') };
      },
      { onResult: (result) => seen.push(result.outcome), shouldStop: () => false },
    );
    expect(calls).toEqual(['ok@v-ok', 'moved@v1', 'refused@v1', 'down@v1']);
    expect(results.map((r) => r.outcome)).toEqual(['saved', 'conflict', 'invalid', 'failed', 'skipped', 'skipped']);
    expect(seen).toEqual(results.map((r) => r.outcome));
    expect(results[3]).toEqual({ bucket: 'down', outcome: 'failed', failure: { code: 'provider-access-denied', message: 'provider-access-denied happened', providerCode: 'AccessDenied' } });
    expect(results[2]!.outcome === 'invalid' && results[2]!.issues[0]!.code).toBe('origin.missing-scheme');
  });

  it('a stop is honoured between writes: the rest are reported not attempted and never written', async () => {
    const calls: string[] = [];
    let stop = false;
    const results = await writePlans([ready('a'), ready('b'), ready('c')], async (bucket, config) => {
      calls.push(bucket);
      stop = true;
      return { kind: 'saved', value: state(config) };
    }, { onResult: () => {}, shouldStop: () => stop });
    expect(calls).toEqual(['a']);
    expect(results.map((r) => r.outcome)).toEqual(['saved', 'not-attempted', 'not-attempted']);
  });
});
