import { describe, expect, it } from 'vitest';
import { parseCorsDocument } from '../../../src/core/formats';
import type { DocumentFormat } from '../../../src/core/formats';
import type { CorsConfig } from '../../../src/core/rule';

// Documents in the shapes each provider's docs and tools use, written for these tests.

const S3_XML_BODY = `
  <CORSRule>
    <AllowedOrigin>https://shop.example.com</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
  <CORSRule>
    <ID>read-only</ID>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <ExposeHeader>x-amz-version-id</ExposeHeader>
    <ExposeHeader>x-amz-request-id</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
`;

const S3_CONFIG: CorsConfig = {
  rules: [
    { allowedOrigins: ['https://shop.example.com'], allowedMethods: ['PUT', 'POST', 'DELETE'], allowedHeaders: ['*'], exposeHeaders: [] },
    {
      id: 'read-only',
      allowedOrigins: ['*'],
      allowedMethods: ['GET'],
      allowedHeaders: [],
      exposeHeaders: ['x-amz-version-id', 'x-amz-request-id'],
      maxAgeSeconds: 3000,
    },
  ],
};

const OSS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration>
    <CORSRule>
      <AllowedOrigin>*</AllowedOrigin>
      <AllowedMethod>PUT</AllowedMethod>
      <AllowedMethod>GET</AllowedMethod>
      <AllowedHeader>Authorization</AllowedHeader>
    </CORSRule>
    <CORSRule>
      <AllowedOrigin>https://cdn.example.org</AllowedOrigin>
      <AllowedOrigin>https://static.example.org</AllowedOrigin>
      <AllowedMethod>GET</AllowedMethod>
      <AllowedHeader>Authorization</AllowedHeader>
      <ExposeHeader>x-oss-request-id</ExposeHeader>
      <ExposeHeader>x-oss-hash-crc64ecma</ExposeHeader>
      <MaxAgeSeconds>100</MaxAgeSeconds>
    </CORSRule>
    <ResponseVary>false</ResponseVary>
</CORSConfiguration>`;

const COS_XML = `<CORSConfiguration>
  <CORSRule>
    <ID>upload-rule</ID>
    <AllowedOrigin>https://www.example.cn</AllowedOrigin>
    <AllowedOrigin>https://*.example.cn</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>x-cos-meta-author</AllowedHeader>
    <AllowedHeader>x-cos-storage-class</AllowedHeader>
    <ExposeHeader>x-cos-request-id</ExposeHeader>
    <MaxAgeSeconds>500</MaxAgeSeconds>
  </CORSRule>
  <ResponseVary>true</ResponseVary>
</CORSConfiguration>`;

const AWS_CONSOLE_JSON = `[
    {
        "AllowedHeaders": ["*"],
        "AllowedMethods": ["PUT", "POST", "DELETE"],
        "AllowedOrigins": ["https://shop.example.com"],
        "ExposeHeaders": []
    },
    {
        "AllowedHeaders": [],
        "AllowedMethods": ["GET"],
        "AllowedOrigins": ["*"],
        "ExposeHeaders": ["x-amz-version-id", "x-amz-request-id"],
        "ID": "read-only",
        "MaxAgeSeconds": 3000
    }
]`;

const AWS_CLI_JSON = `{
  "CORSRules": [
    { "AllowedOrigins": ["https://shop.example.com"], "AllowedHeaders": ["*"], "AllowedMethods": ["PUT", "POST", "DELETE"] },
    { "ID": "read-only", "AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "MaxAgeSeconds": 3000,
      "ExposeHeaders": ["x-amz-version-id", "x-amz-request-id"] }
  ]
}`;

const R2_JSON = `{
  "rules": [
    {
      "allowed": {
        "origins": ["http://localhost:3000"],
        "methods": ["GET"]
      }
    },
    {
      "id": "Allow uploads",
      "allowed": {
        "origins": ["https://app.example.com"],
        "methods": ["GET", "PUT"],
        "headers": ["Content-Type"]
      },
      "exposeHeaders": ["ETag"],
      "maxAgeSeconds": 3600
    }
  ]
}`;

const R2_CONFIG: CorsConfig = {
  rules: [
    { allowedOrigins: ['http://localhost:3000'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
    { id: 'Allow uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag'], maxAgeSeconds: 3600 },
  ],
};

const GCS_JSON = `[
    {
      "origin": ["https://photos.example.dev"],
      "method": ["GET"],
      "responseHeader": ["Content-Type"],
      "maxAgeSeconds": 3600
    }
]`;

const GCS_CONFIG: CorsConfig = {
  rules: [{ allowedOrigins: ['https://photos.example.dev'], allowedMethods: ['GET'], allowedHeaders: ['Content-Type'], exposeHeaders: ['Content-Type'], maxAgeSeconds: 3600 }],
};

interface Sample {
  name: string;
  format: DocumentFormat;
  text: string;
  config: CorsConfig;
}

const SAMPLES: Sample[] = [
  {
    name: 'S3 XML with declaration and xmlns',
    format: 's3-xml',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${S3_XML_BODY}</CORSConfiguration>`,
    config: S3_CONFIG,
  },
  { name: 'S3 XML without namespace or declaration', format: 's3-xml', text: `<CORSConfiguration>${S3_XML_BODY}</CORSConfiguration>`, config: S3_CONFIG },
  {
    name: 'S3 XML with a namespace prefix, CRLF line ends and a BOM',
    format: 's3-xml',
    text: `\uFEFF<s3:CORSConfiguration xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/">${S3_XML_BODY.replaceAll('<', '<s3:').replaceAll('<s3:/', '</s3:')}</s3:CORSConfiguration>`.replaceAll('\n', '\r\n'),
    config: S3_CONFIG,
  },
  {
    name: 'S3 XML on one line, as GetBucketCors returns it',
    format: 's3-xml',
    text: `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${S3_XML_BODY.replace(/\n\s*/g, '')}</CORSConfiguration>`,
    config: S3_CONFIG,
  },
  { name: 'S3 console JSON (bare list of rules)', format: 'aws-json', text: AWS_CONSOLE_JSON, config: S3_CONFIG },
  { name: 'AWS CLI JSON', format: 'aws-json', text: AWS_CLI_JSON, config: S3_CONFIG },
  { name: 'AWS JSON wrapped in CORSConfiguration', format: 'aws-json', text: `{"CORSConfiguration": ${AWS_CLI_JSON}}`, config: S3_CONFIG },
  {
    name: 'OSS XML with ResponseVary',
    format: 'oss-xml',
    text: OSS_XML,
    config: {
      responseVary: false,
      rules: [
        { allowedOrigins: ['*'], allowedMethods: ['PUT', 'GET'], allowedHeaders: ['Authorization'], exposeHeaders: [] },
        {
          allowedOrigins: ['https://cdn.example.org', 'https://static.example.org'],
          allowedMethods: ['GET'],
          allowedHeaders: ['Authorization'],
          exposeHeaders: ['x-oss-request-id', 'x-oss-hash-crc64ecma'],
          maxAgeSeconds: 100,
        },
      ],
    },
  },
  {
    name: 'COS XML with ID and ResponseVary',
    format: 'cos-xml',
    text: COS_XML,
    config: {
      responseVary: true,
      rules: [
        {
          id: 'upload-rule',
          allowedOrigins: ['https://www.example.cn', 'https://*.example.cn'],
          allowedMethods: ['PUT', 'GET'],
          allowedHeaders: ['x-cos-meta-author', 'x-cos-storage-class'],
          exposeHeaders: ['x-cos-request-id'],
          maxAgeSeconds: 500,
        },
      ],
    },
  },
  { name: 'R2 JSON policy', format: 'r2-json', text: R2_JSON, config: R2_CONFIG },
  {
    name: 'R2 API response envelope',
    format: 'r2-json',
    text: `{"success": true, "errors": [], "messages": [], "result": ${R2_JSON}}`,
    config: R2_CONFIG,
  },
  { name: 'gcloud CORS file', format: 'gcs-json', text: GCS_JSON, config: GCS_CONFIG },
  { name: 'GCS bucket resource cors field', format: 'gcs-json', text: `{"cors": ${GCS_JSON}}`, config: GCS_CONFIG },
];

describe('parsing real-world documents', () => {
  it.each(SAMPLES)('reads $name', ({ text, format, config }) => {
    expect(parseCorsDocument(text, format)).toStrictEqual({ ok: true, config, issues: [] });
  });
});

describe('XML values', () => {
  const wrap = (origin: string) =>
    `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;
  const originOf = (text: string) => {
    const result = parseCorsDocument(text, 's3-xml');
    return result.ok ? result.config.rules[0]?.allowedOrigins[0] : result.issues;
  };

  it.each([
    { what: 'pretty-printing indentation around a value is dropped', xml: '\n      https://a.example.com\n    ', value: 'https://a.example.com' },
    { what: 'spaces on the same line are kept, as providers store them', xml: ' https://a.example.com ', value: ' https://a.example.com ' },
    { what: 'named entities are decoded', xml: 'a&amp;b&lt;c&gt;d&quot;e&apos;f', value: `a&b<c>d"e'f` },
    { what: 'numeric references are decoded', xml: 'a&#38;b&#x3C;c', value: 'a&b<c' },
    { what: 'CDATA is taken literally', xml: '<![CDATA[a&amp;<b>]]>', value: 'a&amp;<b>' },
    { what: 'text around CDATA and comments is joined', xml: 'a<![CDATA[<b>]]>c<!-- note -->d', value: 'a<b>cd' },
    { what: 'a number-like value stays a string', xml: '007', value: '007' },
    { what: 'an empty element is an empty string', xml: '', value: '' },
  ])('$what', ({ xml, value }) => {
    expect(originOf(wrap(xml))).toBe(value);
  });

  it('reads MaxAgeSeconds with surrounding spaces as a number', () => {
    const result = parseCorsDocument(wrap('*').replace('</CORSRule>', '<MaxAgeSeconds> 60 </MaxAgeSeconds></CORSRule>'), 's3-xml');
    expect(result.ok && result.config.rules[0]?.maxAgeSeconds).toBe(60);
  });

  it('accepts rule elements in any order', () => {
    const text = '<CORSConfiguration><CORSRule><MaxAgeSeconds>5</MaxAgeSeconds><AllowedMethod>GET</AllowedMethod><ID>x</ID><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>';
    expect(parseCorsDocument(text, 's3-xml')).toStrictEqual({
      ok: true,
      issues: [],
      config: { rules: [{ id: 'x', allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 5 }] },
    });
  });
});

describe('documents without rules parse to an empty config with a warning', () => {
  it.each<{ format: DocumentFormat; text: string }>([
    { format: 's3-xml', text: '<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>' },
    { format: 'oss-xml', text: '<CORSConfiguration>\n</CORSConfiguration>' },
    { format: 'aws-json', text: '{"CORSRules": []}' },
    { format: 'aws-json', text: '[]' },
    { format: 'r2-json', text: '{"rules": []}' },
    { format: 'gcs-json', text: '[]' },
  ])('$format: $text', ({ format, text }) => {
    expect(parseCorsDocument(text, format)).toMatchObject({ ok: true, config: { rules: [] }, issues: [{ severity: 'warning', code: 'document.no-rules', path: ['rules'] }] });
  });

  it('keeps ResponseVary when an OSS document has no rules', () => {
    expect(parseCorsDocument('<CORSConfiguration><ResponseVary>true</ResponseVary></CORSConfiguration>', 'oss-xml')).toMatchObject({
      ok: true,
      config: { rules: [], responseVary: true },
    });
  });
});

describe('responseVary is present only when the document states it', () => {
  it.each<DocumentFormat>(['s3-xml', 'oss-xml', 'cos-xml'])('%s without ResponseVary has no responseVary key', (format) => {
    const result = parseCorsDocument('<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>', format);
    expect(result.ok && Object.keys(result.config)).toEqual(['rules']);
  });
});
