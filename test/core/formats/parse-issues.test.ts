import { describe, expect, it } from 'vitest';
import { parseCorsDocument } from '../../../src/core/formats';
import type { DocumentFormat } from '../../../src/core/formats';
import type { Issue } from '../../../src/core/issues';

interface IssueCase {
  name: string;
  format: DocumentFormat;
  text: string;
  issue: Partial<Issue>;
}

const lines = (...text: string[]) => text.join('\n');

const XML_BAD_METHOD = lines(
  '<CORSConfiguration>', //                        1
  '  <CORSRule>', //                                2
  '    <AllowedOrigin>*</AllowedOrigin>', //        3
  '    <AllowedMethod>GET</AllowedMethod>', //      4
  '    <AllowedMethod>OPTIONS</AllowedMethod>', //  5
  '  </CORSRule>', //                               6
  '</CORSConfiguration>',
);

const XML_SECOND_RULE_INCOMPLETE = lines(
  '<CORSConfiguration>',
  '  <CORSRule>',
  '    <AllowedOrigin>*</AllowedOrigin>',
  '    <AllowedMethod>GET</AllowedMethod>',
  '  </CORSRule>',
  '  <CORSRule>', //                                6
  '    <AllowedHeader>*</AllowedHeader>',
  '  </CORSRule>',
  '</CORSConfiguration>',
);

const xmlRule = (...body: string[]) => lines('<CORSConfiguration>', '  <CORSRule>', ...body.map((line) => `    ${line}`), '  </CORSRule>', '</CORSConfiguration>');
const ORIGIN_AND_GET = ['<AllowedOrigin>*</AllowedOrigin>', '<AllowedMethod>GET</AllowedMethod>'];

const awsRule = (fields: Record<string, unknown>) => JSON.stringify({ CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'], ...fields }] });

const ERRORS: IssueCase[] = [
  {
    name: 'an unsupported method, in S3 wording, at its element',
    format: 's3-xml',
    text: XML_BAD_METHOD,
    issue: {
      code: 'method.unsupported',
      params: { value: 'OPTIONS' },
      providerCode: 'InvalidRequest',
      path: ['rules', 0, 'allowedMethods', 1],
      line: 5,
    },
  },
  { name: 'missing origins, at the rule', format: 's3-xml', text: XML_SECOND_RULE_INCOMPLETE, issue: { code: 'rule.missing-origins', path: ['rules', 1, 'allowedOrigins'], line: 6 } },
  { name: 'missing methods, at the rule', format: 'oss-xml', text: XML_SECOND_RULE_INCOMPLETE, issue: { code: 'rule.missing-methods', path: ['rules', 1, 'allowedMethods'], line: 6 } },
  {
    name: 'an empty CORSRule',
    format: 's3-xml',
    text: '<CORSConfiguration><CORSRule/></CORSConfiguration>',
    issue: { code: 'rule.missing-origins', path: ['rules', 0, 'allowedOrigins'], line: 1 },
  },
  {
    name: 'a mismatched closing tag, with line',
    format: 's3-xml',
    text: lines('<CORSConfiguration>', '  <CORSRule>', '    <AllowedOrigin>*</AllowedMethod>', '  </CORSRule>', '</CORSConfiguration>'),
    issue: { code: 'document.syntax', path: [], line: 3 },
  },
  { name: 'an unclosed root', format: 'oss-xml', text: lines('<CORSConfiguration>', '  <CORSRule>', '  </CORSRule>'), issue: { code: 'document.syntax' } },
  { name: 'text that is not XML', format: 's3-xml', text: 'AllowedOrigin=*', issue: { code: 'document.syntax', line: 1 } },
  { name: 'an empty document', format: 'cos-xml', text: '', issue: { code: 'document.syntax' } },
  { name: 'a bare ampersand', format: 's3-xml', text: xmlRule('<AllowedOrigin>a & b</AllowedOrigin>', '<AllowedMethod>GET</AllowedMethod>'), issue: { code: 'document.syntax', line: 3 } },
  {
    name: 'an entity XML does not define',
    format: 's3-xml',
    text: xmlRule('<AllowedMethod>GET</AllowedMethod>', '<AllowedOrigin>a&nbsp;b</AllowedOrigin>'),
    issue: { code: 'document.syntax', line: 4 },
  },
  {
    name: 'a DOCTYPE entity (not expanded)',
    format: 's3-xml',
    text: `<!DOCTYPE CORSConfiguration [<!ENTITY o "https://evil.example">]>\n${xmlRule('<AllowedOrigin>&o;</AllowedOrigin>', '<AllowedMethod>GET</AllowedMethod>')}`,
    issue: { code: 'document.syntax', line: 4 },
  },
  { name: 'the wrong root element', format: 's3-xml', text: '<?xml version="1.0"?>\n<LifecycleConfiguration/>', issue: { code: 'document.root', path: [], line: 2 } },
  {
    name: 'an element nested in a value',
    format: 's3-xml',
    text: xmlRule('<AllowedOrigin><Origin>*</Origin></AllowedOrigin>', '<AllowedMethod>GET</AllowedMethod>'),
    issue: { code: 'field.not-a-string', path: ['rules', 0, 'allowedOrigins', 0], line: 3 },
  },
  {
    name: 'an element nested in MaxAgeSeconds',
    format: 's3-xml',
    text: xmlRule(...ORIGIN_AND_GET, '<MaxAgeSeconds><Value>5</Value></MaxAgeSeconds>'),
    issue: { code: 'max-age.invalid', path: ['rules', 0, 'maxAgeSeconds'], line: 5 },
  },
  { name: 'a non-numeric max age', format: 's3-xml', text: xmlRule(...ORIGIN_AND_GET, '<MaxAgeSeconds>ten</MaxAgeSeconds>'), issue: { code: 'max-age.invalid', line: 5 } },
  { name: 'a negative max age', format: 'cos-xml', text: xmlRule(...ORIGIN_AND_GET, '<MaxAgeSeconds>-1</MaxAgeSeconds>'), issue: { code: 'max-age.invalid', path: ['rules', 0, 'maxAgeSeconds'] } },
  { name: 'a fractional max age', format: 'oss-xml', text: xmlRule(...ORIGIN_AND_GET, '<MaxAgeSeconds>1.5</MaxAgeSeconds>'), issue: { code: 'max-age.invalid' } },
  {
    name: 'MaxAgeSeconds twice, at the second',
    format: 's3-xml',
    text: xmlRule(...ORIGIN_AND_GET, '<MaxAgeSeconds>1</MaxAgeSeconds>', '<MaxAgeSeconds>2</MaxAgeSeconds>'),
    issue: { code: 'field.duplicate', path: ['rules', 0, 'maxAgeSeconds'], line: 6 },
  },
  { name: 'ID twice', format: 'cos-xml', text: xmlRule('<ID>a</ID>', '<ID>b</ID>', ...ORIGIN_AND_GET), issue: { code: 'field.duplicate', path: ['rules', 0, 'id'], line: 4 } },
  {
    name: 'a ResponseVary that is not true or false',
    format: 'oss-xml',
    text: lines('<CORSConfiguration>', '  <ResponseVary>yes</ResponseVary>', '</CORSConfiguration>'),
    issue: { code: 'response-vary.invalid', path: ['responseVary'], line: 2 },
  },
  {
    name: 'ResponseVary twice',
    format: 'cos-xml',
    text: '<CORSConfiguration><ResponseVary>true</ResponseVary><ResponseVary>false</ResponseVary></CORSConfiguration>',
    issue: { code: 'field.duplicate', path: ['responseVary'] },
  },

  { name: 'a trailing comma, with line', format: 'aws-json', text: lines('{', '  "CORSRules": [', '    {"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]},', '  ]', '}'), issue: { code: 'document.syntax', line: 4 } },
  { name: 'a missing value, with line', format: 'r2-json', text: lines('{', '  "rules":', '}'), issue: { code: 'document.syntax', line: 3 } },
  { name: 'an unterminated string, with line', format: 'gcs-json', text: lines('[', '  {"origin": ["https://a.example.com]}', ']'), issue: { code: 'document.syntax', line: 2 } },
  { name: 'single quotes', format: 'aws-json', text: "{'CORSRules': []}", issue: { code: 'document.syntax', line: 1 } },
  { name: 'an empty JSON document', format: 'aws-json', text: '  \n', issue: { code: 'document.syntax', line: 2 } },
  { name: 'XML given as JSON', format: 'aws-json', text: XML_BAD_METHOD, issue: { code: 'document.syntax', line: 1 } },
  { name: 'a JSON string as root', format: 'aws-json', text: '"CORSRules"', issue: { code: 'document.root', path: [] } },
  { name: 'null as root', format: 'r2-json', text: 'null', issue: { code: 'document.root' } },
  { name: 'an object without CORSRules', format: 'aws-json', text: '{"Rules": []}', issue: { code: 'document.root' } },
  { name: 'a bucket policy instead of CORS', format: 'aws-json', text: '{"Version": "2012-10-17", "Statement": []}', issue: { code: 'document.root' } },
  { name: 'a list given to R2', format: 'r2-json', text: '[{"allowed": {"origins": ["*"], "methods": ["GET"]}}]', issue: { code: 'document.root' } },
  { name: 'an object without cors given to GCS', format: 'gcs-json', text: '{"origin": ["*"]}', issue: { code: 'document.root' } },
  { name: 'CORSRules that is not a list', format: 'aws-json', text: '{"CORSRules": {"AllowedOrigins": ["*"]}}', issue: { code: 'field.not-a-list', path: ['rules'] } },
  { name: 'cors that is not a list', format: 'gcs-json', text: '{"cors": 5}', issue: { code: 'field.not-a-list', path: ['rules'] } },
  { name: 'a rule that is not an object', format: 'aws-json', text: '[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}, "GET *"]', issue: { code: 'rule.not-an-object', path: ['rules', 1] } },
  { name: 'origins given as a string', format: 'aws-json', text: awsRule({ AllowedOrigins: '*' }), issue: { code: 'field.not-a-list', path: ['rules', 0, 'allowedOrigins'] } },
  { name: 'a number among origins', format: 'aws-json', text: awsRule({ AllowedOrigins: ['*', 8080] }), issue: { code: 'field.not-a-string', path: ['rules', 0, 'allowedOrigins', 1] } },
  { name: 'null among expose headers', format: 'aws-json', text: awsRule({ ExposeHeaders: [null] }), issue: { code: 'field.not-a-string', path: ['rules', 0, 'exposeHeaders', 0] } },
  { name: 'a numeric ID', format: 'aws-json', text: awsRule({ ID: 7 }), issue: { code: 'field.not-a-string', path: ['rules', 0, 'id'] } },
  { name: 'a method given as an object', format: 'aws-json', text: awsRule({ AllowedMethods: [{ method: 'GET' }] }), issue: { code: 'field.not-a-string', path: ['rules', 0, 'allowedMethods', 0] } },
  { name: 'a max age given as a string', format: 'aws-json', text: awsRule({ MaxAgeSeconds: '3000' }), issue: { code: 'max-age.invalid', path: ['rules', 0, 'maxAgeSeconds'] } },
  { name: 'a negative max age', format: 'aws-json', text: awsRule({ MaxAgeSeconds: -5 }), issue: { code: 'max-age.invalid' } },
  { name: 'an unsafe integer max age', format: 'aws-json', text: awsRule({ MaxAgeSeconds: 1e300 }), issue: { code: 'max-age.invalid' } },
  { name: 'an empty origin list', format: 'aws-json', text: awsRule({ AllowedOrigins: [] }), issue: { code: 'rule.missing-origins', path: ['rules', 0, 'allowedOrigins'] } },
  {
    name: 'an unsupported method at its index',
    format: 'aws-json',
    text: awsRule({ AllowedMethods: ['GET', 'PUT', 'PATCH'] }),
    issue: { code: 'method.unsupported', params: { value: 'PATCH' }, path: ['rules', 0, 'allowedMethods', 2] },
  },
  { name: 'a method wildcard', format: 'r2-json', text: '{"rules": [{"allowed": {"origins": ["*"], "methods": ["*"]}}]}', issue: { code: 'method.unsupported', path: ['rules', 0, 'allowedMethods', 0] } },
  { name: 'allowed that is not an object', format: 'r2-json', text: '{"rules": [{"allowed": ["*"]}]}', issue: { code: 'field.not-an-object', path: ['rules', 0] } },
  { name: 'a rule without allowed', format: 'r2-json', text: '{"rules": [{"exposeHeaders": ["ETag"]}]}', issue: { code: 'rule.missing-methods', path: ['rules', 0, 'allowedMethods'] } },
  { name: 'headers that are not a list', format: 'r2-json', text: '{"rules": [{"allowed": {"origins": ["*"], "methods": ["GET"], "headers": "*"}}]}', issue: { code: 'field.not-a-list', path: ['rules', 0, 'allowedHeaders'] } },
  { name: 'OPTIONS, which GCS allows but the model cannot hold', format: 'gcs-json', text: '[{"origin": ["*"], "method": ["GET", "OPTIONS"]}]', issue: { code: 'method.unsupported', path: ['rules', 0, 'allowedMethods', 1] } },
  { name: 'an entry without origin', format: 'gcs-json', text: '[{"method": ["GET"]}]', issue: { code: 'rule.missing-origins', path: ['rules', 0, 'allowedOrigins'] } },
];

describe('documents with errors give ok: false and a located issue', () => {
  it.each(ERRORS)('$format: $name', ({ format, text, issue }) => {
    const result = parseCorsDocument(text, format);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'error', ...issue }));
  });

  it('reports a bad responseHeader list once, not for both header fields', () => {
    const result = parseCorsDocument('[{"origin": ["*"], "method": ["GET"], "responseHeader": "Content-Type"}]', 'gcs-json');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'field.not-a-list', path: ['rules', 0, 'allowedHeaders'] })]);
  });

  it('reports every bad value, not just the first', () => {
    const result = parseCorsDocument(awsRule({ AllowedMethods: ['get', 'PUT', 'patch'], MaxAgeSeconds: -1 }), 'aws-json');
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['method.not-upper-case', ['rules', 0, 'allowedMethods', 0]],
      ['method.unsupported', ['rules', 0, 'allowedMethods', 2]],
      ['max-age.invalid', ['rules', 0, 'maxAgeSeconds']],
    ]);
  });

  it('states line and column of an XML syntax error', () => {
    const result = parseCorsDocument(lines('<CORSConfiguration>', '  <CORSRule>', '</CORSConfiguration>'), 's3-xml');
    expect(result.issues[0]).toMatchObject({ code: 'document.syntax', line: 3, params: { problem: 'xml', line: 3, column: expect.any(Number) } });
  });

  it('states line and column of a JSON syntax error in the message', () => {
    const result = parseCorsDocument(lines('{', '  "CORSRules": [', '    {"AllowedOrigins": ["*"] "AllowedMethods": ["GET"]}', '  ]', '}'), 'aws-json');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'document.syntax', line: 3 })]);
    expect(result.issues[0]?.params).toMatchObject({ problem: 'json', line: 3, column: 30 });
  });
});

const WARNINGS: IssueCase[] = [
  { name: 'an unknown rule element, at its line', format: 's3-xml', text: xmlRule(...ORIGIN_AND_GET, '<AllowedOrigins>x</AllowedOrigins>'), issue: { code: 'document.unknown-field', path: ['rules', 0], line: 5 } },
  { name: 'an ID, which OSS rules do not have', format: 'oss-xml', text: xmlRule('<ID>main</ID>', ...ORIGIN_AND_GET), issue: { code: 'document.unknown-field', path: ['rules', 0], line: 3 } },
  {
    name: 'ResponseVary, which S3 does not have',
    format: 's3-xml',
    text: lines('<CORSConfiguration>', '  <ResponseVary>true</ResponseVary>', `  <CORSRule>${ORIGIN_AND_GET.join('')}</CORSRule>`, '</CORSConfiguration>'),
    issue: { code: 'document.unknown-field', path: [], line: 2 },
  },
  { name: 'stray text in a rule', format: 'cos-xml', text: xmlRule(...ORIGIN_AND_GET, 'oops'), issue: { code: 'document.stray-text', path: ['rules', 0], line: 2 } },
  { name: 'an unknown rule key', format: 'aws-json', text: awsRule({ AllowedHeader: ['*'] }), issue: { code: 'document.unknown-field', path: ['rules', 0] } },
  { name: 'an unknown top-level key', format: 'aws-json', text: '{"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}], "Bucket": "b"}', issue: { code: 'document.unknown-field', path: [] } },
  { name: 'an unknown key in allowed', format: 'r2-json', text: '{"rules": [{"allowed": {"origins": ["*"], "methods": ["GET"], "credentials": true}}]}', issue: { code: 'document.unknown-field', path: ['rules', 0] } },
  { name: 'an id, which GCS entries do not have', format: 'gcs-json', text: '[{"id": "x", "origin": ["*"], "method": ["GET"]}]', issue: { code: 'document.unknown-field', path: ['rules', 0] } },
];

describe('documents with only warnings still parse', () => {
  it.each(WARNINGS)('$format: $name', ({ format, text, issue }) => {
    const result = parseCorsDocument(text, format);
    expect(result).toMatchObject({ ok: true, config: { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'] }] } });
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'warning', ...issue }));
  });

  it('drops an OSS rule ID it warned about', () => {
    const result = parseCorsDocument(xmlRule('<ID>main</ID>', ...ORIGIN_AND_GET), 'oss-xml');
    expect(result.ok && result.config.rules[0]).not.toHaveProperty('id');
  });
});

describe('odd methods a provider stored (issue 14, item 4)', () => {
  it('reads a lower-case method as the one browsers send, with a warning at its element', () => {
    const result = parseCorsDocument(xmlRule('<AllowedOrigin>*</AllowedOrigin>', '<AllowedMethod>get</AllowedMethod>', '<AllowedMethod> Put </AllowedMethod>'), 'cos-xml');
    expect(result.ok && result.config.rules[0]?.allowedMethods).toEqual(['GET', 'PUT']);
    expect(result.issues).toEqual([
      { severity: 'warning', code: 'method.not-upper-case', params: { value: 'get', method: 'GET' }, path: ['rules', 0, 'allowedMethods', 0], line: 4 },
      { severity: 'warning', code: 'method.not-upper-case', params: { value: ' Put ', method: 'PUT' }, path: ['rules', 0, 'allowedMethods', 1], line: 5 },
    ]);
  });

  it("reads Ceph RGW's COPY as absent, with a warning, and still refuses other methods", () => {
    const result = parseCorsDocument(awsRule({ AllowedMethods: ['GET', 'COPY'] }), 'aws-json');
    expect(result.ok && result.config.rules[0]?.allowedMethods).toEqual(['GET']);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'method.stored-never-matches', params: { value: 'COPY' }, path: ['rules', 0, 'allowedMethods', 1] })]);
    expect(parseCorsDocument(awsRule({ AllowedMethods: ['copy'] }), 'aws-json').ok).toBe(false);
  });
});
