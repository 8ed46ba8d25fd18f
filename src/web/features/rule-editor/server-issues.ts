import type { ErrorOption, FieldError, FieldErrors } from 'react-hook-form';
import type { Issue } from '../../../core';
import { RULE_FIELDS, type RuleField } from '../../lib/issue-location';
import { formFieldName, issueLineText, type RuleFieldName } from './issue-placement';
import type { EditorFormValues } from './rule-form';

/** Where the server's refusal goes in the form: each error issue at its field (all texts kept), the rest at the root. */
export function serverIssueErrors(issues: readonly Issue[], values: EditorFormValues): { fields: [RuleFieldName, ErrorOption][]; root: ErrorOption | undefined } {
  const byField = new Map<RuleFieldName, string[]>();
  const general: string[] = [];
  for (const issue of issues.filter((i) => i.severity === 'error')) {
    const name = formFieldName(issue, values.rules.length);
    const text = issueLineText(issue, values);
    if (name) byField.set(name, [...(byField.get(name) ?? []), text]);
    else general.push(text);
  }
  return {
    fields: [...byField].map(([name, texts]) => [name, { type: 'server', message: texts[0], types: Object.fromEntries(texts.map((text, k) => [`server-${k}`, text])) }]),
    root: general.length ? { type: 'server', message: general.join(' ') } : undefined,
  };
}

function serverMessages(error: FieldError | undefined): string[] {
  if (error?.type !== 'server') return [];
  const types = Object.values(error.types ?? {}).flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []));
  return types.length ? types : error.message ? [error.message] : [];
}

/** The server's messages for each field of rule `index`, as `serverIssueErrors` placed them. */
export function ruleServerMessages(errors: FieldErrors<EditorFormValues>, index: number): Partial<Record<RuleField, string[]>> {
  const ruleErrors = errors.rules?.[index];
  if (!ruleErrors) return {};
  const fieldErrors: Record<RuleField, FieldError | undefined> = {
    id: ruleErrors.ruleId,
    allowedOrigins: ruleErrors.allowedOrigins,
    allowedMethods: ruleErrors.allowedMethods as FieldError | undefined,
    allowedHeaders: ruleErrors.allowedHeaders,
    exposeHeaders: ruleErrors.exposeHeaders,
    maxAgeSeconds: ruleErrors.maxAgeSeconds,
  };
  return Object.fromEntries(RULE_FIELDS.map((field) => [field, serverMessages(fieldErrors[field])]));
}

/** The server's message about the configuration as a whole. */
export function rootServerMessage(errors: FieldErrors<EditorFormValues>): string | undefined {
  return errors.root?.server?.type === 'server' ? errors.root.server.message : undefined;
}
