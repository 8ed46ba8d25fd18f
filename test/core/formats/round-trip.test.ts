import { describe, expect, it } from 'vitest';
import { conversionLosses, DOCUMENT_FORMATS, parseCorsDocument, serializeCorsDocument } from '../../../src/core/formats';
import type { DocumentFormat } from '../../../src/core/formats';
import type { CorsConfig } from '../../../src/core/rule';

const CONFIGS: Record<string, CorsConfig> = {
  'a full rule': {
    rules: [
      {
        id: 'uploads',
        allowedOrigins: ['https://app.example.com'],
        allowedMethods: ['PUT', 'POST'],
        allowedHeaders: ['content-type', 'x-amz-*'],
        exposeHeaders: ['ETag', 'x-amz-request-id'],
        maxAgeSeconds: 3000,
      },
    ],
  },
  'wildcard origins and headers': {
    rules: [
      { allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: [] },
      { allowedOrigins: ['http://*.example.com', 'https://*.example.com:8443'], allowedMethods: ['GET'], allowedHeaders: ['*'], exposeHeaders: ['*'] },
    ],
  },
  'XML special characters and spaces in values': {
    rules: [
      {
        id: `<rule & "one">'`,
        allowedOrigins: ['https://a.example.com/?x=1&y=<2>', ' https://padded.example.com ', 'https://ünïcode.example'],
        allowedMethods: ['DELETE'],
        allowedHeaders: ['x-"quoted"', "x-'single'"],
        exposeHeaders: ['x-a&b', 'x-<c>'],
        maxAgeSeconds: 1,
      },
    ],
  },
  'control characters that XML would otherwise normalise or trim': {
    rules: [{ allowedOrigins: ['\nhttps://a.example.com\r\n', '\thttps://b.example.com'], allowedMethods: ['GET'], allowedHeaders: ['x\r\ny'], exposeHeaders: [] }],
  },
  'empty header lists and max age 0': {
    rules: [{ allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 0 }],
  },
  'several rules in order, all five methods, empty-string values': {
    rules: [
      { id: 'first', allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: [''], exposeHeaders: [], maxAgeSeconds: 86400 },
      { id: '', allowedOrigins: ['https://b.example.com'], allowedMethods: ['HEAD'], allowedHeaders: [], exposeHeaders: ['Content-Length'] },
      { id: 'third', allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 2147483647 },
    ],
  },
  'numeric-looking values stay strings': {
    rules: [{ allowedOrigins: ['0123', '1e3'], allowedMethods: ['GET'], allowedHeaders: ['007'], exposeHeaders: [], maxAgeSeconds: 10 }],
  },
  'no rules': { rules: [] },
  'response vary on': {
    responseVary: true,
    rules: [{ allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }],
  },
  'response vary stated off': {
    responseVary: false,
    rules: [{ allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }],
  },
};

const CARRIES_IDS: DocumentFormat[] = ['s3-xml', 'aws-json', 'cos-xml', 'r2-json'];
const CARRIES_VARY: DocumentFormat[] = ['oss-xml', 'cos-xml'];

/** The part of `config` that `format` can carry: what the round-trip property is stated over. */
function carriable(config: CorsConfig, format: DocumentFormat): CorsConfig {
  const { responseVary, ...rest } = config;
  return {
    ...rest,
    ...(responseVary !== undefined && CARRIES_VARY.includes(format) ? { responseVary } : {}),
    rules: config.rules.map(({ id, ...rule }) => ({
      ...(id !== undefined && CARRIES_IDS.includes(format) ? { id } : {}),
      ...rule,
      ...(format === 'gcs-json' ? { exposeHeaders: rule.allowedHeaders } : {}),
    })),
  };
}

const CASES = DOCUMENT_FORMATS.flatMap((format) =>
  Object.entries(CONFIGS).map(([name, config]) => ({ format, name, config: carriable(config, format) })),
);

describe('round trip: parse(serialize(config)) gives config back', () => {
  it.each(CASES)('$format: $name', ({ format, config }) => {
    const text = serializeCorsDocument(config, format);
    const result = parseCorsDocument(text, format);

    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.config).toStrictEqual(config);
    expect(result.issues.filter((issue) => issue.code !== 'document.no-rules')).toEqual([]);
  });

  it.each(CASES)('$format: $name reports no conversion losses once reduced to what the format carries', ({ format, config }) => {
    expect(conversionLosses(config, format)).toEqual([]);
  });
});

describe('serialized text', () => {
  const rule = { id: 'r1', allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET' as const], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 };

  it('s3-xml has a declaration, the S3 namespace, two-space indentation and elements in S3 order', () => {
    expect(serializeCorsDocument({ rules: [{ ...rule, allowedOrigins: ['https://a.example.com/?a&b'] }] }, 's3-xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
        '  <CORSRule>',
        '    <ID>r1</ID>',
        '    <AllowedOrigin>https://a.example.com/?a&amp;b</AllowedOrigin>',
        '    <AllowedMethod>GET</AllowedMethod>',
        '    <AllowedHeader>*</AllowedHeader>',
        '    <ExposeHeader>ETag</ExposeHeader>',
        '    <MaxAgeSeconds>600</MaxAgeSeconds>',
        '  </CORSRule>',
        '</CORSConfiguration>',
        '',
      ].join('\n'),
    );
  });

  it('s3-xml escapes all five XML special characters', () => {
    const text = serializeCorsDocument({ rules: [{ ...rule, allowedHeaders: [`&<>"'`] }] }, 's3-xml');
    expect(text).toContain('<AllowedHeader>&amp;&lt;&gt;&quot;&apos;</AllowedHeader>');
  });

  it('oss-xml drops IDs and the namespace and writes ResponseVary after the rules', () => {
    const text = serializeCorsDocument({ rules: [rule], responseVary: true }, 'oss-xml');
    expect(text).not.toContain('<ID>');
    expect(text).toContain('<CORSConfiguration>\n');
    expect(text).toMatch(/<\/CORSRule>\n {2}<ResponseVary>true<\/ResponseVary>\n<\/CORSConfiguration>\n$/);
  });

  it('cos-xml keeps IDs and writes ResponseVary only when the config states it', () => {
    expect(serializeCorsDocument({ rules: [rule] }, 'cos-xml')).not.toContain('ResponseVary');
    expect(serializeCorsDocument({ rules: [rule], responseVary: false }, 'cos-xml')).toContain('<ID>r1</ID>');
    expect(serializeCorsDocument({ rules: [rule], responseVary: false }, 'cos-xml')).toContain('<ResponseVary>false</ResponseVary>');
  });

  it('aws-json is the CLI shape with optional keys only when set', () => {
    const text = serializeCorsDocument({ rules: [rule, { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, 'aws-json');
    expect(JSON.parse(text)).toEqual({
      CORSRules: [
        { ID: 'r1', AllowedOrigins: ['https://a.example.com'], AllowedMethods: ['GET'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 600 },
        { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
      ],
    });
    expect(text).toMatch(/^\{\n {2}"CORSRules": \[\n {4}\{\n {6}"ID": "r1",/);
  });

  it('r2-json nests origins, methods and headers under allowed', () => {
    expect(JSON.parse(serializeCorsDocument({ rules: [rule] }, 'r2-json'))).toEqual({
      rules: [{ id: 'r1', allowed: { origins: ['https://a.example.com'], methods: ['GET'], headers: ['*'] }, exposeHeaders: ['ETag'], maxAgeSeconds: 600 }],
    });
  });

  it('gcs-json is a bare list whose responseHeader joins allowed and exposed headers, first spelling kept', () => {
    const merged = { ...rule, allowedHeaders: ['Content-Type', 'etag'], exposeHeaders: ['ETag', 'x-goog-meta-a'] };
    expect(JSON.parse(serializeCorsDocument({ rules: [merged] }, 'gcs-json'))).toEqual([
      { origin: ['https://a.example.com'], method: ['GET'], responseHeader: ['Content-Type', 'etag', 'x-goog-meta-a'], maxAgeSeconds: 600 },
    ]);
  });
});
