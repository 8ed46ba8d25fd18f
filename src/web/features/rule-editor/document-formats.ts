import type { Dialect, DocumentFormat } from '../../../core';

/** The formats the raw view offers: the provider's own XML first. */
export function editorFormats(dialect: Dialect): DocumentFormat[] {
  if (dialect === 'oss') return ['oss-xml', 's3-xml', 'aws-json'];
  if (dialect === 'cos') return ['cos-xml', 's3-xml', 'aws-json'];
  return ['s3-xml', 'aws-json'];
}
