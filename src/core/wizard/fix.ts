import { readableResponseHeaders, type BrowserRequestClass } from '../browser';
import { dialectProfile, type Dialect, type DialectProfile } from '../dialects';
import { evaluate } from '../evaluate';
import { matchesPattern, parsePattern } from '../pattern';
import { headerReadability, predictBrowserFetch, type BrowserFetch, type BrowserPrediction } from '../predict';
import { isMethod, type CorsConfig, type CorsRule, type Method } from '../rule';
import { findShadowedRules } from '../shadowing';
import { validateConfig } from '../validate';
import { capitalize, explain, exposeSpelling, hasHeader, ruleName, type Explanation, type WizardError } from './explain';
import { insertEffectively } from './placement';
import { changeMeter, describeFetch, hasRegression, probesAround, type ConfigChange } from './probe';

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
      /** One sentence: what changes. */
      change: string;
      explanations: Explanation[];
      /** Other requests (from a sample) that the fix lets through too; empty for the tightest fixes. */
      alsoAllows: string[];
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
  change: string;
  explanations: Explanation[];
}

interface Scored extends Candidate {
  diff: ConfigChange;
  broadening: number;
}

function fail(code: WizardError['code'], message: string): FixResult {
  return { ok: false, error: { code, message } };
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
function headerReason(request: BrowserRequestClass, name: string): string {
  const reason = request.reasons.find((r) => r.toLowerCase().includes(name)) ?? `${name} is not CORS-safelisted.`;
  return `${name} added because the browser asks for it in the preflight: ${reason}`;
}

function credentialsNote(need: Need, profile: DialectProfile): Explanation[] {
  if (!need.credentialed) return [];
  return [
    explain('allowedOrigins', `The request includes credentials, so the answer must name ${need.origin}, not *: ${profile.label} adds Access-Control-Allow-Credentials: true only when it echoes a listed origin, never beside *.`, need.origin),
  ];
}

/** Adds what is missing to rule `index`: the origin, the method, the headers, the exposed headers. */
function extendCandidate(config: CorsConfig, index: number, need: Need, request: BrowserRequestClass, profile: DialectProfile): Candidate | undefined {
  const rule = config.rules[index]!;
  // A rule listing * answers *, which no added origin changes: it cannot serve credentials.
  if (need.credentialed && rule.allowedOrigins.includes('*')) return undefined;
  const added: string[] = [];
  const explanations: Explanation[] = [];
  const next: CorsRule = { ...rule, allowedOrigins: [...rule.allowedOrigins], allowedMethods: [...rule.allowedMethods], allowedHeaders: [...rule.allowedHeaders], exposeHeaders: [...rule.exposeHeaders] };
  if (!originListed(rule, need.origin)) {
    next.allowedOrigins.push(need.origin);
    added.push(`origin ${need.origin}`);
    explanations.push(explain('allowedOrigins', `${need.origin} added because the page is served from there and ${ruleName(index, rule)} does not list it.`, need.origin));
  }
  if (!rule.allowedMethods.includes(need.method)) {
    next.allowedMethods.push(need.method);
    added.push(`method ${need.method}`);
    explanations.push(explain('allowedMethods', `${need.method} added because the request uses it.`, need.method));
  }
  for (const name of need.headers.filter((h) => !headerAllowed(rule, h))) {
    next.allowedHeaders.push(name);
    added.push(`header ${name}`);
    explanations.push(explain('allowedHeaders', headerReason(request, name), name));
  }
  for (const name of need.readable.filter((h) => !hasHeader(rule.exposeHeaders, h))) {
    const spelt = exposeSpelling(name);
    next.exposeHeaders.push(spelt);
    added.push(`exposed header ${spelt}`);
    explanations.push(explain('exposeHeaders', `${spelt} exposed because script must read it and it is not CORS-safelisted.`, spelt));
  }
  if (added.length === 0) return undefined;
  const rules = config.rules.map((r, i) => (i === index ? next : r));
  return {
    kind: 'extend-rule',
    config: { ...config, rules },
    ruleIndex: index,
    change: `Add ${added.join(', ')} to ${ruleName(index, rule)}.`,
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
  const explanations: Explanation[] = [
    explain('allowedOrigins', `Only ${need.origin}, the page's origin.`, need.origin),
    ...credentialsNote(need, profile),
    explain('allowedMethods', `Only ${need.method}, the request's method.`, need.method),
    ...need.headers.map((name) => explain('allowedHeaders', headerReason(request, name), name)),
    ...inheritHeaders.map((name) => explain('allowedHeaders', `${name} kept from ${ruleName(previous!, displaced!)}: ${profile.label} checks headers only on the first rule matching origin and method, so preflights that worked must find them here.`, name)),
    ...need.readable.filter((h) => !hasHeader(inherited, h)).map((h) => explain('exposeHeaders', `${exposeSpelling(h)} exposed because script must read it and it is not CORS-safelisted.`, exposeSpelling(h))),
    ...inherited.map((h) => explain('exposeHeaders', `${h} kept from ${ruleName(previous!, displaced!)}, which answered ${need.method} from ${need.origin} before, so script can still read it.`, h)),
    ...(rule.maxAgeSeconds !== undefined ? [explain('maxAgeSeconds', `Max age ${rule.maxAgeSeconds} s kept from ${ruleName(previous!, displaced!)}.`, String(rule.maxAgeSeconds))] : []),
    ...placed.explanations,
  ];
  const what = [need.method, ...(headers.length ? [`with ${headers.join(', ')}`] : [])].join(' ');
  return {
    kind: 'insert-rule',
    config: placed.config,
    ruleIndex: placed.index,
    change: `Insert a rule allowing ${what} from ${need.origin} at position ${placed.index + 1}.`,
    explanations,
  };
}

function describeBlock(prediction: BrowserPrediction, unreadable: string[]): string {
  if (!prediction.allowed) return prediction.blockedBy?.message ?? 'The browser blocks the request.';
  return `The request is allowed, but script cannot read ${unreadable.map(exposeSpelling).join(', ')}: ${unreadable.length === 1 ? 'it is' : 'they are'} not CORS-safelisted and not in Access-Control-Expose-Headers.`;
}

/** Checks that make any rule change pointless; `undefined` when a fix may exist. */
function unfixable(fetch: FailingFetch, prediction: BrowserPrediction, need: Need, dialect: Dialect): FixResult | undefined {
  if (prediction.request.refused) return fail('fix.refused-by-browser', `No CORS rule can help: the browser refuses to send this request. ${prediction.request.reasons.join(' ')}`);
  if (!isMethod(prediction.request.method)) {
    return fail('fix.method-not-allowable', `No CORS rule can allow ${prediction.request.method}: bucket CORS rules allow only GET, PUT, POST, DELETE and HEAD${prediction.request.method.toUpperCase() !== prediction.request.method ? ' (and fetch() sends this method in lower case, as written)' : ''}.`);
  }
  const originIssue = validateConfig({ rules: [{ allowedOrigins: [fetch.origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, dialect).find(
    (i) => i.severity === 'error' && i.path[2] === 'allowedOrigins',
  );
  if (originIssue) return fail('fix.invalid-origin', `No rule should list the origin ${JSON.stringify(fetch.origin)}: ${originIssue.message}`);
  const never = need.readable.filter((h) => readableResponseHeaders([h], h, false).length === 0);
  if (never.length) return fail('fix.header-never-readable', `Browsers never let script read ${never.join(', ')}, whatever the rule exposes.`);
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
    return fail('fix.already-allowed', `The browser already allows ${need.method} from ${need.origin}${need.readable.length ? ` and script can read ${need.readable.map(exposeSpelling).join(', ')}` : ''}: nothing to fix.`);
  }
  const why = explain('request', describeBlock(prediction, unreadable));

  const candidates: Candidate[] = extendableRules(config, need).flatMap((i) => extendCandidate(config, i, need, prediction.request, profile) ?? []);
  const inserted = insertCandidate(config, need, prediction.request, dialect, profile);
  let insertRefusal: WizardError | undefined;
  if ('error' in inserted) insertRefusal = inserted.error;
  else candidates.push(inserted);

  const measure = changeMeter(config, dialect);
  const own = describeFetch(fetch);
  const notOwn = (d: string) => d !== own && !d.startsWith(`${own}: `);
  const scored: Scored[] = [];
  let lastFailure: string | undefined;
  for (const candidate of candidates) {
    const after = works(candidate.config, fetch, need, dialect);
    if (!after.allowed || after.unreadable.length) {
      lastFailure = describeBlock(after, after.unreadable);
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
    const reason = insertRefusal?.message ?? lastFailure ?? 'every candidate change would block requests that work today';
    return fail('fix.not-possible', `No rule change lets this request through on ${profile.label}: ${reason}`);
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
  const dead = (config: CorsConfig) => new Set(findShadowedRules(config.rules, dialect).filter((i) => i.code === 'rule.never-matches').map((i) => config.rules[i.path[1] as number]!));
  const was = dead(before);
  return [...dead(best.config)]
    .filter((rule) => !was.has(rule) && rule !== best.config.rules[best.ruleIndex])
    .map((rule) => {
      const index = best.config.rules.indexOf(rule);
      return explain('rules', `${capitalize(ruleName(index, rule))} now never matches: the rules above it answer every request it allows. It can be removed once the fix is saved.`, String(index));
    });
}

/** Why this candidate and not the others. */
function choiceExplanations(best: Scored, scored: Scored[]): Explanation[] {
  const alternative = scored.find((c) => c !== best && c.kind !== best.kind) ?? scored.find((c) => c !== best);
  const extra = best.broadening;
  const own = extra === 0 ? 'it allows nothing beyond this request' : `it also allows ${extra} other sample request${extra === 1 ? '' : 's'}`;
  if (!alternative) return [explain('rules', `Chosen because ${own}, and no other change works without blocking requests that work today.`)];
  const theirs = alternative.broadening === 0 ? 'nothing else' : `${alternative.broadening} other sample request${alternative.broadening === 1 ? '' : 's'}`;
  const how = alternative.kind === 'insert-rule' ? 'adding a rule' : `extending ${ruleName(alternative.ruleIndex, alternative.config.rules[alternative.ruleIndex]!)}`;
  const tie = alternative.broadening === best.broadening ? ', so the change that keeps the configuration shorter wins' : '';
  return [explain('rules', `Chosen because ${own}; ${how} would allow ${theirs}${tie}.`)];
}
