import type { CorsState } from '../../contract/api';
import { isStoredDocumentIssue, parseCorsDocument, storedDocumentIssues, validateConfig, validateSize, type CorsConfig, type Dialect, type Issue } from '../../core';
import type { SerializedAnswer } from '../http/register';
import type { StoredCors } from '../storage/adapter';
import type { StateAnswer } from './cors-analyst';
import { corsVersion } from './version';

/** A stored document read, or why it cannot be (the parser's first issue). */
export type Analysed<T> = { ok: true; value: T } | { ok: false; first?: Issue };

/** The configuration of what a provider holds, with the stored document's own issues. */
function readStored(stored: StoredCors, dialect: Dialect): Analysed<{ config: CorsConfig | null; storedIssues: Issue[] }> {
  const { raw, unread } = stored;
  if (raw === null) return { ok: true, value: { config: stored.config, storedIssues: [] } };
  if (unread === undefined) return { ok: true, value: { config: stored.config, storedIssues: storedDocumentIssues(raw, dialect) } };
  // A document the adapter left unread: the core's reading is the configuration, and one parse
  // gives both it and the stored document's issues.
  const parsed = parseCorsDocument(raw, unread);
  if (!parsed.ok) return { ok: false, ...(parsed.issues[0] ? { first: parsed.issues[0] } : {}) };
  return { ok: true, value: { config: parsed.config.rules.length ? parsed.config : null, storedIssues: parsed.issues.filter(isStoredDocumentIssue) } };
}

/** What the console answers about a stored configuration: the configuration, its version and every issue. */
export function analyseStored(stored: StoredCors, dialect: Dialect): Analysed<CorsState> {
  const read = readStored(stored, dialect);
  if (!read.ok) return read;
  const { config, storedIssues } = read.value;
  return { ok: true, value: { config, raw: stored.raw, dialect, version: corsVersion(config), issues: [...storedIssues, ...(config ? validateConfig(config, dialect) : [])] } };
}

/** `analyseStored` as the UTF-8 JSON of the API's answer, and its version. */
export function analyseStoredAnswer(stored: StoredCors, dialect: Dialect): Analysed<StateAnswer> {
  const analysed = analyseStored(stored, dialect);
  if (!analysed.ok) return analysed;
  return { ok: true, value: { json: new TextEncoder().encode(JSON.stringify(analysed.value)) as SerializedAnswer<CorsState>, version: analysed.value.version } };
}

/** The version of a stored configuration alone, for the guard of a write. */
export function storedVersion(stored: StoredCors, dialect: Dialect): Analysed<string> {
  if (stored.unread === undefined) return { ok: true, value: corsVersion(stored.config) };
  const read = readStored(stored, dialect);
  return read.ok ? { ok: true, value: corsVersion(read.value.config) } : read;
}

/** The issues that decide whether a save goes ahead: the size limits alone when they refuse it (cheap), else all. */
export function issuesForSave(config: CorsConfig, dialect: Dialect): Issue[] {
  const tooBig = validateSize(config, dialect);
  return tooBig.length ? tooBig : validateConfig(config, dialect);
}
