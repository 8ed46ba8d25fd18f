import { conversionLosses, documentFormatInfo, serializeCorsDocument, type CorsConfig, type DocumentFormat, type Issue } from '../../../core';
import type { DownloadFile } from '../../lib/download';

const FILE_SUFFIX: Record<DocumentFormat, string> = {
  's3-xml': '-cors.xml',
  'aws-json': '-cors.json',
  'oss-xml': '-cors-oss.xml',
  'cos-xml': '-cors-cos.xml',
  'r2-json': '-cors-r2.json',
  'gcs-json': '-cors-gcs.json',
};

export interface ExportedDocument extends DownloadFile {
  /** What the format cannot carry of this configuration, said before the download. */
  losses: Issue[];
}

export function exportDocument(config: CorsConfig, format: DocumentFormat, bucket: string): ExportedDocument {
  return {
    fileName: `${bucket}${FILE_SUFFIX[format]}`,
    text: serializeCorsDocument(config, format),
    mimeType: documentFormatInfo(format).mediaType,
    losses: conversionLosses(config, format),
  };
}
