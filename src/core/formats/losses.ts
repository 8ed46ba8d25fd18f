import { warning } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import type { FormatCodec } from './codec';
import { ruleRef } from './fields';

/**
 * What writing `config` in this codec's format would drop or change. `responseVary: false` is not
 * a loss: it is every format's default, even where the key cannot be written.
 */
export function lossesFor(config: CorsConfig, codec: Pick<FormatCodec, 'label' | 'carries'>): Issue[] {
  const { carries, label } = codec;
  const issues: Issue[] = [];
  if (!carries.responseVary && config.responseVary === true) {
    issues.push(warning('conversion.response-vary-lost', { formatLabel: label }, ['responseVary']));
  }
  config.rules.forEach((rule, index) => {
    if (!carries.ruleIds && rule.id !== undefined) {
      issues.push(warning('conversion.rule-id-lost', { ...ruleRef(index, rule.id), formatLabel: label }, ['rules', index, 'id']));
    }
    if (!carries.separateHeaderLists) {
      const merged = mergedHeadersIssue(rule, index, label);
      if (merged) issues.push(merged);
    }
  });
  return issues;
}

function mergedHeadersIssue(rule: CorsRule, index: number, label: string): Issue | undefined {
  const becomeExposed = missingFrom(rule.allowedHeaders, rule.exposeHeaders);
  const becomeAllowed = missingFrom(rule.exposeHeaders, rule.allowedHeaders);
  if (becomeExposed.length === 0 && becomeAllowed.length === 0) return undefined;
  return warning('conversion.headers-merged', { ...ruleRef(index, rule.id), formatLabel: label, becomeExposed, becomeAllowed }, ['rules', index]);
}

/** Headers of `from` that `to` lacks, compared case-insensitively. */
function missingFrom(from: string[], to: string[]): string[] {
  const present = new Set(to.map((header) => header.toLowerCase()));
  return from.filter((header) => !present.has(header.toLowerCase()));
}
