import { compileRules, type CompiledRule } from './compiled-rules';
import { dialectProfile, type Dialect, type DialectProfile, type PreflightError } from './dialects';
import { matchesPattern } from './pattern';
import type { CorsConfig, CorsRule } from './rule';
import { findDecidingRule, headerAllowed, type DecidingIndex, type SelectionInput } from './rule-selection';

/** A request as the storage server receives it. Header names are case-insensitive. */
export interface CorsRequest {
  /** HTTP method; `OPTIONS` is a preflight. */
  method: string;
  /** Request headers (`Origin`, `Access-Control-Request-Method`, ...); any case. */
  headers: Record<string, string | undefined>;
  /** Whether the URL names an object (default) or the bucket itself; shows in S3's 403 body. */
  resource?: 'object' | 'bucket';
  /** Set to false when the bucket does not exist (S3 answers a preflight differently). */
  bucketExists?: boolean;
}

/** A listed origin that almost matches the request's: what differs. */
export type NearMiss =
  | { kind: 'trailing-slash' | 'letter-case'; candidate: string }
  | { kind: 'scheme'; candidate: string; scheme: string; requestScheme: string }
  /** Ports are `''` when the origin names none (the default port). */
  | { kind: 'port'; candidate: string; port: string; requestPort: string };

/** The values each check code names. */
export interface CheckParamsByCode {
  'origin.matches': { origin: string; pattern: string };
  'origin.not-listed': { origin: string; allowed: string[]; nearMiss?: NearMiss };
  'method.allowed': { method: string };
  'method.not-allowed': { method: string; allowed: string[] };
  'headers.none-requested': Record<string, never>;
  'headers.allowed': { headers: string[] };
  /** Ceph RGW on actual requests: refused names are only left out of Allow-Headers. */
  'headers.left-out': { headers: string[] };
  'headers.not-allowed': { headers: string[]; allowed: string[] };
}
export type CheckCode = keyof CheckParamsByCode;
export const CHECK_CODES = [
  'origin.matches', 'origin.not-listed', 'method.allowed', 'method.not-allowed',
  'headers.none-requested', 'headers.allowed', 'headers.left-out', 'headers.not-allowed',
] as const satisfies readonly CheckCode[];

/** One check of one rule against the request: whether it passed, and the values involved. */
export type CheckResult = { [C in CheckCode]: { ok: boolean; code: C; params: CheckParamsByCode[C] } }[CheckCode];

/** Which rules a provider looks at after the first whose checks partly pass (see `DialectProfile.matching`). */
export type StopSelection = 'origin-method-then-headers' | 'origin-then-method-and-headers';

/** The values each rule-reason code names (the checks are on the reason itself). */
export interface RuleReasonParamsByCode {
  matched: Record<string, never>;
  failed: Record<string, never>;
  /** The rule's checks failed, but the provider stops at it anyway. */
  'stopped-search': { selection: StopSelection; provider: string };
  /** An earlier rule (`decidedBy`) matched or stopped the search. */
  'not-reached': { decidedBy: number; decidedById?: string; stopped?: StopSelection; provider: string };
  /** No rule was looked at: the request lacks what matching needs. */
  'not-evaluated': { missing: 'preflight-origin' | 'preflight-request-method' | 'request-origin' };
}
export type RuleReasonCode = keyof RuleReasonParamsByCode;
export const RULE_REASON_CODES = ['matched', 'failed', 'stopped-search', 'not-reached', 'not-evaluated'] as const satisfies readonly RuleReasonCode[];

interface RuleReasonFields {
  /** 0-based index of the rule. */
  rule: number;
  id?: string;
  /** `matched`: this rule answers; `failed`: a check failed; `not-reached`: an earlier rule decided. */
  outcome: 'matched' | 'failed' | 'not-reached';
  origin?: CheckResult;
  method?: CheckResult;
  headers?: CheckResult;
}

/** Why one rule did or did not match: a code and its values, made into a sentence by the catalogue. */
export type RuleReason = { [C in RuleReasonCode]: RuleReasonFields & { code: C; params: RuleReasonParamsByCode[C] } }[RuleReasonCode];

/** The values each decision-summary code names. */
export interface SummaryParamsByCode {
  'preflight.no-origin': Record<string, never>;
  'preflight.no-request-method': Record<string, never>;
  'preflight.no-bucket': Record<string, never>;
  'preflight.no-config': Record<string, never>;
  'preflight.no-match': { method: string; origin: string; headers: string[] };
  'preflight.allowed': { rule: number; ruleId?: string };
  'actual.no-origin': Record<string, never>;
  'actual.no-config': Record<string, never>;
  'actual.no-match': { method: string; origin: string };
  'actual.matched': { rule: number; ruleId?: string };
}
export type SummaryCode = keyof SummaryParamsByCode;
export const SUMMARY_CODES = [
  'preflight.no-origin', 'preflight.no-request-method', 'preflight.no-bucket', 'preflight.no-config', 'preflight.no-match', 'preflight.allowed',
  'actual.no-origin', 'actual.no-config', 'actual.no-match', 'actual.matched',
] as const satisfies readonly SummaryCode[];

/** The outcome as a whole, as a code and its values. */
export type DecisionSummary = { [C in SummaryCode]: { code: C; params: SummaryParamsByCode[C] } }[SummaryCode];

/** What the provider answers, as the core predicts it. */
export interface Decision {
  kind: 'preflight' | 'actual';
  /** Status of a preflight answer (200/400/403); `null` for an actual request (normal status). */
  status: number | null;
  /** The error a refused preflight carries. `details` are extra XML elements (Method, ResourceType). */
  error?: { code: string; message: string; details?: Record<string, string> };
  /** Index of the rule that answered, or `null`. */
  matchedRule: number | null;
  /** Every CORS header and `Vary` the provider adds, names lowercased, values exact. */
  headers: Record<string, string>;
  /** Per rule, in order, why it did or did not match. */
  reasons: RuleReason[];
  /** The outcome as a whole (the catalogue makes it one paragraph). */
  summary: DecisionSummary;
}

/**
 * Header lookup by lowercase name. Values are trimmed: a server never sees the whitespace around
 * a field value (RFC 9110 §5.5), so `Origin: " "` arrives as an empty Origin.
 */
function lowercaseHeaders(headers: CorsRequest['headers']): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name.toLowerCase(), value.trim());
  }
  return map;
}

/** The `Origin` the provider reads: an empty one is an origin or no origin, by dialect. */
function readOrigin(h: Map<string, string>, profile: DialectProfile): string | undefined {
  const origin = h.get('origin');
  return origin === '' && profile.matching.emptyOrigin === 'missing' ? undefined : origin;
}

/** The `Access-Control-Request-Method` the provider reads: an empty one is a method or none, by dialect. */
function readRequestMethod(h: Map<string, string>, profile: DialectProfile): string | undefined {
  const method = h.get('access-control-request-method');
  return method === '' && profile.matching.emptyRequestMethod === 'missing' ? undefined : method;
}

/**
 * Names in `Access-Control-Request-Headers`: split on commas and trimmed, in the case they were
 * sent (matching ignores case; the echo is the dialect's). [R] An empty value asks for nothing:
 * s3rver and Ceph RGW answer it without Allow-Headers (case "preflight with an empty
 * Access-Control-Request-Headers"); AWS is [U], modelled the same. Empty items are dropped
 * unless the dialect keeps them (s3rver).
 */
function parseRequestedHeaders(value: string | undefined, profile: DialectProfile): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const names = value.split(',').map((n) => n.trim());
  return profile.matching.keepsEmptyRequestHeaderItems ? names : names.filter((n) => n !== '');
}

function checkOrigin(c: CompiledRule, origin: string, overlap: boolean): CheckResult {
  const hit = c.origins.find((p) => matchesPattern(p, origin, overlap));
  if (hit) return { ok: true, code: 'origin.matches', params: { origin, pattern: hit.source } };
  const nearMiss = findNearMiss(origin, c.allowedOrigins);
  return { ok: false, code: 'origin.not-listed', params: { origin, allowed: [...c.allowedOrigins], ...(nearMiss ? { nearMiss } : {}) } };
}

/** Finds the common near misses: scheme, port, trailing slash, letter case. */
export function findNearMiss(origin: string, allowed: readonly string[]): NearMiss | undefined {
  const parsed = splitOrigin(origin);
  if (!parsed) return undefined;
  for (const candidate of allowed) {
    if (candidate.endsWith('/') && candidate.slice(0, -1) === origin) return { kind: 'trailing-slash', candidate };
    if (candidate.toLowerCase() === origin.toLowerCase()) return { kind: 'letter-case', candidate };
    const other = splitOrigin(candidate);
    if (!other || other.host !== parsed.host) continue;
    if (other.scheme !== parsed.scheme && other.port === parsed.port) {
      return { kind: 'scheme', candidate, scheme: other.scheme, requestScheme: parsed.scheme };
    }
    if (other.scheme === parsed.scheme && other.port !== parsed.port) {
      return { kind: 'port', candidate, port: other.port, requestPort: parsed.port };
    }
  }
  return undefined;
}

function splitOrigin(origin: string): { scheme: string; host: string; port: string } | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:]+|\[[^\]]+\])(?::(\d+|\*))?\/?$/.exec(origin);
  if (!m) return undefined;
  return { scheme: m[1] ?? '', host: m[2] ?? '', port: m[3] ?? '' };
}

function checkMethod(c: CompiledRule, method: string): CheckResult {
  const ok = c.allowedMethods.includes(method);
  return ok
    ? { ok, code: 'method.allowed', params: { method } }
    : { ok, code: 'method.not-allowed', params: { method, allowed: [...c.allowedMethods] } };
}

/** The requested header names a rule allows, in request order (matched without case). */
function allowedHeaderNames(c: CompiledRule, requested: readonly string[], overlap: boolean): string[] {
  return requested.filter((name) => headerAllowed(c, name.toLowerCase(), overlap));
}

/**
 * The header check. With `allowed-subset` (Ceph RGW on actual requests) a refused name does not
 * fail the rule: it is only left out of Allow-Headers.
 */
function checkHeaders(c: CompiledRule, requested: readonly string[] | undefined, overlap: boolean, subset: boolean): CheckResult {
  if (!requested || requested.length === 0) return { ok: true, code: 'headers.none-requested', params: {} };
  const allowed = allowedHeaderNames(c, requested, overlap);
  const refused = requested.filter((name) => !allowed.includes(name));
  if (refused.length === 0) return { ok: true, code: 'headers.allowed', params: { headers: [...requested] } };
  if (subset) return { ok: true, code: 'headers.left-out', params: { headers: refused } };
  return { ok: false, code: 'headers.not-allowed', params: { headers: refused, allowed: [...c.allowedHeaders] } };
}

/** A rule's index and ID, as reason and summary params name it. */
function ruleRef(index: number, id: string | undefined): { rule: number; ruleId?: string } {
  return id ? { rule: index, ruleId: id } : { rule: index };
}

interface MatchInput extends SelectionInput {
  /** The requested header names as sent (reasons quote them so). */
  requestedHeaders: string[] | undefined;
  providerLabel: string;
}

/** The request as the rules see it, read once: its header names are lowercased here, not per rule. */
function selectionInput(
  origin: string,
  method: string,
  requestedHeaders: string[] | undefined,
  headerCheck: MatchInput['headerCheck'],
  selection: MatchInput['selection'],
  profile: DialectProfile,
): MatchInput {
  return {
    origin,
    method,
    requestedHeaders,
    lowercaseHeaders: requestedHeaders?.map((name) => name.toLowerCase()),
    headerCheck,
    selection,
    affixesMayOverlap: profile.matching.wildcardAffixesMayOverlap,
    providerLabel: profile.label,
  };
}

/**
 * Per rule, in order, why it did or did not match, given the rule `findDecidingRule` found: the
 * rules before it failed, it answered or ended the search, and the rules after it were not reached.
 * Built on demand (see `decisionOf`): a reason per rule, with its checks and near misses, costs
 * far more than the answer, and bulk callers never read them.
 */
function ruleReasons(rules: readonly CompiledRule[], input: MatchInput, decided: DecidingIndex | null): RuleReason[] {
  const reasons: RuleReason[] = [];
  rules.forEach((c, index) => {
    const base = { rule: index, ...(c.id !== undefined ? { id: c.id } : {}) };
    if (decided && index > decided.at) {
      const by = rules[decided.at]!;
      const stopped = !decided.matched && input.selection !== 'all-conditions' ? { stopped: input.selection } : {};
      const params = { decidedBy: decided.at, ...(by.id ? { decidedById: by.id } : {}), ...stopped, provider: input.providerLabel };
      reasons.push({ ...base, outcome: 'not-reached', code: 'not-reached', params });
      return;
    }
    const origin = checkOrigin(c, input.origin, input.affixesMayOverlap);
    const method = checkMethod(c, input.method);
    const headers =
      input.headerCheck === 'ignored'
        ? undefined
        : checkHeaders(c, input.requestedHeaders, input.affixesMayOverlap, input.headerCheck === 'allowed-subset');
    const checks = { origin, method, ...(headers ? { headers } : {}) };
    if (decided?.at === index && decided.matched) {
      reasons.push({ ...base, outcome: 'matched', ...checks, code: 'matched', params: {} });
      return;
    }
    if (decided?.at === index && input.selection !== 'all-conditions') {
      reasons.push({ ...base, outcome: 'failed', ...checks, code: 'stopped-search', params: { selection: input.selection, provider: input.providerLabel } });
      return;
    }
    reasons.push({ ...base, outcome: 'failed', ...checks, code: 'failed', params: {} });
  });
  return reasons;
}

function notEvaluated(rules: readonly CompiledRule[], missing: RuleReasonParamsByCode['not-evaluated']['missing']): RuleReason[] {
  return rules.map((c, index) => ({
    rule: index,
    ...(c.id !== undefined ? { id: c.id } : {}),
    outcome: 'not-reached' as const,
    code: 'not-evaluated' as const,
    params: { missing },
  }));
}

/** Adds `Vary: Origin` for OSS/COS ResponseVary, keeping any Vary already set. */
function applyResponseVary(headers: Record<string, string>, config: CorsConfig | null, profile: DialectProfile): Record<string, string> {
  if (!config?.responseVary || !profile.supportsResponseVary) return headers;
  const vary = headers['vary'];
  if (vary && vary.split(',').some((v) => v.trim().toLowerCase() === 'origin')) return headers;
  // Whether the provider merges it into the CORS Vary is undocumented [U]; we add Origin in front.
  return { ...headers, vary: vary ? `Origin, ${vary}` : 'Origin' };
}

/** A decision before ResponseVary, with its reasons still to be built. */
interface Answer {
  kind: Decision['kind'];
  status: number | null;
  error?: NonNullable<Decision['error']>;
  matchedRule: number | null;
  headers: Record<string, string>;
  summary: DecisionSummary;
  reasons: () => RuleReason[];
}

const NO_REASONS = (): RuleReason[] => [];

function refuse(error: PreflightError, details: Record<string, string> | undefined, reasons: () => RuleReason[], summary: DecisionSummary): Answer {
  return {
    kind: 'preflight',
    status: error.status,
    error: { code: error.code, message: error.message, ...(details ? { details } : {}) },
    matchedRule: null,
    headers: {},
    summary,
    reasons,
  };
}

const NO_RULES: readonly CorsRule[] = [];

function evaluatePreflight(config: CorsConfig | null, request: CorsRequest, profile: DialectProfile): Answer {
  const h = lowercaseHeaders(request.headers);
  const origin = readOrigin(h, profile);
  const requestMethod = readRequestMethod(h, profile);
  const rules = compileRules(config?.rules ?? NO_RULES);
  const resourceType = request.resource === 'bucket' ? 'BUCKET' : 'OBJECT';
  const details = (method: string, type: string) =>
    profile.errors.hasErrorDetails ? { Method: method, ResourceType: type } : undefined;

  if (origin === undefined) {
    return refuse(profile.errors.noOrigin, undefined, () => notEvaluated(rules, 'preflight-origin'), { code: 'preflight.no-origin', params: {} });
  }
  const noMethod = () =>
    refuse(profile.errors.noRequestMethod, undefined, () => notEvaluated(rules, 'preflight-request-method'), { code: 'preflight.no-request-method', params: {} });
  if (requestMethod === undefined && profile.errors.checksRequestMethodFirst) return noMethod();
  if (request.bucketExists === false) {
    return refuse(profile.errors.noBucket, details('OPTIONS', 'BUCKET'), NO_REASONS, { code: 'preflight.no-bucket', params: {} });
  }
  if (rules.length === 0) {
    return refuse(profile.errors.noConfig, details(requestMethod || 'OPTIONS', 'BUCKET'), NO_REASONS, { code: 'preflight.no-config', params: {} });
  }
  if (requestMethod === undefined) return noMethod();

  const method = profile.matching.uppercasesRequestMethod ? requestMethod.toUpperCase() : requestMethod;
  const requestedHeaders = parseRequestedHeaders(h.get('access-control-request-headers'), profile);
  const input = selectionInput(origin, method, requestedHeaders, 'all-must-match', profile.matching.preflightSelection, profile);
  const decided = findDecidingRule(rules, input);
  const reasons = () => ruleReasons(rules, input, decided);
  if (!decided?.matched) {
    return refuse(profile.errors.noMatch, details(requestMethod, resourceType), reasons, {
      code: 'preflight.no-match',
      params: { method, origin, headers: requestedHeaders ?? [] },
    });
  }
  const c = rules[decided.at]!;
  const answersStar = { rule: c.hasStarOrigin, star: true, echo: false }[profile.response.preflightAllowOrigin];
  const headers = matchedRuleHeaders(c, profile, {
    allowOrigin: answersStar ? '*' : origin,
    credentials: profile.response.preflightCredentials,
    allowMethods: true,
    method,
    echoedHeaders: requestedHeaders,
    exposeAndMaxAge: profile.response.preflightHasExposeAndMaxAge,
  });
  return {
    kind: 'preflight',
    status: 200,
    matchedRule: decided.at,
    headers,
    summary: { code: 'preflight.allowed', params: ruleRef(decided.at, c.id) },
    reasons,
  };
}

interface ResponseShape {
  allowOrigin: string;
  credentials: 'when-echoed' | 'never' | 'always';
  allowMethods: boolean;
  /** The method the request asked for (the dialect may answer only that one). */
  method: string;
  /** The requested header names to echo in Allow-Headers, or `undefined` for no such header. */
  echoedHeaders: string[] | undefined;
  exposeAndMaxAge: boolean;
}

/** The CORS headers a matched rule produces: computed as data, in one place. */
function matchedRuleHeaders(c: CompiledRule, profile: DialectProfile, shape: ResponseShape): Record<string, string> {
  const rule = c.source;
  const style = profile.response;
  const join = (values: readonly string[]) => values.join(style.listSeparator);
  const headers: Record<string, string> = { 'access-control-allow-origin': shape.allowOrigin };
  const echoed = shape.allowOrigin !== '*';
  if (shape.credentials === 'always' || (shape.credentials === 'when-echoed' && echoed)) headers['access-control-allow-credentials'] = 'true';
  if (shape.allowMethods) headers['access-control-allow-methods'] = style.allowMethods === 'rule' ? join(c.allowedMethods) : shape.method;
  if (shape.echoedHeaders !== undefined) {
    headers['access-control-allow-headers'] = join(style.allowHeadersCase === 'lower' ? shape.echoedHeaders.map((n) => n.toLowerCase()) : shape.echoedHeaders);
  }
  if (shape.exposeAndMaxAge && rule.exposeHeaders.length) headers['access-control-expose-headers'] = join(rule.exposeHeaders);
  if (shape.exposeAndMaxAge && rule.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  if (echoed || style.varyWithStar) headers['vary'] = style.vary;
  if (style.headersNeedAllowOrigin && shape.allowOrigin === '') return {};
  if (!style.omitsEmptyHeaders) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
}

function evaluateActual(config: CorsConfig | null, request: CorsRequest, profile: DialectProfile): Answer {
  const h = lowercaseHeaders(request.headers);
  const rules = compileRules(config?.rules ?? NO_RULES);
  const noCors = (summary: DecisionSummary, reasons: () => RuleReason[]): Answer => ({
    kind: 'actual', status: null, matchedRule: null, headers: {}, summary, reasons,
  });
  let origin = readOrigin(h, profile);
  if (origin === undefined) {
    if (!profile.matching.matchesEmptyOriginOnActual) {
      return noCors({ code: 'actual.no-origin', params: {} }, () => notEvaluated(rules, 'request-origin'));
    }
    origin = '';
  }
  if (rules.length === 0) {
    return noCors({ code: 'actual.no-config', params: {} }, NO_REASONS);
  }
  const requestMethod = readRequestMethod(h, profile) ?? request.method;
  const method = profile.matching.uppercasesRequestMethod ? requestMethod.toUpperCase() : requestMethod;
  const headerCheck = profile.matching.actualRequestHeaders;
  const requestedHeaders = headerCheck === 'ignored' ? undefined : parseRequestedHeaders(h.get('access-control-request-headers'), profile);
  const input = selectionInput(origin, method, requestedHeaders, headerCheck, profile.matching.actualSelection, profile);
  const decided = findDecidingRule(rules, input);
  const reasons = () => ruleReasons(rules, input, decided);
  if (!decided?.matched) {
    return noCors({ code: 'actual.no-match', params: { method, origin } }, reasons);
  }
  const c = rules[decided.at]!;
  // Ceph RGW echoes the origin of a request that carries Authorization even for a `*` rule.
  const signedEcho = profile.response.actualAllowOrigin === 'rule-unless-authorization' && h.has('authorization');
  // Allow-Headers echoes a sent Access-Control-Request-Headers, where the dialect reads it at all
  // (only the allowed names under `allowed-subset`).
  const echoedHeaders =
    requestedHeaders && headerCheck === 'allowed-subset' ? allowedHeaderNames(c, requestedHeaders, input.affixesMayOverlap) : requestedHeaders;
  const headers = matchedRuleHeaders(c, profile, {
    allowOrigin: c.hasStarOrigin && !signedEcho ? '*' : origin,
    credentials: profile.response.actualCredentials,
    allowMethods: profile.response.actualHasAllowMethods,
    method,
    echoedHeaders,
    exposeAndMaxAge: true,
  });
  return {
    kind: 'actual',
    status: null,
    matchedRule: decided.at,
    headers,
    summary: { code: 'actual.matched', params: ruleRef(decided.at, c.id) },
    reasons,
  };
}

const REASONS_STATE = Symbol('reasons');
interface ReasonsHolder {
  [REASONS_STATE]: { build: () => RuleReason[]; built?: RuleReason[] };
}

// One accessor pair shared by every decision. A getter written in the decision's object literal
// is a new pair per decision, and V8 builds such literals slowly: about 2 µs each in a
// micro-benchmark, more than a seventh of a whole evaluate; `defineProperty` with a shared
// descriptor is about 0.3 µs.
const reasonsAccessor = {
  enumerable: true,
  configurable: true,
  get(this: ReasonsHolder): RuleReason[] {
    const state = this[REASONS_STATE];
    return (state.built ??= state.build());
  },
  set(this: ReasonsHolder, value: RuleReason[]) {
    this[REASONS_STATE].built = value;
  },
};

/**
 * The decision callers see. `reasons` is an accessor that builds them on first read and keeps
 * them (the issue 20 "fast core": reason building was most of evaluate's time, and bulk callers
 * read only the answer). It is an own enumerable property in the place it always had, so spread,
 * `JSON.stringify`, `structuredClone` and deep equality see the same plain array as before;
 * assigning it replaces it. Its state sits under a non-enumerable symbol, which none of them see.
 */
function decisionOf(answer: Answer, headers: Record<string, string>): Decision {
  const { kind, status, error, matchedRule } = answer;
  const decision: Omit<Decision, 'reasons' | 'summary'> & Partial<Decision> = error
    ? { kind, status, error, matchedRule, headers }
    : { kind, status, matchedRule, headers };
  Object.defineProperty(decision, REASONS_STATE, { value: { build: answer.reasons } });
  Object.defineProperty(decision, 'reasons', reasonsAccessor);
  decision.summary = answer.summary;
  // `reasons` is defined above, where the type system cannot follow.
  return decision as Decision;
}

/**
 * Predicts what the provider answers: for `OPTIONS`, the preflight status, error and headers;
 * for other methods, the CORS headers added to the normal response (providers never refuse an
 * actual request for CORS, they only omit the headers). First matching rule wins.
 *
 * The configuration's rules are compiled once and remembered (`compileRules`), and each rule's
 * reasons are built only when `reasons` is first read.
 */
export function evaluate(config: CorsConfig | null, request: CorsRequest, dialect: Dialect = 's3'): Decision {
  const profile = dialectProfile(dialect);
  const answer =
    request.method.toUpperCase() === 'OPTIONS'
      ? evaluatePreflight(config, request, profile)
      : evaluateActual(config, request, profile);
  return decisionOf(answer, applyResponseVary(answer.headers, config, profile));
}
