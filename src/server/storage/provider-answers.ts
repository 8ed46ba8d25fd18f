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

/** A GET ?cors body as the console keeps it: parsed, and the document verbatim. */
export function storedCorsFrom(body: unknown, format: DocumentFormat): Result<StoredCors, OperationFailure> {
  const raw = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
  const parsed = parseCorsDocument(raw, format);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return fail({ code: 'provider-error', params: { reason: 'unreadable-cors-document', ...(first ? { first } : {}) } });
  }
  return ok({ config: parsed.config, raw });
}
