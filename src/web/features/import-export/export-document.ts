import { conversionLosses, serializeCorsDocument, type CorsConfig, type Dialect, type DocumentFormat, type Issue } from '../../../core';
import type { DownloadFile } from '../../lib/download';

const FILE_SUFFIX: Record<DocumentFormat, string> = {
  's3-xml': '-cors.xml',
  'aws-json': '-cors.json',
  'oss-xml': '-cors-oss.xml',
  'cos-xml': '-cors-cos.xml',
  'r2-json': '-cors-r2.json',
  'gcs-json': '-cors-gcs.json',
};

/** The file people feed their provider's own tool: the AWS CLI's JSON unless the provider has its own. */
export function defaultExportFormat(dialect: Dialect): DocumentFormat {
  if (dialect === 'oss') return 'oss-xml';
  if (dialect === 'cos') return 'cos-xml';
  if (dialect === 'r2') return 'r2-json';
  return 'aws-json';
}

export interface ExportedDocument extends DownloadFile {
  /** What the format cannot carry of this configuration, said before the download. */
  losses: Issue[];
}

export function exportDocument(config: CorsConfig, format: DocumentFormat, bucket: string): ExportedDocument {
  const xml = format.endsWith('-xml');
  return {
    fileName: `${bucket}${FILE_SUFFIX[format]}`,
    text: serializeCorsDocument(config, format),
    mimeType: xml ? 'application/xml' : 'application/json',
    losses: conversionLosses(config, format),
  };
}
