import { validateRuleAt, type CorsRule, type Dialect, type Issue } from '../../../core';

// The editor re-validates on every keystroke. A rule's own issues depend only on the rule, its
// position and the dialect, so they are kept here and only the rule being typed in is redone.
const MAX_ENTRIES = 2_000;
const cache = new Map<string, Issue[]>();
// The draft keeps an unchanged rule the same object (draft-reader.ts), so 99 of 100 rules are found
// here without being serialized for the key.
const byRule = new WeakMap<CorsRule, { index: number; dialect: Dialect; issues: Issue[] }>();

/** `validateRuleAt`, remembered for the most recent rules seen. */
export function issuesOfRule(rule: CorsRule, index: number, dialect: Dialect): Issue[] {
  const seen = byRule.get(rule);
  if (seen && seen.index === index && seen.dialect === dialect) return seen.issues;
  const issues = issuesByValue(rule, index, dialect);
  byRule.set(rule, { index, dialect, issues });
  return issues;
}

function issuesByValue(rule: CorsRule, index: number, dialect: Dialect): Issue[] {
  const key = `${dialect}\u0000${index}\u0000${JSON.stringify(rule)}`;
  const known = cache.get(key);
  if (known) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const issues = validateRuleAt(rule, index, dialect);
  cache.set(key, issues);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return issues;
}
