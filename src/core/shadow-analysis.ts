import { preflightCacheSeconds } from './browser';
import { dialectProfile, type Dialect } from './dialects';
import type { Decision } from './evaluate';
import { SHADOW_HARMS, type ShadowFindings, type ShadowHarm } from './issues';
import { matchesPattern, parsePattern, type WildcardPattern } from './pattern';
import { headerReadability, predictBrowserFetch, type BrowserFetch, type BrowserPrediction } from './predict';
import type { CorsConfig, CorsRule } from './rule';
import { combine, headerSamples, UNLISTED_ORIGIN, type Predictor } from './wizard/probe';
import { sampleOrigin } from './wizard/samples';

// Shadowing judged by outcomes, not by overlap: for each request a later rule was written for (one
// its own answer lets through), the browser's outcome under the configuration is compared with its
// outcome under that rule alone. Only a worse outcome caused by an earlier rule is shadowing; an
// earlier rule answering as well (a catch-all `*` rule placed last) is the normal pattern.

/** An earlier rule (`cause`) that makes requests a later rule (`loser`) was written for fare worse. */
export interface ShadowPair extends ShadowFindings {
  cause: number;
  loser: number;
}

/** A rule that answers no request, with no harm done: the rules that answer its requests instead. */
export interface UnreachedRule {
  loser: number;
  answeredBy: number[];
}

export interface ShadowAnalysis {
  pairs: ShadowPair[];
  unreached: UnreachedRule[];
}

/** Answers, rule contents and requests remembered across analyses, at most (each). */
const MAX_REMEMBERED = 50_000;

/**
 * Content as a small number: equal rules (or requests) share remembered answers, whatever their
 * place. Numbers are never reused, so forgetting contents (past a bound) only costs a miss.
 */
function interner<T extends object>(content: (value: T) => string): (value: T) => number {
  const byObject = new WeakMap<T, number>();
  const byContent = new Map<string, number>();
  let next = 0;
  return (value) => {
    let id = byObject.get(value);
    if (id === undefined) {
      const text = content(value);
      id = byContent.get(text);
      if (id === undefined) {
        if (byContent.size >= MAX_REMEMBERED) byContent.clear();
        byContent.set(text, (id = next++));
      }
      byObject.set(value, id);
    }
    return id;
  };
}

const ruleId = interner<CorsRule>((rule) => JSON.stringify(rule));
const fetchId = interner<BrowserFetch>((f) => JSON.stringify([f.origin, f.method, f.headers ?? {}, f.credentials ?? null, f.resource ?? null]));

const originPatterns = new WeakMap<CorsRule, WildcardPattern[]>();
function matchesOrigin(rule: CorsRule, origin: string, overlap: boolean): boolean {
  let patterns = originPatterns.get(rule);
  if (!patterns) originPatterns.set(rule, (patterns = rule.allowedOrigins.map((o) => parsePattern(o))));
  return patterns.some((p) => matchesPattern(p, origin, overlap));
}

/**
 * The indices of the rules listing `origin`. Every dialect checks a rule's origins first, and a
 * rule whose origins fail neither answers nor ends the search (`endsSearch` in evaluate.ts), so
 * these rules alone decide a request from that origin, in the same way.
 */
const scopes = new WeakMap<CorsConfig, Map<string, number[]>>();
function rulesListing(config: CorsConfig, origin: string, overlap: boolean): number[] {
  let byOrigin = scopes.get(config);
  if (!byOrigin) scopes.set(config, (byOrigin = new Map()));
  let at = byOrigin.get(origin);
  if (!at) byOrigin.set(origin, (at = config.rules.flatMap((rule, i) => (matchesOrigin(rule, origin, overlap) ? [i] : []))));
  return at;
}

function inConfig(decision: Decision | undefined, at: readonly number[]): Decision | undefined {
  if (!decision) return undefined;
  return {
    ...decision,
    matchedRule: decision.matchedRule === null ? null : at[decision.matchedRule]!,
    reasons: decision.reasons.map((r) => ({ ...r, rule: at[r.rule]! })),
  };
}

/** Answers remembered across analyses: the editor re-analyses on each keystroke, each fix's proof re-analyses. */
const remembered = new Map<string, BrowserPrediction>();

/**
 * `predictBrowserFetch`, remembered by the content of the rules that list the request's origin:
 * an analysis, the fixes it tries and the next keystroke's analysis ask about the same rules and
 * requests many times, mostly in other configurations. Its decisions give the rule indices of the
 * configuration, but their reasons and summaries cover only the rules listing the origin.
 */
export function memoPredictor(): Predictor {
  return (config, fetch, dialect) => {
    const at = rulesListing(config, fetch.origin, dialectProfile(dialect).matching.wildcardAffixesMayOverlap);
    const rules = at.map((i) => config.rules[i]!);
    const key = `${dialect} ${config.responseVary === true} ${fetchId(fetch)} ${rules.map(ruleId).join(' ')}`;
    let prediction = remembered.get(key);
    if (!prediction) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(key, (prediction = predictBrowserFetch({ ...config, rules }, fetch, dialect)));
    }
    if (at.every((rule, i) => rule === i)) return prediction;
    return { ...prediction, preflight: inConfig(prediction.preflight, at), actual: inConfig(prediction.actual, at) };
  };
}

/** The rule that answered, or that ended the search without answering (s3rver, Ceph RGW). */
function decidingRule(decision: Decision | undefined): number | undefined {
  if (!decision) return undefined;
  return decision.matchedRule ?? decision.reasons.find((r) => r.code === 'stopped-search')?.rule;
}

interface Harm {
  kind: ShadowHarm;
  /** The earlier rule whose answer does it. */
  by: number | undefined;
  headers?: string[];
  maxAge?: { cause: number; rule: number };
}

/** How the outcome under the configuration (`real`) is worse than under the loser alone (`own`). */
function harmsOf(real: BrowserPrediction, own: BrowserPrediction, loser: CorsRule): Harm[] {
  if (!real.allowed) {
    const check = real.blockedBy?.check;
    const kind = check === 'wildcard-with-credentials' || check === 'credentials-not-allowed' ? 'credentials-refused' : 'blocked';
    return [{ kind, by: decidingRule(real.blockedBy?.stage === 'preflight' ? real.preflight : real.actual) }];
  }
  const harms: Harm[] = [];
  const names = loser.exposeHeaders.filter((h) => h !== '*');
  const mine = headerReadability(real, names).readable;
  const lost = headerReadability(own, names).readable.filter((h) => !mine.includes(h));
  if (lost.length) harms.push({ kind: 'header-unreadable', by: decidingRule(real.actual), headers: lost });
  if (real.preflight && own.preflight) {
    const cause = preflightCacheSeconds(real.preflight.headers['access-control-max-age']);
    const rule = preflightCacheSeconds(own.preflight.headers['access-control-max-age']);
    if (cause < rule) harms.push({ kind: 'shorter-max-age', by: decidingRule(real.preflight), maxAge: { cause, rule } });
  }
  return harms;
}

/** The origin as people wrote it: a pattern's sample becomes the pattern; the unlisted origin is `*`. */
function originNamer(rules: readonly CorsRule[]): (origin: string) => string {
  const byOrigin = new Map<string, string>([[UNLISTED_ORIGIN, '*']]);
  for (const pattern of rules.flatMap((r) => r.allowedOrigins)) {
    const sample = sampleOrigin(pattern);
    if (!byOrigin.has(sample) || sample === pattern) byOrigin.set(sample, pattern);
  }
  return (origin) => byOrigin.get(origin) ?? origin;
}

/**
 * The sampled requests each rule could let through on its own: the origins any rule names (a
 * member of each wildcard, and an unlisted origin) that its own origins match, its methods, no
 * header or one of its allowed headers at a time, with and without credentials. Built per rule,
 * so the sample grows with the rules, not with their product.
 */
export function requestsByRule(config: CorsConfig, dialect: Dialect): BrowserFetch[][] {
  const overlap = dialectProfile(dialect).matching.wildcardAffixesMayOverlap;
  const origins = [...new Set([UNLISTED_ORIGIN, ...config.rules.flatMap((r) => r.allowedOrigins.map(sampleOrigin))])];
  return config.rules.map((rule) => {
    const patterns = rule.allowedOrigins.map((o) => parsePattern(o));
    const own = origins.filter((origin) => patterns.some((p) => matchesPattern(p, origin, overlap)));
    return combine(own, rule.allowedMethods, headerSamples([rule]), []);
  });
}

interface PairDraft {
  origins: Set<string>;
  methods: Set<string>;
  harms: Set<ShadowHarm>;
  headers: Set<string>;
  maxAge?: { cause: number; rule: number };
}

/**
 * Which earlier rules make requests a later rule was written for fare worse, over a sample of
 * requests that exercises every origin, method and header the rules name (with and without
 * credentials), and which rules answer nothing at all.
 */
export function analyseShadowing(config: CorsConfig, dialect: Dialect, predict: Predictor = predictBrowserFetch): ShadowAnalysis {
  const { rules } = config;
  const byRule = requestsByRule(config, dialect);
  const nameOrigin = originNamer(rules);
  const pairs: ShadowPair[] = [];
  const unreached: UnreachedRule[] = [];
  rules.forEach((loser, index) => {
    if (index === 0) return;
    const alone: CorsConfig = { rules: [loser] };
    const drafts = new Map<number, PairDraft>();
    const answeredBy = new Set<number>();
    let reached = false;
    for (const fetch of byRule[index]!) {
      const own = predict(alone, fetch, dialect);
      if (!own.allowed) continue;
      const outcome = predict(config, fetch, dialect);
      if (outcome.preflight?.matchedRule === index || outcome.actual?.matchedRule === index) reached = true;
      for (const by of [decidingRule(outcome.preflight), decidingRule(outcome.actual)]) if (by !== undefined && by < index) answeredBy.add(by);
      for (const harm of harmsOf(outcome, own, loser)) {
        if (harm.by === undefined || harm.by >= index) continue;
        let draft = drafts.get(harm.by);
        if (!draft) drafts.set(harm.by, (draft = { origins: new Set(), methods: new Set(), harms: new Set(), headers: new Set() }));
        draft.origins.add(nameOrigin(fetch.origin));
        draft.methods.add(fetch.method);
        draft.harms.add(harm.kind);
        for (const h of harm.headers ?? []) draft.headers.add(loser.exposeHeaders.find((e) => e.toLowerCase() === h) ?? h);
        if (harm.maxAge && (!draft.maxAge || harm.maxAge.cause < draft.maxAge.cause)) draft.maxAge = harm.maxAge;
      }
    }
    const neverReached = !reached && answeredBy.size > 0;
    for (const [cause, d] of [...drafts].sort(([a], [b]) => a - b)) {
      pairs.push({
        cause,
        loser: index,
        origins: [...d.origins].sort(),
        methods: [...d.methods],
        harms: SHADOW_HARMS.filter((h) => d.harms.has(h)),
        headers: [...d.headers],
        ...(d.maxAge ? { maxAge: d.maxAge } : {}),
        neverReached,
      });
    }
    if (neverReached && drafts.size === 0) unreached.push({ loser: index, answeredBy: [...answeredBy].sort((a, b) => a - b) });
  });
  return { pairs, unreached };
}
