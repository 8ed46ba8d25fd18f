import { findNearMiss, type NearMiss } from './evaluate';
import type { CorsConfig } from './rule';

export interface ClosestOrigin {
  /** The listed origin, as the rule writes it. */
  origin: string;
  /** 0-based index of the rule that lists it. */
  rule: number;
  /** Why it does not match, when it is a known near miss (scheme, port, trailing slash, case). */
  nearMiss?: NearMiss;
}

/** Edit distance, for ranking listed origins by how close they are to the one that was refused. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The listed origin closest to `origin`, so a refusal can say "did you mean …": a known near miss
 * first, else the smallest edit distance. `*` is never the answer (it would have matched).
 */
export function closestListedOrigin(origin: string, config: CorsConfig | null): ClosestOrigin | undefined {
  const listed = (config?.rules ?? []).flatMap((rule, index) => rule.allowedOrigins.filter((o) => o !== '*').map((o) => ({ origin: o, rule: index })));
  for (const candidate of listed) {
    const nearMiss = findNearMiss(origin, [candidate.origin]);
    if (nearMiss) return { ...candidate, nearMiss };
  }
  let best: { origin: string; rule: number; score: number } | undefined;
  for (const candidate of listed) {
    const score = distance(origin, candidate.origin);
    if (!best || score < best.score) best = { ...candidate, score };
  }
  return best && { origin: best.origin, rule: best.rule };
}
