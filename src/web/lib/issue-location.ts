import type { Issue } from '../../core';
import { webText } from './i18n/feature-text';

export const RULE_FIELDS = ['id', 'allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders', 'maxAgeSeconds'] as const;
/** A rule field as the core names it in issue paths. */
export type RuleField = (typeof RULE_FIELDS)[number];

/** The field names people see, as the rule cards label them, read in the active locale (getters). */
export const RULE_FIELD_LABELS: Readonly<Record<RuleField, string>> = {
  /** A token, the same in every language. */
  id: 'ID',
  get allowedOrigins() {
    return webText('rule-field.allowed-origins');
  },
  get allowedMethods() {
    return webText('rule-field.allowed-methods');
  },
  get allowedHeaders() {
    return webText('rule-field.allowed-headers');
  },
  get exposeHeaders() {
    return webText('rule-field.expose-headers');
  },
  get maxAgeSeconds() {
    return webText('rule-field.max-age');
  },
};

function isRuleField(value: unknown): value is RuleField {
  return (RULE_FIELDS as readonly unknown[]).includes(value);
}

export interface IssueLocation {
  rule?: number;
  field?: RuleField;
  item?: number;
}

/** `['rules', 1, 'allowedOrigins', 0]` → rule 1, its origins, the first origin. */
export function locateIssue(issue: Issue): IssueLocation {
  const [root, rule, field, item] = issue.path;
  if (root !== 'rules' || typeof rule !== 'number') return {};
  if (!isRuleField(field)) return { rule };
  return typeof item === 'number' ? { rule, field, item } : { rule, field };
}

/**
 * Where an issue is, for a list outside the rule cards: `Rule 2 · Allowed origins`, `Rule 2`,
 * plus `line 14` when it was found in a document's text; empty for the whole document.
 */
export function issueWhere(issue: Issue): string {
  const { rule, field } = locateIssue(issue);
  const parts = [
    ...(rule !== undefined ? [webText('issue-location.rule', { rule: rule + 1 })] : []),
    ...(field !== undefined ? [RULE_FIELD_LABELS[field]] : []),
    ...(issue.line !== undefined ? [webText('issue-location.line', { line: issue.line })] : []),
  ];
  return parts.join(' · ');
}
