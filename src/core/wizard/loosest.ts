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
      ? explain('id', `Named ${LOOSEST_RULE_ID} so it is easy to find and remove after the diagnosis.`, LOOSEST_RULE_ID)
      : explain('id', `${profile.label} rules have no ID, so the rule is unnamed.`),
    explain('allowedOrigins', 'Any origin (*): the answer is Access-Control-Allow-Origin: *, so every page may read responses. Requests with credentials still fail, because browsers refuse * for them.', '*'),
    explain('allowedMethods', `All five methods a CORS rule can allow (${METHODS.join(', ')}); OPTIONS needs none, since the rules answer preflights themselves.`),
    explain('allowedHeaders', `Any requested header (*): ${profile.label} answers a preflight by echoing the names the browser asked for, so even Authorization passes.`, '*'),
    ...expose.map((name) =>
      explain('exposeHeaders', name.toLowerCase() === 'etag'
        ? 'ETag, which browser multipart uploads must read for each part; it is not CORS-safelisted.'
        : `${name}, the ${profile.label} request id people quote to support.`, name),
    ),
    explain('exposeHeaders', `No * among exposed headers: ${profile.label} ${profile.validation.rejectsExposeWildcard ? 'rejects it' : 'may accept it, but browsers read it literally for requests with credentials'}, so each header is named.`),
    explain('maxAgeSeconds', `Preflights are cached ${maxAge} seconds only, so tightening the rule afterwards takes effect quickly.`, String(maxAge)),
  ];
  const warnings = [
    warning('wizard.loosest-diagnostic', 'This rule lets any website send any request with any header to the bucket and read the answers: use it to find out whether CORS is the problem, then replace it with the strictest rule for your app.', ['rules'], {
      hint: 'Remove it after testing; the strictest-rule wizard builds a rule that allows only what your app does.',
    }),
  ];
  return { rule, explanations, warnings };
}
