import { serializeCorsDocument, type CorsConfig, type Dialect, type DocumentFormat } from '../../../core';

export const FORMAT_LABELS: Partial<Record<DocumentFormat, string>> = {
  's3-xml': 'S3 XML',
  'aws-json': 'AWS JSON',
  'oss-xml': 'OSS XML',
  'cos-xml': 'COS XML',
};

/** The formats the raw view offers: the provider's own XML first. */
export function editorFormats(dialect: Dialect): DocumentFormat[] {
  if (dialect === 'oss') return ['oss-xml', 's3-xml', 'aws-json'];
  if (dialect === 'cos') return ['cos-xml', 's3-xml', 'aws-json'];
  return ['s3-xml', 'aws-json'];
}

export function carriesResponseVary(format: DocumentFormat): boolean {
  return format === 'oss-xml' || format === 'cos-xml';
}

/** The document for a configuration; no configuration at all is an empty document. */
export function documentText(config: CorsConfig | null, format: DocumentFormat): string {
  return config ? serializeCorsDocument(config, format) : '';
}
