import { describe, expect, it } from 'vitest';
import { conversionLosses, DOCUMENT_FORMATS } from '../../../src/core/formats';
import type { DocumentFormat } from '../../../src/core/formats';
import type { CorsConfig } from '../../../src/core/rule';
import { loosestRule } from '../../../src/core/wizard/loosest';
import { strictestRules } from '../../../src/core/wizard/strictest';
import { rule } from '../../support/builders';

const codesOf = (config: CorsConfig, format: DocumentFormat) => conversionLosses(config, format).map((issue) => issue.code);

describe('responseVary', () => {
  const vary: CorsConfig = { rules: [rule()], responseVary: true };

  it.each<DocumentFormat>(['s3-xml', 'aws-json', 'r2-json', 'gcs-json'])('is lost when written as %s', (format) => {
    expect(conversionLosses(vary, format)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'conversion.response-vary-lost', path: ['responseVary'] }),
    ]);
  });

  it.each<DocumentFormat>(['oss-xml', 'cos-xml'])('is kept when written as %s', (format) => {
    expect(conversionLosses(vary, format)).toEqual([]);
  });

  it.each(DOCUMENT_FORMATS)('set to false is no loss in %s, since false is the default', (format) => {
    expect(conversionLosses({ rules: [rule()], responseVary: false }, format)).toEqual([]);
  });
});

describe('rule IDs', () => {
  const named: CorsConfig = { rules: [rule({ id: 'uploads' }), rule(), rule({ id: 'reads' })] };

  it.each<DocumentFormat>(['oss-xml', 'gcs-json'])('are lost in %s, one warning per named rule', (format) => {
    expect(conversionLosses(named, format)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'conversion.rule-id-lost', path: ['rules', 0, 'id'], params: expect.objectContaining({ rule: 0, ruleId: 'uploads' }) }),
      expect.objectContaining({ severity: 'warning', code: 'conversion.rule-id-lost', path: ['rules', 2, 'id'], params: expect.objectContaining({ rule: 2, ruleId: 'reads' }) }),
    ]);
  });

  it.each<DocumentFormat>(['s3-xml', 'aws-json', 'cos-xml', 'r2-json'])('are kept in %s', (format) => {
    expect(conversionLosses(named, format)).toEqual([]);
  });
});

describe("GCS's single responseHeader list", () => {
  it.each([
    { name: 'different lists', allowed: ['Content-Type'], expose: ['ETag'], lost: true },
    { name: 'only allowed headers', allowed: ['Content-Type'], expose: [], lost: true },
    { name: 'only exposed headers', allowed: [], expose: ['ETag'], lost: true },
    { name: 'the same lists', allowed: ['Content-Type', 'ETag'], expose: ['Content-Type', 'ETag'], lost: false },
    { name: 'the same headers in another order and case', allowed: ['content-type', 'ETag'], expose: ['etag', 'Content-Type'], lost: false },
    { name: 'no headers at all', allowed: [], expose: [], lost: false },
  ])('with $name: lost is $lost', ({ allowed, expose, lost }) => {
    const config = { rules: [rule(), rule({ allowedHeaders: allowed, exposeHeaders: expose })] };
    expect(conversionLosses(config, 'gcs-json')).toEqual(
      lost ? [expect.objectContaining({ severity: 'warning', code: 'conversion.headers-merged', path: ['rules', 1] })] : [],
    );
  });

  it('names the headers that change role', () => {
    const [issue] = conversionLosses({ rules: [rule({ allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag', 'x-goog-hash'] })] }, 'gcs-json');
    expect(issue?.params).toEqual({ rule: 0, formatLabel: 'GCS JSON', becomeExposed: ['Content-Type'], becomeAllowed: ['ETag', 'x-goog-hash'] });
  });

  it.each<DocumentFormat>(['s3-xml', 'aws-json', 'oss-xml', 'cos-xml', 'r2-json'])('does not concern %s', (format) => {
    expect(conversionLosses({ rules: [rule({ allowedHeaders: ['a'], exposeHeaders: ['b'] })] }, format)).toEqual([]);
  });
});

it('reports every kind of loss at once', () => {
  const config: CorsConfig = { responseVary: true, rules: [rule({ id: 'a', allowedHeaders: ['x-a'] })] };
  expect(codesOf(config, 'gcs-json')).toEqual(['conversion.response-vary-lost', 'conversion.rule-id-lost', 'conversion.headers-merged']);
});

describe("the wizard's rules", () => {
  it('lose ResponseVary when an OSS configuration is written as S3 XML', () => {
    const config: CorsConfig = { rules: [loosestRule('oss').rule], responseVary: true };
    expect(codesOf(config, 's3-xml')).toEqual(['conversion.response-vary-lost']);
    expect(codesOf(config, 'oss-xml')).toEqual([]);
  });

  it('lose the loosest rule ID and merge its headers in GCS: * becomes exposed, ETag becomes allowed', () => {
    const [id, merged] = conversionLosses({ rules: [loosestRule('s3').rule] }, 'gcs-json');
    expect(id?.code).toBe('conversion.rule-id-lost');
    expect(merged?.params).toEqual({
      rule: 0,
      ruleId: 'loosest-diagnostic',
      formatLabel: 'GCS JSON',
      becomeExposed: ['*'],
      becomeAllowed: ['ETag', 'x-amz-request-id', 'x-amz-id-2', 'x-amz-version-id'],
    });
  });

  it('merge the strictest upload rule headers in GCS', () => {
    const result = strictestRules({ origins: ['https://app.example.com'], operations: ['multipart-upload'], requestHeaders: [{ name: 'content-type', value: 'application/json' }] }, 's3');
    if (!result.ok) throw new Error(result.error.code);
    const config = { rules: result.rules.map((r) => r.rule) };
    expect(codesOf(config, 'aws-json')).toEqual([]);
    expect(conversionLosses(config, 'gcs-json').filter((i) => i.code === 'conversion.headers-merged').map((i) => i.params)).toEqual([
      { rule: 0, ruleId: 'app-put', formatLabel: 'GCS JSON', becomeExposed: ['content-type'], becomeAllowed: ['ETag'] },
      { rule: 1, ruleId: 'app-post', formatLabel: 'GCS JSON', becomeExposed: ['content-type'], becomeAllowed: [] },
    ]);
  });
});
