import { parsePattern, type WildcardPattern } from './pattern';
import type { CorsRule } from './rule';

/**
 * A rule normalised once for matching, as rs/cors's `New(Options)` splits and lowercases its
 * origins once so that each request only reads fields. It is never changed after it is built, so
 * reasons built later (on demand) describe the rule as it was when the request was evaluated.
 */
export interface CompiledRule {
  /** The rule it was built from (identity only: its fields may have been edited since). */
  source: CorsRule;
  id: string | undefined;
  /** Copies of the rule's lists, as they were when compiled. */
  allowedOrigins: readonly string[];
  allowedMethods: readonly string[];
  allowedHeaders: readonly string[];
  origins: readonly WildcardPattern[];
  /** Header patterns, lowercased (header names match without case). */
  headers: readonly WildcardPattern[];
  hasStarOrigin: boolean;
}

function compileRule(rule: CorsRule): CompiledRule {
  return {
    source: rule,
    id: rule.id,
    allowedOrigins: [...rule.allowedOrigins],
    allowedMethods: [...rule.allowedMethods],
    allowedHeaders: [...rule.allowedHeaders],
    origins: rule.allowedOrigins.map((o) => parsePattern(o)),
    headers: rule.allowedHeaders.map((h) => parsePattern(h, true)),
    hasStarOrigin: rule.allowedOrigins.includes('*'),
  };
}

function sameItems(current: readonly string[], compiled: readonly string[]): boolean {
  if (current.length !== compiled.length) return false;
  for (let i = 0; i < current.length; i++) if (current[i] !== compiled[i]) return false;
  return true;
}

/** Whether the rule still reads as it did when compiled (every field the compilation copied). */
function isCurrent(compiled: CompiledRule, rule: CorsRule): boolean {
  return (
    compiled.source === rule &&
    compiled.id === rule.id &&
    sameItems(rule.allowedOrigins, compiled.allowedOrigins) &&
    sameItems(rule.allowedMethods, compiled.allowedMethods) &&
    sameItems(rule.allowedHeaders, compiled.allowedHeaders)
  );
}

// Keyed on the caller's own objects, so callers need not change and a configuration that is
// dropped takes its compilation with it. Objects may still be edited in place (a form's state,
// a test's fixture), so a hit is only used after `isCurrent` compares each copied value: a
// comparison per listed value, far cheaper than parsing, and an edit costs only a recompile.
const byList = new WeakMap<readonly CorsRule[], CompiledRule[]>();
const byRule = new WeakMap<CorsRule, CompiledRule>();

function compiledRule(rule: CorsRule): CompiledRule {
  const cached = byRule.get(rule);
  if (cached && isCurrent(cached, rule)) return cached;
  const compiled = compileRule(rule);
  byRule.set(rule, compiled);
  return compiled;
}

/**
 * The rules of a configuration, compiled: the same list while neither the list nor any rule in it
 * has changed; an edited rule is compiled again, unchanged rules of a new list are reused.
 */
export function compileRules(rules: readonly CorsRule[]): readonly CompiledRule[] {
  const cached = byList.get(rules);
  if (cached && cached.length === rules.length && cached.every((c, i) => isCurrent(c, rules[i]!))) return cached;
  const compiled = rules.map(compiledRule);
  byList.set(rules, compiled);
  return compiled;
}
