import {
  conversionLosses,
  documentFormatInfo,
  exportToCode,
  isDocumentFormat,
  serializeCorsDocument,
  type CodeParsers,
  type CorsConfig,
  type DocumentFormat,
  type ExportTarget,
  type Issue,
} from '../../../core';
import type { DownloadFile } from '../../lib/download';

const FILE_SUFFIX: Record<DocumentFormat, string> = {
  's3-xml': '-cors.xml',
  'aws-json': '-cors.json',
  'oss-xml': '-cors-oss.xml',
  'cos-xml': '-cors-cos.xml',
  'r2-json': '-cors-r2.json',
  'gcs-json': '-cors-gcs.json',
};

/** What the export dialog offers: a stored document format, or code (Terraform, CloudFormation, a CLI's file). */
export type ExportChoice = DocumentFormat | ExportTarget;

export interface ExportedDocument extends DownloadFile {
  /** What the format cannot carry of this configuration, said before the download. */
  losses: Issue[];
  /** For a CLI's file: the command that applies it. */
  command?: string;
}

export function exportDocument(config: CorsConfig, format: ExportChoice, bucket: string, parsers: CodeParsers = {}): ExportedDocument {
  if (!isDocumentFormat(format)) {
    const { fileName, text, mediaType, command, losses } = exportToCode(config, format, bucket, parsers);
    return { fileName, text, mimeType: mediaType, losses, ...(command !== undefined ? { command } : {}) };
  }
  return {
    fileName: `${bucket}${FILE_SUFFIX[format]}`,
    text: serializeCorsDocument(config, format),
    mimeType: documentFormatInfo(format).mediaType,
    losses: conversionLosses(config, format),
  };
}
