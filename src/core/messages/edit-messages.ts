// The English catalogue of configuration edits: one sentence per edit, as a review lists them.
import type { ConfigEdit, ConfigEditCode, ConfigEditParamsByCode, EditedField } from '../config-edits';
import { durationText, headerSpelling, plural, ruleLabel } from './words';

const FIELD_NAMES: Record<EditedField, string> = {
  allowedOrigins: 'origins',
  allowedMethods: 'methods',
  allowedHeaders: 'allowed headers',
  exposeHeaders: 'expose headers',
};

function valuesText(field: EditedField, values: readonly string[]): string {
  const spelled = field === 'allowedHeaders' || field === 'exposeHeaders' ? values.map(headerSpelling) : values;
  return spelled.join(', ');
}

const maxAgeText = (seconds: number | undefined) => (seconds === undefined ? 'none' : `${seconds} s${seconds >= 60 ? ` (${durationText(seconds)})` : ''}`);

type Templates = { [C in ConfigEditCode]: (params: ConfigEditParamsByCode[C]) => string };

const TEMPLATES: Templates = {
  'config.emptied': (p) =>
    `All ${p.rules} ${plural(p.rules, 'rule', 'rules')} removed: the bucket will have no CORS configuration, and browsers will block every cross-origin request to it.`,
  'rule.added': (p) => `${ruleLabel(p.at, p.id)} added.`,
  'rule.removed': (p) => `${ruleLabel(p.at, p.id)} removed.`,
  'rule.moved': (p) => `${ruleLabel(p.from, p.id)} moved to position ${p.at + 1}.`,
  'rule.values-added': (p) => `${valuesText(p.field, p.values)} added to ${ruleLabel(p.at, p.id)}'s ${FIELD_NAMES[p.field]}.`,
  'rule.values-removed': (p) => `${valuesText(p.field, p.values)} removed from ${ruleLabel(p.at, p.id)}'s ${FIELD_NAMES[p.field]}.`,
  'rule.max-age-changed': (p) => `${ruleLabel(p.at, p.id)}'s max-age: ${maxAgeText(p.from)} → ${maxAgeText(p.to)}.`,
  'rule.renamed': (p) =>
    p.to === undefined ? `${ruleLabel(p.at, p.from)} loses its ID.` : p.from === undefined ? `${ruleLabel(p.at)} is named ${p.to}.` : `${ruleLabel(p.at, p.from)} is renamed ${p.to}.`,
  'config.response-vary-changed': (p) =>
    p.to ? 'Every answer will carry Vary: Origin (ResponseVary on).' : 'Answers will carry Vary: Origin only where the provider adds it itself (ResponseVary off).',
};

export function configEditText(edit: ConfigEdit): string {
  return (TEMPLATES[edit.code] as (params: ConfigEdit['params']) => string)(edit.params);
}
