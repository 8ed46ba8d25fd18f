import { dialectProfile, type Dialect } from '../dialects';
import { warning, type Issue } from '../issues';
import { METHODS, type CorsRule } from '../rule';
import { explain, type Explanation } from './explain';

/** The loosest rule: kept short so that, once tightened, browsers drop cached preflights soon. */
export const LOOSEST_MAX_AGE_SECONDS = 60;
export const LOOSEST_RULE_ID = 'loosest-diagnostic';

/** A generated rule with the reasons behind each of its values. */
export interface ExplainedRule {
  rule: CorsRule;
  explanations: Explanation[];
}

export interface LoosestRule extends ExplainedRule {
  /** Always includes `wizard.loosest-diagnostic`: this rule is for finding out whether CORS is the problem. */
  warnings: Issue[];
}

/** Why a suggested expose header is worth reading from script. */
function exposePurpose(name: string): 'etag' | 'version-id' | 'extended-request-id' | 'request-id' {
  const lower = name.toLowerCase();
  if (lower === 'etag') return 'etag';
  if (lower.endsWith('-version-id')) return 'version-id';
  if (lower === 'x-amz-id-2') return 'extended-request-id';
  return 'request-id';
}

/**
 * The rule that allows every CORS request a provider can allow, for diagnosis: if a request still
 * fails with it, the cause is not the bucket's CORS rules (a wrong endpoint, a redirect, credentials
 * with `*`, a forbidden header...). It is valid for every dialect; only warnings remain.
 */
export function loosestRule(dialect: Dialect = 's3'): LoosestRule {
  const profile = dialectProfile(dialect);
  const expose = [...profile.suggestedExposeHeaders];
  const maxAge = Math.min(LOOSEST_MAX_AGE_SECONDS, profile.limits.maxAgeSeconds ?? Infinity);
  const rule: CorsRule = {
    ...(profile.validation.hasRuleIds ? { id: LOOSEST_RULE_ID } : {}),
    allowedOrigins: ['*'],
    allowedMethods: [...METHODS],
    allowedHeaders: ['*'],
    exposeHeaders: expose,
    maxAgeSeconds: maxAge,
  };
  const explanations: Explanation[] = [
    profile.validation.hasRuleIds
      ? explain('id', 'loosest.id', { id: LOOSEST_RULE_ID }, LOOSEST_RULE_ID)
      : explain('id', 'loosest.no-id', { provider: profile.label }),
    explain('allowedOrigins', 'loosest.any-origin', {}, '*'),
    explain('allowedMethods', 'loosest.all-methods', { methods: [...METHODS] }),
    explain('allowedHeaders', 'loosest.any-header', { provider: profile.label }, '*'),
    ...expose.map((name) => explain('exposeHeaders', 'loosest.expose', { header: name, purpose: exposePurpose(name), provider: profile.label }, name)),
    explain('exposeHeaders', 'loosest.no-expose-wildcard', { provider: profile.label, rejects: profile.validation.rejectsExposeWildcard }),
    explain('maxAgeSeconds', 'loosest.max-age', { seconds: maxAge }, String(maxAge)),
  ];
  const warnings = [
    warning('wizard.loosest-diagnostic', {}, ['rules']),
  ];
  return { rule, explanations, warnings };
}
