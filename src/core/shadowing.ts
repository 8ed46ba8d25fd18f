import { dialectProfile, type Dialect } from './dialects';
import { sameRuleValues } from './identity';
import { warning, type Issue } from './issues';
import { parsePattern, patternCovers, patternsOverlap, type WildcardPattern } from './pattern';
import type { CorsRule, Method } from './rule';

interface ShapedRule {
  origins: WildcardPattern[];
  headers: WildcardPattern[];
  methods: readonly Method[];
}

/** How much of one (origin, method) cell of a later rule an earlier rule takes. */
type Scope =
  /** Every request of the cell, whatever headers it asks for. */
  | 'all'
  /** Requests asking for no headers: every actual request, and preflights without custom headers. */
  | 'without-headers'
  /** Requests from some of the origins the pattern allows. */
  | 'some-origins';

interface Takeover {
  by: number;
  origin: string;
  method: Method;
  scope: Scope;
}

function shape(rule: CorsRule): ShapedRule {
  const valid = (p: WildcardPattern) => p.kind !== 'invalid';
  return {
    origins: rule.allowedOrigins.map((o) => parsePattern(o)).filter(valid),
    headers: rule.allowedHeaders.map((h) => parsePattern(h, true)).filter(valid),
    methods: rule.allowedMethods,
  };
}

function coversAllHeaders(earlier: ShapedRule, later: ShapedRule): boolean {
  return later.headers.every((h) => earlier.headers.some((e) => patternCovers(e, h)));
}

/**
 * Which earlier rule answers each (origin, method) that `later` allows, and how much of it. With
 * `byOriginOnly` (Ceph RGW), the first rule listing an origin answers every method from it, so an
 * earlier rule takes a cell by its origins alone, whatever methods it allows.
 */
function takeoversOf(rules: ShapedRule[], index: number, byOriginOnly: boolean): { cells: number; takeovers: Takeover[] } {
  const later = rules[index]!;
  const earlier = rules.slice(0, index).map((rule, by) => ({ rule, by }));
  const takeovers: Takeover[] = [];
  let cells = 0;
  for (const origin of later.origins) {
    for (const method of later.methods) {
      cells++;
      const withMethod = earlier.filter(({ rule }) => byOriginOnly || rule.methods.includes(method));
      const covering = withMethod.filter(({ rule }) => rule.origins.some((o) => patternCovers(o, origin)));
      const full = covering.find(({ rule }) => coversAllHeaders(rule, later));
      const first = covering[0];
      const overlapping = withMethod.find(({ rule }) => rule.origins.some((o) => patternsOverlap(o, origin)));
      if (full) takeovers.push({ by: full.by, origin: origin.source, method, scope: 'all' });
      else if (first) takeovers.push({ by: first.by, origin: origin.source, method, scope: 'without-headers' });
      else if (overlapping) takeovers.push({ by: overlapping.by, origin: origin.source, method, scope: 'some-origins' });
    }
  }
  return { cells, takeovers };
}

function describeTakeover(t: Takeover, rules: readonly CorsRule[]): string {
  const by = `rule ${t.by + 1}`;
  switch (t.scope) {
    case 'all':
      return `${t.method} from ${t.origin} is answered by ${by}`;
    case 'some-origins':
      return `${t.method} from some origins of ${t.origin} is answered by ${by}`;
    case 'without-headers': {
      const expose = rules[t.by]!.exposeHeaders;
      return `${t.method} from ${t.origin} without custom headers (every actual request, since it carries no Access-Control-Request-Headers) is answered by ${by}, which exposes ${expose.length ? expose.join(', ') : 'no headers'}`;
    }
  }
}

const MAX_LISTED = 3;

/**
 * First match wins, so an earlier rule can take some or all of the requests a later rule was
 * written for. The classic failure (cos-js-sdk-v5#56): the preflight of an upload matches the
 * later rule by its headers, but the actual PUT carries no Access-Control-Request-Headers, so an
 * earlier rule with no ExposeHeaders answers it and the browser cannot read the ETag.
 */
export function findShadowedRules(rules: readonly CorsRule[], dialect: Dialect = 's3'): Issue[] {
  const byOriginOnly = dialectProfile(dialect).matching.preflightSelection === 'origin-then-method-and-headers';
  const shaped = rules.map(shape);
  const issues: Issue[] = [];
  rules.forEach((rule, index) => {
    if (index === 0) return;
    const { cells, takeovers } = takeoversOf(shaped, index, byOriginOnly);
    if (takeovers.length === 0) return;
    const relatedRules = [...new Set(takeovers.map((t) => t.by))].sort((a, b) => a - b);
    const first = relatedRules[0]!;
    const label = `Rule ${index + 1}${rule.id ? ` (${rule.id})` : ''}`;
    const hint = `Move it above rule ${first + 1}, or narrow rule ${first + 1}.`;
    const fully = takeovers.length === cells && takeovers.every((t) => t.scope === 'all');
    if (fully) {
      const twin = rules.slice(0, index).findIndex((r) => sameRuleValues(r, rule));
      const message =
        twin >= 0
          ? `${label} never matches: it is identical to rule ${twin + 1}, which comes first.`
          : `${label} never matches: every request it allows is answered first by ${relatedRules.map((r) => `rule ${r + 1}`).join(', ')}.`;
      issues.push(warning('rule.never-matches', message, ['rules', index], { hint: twin >= 0 ? 'Remove the duplicate.' : hint, relatedRules }));
      return;
    }
    const listed = takeovers.slice(0, MAX_LISTED).map((t) => describeTakeover(t, rules));
    const more = takeovers.length > MAX_LISTED ? ` (and ${takeovers.length - MAX_LISTED} more)` : '';
    issues.push(
      warning('rule.partly-shadowed', `${label} only partly applies: ${listed.join('; ')}${more}.`, ['rules', index], {
        hint,
        relatedRules,
      }),
    );
  });
  return issues;
}
