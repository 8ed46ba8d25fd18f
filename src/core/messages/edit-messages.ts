// The catalogue of configuration edits: one sentence per edit, as a review lists them (messages
// `edit.*` of locales/*.json).
import type { ConfigEdit, ConfigEditCode, ConfigEditParamsByCode, EditedField } from '../config-edits';
import { text } from './catalogue';
import { durationText, headerSpelling, listText, ruleLabel } from './words';

function valuesText(field: EditedField, values: readonly string[]): string {
  return listText(field === 'allowedHeaders' || field === 'exposeHeaders' ? values.map(headerSpelling) : values);
}

function maxAgeText(seconds: number | undefined): string {
  if (seconds === undefined) return text('edit.max-age.none');
  return seconds >= 60 ? text('edit.max-age.seconds-and-duration', { seconds, duration: durationText(seconds) }) : text('edit.max-age.seconds', { seconds });
}

type Templates = { [C in ConfigEditCode]: (params: ConfigEditParamsByCode[C]) => string };

const TEMPLATES: Templates = {
  'config.emptied': (p) => text('edit.config.emptied', { rules: p.rules }),
  'rule.added': (p) => text('edit.rule.added', { rule: ruleLabel(p.at, p.id) }),
  'rule.removed': (p) => text('edit.rule.removed', { rule: ruleLabel(p.at, p.id) }),
  'rule.moved': (p) => text('edit.rule.moved', { rule: ruleLabel(p.from, p.id), position: p.at + 1 }),
  'rule.values-added': (p) => text('edit.rule.values-added', { values: valuesText(p.field, p.values), rule: ruleLabel(p.at, p.id), field: p.field }),
  'rule.values-removed': (p) => text('edit.rule.values-removed', { values: valuesText(p.field, p.values), rule: ruleLabel(p.at, p.id), field: p.field }),
  'rule.max-age-changed': (p) => text('edit.rule.max-age-changed', { rule: ruleLabel(p.at, p.id), from: maxAgeText(p.from), to: maxAgeText(p.to) }),
  'rule.renamed': (p) =>
    p.to === undefined
      ? text('edit.rule.id-removed', { rule: ruleLabel(p.at, p.from) })
      : p.from === undefined
        ? text('edit.rule.named', { rule: ruleLabel(p.at), to: p.to })
        : text('edit.rule.renamed', { rule: ruleLabel(p.at, p.from), to: p.to }),
  'config.response-vary-changed': (p) => (p.to ? text('edit.config.response-vary-on') : text('edit.config.response-vary-off')),
};

export function configEditText(edit: ConfigEdit): string {
  return (TEMPLATES[edit.code] as (params: ConfigEdit['params']) => string)(edit.params);
}
