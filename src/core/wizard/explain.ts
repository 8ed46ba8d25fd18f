import type { RequestReason } from '../browser';
import type { Issue } from '../issues';
import type { BlockReason } from '../predict';
import type { CorsRule } from '../rule';

/**
 * Which part of a proposal an explanation is about: a rule field, where the rule goes
 * (`placement`), the set of rules as a whole (`rules`), or the request being fixed (`request`).
 */
export type ExplanationField = keyof CorsRule | 'placement' | 'rules' | 'request';

/** An (origin, method) pair two rules both answer. */
export interface SharedCell {
  origin: string;
  method: string;
}

/** Why a method is needed, by the operation that uses it. */
export type MethodPurpose = 'download' | 'head' | 'upload' | 'form-upload' | 'multipart-part' | 'multipart-start-end' | 'delete';

/** A rule as explanations name it. */
interface RuleAt {
  rule: number;
  ruleId?: string;
}

/** What a strictest fix adds to an existing rule. */
export type FixAddition = { field: 'origin' | 'method' | 'header' | 'expose'; value: string };

/** The change a strictest fix makes, as data. */
export type FixChange =
  | (RuleAt & { kind: 'extend-rule'; added: FixAddition[] })
  | { kind: 'insert-rule'; method: string; headers: string[]; origin: string; position: number };

/** The values each explanation code names, by code. */
export interface ExplanationParamsByCode {
  'loosest.id': { id: string };
  'loosest.no-id': { provider: string };
  'loosest.any-origin': Record<string, never>;
  'loosest.all-methods': { methods: string[] };
  'loosest.any-header': { provider: string };
  'loosest.expose': { header: string; purpose: 'etag' | 'version-id' | 'extended-request-id' | 'request-id'; provider: string };
  'loosest.no-expose-wildcard': { provider: string; rejects: boolean };
  'loosest.max-age': { seconds: number };
  'strictest.id': { id: string };
  'strictest.any-origin': Record<string, never>;
  /** `credentials`: the app sends them, so the origin is listed (and whether the provider adds Allow-Credentials). */
  'strictest.origin': { origin: string; pattern: boolean; credentials?: { provider: string; addsCredentials: boolean } };
  'strictest.method': { method: string; purpose: MethodPurpose };
  'strictest.header-family': { header: string };
  'strictest.header-any-value': { header: string };
  'strictest.header-forbidden': { header: string };
  'strictest.header-refused': { header: string; reasons: RequestReason[] };
  'strictest.header-safelisted': { header: string; value?: string };
  'strictest.header-unsafe': { header: string; reason: RequestReason };
  'strictest.no-headers': Record<string, never>;
  'strictest.expose-multipart': { header: string };
  'strictest.expose-read': { header: string };
  'strictest.expose-safelisted': { header: string };
  'strictest.expose-never': { header: string };
  'strictest.max-age-default': { seconds: number };
  'strictest.max-age-capped': { provider: string; max: number; asked: number };
  'strictest.max-age-asked': { seconds: number; chromiumCap?: number };
  'strictest.no-max-age': Record<string, never>;
  'strictest.merged-by-origin': { provider: string };
  'strictest.merged-by-limit': { target: number; provider: string; max: number | null };
  'strictest.several-rules': { count: number };
  'placement.last': { count: number };
  'placement.above': { count: number; position: number; blocking: number; blockingId?: string; cells: SharedCell[] };
  'placement.already-served': RuleAt & { cells: SharedCell[] };
  'placement.gives-way': RuleAt & { position: number; count: number; cells: SharedCell[] };
  /** The web app's insertion modes. */
  'placement.replace-draft': { count: number };
  'placement.replace-loosest': { rule: number };
  'fix.request': { block: FixBlock };
  'fix.origin-added': RuleAt & { origin: string };
  'fix.method-added': { method: string };
  'fix.header-added': { header: string; reason: RequestReason };
  'fix.expose-added': { header: string };
  'fix.credentials': { origin: string; provider: string };
  'fix.only-origin': { origin: string };
  'fix.only-method': { method: string };
  'fix.header-kept': RuleAt & { header: string; provider: string };
  'fix.expose-kept': RuleAt & { header: string; method: string; origin: string };
  'fix.max-age-kept': RuleAt & { seconds: number };
  'fix.rule-dead': RuleAt;
  /** `extra`: other sample requests the fix allows; `alternative`: the best other change, when one works. */
  'fix.chosen': { extra: number; alternative?: { change: FixChange; extra: number } };
}

export type ExplanationCode = keyof ExplanationParamsByCode;
export const EXPLANATION_CODES = [
  'loosest.id', 'loosest.no-id', 'loosest.any-origin', 'loosest.all-methods', 'loosest.any-header', 'loosest.expose',
  'loosest.no-expose-wildcard', 'loosest.max-age',
  'strictest.id', 'strictest.any-origin', 'strictest.origin', 'strictest.method', 'strictest.header-family',
  'strictest.header-any-value', 'strictest.header-forbidden', 'strictest.header-refused', 'strictest.header-safelisted',
  'strictest.header-unsafe', 'strictest.no-headers', 'strictest.expose-multipart', 'strictest.expose-read',
  'strictest.expose-safelisted', 'strictest.expose-never', 'strictest.max-age-default', 'strictest.max-age-capped',
  'strictest.max-age-asked', 'strictest.no-max-age', 'strictest.merged-by-origin', 'strictest.merged-by-limit',
  'strictest.several-rules',
  'placement.last', 'placement.above', 'placement.already-served', 'placement.gives-way', 'placement.replace-draft',
  'placement.replace-loosest',
  'fix.request', 'fix.origin-added', 'fix.method-added', 'fix.header-added', 'fix.expose-added', 'fix.credentials',
  'fix.only-origin', 'fix.only-method', 'fix.header-kept', 'fix.expose-kept', 'fix.max-age-kept', 'fix.rule-dead', 'fix.chosen',
] as const satisfies readonly ExplanationCode[];

/** Why the wizard chose something, as data the UI lists beside the proposal (the catalogue makes the sentence). */
export type Explanation = {
  [C in ExplanationCode]: {
    field: ExplanationField;
    /** The value the explanation is about (`PUT`, `ETag`, an origin), when it is about one. */
    value?: string;
    code: C;
    params: ExplanationParamsByCode[C];
  };
}[ExplanationCode];

/** Why a request still fails with a configuration: the browser blocks it, or script cannot read headers it needs. */
export type FixBlock = { kind: 'blocked'; blockedBy?: BlockReason } | { kind: 'unreadable'; headers: string[] };

/** The values each refusal of the wizard names, by code. */
export interface WizardErrorParamsByCode {
  'app.invalid': { issues: Issue[] };
  'placement.too-many-rules': { provider: string; max: number; count: number; adding: number };
  'fix.already-allowed': { method: string; origin: string; readable: string[] };
  'fix.refused-by-browser': { reasons: RequestReason[] };
  /** `lowerCase`: fetch() sends the method as written, not upper-cased. */
  'fix.method-not-allowable': { method: string; lowerCase: boolean };
  'fix.invalid-origin': { origin: string; issue: Issue };
  'fix.header-never-readable': { headers: string[] };
  /** `refusal`: why no rule could be inserted; `block`: why the last candidate failed; neither: every candidate broke requests that work. */
  'fix.not-possible': { provider: string; refusal?: WizardError; block?: FixBlock };
}

/** Stable codes of the wizard's refusals; the UI and tests key on them. */
export type WizardErrorCode = keyof WizardErrorParamsByCode;
export const WIZARD_ERROR_CODES = [
  'app.invalid', 'placement.too-many-rules', 'fix.already-allowed', 'fix.refused-by-browser',
  'fix.method-not-allowable', 'fix.invalid-origin', 'fix.header-never-readable', 'fix.not-possible',
] as const satisfies readonly WizardErrorCode[];

/** A refusal, as a value: the wizard never throws for bad input. */
export type WizardError = { [C in WizardErrorCode]: { code: C; params: WizardErrorParamsByCode[C] } }[WizardErrorCode];

export function explain<C extends ExplanationCode>(field: ExplanationField, code: C, params: ExplanationParamsByCode[C], value?: string): Explanation {
  return (value === undefined ? { field, code, params } : { field, value, code, params }) as Explanation;
}

/** A rule's index and ID, as explanation params name it. */
export function ruleAt(index: number, rule: Pick<CorsRule, 'id'>): RuleAt {
  return rule.id ? { rule: index, ruleId: rule.id } : { rule: index };
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
