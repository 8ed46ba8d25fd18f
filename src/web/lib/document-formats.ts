import { serializeCorsDocument, type CorsConfig, type Dialect, type DocumentFormat } from '../../core';

// What the features that show, read or write CORS documents (the editor's raw view, import,
// export, bulk apply's previews) say about the core's formats.

export const FORMAT_LABELS: Record<DocumentFormat, string> = {
  's3-xml': 'S3 XML',
  'aws-json': 'AWS JSON',
  'oss-xml': 'OSS XML',
  'cos-xml': 'COS XML',
  'r2-json': 'R2 JSON',
  'gcs-json': 'GCS JSON',
};

export function carriesResponseVary(format: DocumentFormat): boolean {
  return format === 'oss-xml' || format === 'cos-xml';
}

/** The XML document the provider itself takes: what diffs are shown in. */
export function providerXmlFormat(dialect: Dialect): DocumentFormat {
  if (dialect === 'oss') return 'oss-xml';
  if (dialect === 'cos') return 'cos-xml';
  return 's3-xml';
}

/** The document for a configuration; no configuration at all is an empty document. */
export function documentText(config: CorsConfig | null, format: DocumentFormat): string {
  return config ? serializeCorsDocument(config, format) : '';
}
