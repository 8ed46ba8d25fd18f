import { describe, expect, it } from 'vitest';
import { parseCorsDocument, validateConfig } from '../../../src/core';
import { issueWhere } from '../../../src/web/lib/issue-location';

describe('issueWhere', () => {
  it('names the rule (1-based), the field as the cards label it, and the document line where the core knows it', () => {
    const xml = ['<CORSConfiguration>', '<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>', '<CORSRule>', '<AllowedOrigin>https://a.example</AllowedOrigin>', '<AllowedMethod>PATCH</AllowedMethod>', '</CORSRule>', '</CORSConfiguration>'].join('\n');
    const fromXml = parseCorsDocument(xml, 's3-xml');
    expect(fromXml.ok).toBe(false);
    expect(fromXml.issues.map(issueWhere)).toEqual(['Rule 2 · Allowed methods · line 5']);

    // JSON readers place value issues by path only; the line is known for syntax errors.
    const fromJson = parseCorsDocument(JSON.stringify({ CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }, { AllowedOrigins: ['https://a.example'], AllowedMethods: ['PATCH'] }] }), 'aws-json');
    expect(fromJson.issues.map(issueWhere)).toEqual(['Rule 2 · Allowed methods']);
    expect(parseCorsDocument('{\n  "CORSRules": [\n    {,}\n  ]\n}', 'aws-json').issues.map(issueWhere)).toEqual(['line 3']);
  });

  it('says nothing for the whole configuration, and the rule alone for a rule-level issue', () => {
    const tooMany = validateConfig({ rules: Array.from({ length: 11 }, () => ({ allowedOrigins: ['https://a.example'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] })) }, 'oss');
    expect(issueWhere(tooMany.find((i) => i.code === 'config.too-many-rules')!)).toBe('');
    const shadowed = validateConfig({ rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }, { allowedOrigins: ['https://a.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, 's3');
    expect(issueWhere(shadowed.find((i) => i.code === 'rule.shadowed')!)).toBe('Rule 2');
  });
});
