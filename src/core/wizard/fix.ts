import { readableResponseHeaders, reasonConcerns, type BrowserRequestClass } from '../browser';
import { dialectProfile, type Dialect, type DialectProfile } from '../dialects';
import { evaluate } from '../evaluate';
import { matchesPattern, parsePattern } from '../pattern';
import { headerReadability, predictBrowserFetch, type BrowserFetch, type BrowserPrediction } from '../predict';
import { isMethod, type CorsConfig, type CorsRule, type Method } from '../rule';
import { findShadowedRules } from '../shadowing';
import { analysesAcrossRules, validateConfig } from '../validate';
import {
  explain,
  exposeSpelling,
  hasHeader,
  ruleAt,
  type Explanation,
  type FixAddition,
  type FixBlock,
  type FixChange,
  type WizardError,
  type WizardErrorCode,
  type WizardErrorParamsByCode,
} from './explain';
import { insertEffectively } from './placement';
import { changeMeter, hasRegression, probesAround, sampleKey, sampleRequest, type ConfigChange, type SampleChange } from './probe';

/** A fetch() that fails, optionally with the response headers its script must read. */
export interface FailingFetch extends BrowserFetch {
  /** Response headers script must read (e.g. `ETag`); a request that succeeds but cannot read them still needs a fix. */
  needsReadableHeaders?: string[];
}

export type FixResult =
  | {
      ok: true;
      /** The configuration with the fix applied: a draft to preview and save. */
      config: CorsConfig;
      /** `extend-rule`: values added to an existing rule; `insert-rule`: a new rule. */
      kind: 'extend-rule' | 'insert-rule';
      /** 0-based index of the changed or inserted rule in `config`. */
      ruleIndex: number;
      /** What changes (the catalogue makes it one sentence). */
      change: FixChange;
      explanations: Explanation[];
      /** Other requests (from a sample) that the fix lets through too; empty for the tightest fixes. */
      alsoAllows: SampleChange[];
    }
  | { ok: false; error: WizardError };

/** What the request needs from the rule that answers it. */
interface Need {
  origin: string;
  method: Method;
  headers: string[];
  readable: string[];
  credentialed: boolean;
}

interface Candidate {
  kind: 'extend-rule' | 'insert-rule';
  config: CorsConfig;
  ruleIndex: number;
  change: FixChange;
  explanations: Explanation[];
}

interface Scored extends Candidate {
  diff: ConfigChange;
  broadening: number;
}

function fail<C extends WizardErrorCode>(code: C, params: WizardErrorParamsByCode[C]): FixResult {
  return { ok: false, error: { code, params } as WizardError };
}

function works(config: CorsConfig, fetch: FailingFetch, need: Need, dialect: Dialect): BrowserPrediction & { unreadable: string[] } {
  const prediction = predictBrowserFetch(config, fetch, dialect);
  return { ...prediction, unreadable: headerReadability(prediction, need.readable).unreadable };
}

function originListed(rule: CorsRule, origin: string): boolean {
  return rule.allowedOrigins.some((o) => matchesPattern(parsePattern(o), origin));
}

function headerAllowed(rule: CorsRule, name: string): boolean {
  return rule.allowedHeaders.some((h) => matchesPattern(parsePattern(h, true), name));
}

/** Why each header of the request needs allowing, from the browser's own classification. */
function headerReason(request: BrowserRequestClass, name: string): Explanation {
  const reason = request.reasons.find((r) => reasonConcerns(r, name)) ?? { code: 'header-not-safelisted' as const, params: { header: name } };
  return explain('allowedHeaders', 'fix.header-added', { header: name, reason }, name);
}

function credentialsNote(need: Need, profile: DialectProfile): Explanation[] {
  if (!need.credentialed) return [];
  return [explain('allowedOrigins', 'fix.credentials', { origin: need.origin, provider: profile.label }, need.origin)];
}

/** Adds what is missing to rule `index`: the origin, the method, the headers, the exposed headers. */
function extendCandidate(config: CorsConfig, index: number, need: Need, request: BrowserRequestClass, profile: DialectProfile): Candidate | undefined {
  const rule = config.rules[index]!;
  // A rule listing * answers *, which no added origin changes: it cannot serve credentials.
  if (need.credentialed && rule.allowedOrigins.includes('*')) return undefined;
  const added: FixAddition[] = [];
  const explanations: Explanation[] = [];
  const next: CorsRule = { ...rule, allowedOrigins: [...rule.allowedOrigins], allowedMethods: [...rule.allowedMethods], allowedHeaders: [...rule.allowedHeaders], exposeHeaders: [...rule.exposeHeaders] };
  if (!originListed(rule, need.origin)) {
    next.allowedOrigins.push(need.origin);
    added.push({ field: 'origin', value: need.origin });
    explanations.push(explain('allowedOrigins', 'fix.origin-added', { ...ruleAt(index, rule), origin: need.origin }, need.origin));
  }
  if (!rule.allowedMethods.includes(need.method)) {
    next.allowedMethods.push(need.method);
    added.push({ field: 'method', value: need.method });
    explanations.push(explain('allowedMethods', 'fix.method-added', { method: need.method }, need.method));
  }
  for (const name of need.headers.filter((h) => !headerAllowed(rule, h))) {
    next.allowedHeaders.push(name);
    added.push({ field: 'header', value: name });
    explanations.push(headerReason(request, name));
  }
  for (const name of need.readable.filter((h) => !hasHeader(rule.exposeHeaders, h))) {
    const spelt = exposeSpelling(name);
    next.exposeHeaders.push(spelt);
    added.push({ field: 'expose', value: spelt });
    explanations.push(explain('exposeHeaders', 'fix.expose-added', { header: spelt }, spelt));
  }
  if (added.length === 0) return undefined;
  const rules = config.rules.map((r, i) => (i === index ? next : r));
  return {
    kind: 'extend-rule',
    config: { ...config, rules },
    ruleIndex: index,
    change: { kind: 'extend-rule', ...ruleAt(index, rule), added },
    explanations: [...explanations, ...credentialsNote(need, profile)],
  };
}

/** Rules worth extending, at most this many, in evaluation order. */
const MAX_EXTEND_CANDIDATES = 3;

/**
 * The rules an extension would naturally go to: those that already list the request's origin
 * (add a method, header or exposed header), or, when none does, those that already allow the
 * method (add the origin). Further rules would need more added and are left to a new rule.
 */
function extendableRules(config: CorsConfig, need: Need): number[] {
  const indexes = config.rules.map((_, i) => i);
  const listing = indexes.filter((i) => originListed(config.rules[i]!, need.origin));
  const chosen = listing.length ? listing : indexes.filter((i) => config.rules[i]!.allowedMethods.includes(need.method));
  return chosen.slice(0, MAX_EXTEND_CANDIDATES);
}

function uniqueId(config: CorsConfig, base: string): string {
  const taken = new Set(config.rules.map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * A rule for exactly this origin and method. It inherits the exposed headers and max age of the
 * rule that answered this origin and method before (and, where the dialect stops at the first
 * origin+method match, its allowed headers), so requests that worked keep working.
 */
function insertCandidate(config: CorsConfig, need: Need, request: BrowserRequestClass, dialect: Dialect, profile: DialectProfile): Candidate | { error: WizardError } {
  const previous = evaluate(config, { method: need.method, headers: { origin: need.origin } }, dialect).matchedRule;
  const displaced = previous === null ? undefined : config.rules[previous];
  const inheritHeaders = profile.matching.preflightSelection === 'origin-method-then-headers' ? (displaced?.allowedHeaders ?? []) : [];
  const headers = [...need.headers, ...inheritHeaders.filter((h) => !need.headers.includes(h.toLowerCase()))];
  const inherited = displaced?.exposeHeaders ?? [];
  const expose = [...inherited, ...need.readable.filter((h) => !hasHeader(inherited, h)).map(exposeSpelling)];
  const rule: CorsRule = {
    ...(profile.validation.hasRuleIds ? { id: uniqueId(config, `allow-${need.method.toLowerCase()}`) } : {}),
    allowedOrigins: [need.origin],
    allowedMethods: [need.method],
    allowedHeaders: headers,
    exposeHeaders: expose,
    ...(displaced?.maxAgeSeconds !== undefined ? { maxAgeSeconds: displaced.maxAgeSeconds } : {}),
  };
  const placed = insertEffectively(config, [rule], dialect);
  if (!placed.ok) return { error: placed.error };
  const from = () => ruleAt(previous!, displaced!);
  const explanations: Explanation[] = [
    explain('allowedOrigins', 'fix.only-origin', { origin: need.origin }, need.origin),
    ...credentialsNote(need, profile),
    explain('allowedMethods', 'fix.only-method', { method: need.method }, need.method),
    ...need.headers.map((name) => headerReason(request, name)),
    ...inheritHeaders.map((name) => explain('allowedHeaders', 'fix.header-kept', { ...from(), header: name, provider: profile.label }, name)),
    ...need.readable.filter((h) => !hasHeader(inherited, h)).map((h) => explain('exposeHeaders', 'fix.expose-added', { header: exposeSpelling(h) }, exposeSpelling(h))),
    ...inherited.map((h) => explain('exposeHeaders', 'fix.expose-kept', { ...from(), header: h, method: need.method, origin: need.origin }, h)),
    ...(rule.maxAgeSeconds !== undefined ? [explain('maxAgeSeconds', 'fix.max-age-kept', { ...from(), seconds: rule.maxAgeSeconds }, String(rule.maxAgeSeconds))] : []),
    ...placed.explanations,
  ];
  return {
    kind: 'insert-rule',
    config: placed.config,
    ruleIndex: placed.index,
    change: { kind: 'insert-rule', method: need.method, headers, origin: need.origin, position: placed.index },
    explanations,
  };
}

function blockOf(prediction: BrowserPrediction, unreadable: string[]): FixBlock {
  if (!prediction.allowed) return { kind: 'blocked', ...(prediction.blockedBy ? { blockedBy: prediction.blockedBy } : {}) };
  return { kind: 'unreadable', headers: unreadable.map(exposeSpelling) };
}

/** Checks that make any rule change pointless; `undefined` when a fix may exist. */
function unfixable(fetch: FailingFetch, prediction: BrowserPrediction, need: Need, dialect: Dialect): FixResult | undefined {
  if (prediction.request.refused) return fail('fix.refused-by-browser', { reasons: prediction.request.reasons });
  const method = prediction.request.method;
  if (!isMethod(method)) return fail('fix.method-not-allowable', { method, lowerCase: method.toUpperCase() !== method });
  const originIssue = validateConfig({ rules: [{ allowedOrigins: [fetch.origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, dialect).find(
    (i) => i.severity === 'error' && i.path[2] === 'allowedOrigins',
  );
  if (originIssue) return fail('fix.invalid-origin', { origin: fetch.origin, issue: originIssue });
  const never = need.readable.filter((h) => readableResponseHeaders([h], h, false).length === 0);
  if (never.length) return fail('fix.header-never-readable', { headers: never });
  return undefined;
}

/**
 * The smallest change to `config` that lets the failing fetch through (and lets script read
 * `needsReadableHeaders`). Both ways are tried: extending an existing rule, and inserting a narrow
 * rule where first-match makes it effective. Each is checked with `predictBrowserFetch`, changes
 * that block a request that worked before are dropped, and of the rest the one that lets the fewest
 * other sample requests through wins; on a tie, extending wins, as it keeps the configuration short.
 */
export function strictestFixFor(config: CorsConfig, fetch: FailingFetch, dialect: Dialect = 's3'): FixResult {
  const profile = dialectProfile(dialect);
  const prediction = predictBrowserFetch(config, fetch, dialect);
  const need: Need = {
    origin: fetch.origin,
    method: prediction.request.method as Method,
    headers: prediction.request.unsafeHeaders,
    readable: [...new Set((fetch.needsReadableHeaders ?? []).map((h) => h.toLowerCase()))],
    credentialed: prediction.request.sendsCredentials,
  };
  const refusal = unfixable(fetch, prediction, need, dialect);
  if (refusal) return refusal;
  const { unreadable } = headerReadability(prediction, need.readable);
  if (prediction.allowed && unreadable.length === 0) {
    return fail('fix.already-allowed', { method: need.method, origin: need.origin, readable: need.readable.map(exposeSpelling) });
  }
  const why = explain('request', 'fix.request', { block: blockOf(prediction, unreadable) });

  const candidates: Candidate[] = extendableRules(config, need).flatMap((i) => extendCandidate(config, i, need, prediction.request, profile) ?? []);
  const inserted = insertCandidate(config, need, prediction.request, dialect, profile);
  let insertRefusal: WizardError | undefined;
  if ('error' in inserted) insertRefusal = inserted.error;
  else candidates.push(inserted);

  const measure = changeMeter(config, dialect);
  // The request under test is the point of the fix, never "also" let through. A sample is that
  // request when the browser sends the same thing: safelisted headers (Content-Type: text/plain)
  // change nothing, and every sampled header is an unsafe one, so compare on unsafe headers too.
  const asWritten = sampleRequest(fetch);
  const own = new Set([sampleKey(asWritten), sampleKey({ ...asWritten, headers: [...prediction.request.unsafeHeaders].sort() })]);
  const notOwn = (change: SampleChange) => !own.has(sampleKey(change.request));
  const scored: Scored[] = [];
  let lastFailure: FixBlock | undefined;
  for (const candidate of candidates) {
    const after = works(candidate.config, fetch, need, dialect);
    if (!after.allowed || after.unreadable.length) {
      lastFailure = blockOf(after, after.unreadable);
      continue;
    }
    const measured = measure(candidate.config, probesAround(config, [candidate.config.rules[candidate.ruleIndex]!], [fetch], profile.matching.preflightSelection));
    if (hasRegression(measured)) continue;
    // The request itself is among the probes; it is the point of the fix, not a broadening.
    const diff = { ...measured, newlyAllowed: measured.newlyAllowed.filter(notOwn), newlyReadable: measured.newlyReadable.filter(notOwn) };
    scored.push({ ...candidate, diff, broadening: diff.newlyAllowed.length + diff.newlyReadable.length });
  }
  const best = scored.sort((a, b) => a.broadening - b.broadening || (a.kind === b.kind ? a.ruleIndex - b.ruleIndex : a.kind === 'extend-rule' ? -1 : 1))[0];
  if (!best) {
    const cause = insertRefusal ? { refusal: insertRefusal } : lastFailure ? { block: lastFailure } : {};
    return fail('fix.not-possible', { provider: profile.label, ...cause });
  }
  return {
    ok: true,
    config: best.config,
    kind: best.kind,
    ruleIndex: best.ruleIndex,
    change: best.change,
    explanations: [why, ...best.explanations, ...choiceExplanations(best, scored), ...newlyDeadRules(config, best, dialect)],
    alsoAllows: [...best.diff.newlyAllowed, ...best.diff.newlyReadable],
  };
}

/** Existing rules the change leaves with nothing to answer: worth removing, said so. */
function newlyDeadRules(before: CorsConfig, best: Scored, dialect: Dialect): Explanation[] {
  if (!analysesAcrossRules(best.config.rules.length, dialect)) return [];
  const dead = (config: CorsConfig) => new Set(findShadowedRules(config.rules, dialect).filter((i) => i.code === 'rule.never-matches').map((i) => config.rules[i.path[1] as number]!));
  const was = dead(before);
  return [...dead(best.config)]
    .filter((rule) => !was.has(rule) && rule !== best.config.rules[best.ruleIndex])
    .map((rule) => {
      const index = best.config.rules.indexOf(rule);
      return explain('rules', 'fix.rule-dead', ruleAt(index, rule), String(index));
    });
}

/** Why this candidate and not the others. */
function choiceExplanations(best: Scored, scored: Scored[]): Explanation[] {
  const alternative = scored.find((c) => c !== best && c.kind !== best.kind) ?? scored.find((c) => c !== best);
  const extra = best.broadening;
  if (!alternative) return [explain('rules', 'fix.chosen', { extra })];
  return [explain('rules', 'fix.chosen', { extra, alternative: { change: alternative.change, extra: alternative.broadening } })];
}
