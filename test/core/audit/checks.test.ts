import { describe, expect, it } from 'vitest';
import { applyPolicy, auditConfiguration, auditFindingText, auditPolicySchema, AUDIT_CHECK_CODES, auditCheckTitle, DEFAULT_AUDIT_POLICY, type AuditFinding, type CorsConfig } from '../../../src/core';
import { rule } from '../../support/builders';

// Issue 20, item 1: each policy check fires on the configuration written to show it, names its
// values, and stays silent on configurations that are fine.

const APP = 'https://app.example.com';
const config = (...rules: ReturnType<typeof rule>[]): CorsConfig => ({ rules });
const codes = (findings: readonly AuditFinding[]) => findings.map((finding) => finding.code);

describe('auditConfiguration', () => {
  it('finds nothing in a tight configuration: named origins, ETag exposed for uploads, Authorization named, a short max-age', () => {
    const tight = config(
      rule({ allowedOrigins: [APP, 'https://*.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type', 'authorization'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }),
      rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'] }),
    );
    expect(auditConfiguration(tight, { dialect: 's3' })).toEqual([]);
    expect(auditConfiguration(null, { dialect: 's3' })).toEqual([]);
    expect(auditConfiguration({ rules: [] }, { dialect: 's3' })).toEqual([]);
  });

  it('names a * origin allowed to write, with the writing methods', () => {
    const findings = auditConfiguration(config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT', 'DELETE'], exposeHeaders: ['ETag'] })), { dialect: 's3' });
    expect(findings).toEqual([{ code: 'wildcard-origin-writes', params: { rule: 0, methods: ['PUT', 'DELETE'] } }]);
    expect(auditFindingText(findings[0]!)).toBe(
      'Rule 1 lets every origin (*) send PUT, DELETE: script on any website can write to or delete from this bucket with a presigned URL it obtains, and the browser will let it read the answer. List the app\'s origins instead.',
    );
  });

  it('names a * origin only where credentials are expected, saying why', () => {
    const star = config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] }));
    expect(auditConfiguration(star, { dialect: 's3' })).toEqual([]);
    expect(auditConfiguration(star, { dialect: 's3', expectsCredentials: 'saved-tests' })).toEqual([{ code: 'wildcard-origin-credentials', params: { rule: 0, because: 'saved-tests' } }]);
  });

  it('names uploads without ETag exposed (PUT and POST, not DELETE)', () => {
    expect(auditConfiguration(config(rule({ allowedOrigins: [APP], allowedMethods: ['PUT', 'POST', 'DELETE'], exposeHeaders: ['x-amz-request-id'] })), { dialect: 's3' })).toEqual([
      { code: 'upload-etag-hidden', params: { rule: 0, methods: ['PUT', 'POST'] } },
    ]);
    expect(auditConfiguration(config(rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], exposeHeaders: ['etag'] })), { dialect: 's3' })).toEqual([]);
  });

  it('names a wildcard origin without a dot after the *, with a look-alike it matches', () => {
    const findings = auditConfiguration(config(rule({ allowedOrigins: ['https://*example.com', 'https://*.example.org'], allowedMethods: ['GET'] })), { dialect: 's3' });
    expect(findings).toEqual([{ code: 'wildcard-origin-no-dot', params: { rule: 0, origin: 'https://*example.com' } }]);
    expect(auditFindingText(findings[0]!)).toContain('it also matches https://evilexample.com');
  });

  it('names Authorization allowed only by AllowedHeader *', () => {
    expect(codes(auditConfiguration(config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: ['*'] })), { dialect: 's3' }))).toEqual(['authorization-by-wildcard']);
    expect(auditConfiguration(config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: ['*', 'Authorization'] })), { dialect: 's3' })).toEqual([]);
  });

  it('names a max-age above the engines\' caps, each engine with its cap (WebKit 600 s, Chromium 7200 s)', () => {
    const at = (maxAgeSeconds: number) => auditConfiguration(config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds })), { dialect: 's3' });
    expect(at(600)).toEqual([]);
    expect(at(3000)).toEqual([{ code: 'max-age-over-cap', params: { rule: 0, maxAgeSeconds: 3000, engines: [{ engine: 'webkit', cap: 600 }] } }]);
    expect(auditFindingText(at(3000)[0]!)).toMatch(/^Rule 1 sets MaxAgeSeconds to 50 minutes, above what browsers keep a preflight \(Safari 10 minutes\)/);
    expect(at(86_400)[0]).toMatchObject({ params: { engines: [{ engine: 'chromium', cap: 7200 }, { engine: 'webkit', cap: 600 }] } });
  });

  it('names an earlier rule that harms a later one, from the shadowing analysis', () => {
    const shadowed = config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] }));
    const findings = auditConfiguration(shadowed, { dialect: 's3' });
    expect(codes(findings)).toEqual(['shadowing-harm']);
    expect(findings[0]).toMatchObject({ params: { cause: 0, loser: 1 } });
  });

  it('names a rule list near the provider\'s limit: 90 of S3\'s 100, 9 of OSS\'s 10', () => {
    const many = (n: number) => config(...Array.from({ length: n }, (_, i) => rule({ allowedOrigins: [`https://app${i}.example.com`], allowedMethods: ['GET'] })));
    expect(codes(auditConfiguration(many(89), { dialect: 's3' }))).toEqual([]);
    expect(auditConfiguration(many(90), { dialect: 's3' })).toEqual([{ code: 'rule-count-near-limit', params: { count: 90, limit: 100 } }]);
    expect(auditConfiguration(many(9), { dialect: 'oss' })).toEqual([{ code: 'rule-count-near-limit', params: { count: 9, limit: 10 } }]);
  });
});

describe('audit policies', () => {
  const findings = auditConfiguration(config(rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: ['*'] })), { dialect: 's3' });

  it('rates each finding with its default severity', () => {
    expect(applyPolicy(findings, DEFAULT_AUDIT_POLICY).map((f) => [f.code, f.severity])).toEqual([
      ['wildcard-origin-writes', 'error'],
      ['upload-etag-hidden', 'warning'],
      ['authorization-by-wildcard', 'note'],
    ]);
  });

  it('switches a check off and changes a severity, as a policy file says', () => {
    const policy = auditPolicySchema.parse({ version: 1, checks: { 'authorization-by-wildcard': { enabled: false }, 'upload-etag-hidden': { severity: 'error' } } });
    expect(applyPolicy(findings, policy).map((f) => [f.code, f.severity])).toEqual([
      ['wildcard-origin-writes', 'error'],
      ['upload-etag-hidden', 'error'],
    ]);
  });

  it('refuses a policy naming a check that does not exist, or a severity, with the path', () => {
    const unknown = auditPolicySchema.safeParse({ checks: { 'wildcard-everything': { enabled: false } } });
    expect(unknown.success).toBe(false);
    const badSeverity = auditPolicySchema.safeParse({ checks: { 'upload-etag-hidden': { severity: 'fatal' } } });
    expect(badSeverity.error?.issues[0]?.path).toEqual(['checks', 'upload-etag-hidden', 'severity']);
  });

  it('has a title for every check', () => {
    for (const code of AUDIT_CHECK_CODES) expect(auditCheckTitle(code)).toMatch(/\w/);
  });
});
