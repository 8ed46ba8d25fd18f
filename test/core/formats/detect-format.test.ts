import { describe, expect, it } from 'vitest';
import { detectDocumentFormat, DOCUMENT_FORMATS, serializeCorsDocument, type CorsConfig, type Dialect, type DocumentFormat } from '../../../src/core';

const config: CorsConfig = {
  rules: [{ id: 'app', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }],
  responseVary: true,
};

// The dialect a document of each format most naturally comes with (OSS and COS XML differ from
// S3's only in ResponseVary and IDs, so their own buckets are where they are told apart).
const HOME: Record<DocumentFormat, Dialect> = { 's3-xml': 's3', 'aws-json': 's3', 'oss-xml': 'oss', 'cos-xml': 'cos', 'r2-json': 'r2', 'gcs-json': 's3' };

describe('detectDocumentFormat', () => {
  it.each(DOCUMENT_FORMATS)('recognises what the core writes as %s', (format) => {
    expect(detectDocumentFormat(serializeCorsDocument(config, format), HOME[format])).toBe(format);
  });

  it('tells OSS from COS XML by rule IDs on any bucket, and reads plain XML as the bucket provider\'s own', () => {
    expect(detectDocumentFormat(serializeCorsDocument(config, 'cos-xml'), 's3')).toBe('cos-xml');
    expect(detectDocumentFormat(serializeCorsDocument({ ...config, rules: [{ ...config.rules[0]!, id: undefined }] }, 'oss-xml'), 's3')).toBe('oss-xml');
    const plain = serializeCorsDocument({ rules: config.rules }, 's3-xml');
    expect(detectDocumentFormat(plain, 's3rver')).toBe('s3-xml');
    expect(detectDocumentFormat(plain, 'oss')).toBe('oss-xml');
  });

  it('reads the S3 console\'s bare list as AWS JSON, a GCS bucket resource as GCS, and broken JSON by its keys', () => {
    expect(detectDocumentFormat('[{"AllowedOrigins":["*"],"AllowedMethods":["GET"]}]', 's3')).toBe('aws-json');
    expect(detectDocumentFormat('{"cors":[{"origin":["*"],"method":["GET"]}]}', 's3')).toBe('gcs-json');
    expect(detectDocumentFormat('{"CORSRules": [ {"AllowedOrigins": ["*"],, } ]}', 's3')).toBe('aws-json');
    expect(detectDocumentFormat('{"rules": [ { "allowed": } ]}', 's3')).toBe('r2-json');
  });

  it('falls back on the file name, then on the provider\'s XML, for text that is neither', () => {
    expect(detectDocumentFormat('CORSRules', 's3', 'cors.json')).toBe('aws-json');
    expect(detectDocumentFormat('', 'cos')).toBe('cos-xml');
  });
});
