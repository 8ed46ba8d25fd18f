import { dialectProfile, insertEffectively, sameRuleValues, type CorsConfig, type CorsRule, type Dialect, type Explanation, type PlacementResult } from '../../../core';

/**
 * Where generated rules go: where first-match makes them effective among the draft's rules,
 * instead of the whole draft, or instead of a diagnostic (loosest) rule the draft holds.
 */
export type Placement = 'effective' | 'replace-draft' | 'replace-loosest';

/** The draft's rules that stay beside the new ones, by placement. */
function keptRules(draft: CorsConfig, placement: Placement, loosestIndex: number): CorsRule[] {
  if (placement === 'replace-draft') return [];
  if (placement === 'replace-loosest' && loosestIndex !== -1) return draft.rules.filter((_, i) => i !== loosestIndex);
  return draft.rules;
}

/** The draft's copy of the diagnostic rule (the loosest rule, same values), or -1. */
export function findLoosestRule(draft: CorsConfig, loosest: CorsRule): number {
  return draft.rules.findIndex((rule) => (loosest.id !== undefined && rule.id === loosest.id) || sameRuleValues(rule, loosest));
}

/** How many rules the provider still takes beside the kept ones; null when it sets no limit. */
export interface RuleRoom {
  limit: number | null;
  kept: number;
  room: number | null;
}

export function ruleRoom(draft: CorsConfig, dialect: Dialect, placement: Placement, loosestIndex: number): RuleRoom {
  const profile = dialectProfile(dialect);
  const limit = profile.limits.maxRules;
  const kept = keptRules(draft, placement, loosestIndex).length;
  if (limit === null) return { limit, kept, room: null };
  return { limit, kept, room: Math.max(0, limit - kept) };
}

/** The draft with the rules placed, and why there; the core's placement does the ordering. */
export function placeRules(draft: CorsConfig, rules: CorsRule[], dialect: Dialect, placement: Placement, loosestIndex: number): PlacementResult {
  const kept = { ...draft, rules: keptRules(draft, placement, loosestIndex) };
  const placed = insertEffectively(kept, rules, dialect);
  if (!placed.ok) return placed;
  if (placement === 'replace-draft') {
    return { ...placed, explanations: [{ field: 'placement', code: 'placement.replace-draft', params: { count: draft.rules.length } }] };
  }
  const replaced: Explanation[] =
    placement === 'replace-loosest' && loosestIndex !== -1
      ? [{ field: 'placement', code: 'placement.replace-loosest', params: { rule: loosestIndex }, value: String(loosestIndex) }]
      : [];
  return { ...placed, explanations: [...replaced, ...placed.explanations] };
}
