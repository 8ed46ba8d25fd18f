import { dialectProfile, type Dialect } from './dialects';
import { sameRuleValues } from './identity';
import { warning, type Issue, type Takeover as IssueTakeover } from './issues';
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

type Takeover = Omit<IssueTakeover, 'scope' | 'method'> & { method: Method; scope: Scope };

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

/** The takeover as issue params; `without-headers` names what the earlier rule exposes instead. */
function takeoverParams(t: Takeover, rules: readonly CorsRule[]): IssueTakeover {
  return t.scope === 'without-headers' ? { ...t, exposes: rules[t.by]!.exposeHeaders } : t;
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
    const ref = { rule: index, ...(rule.id ? { ruleId: rule.id } : {}), answeredBy: relatedRules };
    const fully = takeovers.length === cells && takeovers.every((t) => t.scope === 'all');
    if (fully) {
      const twin = rules.slice(0, index).findIndex((r) => sameRuleValues(r, rule));
      issues.push(warning('rule.never-matches', { ...ref, ...(twin >= 0 ? { duplicateOf: twin } : {}) }, ['rules', index], { relatedRules }));
      return;
    }
    const listed = takeovers.slice(0, MAX_LISTED).map((t) => takeoverParams(t, rules));
    const more = Math.max(0, takeovers.length - MAX_LISTED);
    issues.push(warning('rule.partly-shadowed', { ...ref, takeovers: listed, more }, ['rules', index], { relatedRules }));
  });
  return issues;
}
