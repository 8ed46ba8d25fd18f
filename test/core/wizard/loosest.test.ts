import { describe, expect, it } from 'vitest';
import { dialectProfile, DIALECTS } from '../../../src/core/dialects';
import { predictBrowserFetch } from '../../../src/core/predict';
import { METHODS } from '../../../src/core/rule';
import { validateConfig } from '../../../src/core/validate';
import { LOOSEST_MAX_AGE_SECONDS, LOOSEST_RULE_ID, loosestRule } from '../../../src/core/wizard/loosest';

const REQUEST_ID: Record<string, string | undefined> = { s3: 'x-amz-request-id', rgw: 'x-amz-request-id', minio: 'x-amz-request-id', s3rver: 'x-amz-request-id', oss: 'x-oss-request-id', cos: 'x-cos-request-id', r2: undefined };

describe('loosestRule', () => {
  it.each(DIALECTS)('validates without errors on %s', (dialect) => {
    const { rule } = loosestRule(dialect);
    const issues = validateConfig({ rules: [rule] }, dialect);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Only the warnings a diagnostic `*` rule must carry (and MinIO's missing per-bucket CORS).
    expect(issues.map((i) => i.code).every((c) => ['origin.star-with-credentials', 'provider.no-bucket-cors'].includes(c))).toBe(true);
  });

  it.each(DIALECTS)('allows everything a rule can allow on %s, exposing ETag and the request id', (dialect) => {
    const { rule } = loosestRule(dialect);
    expect(rule.allowedOrigins).toEqual(['*']);
    expect(rule.allowedMethods).toEqual([...METHODS]);
    expect(rule.allowedHeaders).toEqual(['*']);
    expect(rule.exposeHeaders).toContain('ETag');
    const requestId = REQUEST_ID[dialect];
    if (requestId) expect(rule.exposeHeaders).toContain(requestId);
    expect(rule.exposeHeaders.some((h) => h.includes('*'))).toBe(false);
    expect(rule.maxAgeSeconds).toBe(LOOSEST_MAX_AGE_SECONDS);
  });

  it('names the rule where the dialect has IDs, and leaves OSS rules unnamed', () => {
    expect(loosestRule('s3').rule.id).toBe(LOOSEST_RULE_ID);
    expect(loosestRule('oss').rule.id).toBeUndefined();
    expect(dialectProfile('oss').validation.hasRuleIds).toBe(false);
  });

  it('explains every field and warns that it is a diagnostic setting', () => {
    const { explanations, warnings } = loosestRule('s3');
    const fields = new Set(explanations.map((e) => e.field));
    for (const field of ['id', 'allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders', 'maxAgeSeconds']) expect(fields).toContain(field);
    expect(explanations.find((e) => e.value === 'ETag')?.params).toMatchObject({ purpose: 'etag' });
    expect(explanations.find((e) => e.value === 'x-amz-request-id')?.params).toMatchObject({ purpose: 'request-id' });
    expect(explanations.find((e) => e.value === 'x-amz-version-id')?.params).toMatchObject({ header: 'x-amz-version-id', purpose: 'version-id' });
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'wizard.loosest-diagnostic' })]);
  });

  describe('in the browser', () => {
    const config = { rules: [loosestRule('s3').rule] };

    it.each([
      { name: 'a GET from any site', fetch: { method: 'GET' } },
      { name: 'a PUT with JSON, a custom header and Authorization', fetch: { method: 'PUT', headers: { 'content-type': 'application/json', 'x-foo': '1', authorization: 'AWS4 x' } } },
      { name: 'a DELETE', fetch: { method: 'DELETE' } },
    ])('allows $name and exposes ETag', ({ fetch }) => {
      const p = predictBrowserFetch(config, { origin: 'https://anything.example', ...fetch });
      expect(p.allowed).toBe(true);
      expect(p.exposedHeaders).toContain('etag');
    });

    it('still fails requests with credentials, as its explanation says', () => {
      const p = predictBrowserFetch(config, { origin: 'https://anything.example', method: 'GET', credentials: 'include' });
      expect(p.blockedBy?.check).toBe('wildcard-with-credentials');
      expect(loosestRule('s3').explanations.find((e) => e.field === 'allowedOrigins')?.code).toBe('loosest.any-origin');
    });
  });
});
