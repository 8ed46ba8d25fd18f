import { warning } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import type { FormatCodec } from './codec';
import { ruleLabel } from './fields';

/**
 * What writing `config` in this codec's format would drop or change. `responseVary: false` is not
 * a loss: it is every format's default, even where the key cannot be written.
 */
export function lossesFor(config: CorsConfig, codec: FormatCodec): Issue[] {
  const { carries, label } = codec;
  const issues: Issue[] = [];
  if (!carries.responseVary && config.responseVary === true) {
    issues.push(
      warning('conversion.response-vary-lost', `${label} cannot express ResponseVary, so "Vary: Origin on every response" is dropped.`, ['responseVary'], {
        hint: 'Only OSS and COS support ResponseVary; elsewhere, a CDN in front must add Vary: Origin.',
      }),
    );
  }
  config.rules.forEach((rule, index) => {
    if (!carries.ruleIds && rule.id !== undefined) {
      issues.push(warning('conversion.rule-id-lost', `${ruleLabel(index, rule.id)} loses its ID: ${label} rules have no ID.`, ['rules', index, 'id']));
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
  const changes = [
    ...(becomeExposed.length > 0 ? [`${becomeExposed.join(', ')} also become${becomeExposed.length === 1 ? 's' : ''} exposed`] : []),
    ...(becomeAllowed.length > 0 ? [`${becomeAllowed.join(', ')} also become${becomeAllowed.length === 1 ? 's' : ''} allowed`] : []),
  ];
  return warning(
    'conversion.headers-merged',
    `${ruleLabel(index, rule.id)}: ${label} has one responseHeader list for allowed and exposed headers, so ${changes.join(' and ')}.`,
    ['rules', index],
  );
}

/** Headers of `from` that `to` lacks, compared case-insensitively. */
function missingFrom(from: string[], to: string[]): string[] {
  const present = new Set(to.map((header) => header.toLowerCase()));
  return from.filter((header) => !present.has(header.toLowerCase()));
}
