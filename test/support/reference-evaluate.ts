import { dialectProfile, type Dialect, type DialectProfile, type PreflightError } from '../../src/core/dialects';
import type { CheckResult, CorsRequest, Decision, DecisionSummary, NearMiss, RuleReason, RuleReasonParamsByCode } from '../../src/core/evaluate';
import { matchesPattern, parsePattern, type WildcardPattern } from '../../src/core/pattern';
import type { CorsConfig, CorsRule } from '../../src/core/rule';

// The core's evaluate as it was before it ran on compiled configurations (commit c16fa12), kept
// verbatim as the straightforward reference the compiled path must answer exactly like: it parses
// every pattern on every call and builds every reason eagerly. Only the tests import it.

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

interface CompiledRule {
  rule: CorsRule;
  origins: WildcardPattern[];
  headers: WildcardPattern[];
  hasStarOrigin: boolean;
}

function compileRule(rule: CorsRule): CompiledRule {
  return {
    rule,
    origins: rule.allowedOrigins.map((o) => parsePattern(o)),
    headers: rule.allowedHeaders.map((h) => parsePattern(h, true)),
    hasStarOrigin: rule.allowedOrigins.includes('*'),
  };
}

function checkOrigin(c: CompiledRule, origin: string, overlap: boolean): CheckResult {
  const hit = c.origins.find((p) => matchesPattern(p, origin, overlap));
  if (hit) return { ok: true, code: 'origin.matches', params: { origin, pattern: hit.source } };
  const nearMiss = findNearMiss(origin, c.rule.allowedOrigins);
  return { ok: false, code: 'origin.not-listed', params: { origin, allowed: [...c.rule.allowedOrigins], ...(nearMiss ? { nearMiss } : {}) } };
}

/** Finds the common near misses: scheme, port, trailing slash, letter case. */
function findNearMiss(origin: string, allowed: readonly string[]): NearMiss | undefined {
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
  const ok = (c.rule.allowedMethods as string[]).includes(method);
  return ok
    ? { ok, code: 'method.allowed', params: { method } }
    : { ok, code: 'method.not-allowed', params: { method, allowed: [...c.rule.allowedMethods] } };
}

/** The requested header names a rule allows, in request order (matched without case). */
function allowedHeaderNames(c: CompiledRule, requested: readonly string[], overlap: boolean): string[] {
  return requested.filter((name) => c.headers.some((p) => matchesPattern(p, name.toLowerCase(), overlap)));
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
  return { ok: false, code: 'headers.not-allowed', params: { headers: refused, allowed: [...c.rule.allowedHeaders] } };
}

/** A rule's index and ID, as reason and summary params name it. */
function ruleRef(index: number, rule: CorsRule): { rule: number; ruleId?: string } {
  return rule.id ? { rule: index, ruleId: rule.id } : { rule: index };
}

interface MatchInput {
  origin: string;
  method: string;
  requestedHeaders: string[] | undefined;
  headerCheck: 'all-must-match' | 'ignored' | 'allowed-subset';
  selection: DialectProfile['matching']['preflightSelection'];
  affixesMayOverlap: boolean;
  providerLabel: string;
}

/** Whether a rule whose checks failed still ends the search, as s3rver and Ceph RGW do. */
function endsSearch(selection: MatchInput['selection'], origin: CheckResult, method: CheckResult): boolean {
  if (selection === 'origin-method-then-headers') return origin.ok && method.ok;
  if (selection === 'origin-then-method-and-headers') return origin.ok;
  return false;
}

/** Walks the rules in order; the first rule passing the checks answers. */
function selectRule(rules: CompiledRule[], input: MatchInput): { matched: number | null; reasons: RuleReason[] } {
  const reasons: RuleReason[] = [];
  let matched: number | null = null;
  // s3rver stops at the first rule matching origin and method even when its headers fail.
  let stoppedAt: number | null = null;
  rules.forEach((c, index) => {
    const base = { rule: index, ...(c.rule.id !== undefined ? { id: c.rule.id } : {}) };
    const decidedBy = matched ?? stoppedAt;
    if (decidedBy !== null) {
      const by = rules[decidedBy]!.rule;
      const stopped = matched === null && input.selection !== 'all-conditions' ? { stopped: input.selection } : {};
      const params = { decidedBy, ...(by.id ? { decidedById: by.id } : {}), ...stopped, provider: input.providerLabel };
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
    const failed = [origin, method, headers].filter((r): r is CheckResult => r !== undefined && !r.ok);
    if (failed.length === 0) {
      matched = index;
      reasons.push({ ...base, outcome: 'matched', ...checks, code: 'matched', params: {} });
      return;
    }
    if (input.selection !== 'all-conditions' && endsSearch(input.selection, origin, method)) {
      stoppedAt = index;
      reasons.push({ ...base, outcome: 'failed', ...checks, code: 'stopped-search', params: { selection: input.selection, provider: input.providerLabel } });
      return;
    }
    reasons.push({ ...base, outcome: 'failed', ...checks, code: 'failed', params: {} });
  });
  return { matched, reasons };
}

function notEvaluated(rules: readonly CorsRule[], missing: RuleReasonParamsByCode['not-evaluated']['missing']): RuleReason[] {
  return rules.map((rule, index) => ({
    rule: index,
    ...(rule.id !== undefined ? { id: rule.id } : {}),
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

function refuse(
  error: PreflightError,
  details: Record<string, string> | undefined,
  reasons: RuleReason[],
  summary: DecisionSummary,
): Decision {
  return {
    kind: 'preflight',
    status: error.status,
    error: { code: error.code, message: error.message, ...(details ? { details } : {}) },
    matchedRule: null,
    headers: {},
    reasons,
    summary,
  };
}

function evaluatePreflight(config: CorsConfig | null, request: CorsRequest, profile: DialectProfile): Decision {
  const h = lowercaseHeaders(request.headers);
  const origin = readOrigin(h, profile);
  const requestMethod = readRequestMethod(h, profile);
  const rules = config?.rules ?? [];
  const resourceType = request.resource === 'bucket' ? 'BUCKET' : 'OBJECT';
  const details = (method: string, type: string) =>
    profile.errors.hasErrorDetails ? { Method: method, ResourceType: type } : undefined;

  if (origin === undefined) {
    return refuse(profile.errors.noOrigin, undefined, notEvaluated(rules, 'preflight-origin'), { code: 'preflight.no-origin', params: {} });
  }
  const noMethod = () =>
    refuse(profile.errors.noRequestMethod, undefined, notEvaluated(rules, 'preflight-request-method'), { code: 'preflight.no-request-method', params: {} });
  if (requestMethod === undefined && profile.errors.checksRequestMethodFirst) return noMethod();
  if (request.bucketExists === false) {
    return refuse(profile.errors.noBucket, details('OPTIONS', 'BUCKET'), [], { code: 'preflight.no-bucket', params: {} });
  }
  if (!config || config.rules.length === 0) {
    return refuse(profile.errors.noConfig, details(requestMethod || 'OPTIONS', 'BUCKET'), [], { code: 'preflight.no-config', params: {} });
  }
  if (requestMethod === undefined) return noMethod();

  const method = profile.matching.uppercasesRequestMethod ? requestMethod.toUpperCase() : requestMethod;
  const requestedHeaders = parseRequestedHeaders(h.get('access-control-request-headers'), profile);
  const compiled = config.rules.map(compileRule);
  const { matched, reasons } = selectRule(compiled, {
    origin,
    method,
    requestedHeaders,
    headerCheck: 'all-must-match',
    selection: profile.matching.preflightSelection,
    affixesMayOverlap: profile.matching.wildcardAffixesMayOverlap,
    providerLabel: profile.label,
  });
  if (matched === null) {
    return refuse(profile.errors.noMatch, details(requestMethod, resourceType), reasons, {
      code: 'preflight.no-match',
      params: { method, origin, headers: requestedHeaders ?? [] },
    });
  }
  const c = compiled[matched]!;
  const answersStar = { rule: c.hasStarOrigin, star: true, echo: false }[profile.response.preflightAllowOrigin];
  const headers = matchedRuleHeaders(c.rule, profile, {
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
    matchedRule: matched,
    headers,
    reasons,
    summary: { code: 'preflight.allowed', params: ruleRef(matched, c.rule) },
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
function matchedRuleHeaders(rule: CorsRule, profile: DialectProfile, shape: ResponseShape): Record<string, string> {
  const style = profile.response;
  const join = (values: readonly string[]) => values.join(style.listSeparator);
  const headers: Record<string, string> = { 'access-control-allow-origin': shape.allowOrigin };
  const echoed = shape.allowOrigin !== '*';
  if (shape.credentials === 'always' || (shape.credentials === 'when-echoed' && echoed)) headers['access-control-allow-credentials'] = 'true';
  if (shape.allowMethods) headers['access-control-allow-methods'] = style.allowMethods === 'rule' ? join(rule.allowedMethods) : shape.method;
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

function evaluateActual(config: CorsConfig | null, request: CorsRequest, profile: DialectProfile): Decision {
  const h = lowercaseHeaders(request.headers);
  const rules = config?.rules ?? [];
  const noCors = (summary: DecisionSummary, reasons: RuleReason[]): Decision => ({
    kind: 'actual', status: null, matchedRule: null, headers: {}, reasons, summary,
  });
  let origin = readOrigin(h, profile);
  if (origin === undefined) {
    if (!profile.matching.matchesEmptyOriginOnActual) {
      return noCors({ code: 'actual.no-origin', params: {} }, notEvaluated(rules, 'request-origin'));
    }
    origin = '';
  }
  if (!config || config.rules.length === 0) {
    return noCors({ code: 'actual.no-config', params: {} }, []);
  }
  const requestMethod = readRequestMethod(h, profile) ?? request.method;
  const method = profile.matching.uppercasesRequestMethod ? requestMethod.toUpperCase() : requestMethod;
  const headerCheck = profile.matching.actualRequestHeaders;
  const requestedHeaders = headerCheck === 'ignored' ? undefined : parseRequestedHeaders(h.get('access-control-request-headers'), profile);
  const compiled = config.rules.map(compileRule);
  const overlap = profile.matching.wildcardAffixesMayOverlap;
  const { matched, reasons } = selectRule(compiled, {
    origin,
    method,
    requestedHeaders,
    headerCheck,
    selection: profile.matching.actualSelection,
    affixesMayOverlap: overlap,
    providerLabel: profile.label,
  });
  if (matched === null) {
    return noCors({ code: 'actual.no-match', params: { method, origin } }, reasons);
  }
  const c = compiled[matched]!;
  // Ceph RGW echoes the origin of a request that carries Authorization even for a `*` rule.
  const signedEcho = profile.response.actualAllowOrigin === 'rule-unless-authorization' && h.has('authorization');
  // Allow-Headers echoes a sent Access-Control-Request-Headers, where the dialect reads it at all
  // (only the allowed names under `allowed-subset`).
  const echoedHeaders = requestedHeaders && headerCheck === 'allowed-subset' ? allowedHeaderNames(c, requestedHeaders, overlap) : requestedHeaders;
  const headers = matchedRuleHeaders(c.rule, profile, {
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
    matchedRule: matched,
    headers,
    reasons,
    summary: { code: 'actual.matched', params: ruleRef(matched, c.rule) },
  };
}

/**
 * Predicts what the provider answers: for `OPTIONS`, the preflight status, error and headers;
 * for other methods, the CORS headers added to the normal response (providers never refuse an
 * actual request for CORS, they only omit the headers). First matching rule wins.
 */
export function referenceEvaluate(config: CorsConfig | null, request: CorsRequest, dialect: Dialect = 's3'): Decision {
  const profile = dialectProfile(dialect);
  const decision =
    request.method.toUpperCase() === 'OPTIONS'
      ? evaluatePreflight(config, request, profile)
      : evaluateActual(config, request, profile);
  return { ...decision, headers: applyResponseVary(decision.headers, config, profile) };
}
