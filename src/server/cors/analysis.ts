import type { CorsState } from '../../contract/api';
import { storedDocumentIssues, validateConfig, validateSize, type CorsConfig, type Dialect, type Issue } from '../../core';
import type { StoredCors } from '../storage/adapter';
import { corsVersion } from './version';

/** What the console answers about a stored configuration: the configuration, its version and every issue. */
export function analyseStored({ config, raw }: StoredCors, dialect: Dialect): CorsState {
  const stored = raw ? storedDocumentIssues(raw, dialect) : [];
  return { config, raw, dialect, version: corsVersion(config), issues: [...stored, ...(config ? validateConfig(config, dialect) : [])] };
}

/** The issues that decide whether a save goes ahead: the size limits alone when they refuse it (cheap), else all. */
export function issuesForSave(config: CorsConfig, dialect: Dialect): Issue[] {
  const tooBig = validateSize(config, dialect);
  return tooBig.length ? tooBig : validateConfig(config, dialect);
}
