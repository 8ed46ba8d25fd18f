import type { CorsConfig, CorsRule } from './rule';

// When two configurations are the same: for the version a guarded write names, for "the draft
// differs from what is saved", and for "this rule is that rule".

/**
 * A rule's values with keys in a fixed order and absent spelled as null, so key order and
 * `undefined` never count. (The shape is the one version hashes were made of before, so a draft
 * kept in a browser still names the version the server computes today.)
 */
function ruleValues(rule: CorsRule, id: string | null, headerName: (name: string) => string): object {
  return {
    id,
    allowedOrigins: rule.allowedOrigins,
    allowedMethods: rule.allowedMethods,
    allowedHeaders: rule.allowedHeaders.map(headerName),
    exposeHeaders: rule.exposeHeaders.map(headerName),
    maxAgeSeconds: rule.maxAgeSeconds ?? null,
  };
}

const verbatim = (name: string) => name;

/**
 * The identity of a configuration as the provider stores it: equal text for equal configurations
 * whatever their key order, with an absent and a false `responseVary` alike and no configuration
 * equal to one without rules (a provider answers both the same, and stores no empty one). Rule
 * order counts (the first match wins), and so does the case of every value (the provider keeps it).
 */
export function configIdentity(config: CorsConfig | null): string {
  return JSON.stringify({
    rules: (config?.rules ?? []).map((rule) => ruleValues(rule, rule.id ?? null, verbatim)),
    responseVary: config?.responseVary === true,
  });
}

/** Whether two configurations are the same (see `configIdentity`). */
export function sameConfig(a: CorsConfig | null, b: CorsConfig | null): boolean {
  return configIdentity(a) === configIdentity(b);
}

/**
 * Whether two rules have the same values apart from their IDs and the case of header names: they
 * answer every request alike (an ID changes no answer; header names are case-insensitive).
 */
export function sameRuleValues(a: CorsRule, b: CorsRule): boolean {
  const lower = (name: string) => name.toLowerCase();
  return JSON.stringify(ruleValues(a, null, lower)) === JSON.stringify(ruleValues(b, null, lower));
}
