import { issueMessage, issueText, type Issue } from '../../../core';
import { onLineText } from '../../lib/messages';
import { locateIssue, type RuleField } from '../../lib/issue-location';
import { isListField, listLines, type EditorFormValues, type RuleFormValues } from './rule-form';

const FORM_FIELDS: Record<RuleField, keyof RuleFormValues> = {
  id: 'ruleId',
  allowedOrigins: 'allowedOrigins',
  allowedMethods: 'allowedMethods',
  allowedHeaders: 'allowedHeaders',
  exposeHeaders: 'exposeHeaders',
  maxAgeSeconds: 'maxAgeSeconds',
};

/** The issue's message, prefixed with the text area line it concerns (`Line 2: …`) when it names one value. */
export function issueLineText(issue: Issue, values: EditorFormValues): string {
  return lineText(issue, (rule) => values.rules[rule]);
}

function lineText(issue: Issue, ruleValues: (rule: number) => RuleFormValues | undefined): string {
  const message = issueMessage(issue);
  const { rule, field, item } = locateIssue(issue);
  if (rule === undefined || item === undefined || !isListField(field)) return message;
  const line = listLines(ruleValues(rule)?.[field] ?? '')[item]?.line;
  return line === undefined ? message : onLineText(line, message);
}

export type RuleFieldName = `rules.${number}.${keyof RuleFormValues}`;

/** The react-hook-form field an issue belongs to, or undefined for the whole configuration. */
export function formFieldName(issue: Issue, ruleCount: number): RuleFieldName | undefined {
  const { rule, field } = locateIssue(issue);
  if (rule === undefined || field === undefined || rule >= ruleCount) return undefined;
  return `rules.${rule}.${FORM_FIELDS[field]}`;
}

/**
 * A shadowing warning is shown on both cards: the rule that loses requests (`loser`, where the
 * issue points) and each rule that takes them (`cause`); `other` is the card at the other end.
 */
export interface ShadowLink {
  role: 'cause' | 'loser';
  other: number;
}

export interface PlacedIssue {
  key: string;
  issue: Issue;
  text: string;
  hint?: string;
  link?: ShadowLink;
}

export interface RuleIssues {
  /** About the rule as a whole (shadowing). */
  rule: PlacedIssue[];
  fields: Partial<Record<RuleField, PlacedIssue[]>>;
}

export interface IssuePlacement {
  config: PlacedIssue[];
  rules: RuleIssues[];
  errorCount: number;
}

const bySeverity = (a: PlacedIssue, b: PlacedIssue) => Number(a.issue.severity === 'warning') - Number(b.issue.severity === 'warning');

/** Sorts issues to where the editor shows them: the whole configuration, a rule card, or one field of a card. */
export function placeIssues(issues: readonly Issue[], values: EditorFormValues): IssuePlacement {
  const rules: RuleIssues[] = values.rules.map(() => ({ rule: [], fields: {} }));
  const config: PlacedIssue[] = [];
  for (const placed of placedIssues(issues, (rule) => values.rules[rule])) {
    const { rule, field } = locateIssue(placed.issue);
    const target = rule === undefined ? undefined : rules[rule];
    const causes = rule === undefined ? [] : causesOf(placed.issue);
    if (!target) config.push(placed);
    else if (causes.length) {
      target.rule.push({ ...placed, link: { role: 'loser', other: causes[0]! } });
      for (const cause of causes) rules[cause]?.rule.push({ ...placed, key: `${placed.key}>${cause}`, link: { role: 'cause', other: rule! } });
    } else if (field === undefined) target.rule.push(placed);
    else (target.fields[field] ??= []).push(placed);
  }
  rules.forEach(sortRuleIssues);
  return { config: config.sort(bySeverity), rules, errorCount: issues.filter((i) => i.severity === 'error').length };
}

/**
 * Places one rule's own issues (`validateRuleAt`'s: about the rule or one of its fields, never
 * linking two rules) on its card, as the rule reads now (`ruleValues`).
 */
export function placeOwnIssues(issues: readonly Issue[], ruleValues: RuleFormValues): RuleIssues {
  const placedOnRule: RuleIssues = { rule: [], fields: {} };
  for (const placed of placedIssues(issues, () => ruleValues)) {
    const { field } = locateIssue(placed.issue);
    if (field === undefined) placedOnRule.rule.push(placed);
    else (placedOnRule.fields[field] ??= []).push(placed);
  }
  sortRuleIssues(placedOnRule);
  return placedOnRule;
}

/** A card's issues from two placements (its own and those across rules), each list errors first. */
export function mergeRuleIssues(a: RuleIssues, b: RuleIssues): RuleIssues {
  const fields: RuleIssues['fields'] = { ...a.fields };
  for (const [field, list] of Object.entries(b.fields) as [RuleField, PlacedIssue[]][]) fields[field] = [...(fields[field] ?? []), ...list];
  const merged = { rule: [...a.rule, ...b.rule], fields };
  sortRuleIssues(merged);
  return merged;
}

/**
 * Each issue with its text and a key that names it by code and path, not by position in the list,
 * so one rule's issues keep their keys when another rule's come and go (cards re-render only when
 * theirs change).
 */
function placedIssues(issues: readonly Issue[], ruleValues: (rule: number) => RuleFormValues | undefined): PlacedIssue[] {
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const base = `${issue.code}@${issue.path.join('.')}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const hint = issueText(issue).hint;
    return { key: `${base}#${occurrence}`, issue, text: lineText(issue, ruleValues), ...(hint ? { hint } : {}) };
  });
}

function sortRuleIssues(rule: RuleIssues): void {
  rule.rule.sort(bySeverity);
  for (const list of Object.values(rule.fields)) list.sort(bySeverity);
}

const SHADOW_CODES: readonly string[] = ['rule.never-matches', 'rule.shadowed'];

/** For a shadowing warning, the 0-based indexes of the earlier rules that take the requests. */
export function causesOf(issue: Issue): number[] {
  return SHADOW_CODES.includes(issue.code) ? [...new Set(issue.relatedRules ?? [])] : [];
}

/**
 * A new rule's issues before its fields are touched: its errors wait for a touch or a Save (a red
 * mark on a rule not yet typed in says nothing), while Save stays blocked by them (editor-schema.ts).
 */
export function withoutUntouchedErrors(issues: RuleIssues, isTouched: (field: keyof RuleFormValues) => boolean): RuleIssues {
  const warningsOnly = (list: readonly PlacedIssue[]) => list.filter((placed) => placed.issue.severity !== 'error');
  const fields: RuleIssues['fields'] = {};
  for (const [field, list] of Object.entries(issues.fields) as [RuleField, PlacedIssue[]][]) fields[field] = isTouched(FORM_FIELDS[field]) ? list : warningsOnly(list);
  return { rule: Object.values(FORM_FIELDS).some(isTouched) ? issues.rule : warningsOnly(issues.rule), fields };
}
