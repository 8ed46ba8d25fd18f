import { isDocumentFormat, documentFormatInfo, parseSourceDocument, validateConfig, type CodeParsers, type CorsConfig, type Dialect, type Issue, type SourceFormat } from '../../../core';

/** A document read for the draft: the configuration it stands for, or the errors that stop it. */
export type ImportReading =
  | { ok: false; issues: Issue[] }
  | {
      ok: true;
      config: CorsConfig;
      /** The reader's warnings, then what this bucket's provider would say about the result. */
      issues: Issue[];
      /** The format cannot say ResponseVary, so the draft's switch was kept. */
      keptResponseVary: boolean;
    };

/**
 * Reads an imported document as the draft's replacement. A document that says nothing about
 * ResponseVary (a format without it, or Terraform without the argument) leaves the draft's switch
 * as it is (as in the editor's raw view); validation is the bucket's dialect's, so issues read as
 * the editor will show them. `parsers` must hold what `parsersFor(format)` names.
 */
export function readImportedDocument(text: string, format: SourceFormat, dialect: Dialect, draft: CorsConfig | null, parsers: CodeParsers = {}): ImportReading {
  const parsed = parseSourceDocument(text, format, parsers);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const carriesVary = isDocumentFormat(format) ? documentFormatInfo(format).carries.responseVary : parsed.config.responseVary !== undefined;
  const keptResponseVary = !carriesVary && draft?.responseVary === true;
  const vary = carriesVary ? parsed.config.responseVary === true : keptResponseVary;
  const config: CorsConfig = { rules: parsed.config.rules, ...(vary ? { responseVary: true } : {}) };
  return { ok: true, config, issues: [...parsed.issues, ...validateConfig(config, dialect)], keptResponseVary };
}

/** What a file may weigh: far above any provider's limit (S3: 64 KB), far below what would hang the page. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
