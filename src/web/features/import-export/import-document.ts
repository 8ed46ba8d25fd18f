import { documentFormatInfo, parseCorsDocument, validateConfig, type CorsConfig, type Dialect, type DocumentFormat, type Issue } from '../../../core';

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
 * Reads an imported document as the draft's replacement. A format without ResponseVary says
 * nothing about it, so the draft's switch stays (as in the editor's raw view); validation is the
 * bucket's dialect's, so issues read as the editor will show them.
 */
export function readImportedDocument(text: string, format: DocumentFormat, dialect: Dialect, draft: CorsConfig | null): ImportReading {
  const parsed = parseCorsDocument(text, format);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const carriesVary = documentFormatInfo(format).carries.responseVary;
  const keptResponseVary = !carriesVary && draft?.responseVary === true;
  const vary = carriesVary ? parsed.config.responseVary === true : keptResponseVary;
  const config: CorsConfig = { rules: parsed.config.rules, ...(vary ? { responseVary: true } : {}) };
  return { ok: true, config, issues: [...parsed.issues, ...validateConfig(config, dialect)], keptResponseVary };
}

/** What a file may weigh: far above any provider's limit (S3: 64 KB), far below what would hang the page. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
