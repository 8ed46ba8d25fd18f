import { dialectProfile, type Dialect } from '../dialects';
import { parsePattern, patternCovers, patternsOverlap } from '../pattern';
import type { CorsConfig, CorsRule, Method } from '../rule';
import { capitalize, explain, hasHeader, ruleName, type Explanation, type WizardError } from './explain';

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

/** An (origin, method) pair both rules answer, described for people. */
interface SharedCell {
  origin: string;
  method: Method;
}

function sharedCells(a: CorsRule, b: CorsRule): SharedCell[] {
  const cells: SharedCell[] = [];
  const bOrigins = b.allowedOrigins.map((o) => parsePattern(o));
  for (const origin of a.allowedOrigins) {
    const pattern = parsePattern(origin);
    if (!bOrigins.some((p) => patternsOverlap(p, pattern))) continue;
    for (const method of a.allowedMethods) if (b.allowedMethods.includes(method)) cells.push({ origin, method });
  }
  return cells;
}

/**
 * Whether `earlier`, answering first, serves the requests `added` targets at least as well: it
 * allows every header `added` allows, exposes every header `added` exposes, and does not answer `*`
 * where `added` would echo the origin (which credentialed requests need). Then `added` need not
 * go above it.
 */
function servesAtLeastAsWell(earlier: CorsRule, added: CorsRule): boolean {
  const headers = earlier.allowedHeaders.map((h) => parsePattern(h, true));
  const coversHeaders = added.allowedHeaders.every((h) => headers.some((p) => patternCovers(p, parsePattern(h, true))));
  const coversExpose = added.exposeHeaders.every((h) => hasHeader(earlier.exposeHeaders, h));
  const sameOriginAnswer = !earlier.allowedOrigins.includes('*') || added.allowedOrigins.includes('*');
  return coversHeaders && coversExpose && sameOriginAnswer;
}

function describeCells(cells: SharedCell[]): string {
  const shown = cells.slice(0, 3).map((c) => `${c.method} from ${c.origin}`);
  return `${shown.join(', ')}${cells.length > 3 ? ` and ${cells.length - 3} more` : ''}`;
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
      error: {
        code: 'placement.too-many-rules',
        message: `${profile.label} allows at most ${limit} rules; the configuration has ${config.rules.length}, so ${rules.length} more do not fit. Merge or remove rules first.`,
      },
    };
  }
  const blocking = config.rules.findIndex((existing) =>
    rules.some((added) => sharedCells(added, existing).length > 0 && !servesAtLeastAsWell(existing, added)),
  );
  const index = blocking === -1 ? config.rules.length : blocking;
  const explanations: Explanation[] = [];
  const count = rules.length === 1 ? 'The new rule goes' : 'The new rules go';
  if (blocking === -1) {
    explanations.push(explain('placement', `${count} last: no existing rule answers the same origins and methods less well, so the existing rules keep answering exactly what they answered.`, String(index)));
  } else {
    const existing = config.rules[blocking]!;
    const cells = rules.flatMap((added) => sharedCells(added, existing));
    explanations.push(explain('placement', `${count} at position ${index + 1}, above ${ruleName(blocking, existing)}: that rule also answers ${describeCells(cells)}, and the first matching rule wins, so below it the new rule${rules.length === 1 ? '' : 's'} would not take effect there.`, String(index)));
  }
  config.rules.forEach((existing, i) => {
    const cells = rules.flatMap((added) => sharedCells(added, existing));
    if (cells.length === 0) return;
    const name = capitalize(ruleName(i, existing));
    if (i < index) {
      explanations.push(explain('placement', `${name} comes first for ${describeCells(cells)}, but it already answers those at least as well (same headers, exposed headers and origin answer), so the new rules need not go above it.`, String(i)));
    } else if (i > index) {
      // Later rules that lose requests to the new ones: the change in behaviour, stated.
      explanations.push(explain('placement', `${name} (now at position ${i + rules.length + 1}) gives way for ${describeCells(cells)}: the new rule${rules.length === 1 ? ' answers' : 's answer'} those first.`, String(i)));
    }
  });
  const next = [...config.rules.slice(0, index), ...rules, ...config.rules.slice(index)];
  return { ok: true, config: { ...config, rules: next }, index, explanations };
}
