import { parseCorsDocument, type DocumentFormat } from '../../core';
import type { StoredCors } from './adapter';
import { fail, ok, type OperationFailure, type Result } from './result';

// What the adapters read from their SDKs: fields of what the SDKs throw, and the provider's own
// CORS document, kept verbatim.

/** Any field of a thrown value (`$metadata`), if it is an object that has one. */
export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

/** A string field of a thrown value (SDK errors carry `code`, `message`, ...), if it has one. */
export function textOf(value: unknown, key: string): string | undefined {
  const found = fieldOf(value, key);
  return typeof found === 'string' ? found : undefined;
}

/** A number field of a thrown value (`status`, `statusCode`), if it has one. */
export function numberOf(value: unknown, key: string): number | undefined {
  const found = fieldOf(value, key);
  return typeof found === 'number' ? found : undefined;
}

/**
 * The largest stored CORS document the console reads. Providers take at most 64 KiB (S3, COS) but
 * s3rver stores any size: 10,000 one-origin rules are about 2.6 MB; 200,000 are over 50 MB, whose
 * reading, analysis and answer would hold the console for minutes.
 */
export const MAX_CORS_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** The refusal of a stored document over `MAX_CORS_DOCUMENT_BYTES`, before it is parsed. */
export function corsDocumentTooLarge(bytes?: number): Result<never, OperationFailure> {
  return fail({ code: 'provider-error', params: { reason: 'cors-document-too-large', maxBytes: MAX_CORS_DOCUMENT_BYTES, ...(bytes === undefined ? {} : { bytes }) } });
}

/**
 * The rules of a stored document the adapter left unread (`StoredCors.unread`), counted without
 * parsing it: its `<CORSRule>` start tags (with or without a namespace prefix).
 */
export function unreadRuleCount(raw: string): number {
  return raw.match(/<(?:[\w.-]+:)?CORSRule[\s/>]/g)?.length ?? 0;
}

/** A GET ?cors body as the console keeps it: parsed, and the document verbatim. */
export function storedCorsFrom(body: unknown, format: DocumentFormat): Result<StoredCors, OperationFailure> {
  const raw = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
  if (raw.length > MAX_CORS_DOCUMENT_BYTES) return corsDocumentTooLarge(Buffer.byteLength(raw));
  const parsed = parseCorsDocument(raw, format);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return fail({ code: 'provider-error', params: { reason: 'unreadable-cors-document', ...(first ? { first } : {}) } });
  }
  return ok({ config: parsed.config, raw });
}
