import type { CorsConfig, CorsRule, Method } from '../../../core';
import { listText } from '../../../core/messages/words';
import { webText } from '../../lib/i18n/feature-text';

/** One rule as the form holds it: list fields are newline-joined text, max age is the input's text. */
export interface RuleFormValues {
  ruleId: string;
  allowedOrigins: string;
  allowedMethods: Method[];
  allowedHeaders: string;
  exposeHeaders: string;
  maxAgeSeconds: string;
}

export interface EditorFormValues {
  rules: RuleFormValues[];
  responseVary: boolean;
}

export const LIST_FIELDS = ['allowedOrigins', 'allowedHeaders', 'exposeHeaders'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export function isListField(field: unknown): field is ListField {
  return (LIST_FIELDS as readonly unknown[]).includes(field);
}

/** A value of a one-per-line field with its 1-based line in the text area. */
export interface ListLine {
  value: string;
  line: number;
}

export function listLines(text: string): ListLine[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ value: raw.trim(), line: index + 1 }))
    .filter((entry) => entry.value !== '');
}

export function ruleToForm(rule: CorsRule): RuleFormValues {
  return {
    ruleId: rule.id ?? '',
    allowedOrigins: rule.allowedOrigins.join('\n'),
    allowedMethods: [...rule.allowedMethods],
    allowedHeaders: rule.allowedHeaders.join('\n'),
    exposeHeaders: rule.exposeHeaders.join('\n'),
    maxAgeSeconds: rule.maxAgeSeconds === undefined ? '' : String(rule.maxAgeSeconds),
  };
}

export function configToForm(config: CorsConfig | null): EditorFormValues {
  return { rules: (config?.rules ?? []).map(ruleToForm), responseVary: config?.responseVary === true };
}

export function formToRule(values: RuleFormValues): CorsRule {
  const id = (values.ruleId ?? '').trim();
  const maxAge = (values.maxAgeSeconds ?? '').trim();
  return {
    ...(id !== '' ? { id } : {}),
    allowedOrigins: listLines(values.allowedOrigins ?? '').map((l) => l.value),
    allowedMethods: [...(values.allowedMethods ?? [])],
    allowedHeaders: listLines(values.allowedHeaders ?? '').map((l) => l.value),
    exposeHeaders: listLines(values.exposeHeaders ?? '').map((l) => l.value),
    ...(maxAge !== '' ? { maxAgeSeconds: Number(maxAge) } : {}),
  };
}

export function formToConfig(values: EditorFormValues): CorsConfig {
  return { rules: (values.rules ?? []).map(formToRule), ...(values.responseVary ? { responseVary: true } : {}) };
}

export function emptyRule(): RuleFormValues {
  return { ruleId: '', allowedOrigins: '', allowedMethods: ['GET'], allowedHeaders: '', exposeHeaders: '', maxAgeSeconds: '' };
}

export function duplicateRule(rule: RuleFormValues): RuleFormValues {
  const id = rule.ruleId.trim();
  return { ...rule, allowedMethods: [...rule.allowedMethods], ruleId: id === '' ? '' : `${id}-copy` };
}

const SUMMARY_ORIGINS = 3;

/** `https://a.com, https://b.com · GET, PUT`: what a collapsed card says about its rule. */
export function summarizeRule(rule: CorsRule): string {
  const shown = listText(rule.allowedOrigins.slice(0, SUMMARY_ORIGINS));
  const hidden = rule.allowedOrigins.length - SUMMARY_ORIGINS;
  const origins = rule.allowedOrigins.length === 0 ? webText('editor.no-origin') : hidden > 0 ? webText('editor.summary.more', { list: shown, count: hidden }) : shown;
  const methods = rule.allowedMethods.length ? listText(rule.allowedMethods) : webText('editor.no-method');
  return `${origins} · ${methods}`;
}

export interface RuleFact {
  key: 'origins' | 'methods' | 'allowed-headers' | 'expose-headers' | 'max-age';
  label: string;
  value: string;
}

/** What a compact rule row says about its rule: origins, methods, the headers it allows and exposes, its max age. */
export function ruleFacts(rule: CorsRule): RuleFact[] {
  const list = (values: readonly string[], none: string) => (values.length ? listText(values) : none);
  const none = webText('editor.fact.none');
  return [
    { key: 'origins', label: webText('editor.fact.origins'), value: list(rule.allowedOrigins, webText('editor.no-origin')) },
    { key: 'methods', label: webText('editor.fact.methods'), value: list(rule.allowedMethods, webText('editor.no-method')) },
    { key: 'allowed-headers', label: webText('editor.fact.allowed-headers'), value: list(rule.allowedHeaders, none) },
    { key: 'expose-headers', label: webText('editor.fact.expose'), value: list(rule.exposeHeaders, none) },
    // The value as typed (no digit grouping): it is what the field holds.
    { key: 'max-age', label: webText('editor.field.max-age'), value: rule.maxAgeSeconds === undefined ? webText('editor.fact.unset') : webText('editor.fact.seconds', { seconds: String(rule.maxAgeSeconds) }) },
  ];
}
