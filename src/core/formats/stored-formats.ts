import { error } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig } from '../rule';
import { awsJson } from './aws-json';
import type { CorsDocumentResult, FormatCapabilities, FormatCodec } from './codec';
import { cosXml } from './cos-xml';
import { gcsJson } from './gcs-json';
import { lossesFor } from './losses';
import { ossXml } from './oss-xml';
import { r2Json } from './r2-json';
import { s3Xml } from './s3-xml';


/** The CORS document formats the console reads and writes. */
export const DOCUMENT_FORMATS = ['s3-xml', 'aws-json', 'oss-xml', 'cos-xml', 'r2-json', 'gcs-json'] as const;

/**
 * A CORS document format:
 * - `s3-xml`: S3 PutBucketCors `<CORSConfiguration>` (also MinIO, Ceph RGW, s3rver);
 * - `aws-json`: AWS CLI `{"CORSRules": [...]}` (reads the S3 console's bare list too);
 * - `oss-xml`, `cos-xml`: Alibaba OSS and Tencent COS XML, with `<ResponseVary>`;
 * - `r2-json`: Cloudflare R2 `{"rules": [...]}`;
 * - `gcs-json`: Google Cloud Storage CORS file (a bare list of entries).
 */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const CODECS: Record<DocumentFormat, FormatCodec> = {
  's3-xml': s3Xml,
  'aws-json': awsJson,
  'oss-xml': ossXml,
  'cos-xml': cosXml,
  'r2-json': r2Json,
  'gcs-json': gcsJson,
};

/** What the console says about a document format: its name, what it can carry, its media type. */
export interface DocumentFormatInfo {
  /** Human name, e.g. `S3 XML`. */
  label: string;
  carries: FormatCapabilities;
  mediaType: 'application/xml' | 'application/json';
}

/** The name, capabilities and media type of a document format. */
export function documentFormatInfo(format: DocumentFormat): DocumentFormatInfo {
  const { label, carries, mediaType } = CODECS[format];
  return { label, carries, mediaType };
}

/**
 * Reads a CORS document. Never throws: any problem comes back as issues, located by rule path and,
 * where known, 1-based line. Any error gives `ok: false`; warnings (unknown fields ignored, zero
 * rules) come with the config. Values are kept verbatim; only line-break indentation around XML
 * values is dropped. `responseVary` is set only when the document states it.
 */
export function parseCorsDocument(text: string, format: DocumentFormat): CorsDocumentResult {
  const codec: FormatCodec | undefined = Object.hasOwn(CODECS, format) ? CODECS[format] : undefined;
  if (!codec) return { ok: false, issues: [error('document.format', { format: String(format) }, [])] };
  try {
    return codec.parse(text);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, issues: [error('document.unreadable', { detail: reason }, [])] };
  }
}

/**
 * Writes a configuration as a document, dropping what the format cannot carry
 * (see `conversionLosses`). Reading the result back gives the same configuration otherwise.
 */
export function serializeCorsDocument(config: CorsConfig, format: DocumentFormat): string {
  return CODECS[format].serialize(config);
}

/**
 * Warnings for what writing `config` in `format` would lose: `responseVary` outside OSS/COS
 * (`conversion.response-vary-lost`), rule IDs in OSS and GCS (`conversion.rule-id-lost`), and
 * allowed/exposed headers that GCS's single `responseHeader` list merges (`conversion.headers-merged`).
 */
export function conversionLosses(config: CorsConfig, format: DocumentFormat): Issue[] {
  return lossesFor(config, CODECS[format]);
}
