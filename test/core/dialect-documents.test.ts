import { describe, expect, it } from 'vitest';
import { DIALECTS, dialectProfile, DOCUMENT_FORMATS, documentFormatInfo } from '../../src/core';

describe('the documents of each dialect', () => {
  it.each(DIALECTS)('%s offers its native document first, and exports a format the core writes', (dialect) => {
    const { native, offered, exported } = dialectProfile(dialect).documents;
    expect(offered[0]).toBe(native);
    expect(DOCUMENT_FORMATS).toContain(exported);
  });

  it('gives OSS and COS their own XML, which alone carries ResponseVary, and R2 its JSON for export', () => {
    expect(DIALECTS.map((d) => [d, dialectProfile(d).documents.native])).toEqual([
      ['s3', 's3-xml'],
      ['oss', 'oss-xml'],
      ['cos', 'cos-xml'],
      ['rgw', 's3-xml'],
      ['minio', 's3-xml'],
      ['r2', 's3-xml'],
      ['s3rver', 's3-xml'],
    ]);
    expect(DOCUMENT_FORMATS.filter((f) => documentFormatInfo(f).carries.responseVary)).toEqual(['oss-xml', 'cos-xml']);
    expect(DIALECTS.filter((d) => dialectProfile(d).supportsResponseVary).every((d) => documentFormatInfo(dialectProfile(d).documents.native).carries.responseVary)).toBe(true);
    expect(dialectProfile('r2').documents.exported).toBe('r2-json');
    expect(dialectProfile('s3').documents.exported).toBe('aws-json');
  });

  it('labels each format and names its media type', () => {
    expect(DOCUMENT_FORMATS.map((f) => [documentFormatInfo(f).label, documentFormatInfo(f).mediaType])).toEqual([
      ['S3 XML', 'application/xml'],
      ['AWS JSON', 'application/json'],
      ['OSS XML', 'application/xml'],
      ['COS XML', 'application/xml'],
      ['R2 JSON', 'application/json'],
      ['GCS JSON', 'application/json'],
    ]);
  });
});
