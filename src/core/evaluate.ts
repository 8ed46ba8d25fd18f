import { dialectProfile, type Dialect, type DialectProfile, type PreflightError } from './dialects';
import { matchesPattern, parsePattern, type WildcardPattern } from './pattern';
import type { CorsConfig, CorsRule } from './rule';

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

/** One check of one rule against the request. */
export interface CheckResult {
  ok: boolean;
  /** Why, in words that name the values involved. */
  detail: string;
}

/** Why one rule did or did not match. */
export interface RuleReason {
  /** 0-based index of the rule. */
  rule: number;
  id?: string;
  /** `matched`: this rule answers; `failed`: a check failed; `not-reached`: an earlier rule decided. */
  outcome: 'matched' | 'failed' | 'not-reached';
  origin?: CheckResult;
  method?: CheckResult;
  headers?: CheckResult;
  /** One sentence for the user. */
  message: string;
}

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
  /** One paragraph explaining the outcome as a whole. */
  summary: string;
}

/** Header lookup by lowercase name. */
function lowercaseHeaders(headers: CorsRequest['headers']): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name.toLowerCase(), value);
  }
  return map;
}

/**
 * Names in `Access-Control-Request-Headers`: split on commas and trimmed, in the case they were
 * sent (matching ignores case; the echo is the dialect's). [R]
 * AWS's handling of empty items is unknown, so they are dropped; s3rver keeps them (it only splits).
 */
function parseRequestedHeaders(value: string | undefined, profile: DialectProfile): string[] | undefined {
  if (value === undefined) return undefined;
  if (profile.id === 's3rver') return value ? value.split(',').map((n) => n.trim()) : [];
  return value.split(',').map((n) => n.trim()).filter((n) => n !== '');
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

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : '(none)';
}

function checkOrigin(c: CompiledRule, origin: string, overlap: boolean): CheckResult {
  const hit = c.origins.find((p) => matchesPattern(p, origin, overlap));
  if (hit) return { ok: true, detail: `origin ${origin || '(empty)'} matches ${hit.source}` };
  const near = describeNearMiss(origin, c.rule.allowedOrigins);
  return {
    ok: false,
    detail: `origin ${origin || '(empty)'} is not listed (allowed: ${list(c.rule.allowedOrigins)})${near ? `; ${near}` : ''}`,
  };
}

/** Explains the common near misses: scheme, port, trailing slash, letter case. */
export function describeNearMiss(origin: string, allowed: readonly string[]): string | undefined {
  const parsed = splitOrigin(origin);
  if (!parsed) return undefined;
  for (const candidate of allowed) {
    if (candidate.endsWith('/') && candidate.slice(0, -1) === origin) {
      return `${candidate} ends with "/", but browsers send origins without a trailing slash`;
    }
    if (candidate.toLowerCase() === origin.toLowerCase()) {
      return `${candidate} differs only in letter case, and origins are compared exactly`;
    }
    const other = splitOrigin(candidate);
    if (!other || other.host !== parsed.host) continue;
    if (other.scheme !== parsed.scheme && other.port === parsed.port) {
      return `${candidate} has the same host but scheme ${other.scheme}; the request comes from ${parsed.scheme}`;
    }
    if (other.scheme === parsed.scheme && other.port !== parsed.port) {
      return `${candidate} has the same host but ${other.port ? `port ${other.port}` : 'no port'}; the request comes from ${parsed.port ? `port ${parsed.port}` : 'the default port'}`;
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
    ? { ok, detail: `method ${method} is allowed` }
    : { ok, detail: `method ${method || '(none)'} is not allowed (allowed: ${list(c.rule.allowedMethods)})` };
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
  if (!requested || requested.length === 0) return { ok: true, detail: 'no request headers asked for' };
  const allowed = allowedHeaderNames(c, requested, overlap);
  const refused = requested.filter((name) => !allowed.includes(name));
  if (refused.length === 0) return { ok: true, detail: `headers ${requested.join(', ')} are allowed` };
  const what = refused.length === 1 ? `header ${refused[0]} is` : `headers ${refused.join(', ')} are`;
  if (subset) return { ok: true, detail: `${what} not allowed and left out of Access-Control-Allow-Headers` };
  const allowedList =
    c.rule.allowedHeaders.length === 0
      ? 'this rule allows no request headers (add them to AllowedHeaders)'
      : `allowed: ${c.rule.allowedHeaders.join(', ')}`;
  return { ok: false, detail: `${what} not allowed (${allowedList})` };
}

function ruleLabel(index: number, rule: CorsRule): string {
  return `Rule ${index + 1}${rule.id ? ` (${rule.id})` : ''}`;
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

function stopMessage(selection: MatchInput['selection'], label: string, failed: CheckResult[], providerLabel: string): string {
  if (selection === 'origin-method-then-headers') {
    return `${label} matches origin and method, but ${failed.map((r) => r.detail).join('; ')}; s3rver stops here (AWS would try the next rules).`;
  }
  return `${label} matches the origin, but ${failed.map((r) => r.detail).join('; ')}; ${providerLabel} uses only the first rule whose origin matches (AWS would try the next rules).`;
}

/** Walks the rules in order; the first rule passing the checks answers. */
function selectRule(rules: CompiledRule[], input: MatchInput): { matched: number | null; reasons: RuleReason[] } {
  const reasons: RuleReason[] = [];
  let matched: number | null = null;
  // s3rver stops at the first rule matching origin and method even when its headers fail.
  let stoppedAt: number | null = null;
  rules.forEach((c, index) => {
    const base = { rule: index, ...(c.rule.id !== undefined ? { id: c.rule.id } : {}) };
    const label = ruleLabel(index, c.rule);
    const decidedBy = matched ?? stoppedAt;
    if (decidedBy !== null) {
      const why =
        matched !== null
          ? 'matched first'
          : input.selection === 'origin-method-then-headers'
            ? 'stopped the search (s3rver checks only the first rule matching origin and method)'
            : `stopped the search (${input.providerLabel} checks only the first rule whose origin matches)`;
      reasons.push({ ...base, outcome: 'not-reached', message: `${label} was not evaluated: ${ruleLabel(decidedBy, rules[decidedBy]!.rule)} ${why}.` });
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
      const passed = [origin, method, headers].filter((r): r is CheckResult => r !== undefined);
      reasons.push({ ...base, outcome: 'matched', ...checks, message: `${label} matches: ${passed.map((r) => r.detail).join('; ')}.` });
      return;
    }
    if (endsSearch(input.selection, origin, method)) {
      stoppedAt = index;
      reasons.push({ ...base, outcome: 'failed', ...checks, message: stopMessage(input.selection, label, failed, input.providerLabel) });
      return;
    }
    reasons.push({ ...base, outcome: 'failed', ...checks, message: `${label} does not match: ${failed.map((r) => r.detail).join('; ')}.` });
  });
  return { matched, reasons };
}

function notEvaluated(rules: readonly CorsRule[], why: string): RuleReason[] {
  return rules.map((rule, index) => ({
    rule: index,
    ...(rule.id !== undefined ? { id: rule.id } : {}),
    outcome: 'not-reached' as const,
    message: `${ruleLabel(index, rule)} was not evaluated: ${why}`,
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
  summary: string,
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
  const origin = h.get('origin');
  const requestMethod = h.get('access-control-request-method');
  const rules = config?.rules ?? [];
  const resourceType = request.resource === 'bucket' ? 'BUCKET' : 'OBJECT';
  const details = (method: string, type: string) =>
    profile.errors.hasErrorDetails ? { Method: method, ResourceType: type } : undefined;

  if (!origin) {
    return refuse(profile.errors.noOrigin, undefined, notEvaluated(rules, 'the preflight has no Origin header.'),
      'The preflight has no Origin header, so the provider refuses it before looking at any rule. Browsers always send Origin; a tool sending OPTIONS by hand must add it.');
  }
  const noMethod = () =>
    refuse(profile.errors.noRequestMethod, undefined, notEvaluated(rules, 'the preflight has no Access-Control-Request-Method.'),
      'The preflight has no Access-Control-Request-Method header, so no rule can be matched. Browsers always send it on a preflight.');
  if (!requestMethod && profile.errors.checksRequestMethodFirst) return noMethod();
  if (request.bucketExists === false) {
    return refuse(profile.errors.noBucket, details('OPTIONS', 'BUCKET'), [], 'The bucket does not exist, so there is no CORS configuration to answer the preflight.');
  }
  if (!config || config.rules.length === 0) {
    return refuse(profile.errors.noConfig, details(requestMethod || 'OPTIONS', 'BUCKET'), [],
      'The bucket has no CORS configuration, so every preflight is refused. Add a rule that allows this origin and method.');
  }
  if (!requestMethod) return noMethod();

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
    return refuse(profile.errors.noMatch, details(requestMethod, resourceType), reasons,
      `No rule allows ${method} from ${origin}${requestedHeaders?.length ? ` with headers ${requestedHeaders.join(', ')}` : ''}, so the preflight is refused and the browser blocks the request.`);
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
    summary: `${ruleLabel(matched, c.rule)} allows the preflight (200).`,
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
  if (!style.omitsEmptyHeaders) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
}

function evaluateActual(config: CorsConfig | null, request: CorsRequest, profile: DialectProfile): Decision {
  const h = lowercaseHeaders(request.headers);
  const rules = config?.rules ?? [];
  const noCors = (summary: string, reasons: RuleReason[]): Decision => ({
    kind: 'actual', status: null, matchedRule: null, headers: {}, reasons, summary,
  });
  let origin = h.get('origin');
  if (!origin) {
    if (!profile.matching.matchesEmptyOriginOnActual) {
      return noCors('The request has no Origin header, so the provider does no CORS processing (no CORS headers, no Vary). Caches may then reuse this answer for cross-origin requests.',
        notEvaluated(rules, 'the request has no Origin header.'));
    }
    origin = '';
  }
  if (!config || config.rules.length === 0) {
    return noCors('The bucket has no CORS configuration: the request is served without CORS headers, so a browser blocks script from reading it.', []);
  }
  const requestMethod = h.get('access-control-request-method') ?? request.method;
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
    return noCors(`No rule allows ${method} from ${origin || '(no origin)'}: the provider serves the request normally but without CORS headers, so the browser hides the response from script.`, reasons);
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
    summary: `${ruleLabel(matched, c.rule)} answers this request; its CORS headers are added to the normal response.`,
  };
}

/**
 * Predicts what the provider answers: for `OPTIONS`, the preflight status, error and headers;
 * for other methods, the CORS headers added to the normal response (providers never refuse an
 * actual request for CORS, they only omit the headers). First matching rule wins.
 */
export function evaluate(config: CorsConfig | null, request: CorsRequest, dialect: Dialect = 's3'): Decision {
  const profile = dialectProfile(dialect);
  const decision =
    request.method.toUpperCase() === 'OPTIONS'
      ? evaluatePreflight(config, request, profile)
      : evaluateActual(config, request, profile);
  return { ...decision, headers: applyResponseVary(decision.headers, config, profile) };
}
