import { dialectProfile, type Dialect } from '../dialects';
import type { DocumentFormat } from './stored-formats';

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key);
}

const GCS_ENTRY_KEYS = ['origin', 'method', 'responseHeader'];

function jsonFormat(value: unknown): DocumentFormat {
  if (Array.isArray(value)) {
    // A bare list is the S3 console's list of rules or a GCS CORS file; the keys tell them apart.
    return value.some((entry) => GCS_ENTRY_KEYS.some((key) => hasKey(entry, key))) ? 'gcs-json' : 'aws-json';
  }
  if (hasKey(value, 'CORSRules') || hasKey(value, 'CORSConfiguration')) return 'aws-json';
  if (hasKey(value, 'rules') || hasKey(value, 'result')) return 'r2-json';
  if (hasKey(value, 'cors')) return 'gcs-json';
  return 'aws-json';
}

function xmlFormat(text: string, dialect: Dialect): DocumentFormat {
  const native = dialectProfile(dialect).documents.native;
  if (!/<ResponseVary[\s>]/.test(text)) return native;
  // Only OSS and COS write ResponseVary; of the two, only COS rules carry an ID. Without IDs, the
  // bucket's own XML decides when it is one of them.
  if (/<ID[\s>]/.test(text)) return 'cos-xml';
  return native === 'cos-xml' ? 'cos-xml' : 'oss-xml';
}

/**
 * The format a document is most likely in, from its shape (and the file name when the text says
 * nothing); plain S3-style XML is read as the dialect's own document. A guess: an import dialog
 * shows it and lets the user pick another. Shapes are matched on the text, not parsed, so broken
 * documents still get the format whose reader can say what is wrong with them.
 */
export function detectDocumentFormat(text: string, dialect: Dialect, fileName?: string): DocumentFormat {
  const start = text.trimStart();
  if (start.startsWith('<')) return xmlFormat(start, dialect);
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      return jsonFormat(JSON.parse(start));
    } catch {
      // Broken JSON still names its shape in its keys; the parser then reports the syntax error.
      if (/"CORSRules"/.test(start)) return 'aws-json';
      if (/"rules"/.test(start)) return 'r2-json';
      if (/"(origin|responseHeader)"/.test(start)) return 'gcs-json';
      return 'aws-json';
    }
  }
  if (fileName?.toLowerCase().endsWith('.json')) return 'aws-json';
  return dialectProfile(dialect).documents.native;
}
