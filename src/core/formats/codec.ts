import type { Issue } from '../issues';
import type { CorsConfig } from '../rule';

/** Outcome of reading a document: a configuration (possibly with warnings), or the errors that stop it. */
export type CorsDocumentResult = { ok: true; config: CorsConfig; issues: Issue[] } | { ok: false; issues: Issue[] };

/** What a format can express beyond origins, methods, headers and max age. */
export interface FormatCapabilities {
  ruleIds: boolean;
  responseVary: boolean;
  /** False when one list serves as both allowed and exposed headers (GCS `responseHeader`). */
  separateHeaderLists: boolean;
}

/** One document format: how to read it, write it, and what it can carry. */
export interface FormatCodec {
  /** Human name for messages, e.g. `S3 XML`. */
  label: string;
  carries: FormatCapabilities;
  /** The media type of a file in this format. */
  mediaType: 'application/xml' | 'application/json';
  parse(text: string): CorsDocumentResult;
  serialize(config: CorsConfig): string;
}

/** Any error makes the document unusable: a config built around it would not mean what the text says. */
export function parseResult(config: CorsConfig, issues: Issue[]): CorsDocumentResult {
  return issues.some((issue) => issue.severity === 'error') ? { ok: false, issues } : { ok: true, config, issues };
}
