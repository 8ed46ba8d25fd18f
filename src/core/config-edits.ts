import type { CorsConfig, CorsRule } from './rule';

// A configuration change as people describe it ("rule 2 moved to position 1", "ETag added to
// rule 1's expose headers"), not as lines of a document: moving one rule is 6 removed and 6 added
// lines of XML, but one edit here. Positions are 0-based; the catalogue names them 1-based.

/** The list fields of a rule whose values an edit adds or removes. */
export type EditedField = 'allowedOrigins' | 'allowedMethods' | 'allowedHeaders' | 'exposeHeaders';

const EDITED_FIELDS: readonly EditedField[] = ['allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders'];

interface RuleAt {
  /** Where the rule is in the configuration the edit names (after, except for a removal). */
  at: number;
  id?: string;
}

export interface ConfigEditParamsByCode {
  /** Every rule removed: the bucket is left without CORS, which blocks every cross-origin request. */
  'config.emptied': { rules: number };
  'rule.added': RuleAt;
  'rule.removed': RuleAt;
  /** `at` is the new position, `from` the old one. */
  'rule.moved': RuleAt & { from: number };
  'rule.values-added': RuleAt & { field: EditedField; values: string[] };
  'rule.values-removed': RuleAt & { field: EditedField; values: string[] };
  /** `from`/`to` absent means the rule had / has no max-age. */
  'rule.max-age-changed': RuleAt & { from?: number; to?: number };
  /** `from`/`to` absent means the rule had / has no ID. */
  'rule.renamed': RuleAt & { from?: string; to?: string };
  'config.response-vary-changed': { to: boolean };
}

export type ConfigEditCode = keyof ConfigEditParamsByCode;

export type ConfigEdit = { [C in ConfigEditCode]: { code: C; params: ConfigEditParamsByCode[C] } }[ConfigEditCode];

export const CONFIG_EDIT_CODES = [
  'config.emptied', 'rule.added', 'rule.removed', 'rule.moved', 'rule.values-added', 'rule.values-removed',
  'rule.max-age-changed', 'rule.renamed', 'config.response-vary-changed',
] as const satisfies readonly ConfigEditCode[];

/** Above this many unpaired rules on a side, pairing by likeness (quadratic) is skipped. */
const MAX_LIKENESS_PAIRING = 200;
/** Two rules at least this alike (shared values / all values) count as one rule edited. */
const MIN_LIKENESS = 0.4;

const ruleKey = (rule: CorsRule) =>
  JSON.stringify([rule.id ?? null, rule.allowedOrigins, rule.allowedMethods, rule.allowedHeaders, rule.exposeHeaders, rule.maxAgeSeconds ?? null]);

function ruleTokens(rule: CorsRule): Set<string> {
  return new Set(EDITED_FIELDS.flatMap((field) => rule[field].map((value) => `${field}\n${value}`)));
}

function likeness(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

/** Pairs of (before index, after index): the same rule, kept, moved or edited. */
function pairRules(before: readonly CorsRule[], after: readonly CorsRule[]): Map<number, number> {
  const afterToBefore = new Map<number, number>();
  const unpairedBefore = new Set(before.keys());
  // 1. Identical rules, in order: a duplicate pairs with its own copy, not a later one.
  const byKey = new Map<string, number[]>();
  before.forEach((rule, index) => {
    const key = ruleKey(rule);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  after.forEach((rule, index) => {
    const match = byKey.get(ruleKey(rule))?.shift();
    if (match === undefined) return;
    afterToBefore.set(index, match);
    unpairedBefore.delete(match);
  });
  // 2. The same ID: a named rule that was edited is still that rule.
  const byId = new Map<string, number>();
  for (const index of unpairedBefore) {
    const id = before[index]?.id;
    if (id && !byId.has(id)) byId.set(id, index);
  }
  after.forEach((rule, index) => {
    if (afterToBefore.has(index) || !rule.id) return;
    const match = byId.get(rule.id);
    if (match === undefined || !unpairedBefore.has(match)) return;
    afterToBefore.set(index, match);
    unpairedBefore.delete(match);
  });
  // 3. Alike rules without a shared ID, most alike first, nearer positions breaking ties.
  const unpairedAfter = [...after.keys()].filter((index) => !afterToBefore.has(index));
  if (unpairedAfter.length === 0 || unpairedBefore.size === 0) return afterToBefore;
  if (unpairedAfter.length > MAX_LIKENESS_PAIRING || unpairedBefore.size > MAX_LIKENESS_PAIRING) return afterToBefore;
  const candidates: { from: number; to: number; score: number }[] = [];
  for (const from of unpairedBefore) {
    const fromRule = before[from]!;
    const fromTokens = ruleTokens(fromRule);
    for (const to of unpairedAfter) {
      const toRule = after[to]!;
      const score = likeness(fromTokens, ruleTokens(toRule));
      // Two different IDs name two different rules, unless nothing else differs: a rename.
      const renamed = fromRule.id && toRule.id && fromRule.id !== toRule.id;
      if (renamed ? score === 1 && fromRule.maxAgeSeconds === toRule.maxAgeSeconds : score >= MIN_LIKENESS) candidates.push({ from, to, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.from - a.to) - Math.abs(b.from - b.to));
  for (const { from, to } of candidates) {
    if (!unpairedBefore.has(from) || afterToBefore.has(to)) continue;
    afterToBefore.set(to, from);
    unpairedBefore.delete(from);
  }
  return afterToBefore;
}

/**
 * The after positions of the pairs that keep their relative order: the longest run of pairs
 * whose before positions increase (patience sorting, n log n). Every other pair moved.
 */
function stayingInOrder(pairs: readonly (readonly [to: number, from: number])[]): Set<number> {
  const tails: number[] = [];
  const tailPair: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach(([, from], pairIndex) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle]! < from) low = middle + 1;
      else high = middle;
    }
    tails[low] = from;
    tailPair[low] = pairIndex;
    previous[pairIndex] = low > 0 ? tailPair[low - 1]! : -1;
  });
  const staying = new Set<number>();
  for (let pairIndex = tails.length ? tailPair[tails.length - 1]! : -1; pairIndex >= 0; pairIndex = previous[pairIndex]!) {
    staying.add(pairs[pairIndex]![0]);
  }
  return staying;
}

function valueEdits(from: CorsRule, to: CorsRule, place: RuleAt): ConfigEdit[] {
  const edits: ConfigEdit[] = [];
  for (const field of EDITED_FIELDS) {
    const fromValues: readonly string[] = from[field];
    const toValues: readonly string[] = to[field];
    const added = toValues.filter((value) => !fromValues.includes(value));
    const removed = fromValues.filter((value) => !toValues.includes(value));
    if (added.length) edits.push({ code: 'rule.values-added', params: { ...place, field, values: added } });
    if (removed.length) edits.push({ code: 'rule.values-removed', params: { ...place, field, values: removed } });
  }
  if (from.maxAgeSeconds !== to.maxAgeSeconds) {
    edits.push({ code: 'rule.max-age-changed', params: { ...place, ...optional('from', from.maxAgeSeconds), ...optional('to', to.maxAgeSeconds) } });
  }
  if ((from.id ?? '') !== (to.id ?? '')) {
    edits.push({ code: 'rule.renamed', params: { at: place.at, ...optional('from', from.id || undefined), ...optional('to', to.id || undefined) } });
  }
  return edits;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function placeOf(rule: CorsRule, at: number): RuleAt {
  return { at, ...optional('id', rule.id || undefined) };
}

/**
 * What changes from `before` to `after`, edit by edit: removed rules first (at their old
 * positions), then, in the new order, each added, moved or edited rule. Rule order counts, since
 * the first matching rule answers; a rule pushed down by an insertion above it has not moved.
 */
export function configEdits(before: CorsConfig | null, after: CorsConfig | null): ConfigEdit[] {
  const beforeRules = before?.rules ?? [];
  const afterRules = after?.rules ?? [];
  if (afterRules.length === 0 && beforeRules.length > 0) return [{ code: 'config.emptied', params: { rules: beforeRules.length } }];
  const afterToBefore = pairRules(beforeRules, afterRules);
  const pairs = [...afterToBefore.entries()].sort(([a], [b]) => a - b);
  const staying = stayingInOrder(pairs);
  const paired = new Set(afterToBefore.values());
  const edits: ConfigEdit[] = [];
  beforeRules.forEach((rule, index) => {
    if (!paired.has(index)) edits.push({ code: 'rule.removed', params: placeOf(rule, index) });
  });
  afterRules.forEach((rule, index) => {
    const from = afterToBefore.get(index);
    if (from === undefined) {
      edits.push({ code: 'rule.added', params: placeOf(rule, index) });
      return;
    }
    const place = placeOf(rule, index);
    if (!staying.has(index)) edits.push({ code: 'rule.moved', params: { ...placeOf(beforeRules[from]!, index), from } });
    edits.push(...valueEdits(beforeRules[from]!, rule, place));
  });
  if ((before?.responseVary === true) !== (after?.responseVary === true) && afterRules.length > 0) {
    edits.push({ code: 'config.response-vary-changed', params: { to: after?.responseVary === true } });
  }
  return edits;
}
