import type { CorsRule } from '../rule';

/**
 * Which part of a proposal an explanation is about: a rule field, where the rule goes
 * (`placement`), the set of rules as a whole (`rules`), or the request being fixed (`request`).
 */
export type ExplanationField = keyof CorsRule | 'placement' | 'rules' | 'request';

/** Why the wizard chose something, as data the UI lists beside the proposal. */
export interface Explanation {
  field: ExplanationField;
  /** The value the sentence is about (`PUT`, `ETag`, an origin), when it is about one. */
  value?: string;
  message: string;
}

/** Stable codes of the wizard's refusals; the UI and tests key on them. */
export type WizardErrorCode =
  | 'app.invalid'
  | 'placement.too-many-rules'
  | 'fix.already-allowed'
  | 'fix.refused-by-browser'
  | 'fix.method-not-allowable'
  | 'fix.invalid-origin'
  | 'fix.header-never-readable'
  | 'fix.not-possible';

/** A refusal, as a value: the wizard never throws for bad input. */
export interface WizardError {
  code: WizardErrorCode;
  message: string;
}

export function explain(field: ExplanationField, message: string, value?: string): Explanation {
  return value === undefined ? { field, message } : { field, value, message };
}

/** `Rule 2 (uploads)`: the 1-based name people see. */
export function ruleName(index: number, rule: Pick<CorsRule, 'id'>): string {
  return `rule ${index + 1}${rule.id ? ` (${rule.id})` : ''}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Case-insensitive membership for header names. */
export function hasHeader(list: readonly string[], name: string): boolean {
  const wanted = name.toLowerCase();
  return list.some((item) => item.toLowerCase() === wanted);
}

/** `ETag` is spelt as providers and SDK error messages spell it; other names keep the caller's case. */
export function exposeSpelling(name: string): string {
  return name.toLowerCase() === 'etag' ? 'ETag' : name;
}
