import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/core/dialects';
import type { IssueCode, IssuePath } from '../../src/core/issues';
import type { CorsConfig, CorsRule } from '../../src/core/rule';
import { validateAcrossRules, validateConfig, validateRuleAt } from '../../src/core/validate';
import { rule } from '../support/builders';

const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule(partial)] });
const many = (n: number): CorsConfig => ({ rules: Array.from({ length: n }, (_, i) => rule({ allowedOrigins: [`https://app${i}.example.com`] })) });

interface Case {
  name: string;
  config: CorsConfig;
  dialect?: Dialect;
  /** The issue expected (matched on these fields). */
  expected: { code: IssueCode; params?: Record<string, unknown>; path?: IssuePath; providerCode?: string; severity?: 'error' | 'warning' };
}

const errors: Case[] = [
  { name: 'rejects a configuration with no rules (MalformedXML)', config: { rules: [] }, expected: { code: 'config.no-rules', providerCode: 'MalformedXML', path: ['rules'] } },
  { name: 'rejects more than 100 rules with S3\'s message', config: many(101), expected: { code: 'config.too-many-rules', params: { max: 100, count: 101, provider: 'Amazon S3', awsWording: true } } },
  { name: 'rejects an 11th rule on OSS', config: many(11), dialect: 'oss', expected: { code: 'config.too-many-rules', params: { max: 10, count: 11, provider: 'Alibaba Cloud OSS', awsWording: false } } },
  { name: 'rejects a document over 64 KB', config: { rules: [rule({ allowedOrigins: Array.from({ length: 1500 }, (_, i) => `https://host-${i}.a-rather-long-domain-name.example.com`) })] }, expected: { code: 'config.too-large' } },
  { name: 'rejects a rule without origins', config: one({ allowedOrigins: [] }), expected: { code: 'rule.no-origins', path: ['rules', 0, 'allowedOrigins'], providerCode: 'MalformedXML' } },
  { name: 'rejects a rule without methods', config: one({ allowedMethods: [] }), expected: { code: 'rule.no-methods', path: ['rules', 0, 'allowedMethods'] } },
  { name: 'rejects an unsupported method with S3\'s message', config: one({ allowedMethods: ['GET', 'OPTIONS' as never] }), expected: { code: 'method.unsupported', path: ['rules', 0, 'allowedMethods', 1], params: { value: 'OPTIONS' }, providerCode: 'InvalidRequest' } },
  { name: 'rejects * as a method', config: one({ allowedMethods: ['*' as never] }), expected: { code: 'method.unsupported', params: { value: '*' } } },
  { name: 'rejects an origin without a protocol', config: one({ allowedOrigins: ['www.a.com'] }), expected: { code: 'origin.missing-scheme', params: { value: 'www.a.com', suggestion: 'https://www.a.com' }, path: ['rules', 0, 'allowedOrigins', 0] } },
  { name: 'rejects a wildcard origin without a protocol', config: one({ allowedOrigins: ['*.a.com'] }), expected: { code: 'origin.missing-scheme' } },
  { name: 'rejects a second * in an origin with S3\'s message', config: one({ allowedOrigins: ['https://*example*.com'] }), expected: { code: 'origin.multiple-wildcards', params: { value: 'https://*example*.com' }, providerCode: 'InvalidRequest' } },
  { name: 'rejects an origin with a trailing slash', config: one({ allowedOrigins: ['https://app.example.com/'] }), expected: { code: 'origin.trailing-slash', params: { value: 'https://app.example.com/', suggestion: 'https://app.example.com' } } },
  { name: 'rejects an origin with a path', config: one({ allowedOrigins: ['https://app.example.com/upload'] }), expected: { code: 'origin.has-path' } },
  { name: 'rejects an empty origin', config: one({ allowedOrigins: [''] }), expected: { code: 'origin.empty' } },
  { name: 'rejects an origin with spaces around it', config: one({ allowedOrigins: [' https://a.example'] }), expected: { code: 'origin.whitespace' } },
  { name: 'rejects a line break in an origin', config: one({ allowedOrigins: ['https://a.example\r\nX-Injected: 1'] }), expected: { code: 'value.control-character' } },
  { name: 'rejects a line break in an expose header (CVE-2020-10753)', config: one({ exposeHeaders: ['ETag\nSet-Cookie: a=b'] }), expected: { code: 'value.control-character', path: ['rules', 0, 'exposeHeaders', 0] } },
  { name: 'rejects a wildcard in an expose header with S3\'s message', config: one({ exposeHeaders: ['x-amz-meta-*'] }), expected: { code: 'expose.wildcard', params: { value: 'x-amz-meta-*' } } },
  { name: 'rejects a wildcard in an expose header on s3rver too (card rule)', config: one({ exposeHeaders: ['*'] }), dialect: 's3rver', expected: { code: 'expose.wildcard' } },
  { name: 'rejects < in an OSS expose header', config: one({ exposeHeaders: ['x<y'] }), dialect: 'oss', expected: { code: 'expose.forbidden-character' } },
  { name: 'rejects a second * in an allowed header', config: one({ allowedHeaders: ['x-*-*'] }), expected: { code: 'header.multiple-wildcards', params: { value: 'x-*-*' } } },
  { name: 'rejects a header name with a space', config: one({ allowedHeaders: ['content type'] }), expected: { code: 'header.invalid-name' } },
  { name: 'rejects a comma-joined header list in one entry', config: one({ allowedHeaders: ['content-type,x-amz-acl'] }), expected: { code: 'header.invalid-name' } },
  { name: 'rejects an ID over 255 characters', config: one({ id: 'x'.repeat(256) }), expected: { code: 'rule.id-too-long', path: ['rules', 0, 'id'] } },
  { name: 'rejects a negative max age', config: one({ maxAgeSeconds: -1 }), expected: { code: 'max-age.invalid' } },
  { name: 'rejects a fractional max age', config: one({ maxAgeSeconds: 1.5 }), expected: { code: 'max-age.invalid' } },
  { name: 'rejects a max age over R2\'s 86400', config: one({ maxAgeSeconds: 86_401 }), dialect: 'r2', expected: { code: 'max-age.too-large' } },
  { name: 'rejects a wildcard port on R2', config: one({ allowedOrigins: ['http://localhost:*'] }), dialect: 'r2', expected: { code: 'origin.port-wildcard' } },
];

const warnings: Case[] = [
  { name: 'warns that * origins fail for credentialed requests', config: one({ allowedOrigins: ['*'] }), expected: { code: 'origin.star-with-credentials', severity: 'warning' } },
  { name: 'warns when * stands beside specific origins', config: one({ allowedOrigins: ['https://a.example', '*'] }), expected: { code: 'origin.star-with-others', severity: 'warning' } },
  { name: 'warns when uploads are allowed but ETag is not exposed', config: one({ allowedMethods: ['PUT'] }), expected: { code: 'rule.etag-not-exposed', severity: 'warning', path: ['rules', 0, 'exposeHeaders'] } },
  { name: 'warns about a max age above Chromium\'s cap', config: one({ maxAgeSeconds: 86_400 }), expected: { code: 'max-age.above-browser-cap', severity: 'warning' } },
  { name: 'warns that Safari re-checks a preflight kept longer than its 600 s cap', config: one({ maxAgeSeconds: 601 }), expected: { code: 'max-age.above-webkit-cap', severity: 'warning', path: ['rules', 0, 'maxAgeSeconds'] } },
  { name: 'warns about a duplicate origin', config: one({ allowedOrigins: ['https://a.example', 'https://a.example'] }), expected: { code: 'origin.duplicate', path: ['rules', 0, 'allowedOrigins', 1] } },
  { name: 'warns about a duplicate method', config: one({ allowedMethods: ['GET', 'GET'] }), expected: { code: 'method.duplicate' } },
  { name: 'warns about headers duplicated in another case', config: one({ allowedHeaders: ['Content-Type', 'content-type'] }), expected: { code: 'header.duplicate' } },
  { name: 'warns about a default port browsers leave out', config: one({ allowedOrigins: ['https://a.example:443'] }), expected: { code: 'origin.default-port' } },
  { name: 'warns about capital letters in an origin', config: one({ allowedOrigins: ['https://App.example.com'] }), expected: { code: 'origin.upper-case' } },
  { name: 'warns that MinIO community has no per-bucket CORS', config: one({}), dialect: 'minio', expected: { code: 'provider.no-bucket-cors' } },
  { name: 'warns that an OSS rule ID is not stored', config: one({ id: 'uploads' }), dialect: 'oss', expected: { code: 'rule.id-dropped' } },
  { name: 'warns that ResponseVary is lost on S3', config: { rules: [rule({})], responseVary: true }, expected: { code: 'config.response-vary-unsupported' } },
];

describe('validateConfig', () => {
  it.each(errors)('$name', (c) => {
    const issues = validateConfig(c.config, c.dialect ?? 's3');
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', ...c.expected }));
  });

  it.each(warnings)('$name', (c) => {
    const issues = validateConfig(c.config, c.dialect ?? 's3');
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', ...c.expected }));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.each<[string, CorsConfig]>([
    ['a typical download rule', one({ allowedOrigins: ['https://app.example.com', 'http://localhost:5173'], allowedMethods: ['GET', 'HEAD'], maxAgeSeconds: 600 })],
    ['an upload rule exposing ETag', one({ allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type', 'x-amz-*'], exposeHeaders: ['ETag', 'x-amz-request-id'] })],
    ['a partial-wildcard origin', one({ allowedOrigins: ['https://*.example.com'] })],
    ['a wildcard scheme', one({ allowedOrigins: ['*://app.example.com'] })],
    ['an IPv6 loopback origin with a port', one({ allowedOrigins: ['http://[::1]:8080'] })],
  ])('accepts %s without any issue', (_name, config) => {
    expect(validateConfig(config, 's3')).toEqual([]);
  });

  it('does not warn about * when the app sends no credentials', () => {
    const issues = validateConfig(one({ allowedOrigins: ['*'] }), 's3', { usesCredentials: false });
    expect(issues.map((i) => i.code)).not.toContain('origin.star-with-credentials');
  });

  it('accepts 10 rules on OSS and 100 on S3', () => {
    expect(validateConfig(many(10), 'oss').map((i) => i.code)).not.toContain('config.too-many-rules');
    expect(validateConfig(many(100), 's3').map((i) => i.code)).not.toContain('config.too-many-rules');
  });
});

describe('values no document can carry (found by fuzzing the API)', () => {
  it.each([
    ['a lone high surrogate in an origin', { allowedOrigins: ['https://\uD800.example'] }, ['rules', 0, 'allowedOrigins', 0]],
    ['a lone low surrogate in an ID', { id: 'a\uDC00' }, ['rules', 0, 'id']],
    ['U+FFFE in an origin', { allowedOrigins: ['https://a.example\uFFFE'] }, ['rules', 0, 'allowedOrigins', 0]],
  ])('refuses %s, which the provider would store as another value', (_name, fields, path) => {
    const config = { rules: [{ allowedOrigins: ['https://a.example'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [], ...fields }] };
    expect(validateConfig(config, 's3')).toContainEqual(expect.objectContaining({ severity: 'error', code: 'value.invalid-character', path }));
  });

  it('keeps a paired surrogate (an emoji) in an ID', () => {
    const config = { rules: [{ id: 'uploads 📦', allowedOrigins: ['https://a.example'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] };
    expect(validateConfig(config, 's3').filter((i) => i.code === 'value.invalid-character')).toEqual([]);
  });
});

describe('s3rver does not store every value verbatim (found by fuzzing the API)', () => {
  const withId = (id: string) => ({ rules: [{ id, allowedOrigins: ['https://a.example'], allowedMethods: ['GET' as const], allowedHeaders: ['x-a&b'], exposeHeaders: [] }] });

  it.each([' spaced ', '\uFEFFbom', '<x>', 'a&amp;b', '007', '1e999', 'e0', '.5', '0x10', 'true'])('refuses the ID %j for s3rver, which would store another value', (id) => {
    expect(validateConfig(withId(id), 's3rver')).toContainEqual(expect.objectContaining({ code: 'value.not-stored-verbatim', path: ['rules', 0, 'id'] }));
  });

  it('refuses a header name with & for s3rver (a token character it cannot write back)', () => {
    expect(validateConfig(withId('ok'), 's3rver')).toContainEqual(expect.objectContaining({ code: 'value.not-stored-verbatim', path: ['rules', 0, 'allowedHeaders', 0] }));
  });

  it('leaves the same values to AWS, which escapes its XML', () => {
    expect(validateConfig(withId('<x>'), 's3').filter((i) => i.code === 'value.not-stored-verbatim')).toEqual([]);
  });
});

describe('validateConfig in parts', () => {
  it('is the union of the per-rule issues and the issues across rules', () => {
    const config: CorsConfig = {
      rules: [
        { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
        { allowedOrigins: ['app.example.com', 'https://*.*.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: ['*'] },
        { allowedOrigins: ['https://a.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: -1 },
      ],
    };
    for (const dialect of ['s3', 'oss', 'cos', 'r2'] as const) {
      const parts = [...validateAcrossRules(config, dialect), ...config.rules.flatMap((rule, index) => validateRuleAt(rule, index, dialect))];
      const whole = validateConfig(config, dialect);
      expect(parts.length).toBe(whole.length);
      expect(new Set(parts.map((i) => JSON.stringify(i)))).toEqual(new Set(whole.map((i) => JSON.stringify(i))));
      expect(whole.some((i) => i.code.startsWith('rule.') && i.path[1] === 2)).toBe(true);
    }
  });
});
