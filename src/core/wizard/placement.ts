import { dialectProfile, type Dialect } from '../dialects';
import { parsePattern, patternCovers, patternsOverlap } from '../pattern';
import type { CorsConfig, CorsRule } from '../rule';
import { explain, hasHeader, ruleAt, type Explanation, type SharedCell, type WizardError } from './explain';

export type PlacementResult =
  | {
      ok: true;
      /** The configuration with the rules inserted, in order, at `index`. */
      config: CorsConfig;
      /** 0-based position of the first inserted rule. */
      index: number;
      explanations: Explanation[];
    }
  | { ok: false; error: WizardError };


/**
 * The (origin, method) pairs of `a` that `b`, placed first, would answer. Where the dialect picks
 * the answering rule by origin alone (Ceph RGW), `b` answers every method of an origin it lists,
 * refusing those it lacks.
 */
function sharedCells(a: CorsRule, b: CorsRule, byOriginAlone: boolean): SharedCell[] {
  const cells: SharedCell[] = [];
  const bOrigins = b.allowedOrigins.map((o) => parsePattern(o));
  for (const origin of a.allowedOrigins) {
    const pattern = parsePattern(origin);
    if (!bOrigins.some((p) => patternsOverlap(p, pattern))) continue;
    for (const method of a.allowedMethods) if (byOriginAlone || b.allowedMethods.includes(method)) cells.push({ origin, method });
  }
  return cells;
}

/**
 * Whether `earlier`, answering first, serves the requests `added` targets at least as well: it
 * allows every header `added` allows, exposes every header `added` exposes, and does not answer `*`
 * where `added` would echo the origin (which credentialed requests need). Then `added` need not
 * go above it.
 */
function servesAtLeastAsWell(earlier: CorsRule, added: CorsRule, byOriginAlone: boolean): boolean {
  if (byOriginAlone && !added.allowedMethods.every((m) => earlier.allowedMethods.includes(m))) return false;
  const headers = earlier.allowedHeaders.map((h) => parsePattern(h, true));
  const coversHeaders = added.allowedHeaders.every((h) => headers.some((p) => patternCovers(p, parsePattern(h, true))));
  const coversExpose = added.exposeHeaders.every((h) => hasHeader(earlier.exposeHeaders, h));
  const sameOriginAnswer = !earlier.allowedOrigins.includes('*') || added.allowedOrigins.includes('*');
  return coversHeaders && coversExpose && sameOriginAnswer;
}

/**
 * Where new rules must go for first-match evaluation to let them answer the requests they target:
 * just above the first existing rule that answers some of the same (origin, method) pairs less
 * well. Actual requests carry no Access-Control-Request-Headers, so an earlier rule matching origin
 * and method answers them whatever headers either rule allows. With no such rule they are appended,
 * which changes nothing for the existing rules.
 */
export function insertEffectively(config: CorsConfig, rules: CorsRule[], dialect: Dialect = 's3'): PlacementResult {
  const profile = dialectProfile(dialect);
  const limit = profile.limits.maxRules;
  if (limit !== null && config.rules.length + rules.length > limit) {
    return {
      ok: false,
      error: { code: 'placement.too-many-rules', params: { provider: profile.label, max: limit, count: config.rules.length, adding: rules.length } },
    };
  }
  const byOriginAlone = profile.matching.preflightSelection === 'origin-then-method-and-headers' || profile.matching.actualSelection === 'origin-then-method-and-headers';
  const blocking = config.rules.findIndex((existing) =>
    rules.some((added) => sharedCells(added, existing, byOriginAlone).length > 0 && !servesAtLeastAsWell(existing, added, byOriginAlone)),
  );
  const index = blocking === -1 ? config.rules.length : blocking;
  const explanations: Explanation[] = [];
  const count = rules.length;
  if (blocking === -1) {
    explanations.push(explain('placement', 'placement.last', { count }, String(index)));
  } else {
    const existing = config.rules[blocking]!;
    const cells = rules.flatMap((added) => sharedCells(added, existing, byOriginAlone));
    const blockingId = existing.id ? { blockingId: existing.id } : {};
    explanations.push(explain('placement', 'placement.above', { count, position: index, blocking, ...blockingId, cells }, String(index)));
  }
  config.rules.forEach((existing, i) => {
    const cells = rules.flatMap((added) => sharedCells(added, existing, byOriginAlone));
    if (cells.length === 0) return;
    if (i < index) {
      explanations.push(explain('placement', 'placement.already-served', { ...ruleAt(i, existing), cells }, String(i)));
    } else if (i > index) {
      // Later rules that lose requests to the new ones: the change in behaviour, stated.
      explanations.push(explain('placement', 'placement.gives-way', { ...ruleAt(i, existing), position: i + rules.length, count, cells }, String(i)));
    }
  });
  const next = [...config.rules.slice(0, index), ...rules, ...config.rules.slice(index)];
  return { ok: true, config: { ...config, rules: next }, index, explanations };
}
