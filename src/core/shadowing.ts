import type { Dialect } from './dialects';
import { sameRuleValues } from './identity';
import { warning, type Issue, type RuleExtension, type RuleFix } from './issues';
import { parsePattern, patternCovers } from './pattern';
import type { CorsConfig, CorsRule } from './rule';
import { analyseShadowing, memoPredictor, requestsByRule, type ShadowAnalysis, type ShadowPair, type UnreachedRule } from './shadow-analysis';
import { changeMeter, hasRegression, sampleKey, type Predictor, type SampleChange } from './wizard/probe';

/** A candidate change, with where each rule after it came from (its index before). */
interface Candidate {
  fix: RuleFix;
  from: number[];
  /** When set, the change may newly let through only what this rule alone lets through (judged on it alone). */
  opensOnlyFor?: CorsRule;
}

const pairKey = (cause: number, loser: number) => `pair ${cause} ${loser}`;
const unreachedKey = (loser: number) => `unreached ${loser}`;

function warningKeys(analysis: ShadowAnalysis, from: (index: number) => number = (i) => i): Set<string> {
  return new Set([
    ...analysis.pairs.map((p) => pairKey(from(p.cause), from(p.loser))),
    ...analysis.unreached.map((u) => unreachedKey(from(u.loser))),
  ]);
}

function moved(rules: readonly CorsRule[], rule: number, above: number, replacement: CorsRule = rules[rule]!): { rules: CorsRule[]; from: number[] } {
  const from = rules.map((_, i) => i).filter((i) => i !== rule);
  from.splice(above, 0, rule);
  return { rules: from.map((i) => (i === rule ? replacement : rules[i]!)), from };
}

const identity = (rules: readonly CorsRule[]) => rules.map((_, i) => i);
const missing = (values: readonly string[], present: readonly string[]) => values.filter((v) => !present.some((p) => p.toLowerCase() === v.toLowerCase()));
const sameOrigins = (a: CorsRule, b: CorsRule) => a.allowedOrigins.length === b.allowedOrigins.length && a.allowedOrigins.every((o) => b.allowedOrigins.includes(o));

/** What `cause` grants that `loser` lacks: methods, headers, exposed headers, a longer max-age. */
function grantsMissing(loser: CorsRule, cause: CorsRule) {
  const longer = cause.maxAgeSeconds !== undefined && (loser.maxAgeSeconds === undefined || cause.maxAgeSeconds > loser.maxAgeSeconds);
  return {
    methods: missing(cause.allowedMethods, loser.allowedMethods) as CorsRule['allowedMethods'],
    allowedHeaders: missing(cause.allowedHeaders, loser.allowedHeaders),
    exposeHeaders: missing(cause.exposeHeaders, loser.exposeHeaders),
    ...(longer ? { maxAgeSeconds: cause.maxAgeSeconds } : {}),
  };
}

function withGrants(rule: CorsRule, added: ReturnType<typeof grantsMissing>): CorsRule {
  return {
    ...rule,
    allowedMethods: [...rule.allowedMethods, ...added.methods],
    allowedHeaders: [...rule.allowedHeaders, ...added.allowedHeaders],
    exposeHeaders: [...rule.exposeHeaders, ...added.exposeHeaders],
    ...(added.maxAgeSeconds !== undefined ? { maxAgeSeconds: added.maxAgeSeconds } : {}),
  };
}

/**
 * The loser moved above its causes (the earliest of them): as it is; with what the causes granted
 * its origins, so they keep it; and, when the earliest cause lists the same origins, merged into
 * one rule where that cause was.
 */
function moveCandidates(rules: readonly CorsRule[], loser: number, causes: readonly number[]): Candidate[] {
  const above = Math.min(...causes);
  const l = rules[loser]!;
  const plain = moved(rules, loser, above);
  const candidates: Candidate[] = [{ fix: { kind: 'move-above', rule: loser, above, rules: plain.rules }, from: plain.from }];
  const merged = causes.reduce((rule, cause) => withGrants(rule, grantsMissing(rule, rules[cause]!)), l);
  const grants = grantsMissing(l, merged);
  const m = moved(rules, loser, above, merged);
  if (grants.methods.length || grants.allowedHeaders.length || grants.exposeHeaders.length || grants.maxAgeSeconds !== undefined) {
    candidates.push({ fix: { kind: 'move-above-merged', rule: loser, above, ...grants, rules: m.rules }, from: m.from });
  }
  // With the same origins, the merged rule answers all the earliest cause did: that cause can go.
  if (sameOrigins(rules[above]!, l)) {
    const from = m.from.filter((i) => i !== above);
    candidates.push({ fix: { kind: 'merge-rules', rule: loser, into: above, ...grants, rules: from.map((i) => (i === loser ? merged : rules[i]!)) }, from });
  }
  return candidates;
}

/** The additions that give the cause what the loser grants in the pair's requests. */
function extensionFor(rules: readonly CorsRule[], pair: ShadowPair): RuleExtension | undefined {
  const c = rules[pair.cause]!;
  const l = rules[pair.loser]!;
  const blocked = pair.harms.includes('blocked');
  const allowedHeaders = blocked ? missing(l.allowedHeaders, c.allowedHeaders) : [];
  // Methods only where the loser already grants them to every origin of the cause (a catch-all
  // after a narrower rule, on a provider that stops at the first rule listing the origin): the
  // cause's origins gain nothing the configuration did not mean to give them.
  const loserOrigins = l.allowedOrigins.map((o) => parsePattern(o));
  const covered = c.allowedOrigins.every((o) => loserOrigins.some((p) => patternCovers(p, parsePattern(o))));
  const methods = blocked && covered ? (missing(pair.methods, c.allowedMethods) as CorsRule['allowedMethods']) : [];
  const exposeHeaders = missing(pair.headers, c.exposeHeaders);
  const longer = pair.harms.includes('shorter-max-age') && l.maxAgeSeconds !== undefined ? { maxAgeSeconds: l.maxAgeSeconds } : {};
  if (!methods.length && !allowedHeaders.length && !exposeHeaders.length && !('maxAgeSeconds' in longer)) return undefined;
  return { rule: pair.cause, methods, allowedHeaders, exposeHeaders, ...longer };
}

function extended(rules: readonly CorsRule[], e: RuleExtension): CorsRule[] {
  return rules.map((r, i) =>
    i === e.rule
      ? {
          ...r,
          allowedMethods: [...r.allowedMethods, ...(e.methods as CorsRule['allowedMethods'])],
          allowedHeaders: [...r.allowedHeaders, ...e.allowedHeaders],
          exposeHeaders: [...r.exposeHeaders, ...e.exposeHeaders],
          ...(e.maxAgeSeconds !== undefined ? { maxAgeSeconds: e.maxAgeSeconds } : {}),
        }
      : r,
  );
}

/**
 * The causes given what the loser grants. What a cause newly grants can in turn be hidden by a
 * rule before it; such rules are given the same, as long as that is all that stands in the way
 * (each rule at most once).
 */
function extendCandidate(rules: readonly CorsRule[], pairs: readonly ShadowPair[], dialect: Dialect, predict: Predictor, before: Set<string>): Candidate | undefined {
  const extensions: RuleExtension[] = [];
  let current: CorsRule[] = [...rules];
  for (const pair of pairs) {
    const extension = extensionFor(rules, pair);
    if (!extension) return undefined;
    extensions.push(extension);
    current = extended(current, extension);
  }
  for (let round = 0; round < rules.length; round++) {
    const added = analyseShadowing({ rules: current }, dialect, predict).pairs.filter((p) => !before.has(pairKey(p.cause, p.loser)));
    const next = added.map((p) => (extensions.some((e) => e.rule === p.cause) ? undefined : extensionFor(current, p)));
    if (!next.length || next.some((e) => e === undefined)) break;
    for (const e of next as RuleExtension[]) {
      extensions.push(e);
      current = extended(current, e);
    }
  }
  return { fix: { kind: 'extend-rule', rule: pairs[0]!.cause, extensions, rules: current }, from: identity(rules) };
}

/** The cause without the origins the loser lists, when it keeps at least one. */
function narrowCandidate(rules: readonly CorsRule[], { cause, loser }: ShadowPair): Candidate | undefined {
  const c = rules[cause]!;
  const loserOrigins = rules[loser]!.allowedOrigins.map((o) => parsePattern(o));
  const origins = c.allowedOrigins.filter((o) => loserOrigins.some((l) => patternCovers(l, parsePattern(o))));
  if (!origins.length || origins.length === c.allowedOrigins.length) return undefined;
  const narrowed: CorsRule = { ...c, allowedOrigins: c.allowedOrigins.filter((o) => !origins.includes(o)) };
  return { fix: { kind: 'narrow-rule', rule: cause, origins, rules: rules.map((r, i) => (i === cause ? narrowed : r)) }, from: identity(rules) };
}

/**
 * Where the first rule listing an origin answers every request from it (Ceph RGW), a later rule
 * whose origins all fall under an earlier one is never reached. The earlier rule given what the
 * later one grants, and the later one deleted: offered only when it lets through nothing that the
 * later rule would not have let through on its own (`opensOnlyFor`).
 */
function absorbCandidate(rules: readonly CorsRule[], pair: ShadowPair, dialect: Dialect, predict: Predictor, before: Set<string>): Candidate | undefined {
  const extension = extendCandidate(rules, [pair], dialect, predict, before);
  if (extension?.fix.kind !== 'extend-rule' || extension.fix.extensions.length !== 1) return undefined;
  const after = analyseShadowing({ rules: extension.fix.rules }, dialect, predict);
  if (!after.unreached.some((u) => u.loser === pair.loser && u.answeredBy.every((by) => by === pair.cause))) return undefined;
  const { methods, allowedHeaders, exposeHeaders, maxAgeSeconds } = extension.fix.extensions[0]!;
  const from = identity(rules).filter((i) => i !== pair.loser);
  return {
    fix: {
      kind: 'absorb-rule',
      rule: pair.loser,
      into: pair.cause,
      methods,
      allowedHeaders,
      exposeHeaders,
      ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
      rules: from.map((i) => extension.fix.rules[i]!),
    },
    from,
    opensOnlyFor: rules[pair.loser]!,
  };
}

function deleteCandidate(rules: readonly CorsRule[], { loser }: UnreachedRule): Candidate {
  const from = identity(rules).filter((i) => i !== loser);
  return { fix: { kind: 'delete-rule', rule: loser, rules: from.map((i) => rules[i]!) }, from };
}

/**
 * Keeps the candidates that, analysed again, remove the warnings (`keys`), add no other shadowing
 * warning, and take nothing away from a browser: no request newly blocked, no exposed header newly
 * unreadable, over the sampled requests some rule could let through before.
 */
function provedFixes(config: CorsConfig, dialect: Dialect, predict: Predictor, before: Set<string>, keys: readonly string[], candidates: (() => Candidate | undefined)[]): RuleFix[] {
  const meter = changeMeter(config, dialect, predict);
  // A request no rule could let through before cannot be blocked by a change.
  const allowedBefore = requestsByRule(config, dialect).flat();
  const seen = new Set<string>();
  const proved: RuleFix[] = [];
  // Candidates are made lazily, best first: most warnings are settled by the first one or two.
  for (const make of candidates) {
    if (proved.length === MAX_FIXES) break;
    const candidate = make();
    if (!candidate) continue;
    const text = JSON.stringify(candidate.fix.rules);
    if (seen.has(text)) continue;
    seen.add(text);
    const after: CorsConfig = { ...config, rules: candidate.fix.rules };
    const left = warningKeys(analyseShadowing(after, dialect, predict), (i) => candidate.from[i]!);
    if ([...left].some((k) => keys.includes(k) || !before.has(k))) continue;
    if (hasRegression(meter(after, allowedBefore))) continue;
    if (candidate.opensOnlyFor && opensBeyond(config, after, candidate.opensOnlyFor, dialect, predict)) continue;
    proved.push(candidate.fix);
  }
  return proved;
}

/**
 * Whether `after` lets a browser do something `config` did not (a request through, a header
 * read) that `rule` alone would not allow, over the requests each rule of `after` could let through.
 */
function opensBeyond(config: CorsConfig, after: CorsConfig, rule: CorsRule, dialect: Dialect, predict: Predictor): boolean {
  const probes = requestsByRule(after, dialect).flat();
  const meter = changeMeter(config, dialect, predict);
  const change = meter(after, probes);
  if (!change.newlyAllowed.length && !change.newlyReadable.length) return false;
  const alone = meter({ rules: [rule] }, probes);
  const key = (c: SampleChange) => `${sampleKey(c.request)} ${(c.headers ?? []).join(',')}`;
  const intended = new Set([...alone.newlyAllowed, ...alone.newlyReadable].map(key));
  return [...change.newlyAllowed, ...change.newlyReadable].some((c) => !intended.has(key(c)));
}

/** Fixes offered per warning: the best one that passes (each proof is a full analysis). */
const MAX_FIXES = 1;

const ruleRef = (index: number, rule: CorsRule) => ({ rule: index, ...(rule.id ? { ruleId: rule.id } : {}) });

/** Warnings whose fixes are proved in one analysis (see `findShadowedRules`). */
const MAX_PROVED_WARNINGS = 12;

/** The warning for a pair; `proved`: its fixes were looked for, so none found means a decision. */
function pairWarning(rules: readonly CorsRule[], pair: ShadowPair, fixes: RuleFix[], proved: boolean): Issue {
  const cause = rules[pair.cause]!;
  const params = {
    ...ruleRef(pair.loser, rules[pair.loser]!),
    cause: pair.cause,
    ...(cause.id ? { causeId: cause.id } : {}),
    origins: pair.origins,
    methods: pair.methods,
    harms: pair.harms,
    headers: pair.headers,
    ...(pair.maxAge ? { maxAge: pair.maxAge } : {}),
    neverReached: pair.neverReached,
    ...(proved && !fixes.length ? { decision: 'choose-answering-rule' as const } : {}),
  };
  return warning('rule.shadowed', params, ['rules', pair.loser], { relatedRules: [pair.cause], ...(fixes.length ? { fixes } : {}) });
}

/**
 * Shadowing that costs something. First match wins, so an earlier rule can answer requests a later
 * rule was written for; that is a warning only when the browser then fares worse than under the
 * later rule (blocked, credentials refused, an exposed header unreadable, a shorter preflight
 * cache), as in the classic failure (cos-js-sdk-v5#56): an upload's preflight matches the later
 * rule by its headers, but the actual PUT carries no Access-Control-Request-Headers, so an earlier
 * rule without ExposeHeaders answers it and script cannot read the ETag. A rule that answers
 * nothing at all is reported too. One warning per pair of rules; each offers only the fixes that
 * pass re-analysis (`provedFixes`), or else says what to decide.
 */
export function findShadowedRules(rules: readonly CorsRule[], dialect: Dialect = 's3'): Issue[] {
  const config: CorsConfig = { rules: [...rules] };
  const predict = memoPredictor();
  const analysis = analyseShadowing(config, dialect, predict);
  const before = warningKeys(analysis);
  const prove = (keys: readonly string[], candidates: (() => Candidate | undefined)[]) => provedFixes(config, dialect, predict, before, keys, candidates);
  // Each proof analyses the configuration again: past a few warnings (a large configuration), the
  // later ones wait until the first are fixed rather than hold up every keystroke of the editor.
  let budget = MAX_PROVED_WARNINGS;
  // A fix that settles every warning of a losing rule at once (moving it above all its causes,
  // extending them all) comes first: each step of following the first fix then leaves one more
  // rule without warnings, so the walk ends within as many steps as there are rules. Fixing pair
  // by pair can take one step per pair, which random configurations showed exceeds the rules.
  const settlesLoser = new Map<number, RuleFix[]>();
  const loserFixes = (loser: number): RuleFix[] => {
    const pairs = analysis.pairs.filter((p) => p.loser === loser);
    if (pairs.length < 2) return [];
    let fixes = settlesLoser.get(loser);
    if (!fixes) {
      fixes = prove(
        pairs.map((p) => pairKey(p.cause, p.loser)),
        [
          ...moveCandidates(rules, loser, pairs.map((p) => p.cause)).map((m) => () => m),
          () => extendCandidate(rules, pairs, dialect, predict, before),
        ],
      );
      settlesLoser.set(loser, fixes);
    }
    return fixes;
  };
  const pairIssues = analysis.pairs.map((pair) => {
    if (budget-- <= 0) return pairWarning(rules, pair, [], false);
    const wide = loserFixes(pair.loser);
    const fixes = wide.length
      ? wide
      : prove(
          [pairKey(pair.cause, pair.loser)],
          [
            ...moveCandidates(rules, pair.loser, [pair.cause]).map((m) => () => m),
            () => extendCandidate(rules, [pair], dialect, predict, before),
            () => narrowCandidate(rules, pair),
            () => absorbCandidate(rules, pair, dialect, predict, before),
          ],
        );
    return pairWarning(rules, pair, fixes, true);
  });
  const unreachedIssues = analysis.unreached.map((u) => {
    const proved = budget-- > 0;
    const fixes = proved ? prove([unreachedKey(u.loser)], [() => deleteCandidate(rules, u)]) : [];
    const loser = rules[u.loser]!;
    const twin = rules.slice(0, u.loser).findIndex((r) => sameRuleValues(r, loser));
    const params = {
      ...ruleRef(u.loser, loser),
      answeredBy: u.answeredBy,
      ...(twin >= 0 ? { duplicateOf: twin } : {}),
      ...(proved && !fixes.length ? { decision: 'remove-or-change' as const } : {}),
    };
    return warning('rule.never-matches', params, ['rules', u.loser], { relatedRules: u.answeredBy, ...(fixes.length ? { fixes } : {}) });
  });
  return [...pairIssues, ...unreachedIssues].sort((a, b) => (a.path[1] as number) - (b.path[1] as number));
}
