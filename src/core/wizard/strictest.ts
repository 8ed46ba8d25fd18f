import { classifyBrowserRequest, readableResponseHeaders, SAFELISTED_RESPONSE_HEADERS } from '../browser';
import { dialectProfile, type Dialect, type DialectProfile } from '../dialects';
import { warning, type Issue } from '../issues';
import { headerReadability, predictBrowserFetch } from '../predict';
import { METHODS, type CorsConfig, type CorsRule, type Method } from '../rule';
import { BROWSER_MAX_AGE_CAPS } from '../validate';
import {
  appFetches,
  appliesTo,
  impliedReadableHeaders,
  OPERATION_METHODS,
  readableHeadersOf,
  requestHeadersOf,
  validateApp,
  type AppDescription,
  type AppRequestHeader,
} from './app';
import { explain, exposeSpelling, type Explanation, type ExplanationCode, type ExplanationParamsByCode, type WizardError } from './explain';
import type { ExplainedRule } from './loosest';

/** Preflight cache time when the app names none: saves a preflight per request, yet rule changes reach browsers within minutes. */
export const STRICTEST_MAX_AGE_SECONDS = 600;

export interface StrictestOptions {
  /** Most rules the result may have, e.g. the provider's limit minus the rules already kept. Default: the dialect's limit. */
  maxRules?: number;
  /** Rule IDs are `<prefix>-<methods>` where the dialect has IDs; default `app`. */
  idPrefix?: string;
}

export type StrictestResult =
  | {
      ok: true;
      /** Rules in the order they should be stored; their methods never overlap, so any order evaluates alike. */
      rules: ExplainedRule[];
      /** Choices about the set as a whole: headers that need no allowing, merges forced by limits. */
      explanations: Explanation[];
      /** Requests of the app that the provider still cannot serve (e.g. credentialed preflights on s3rver). */
      warnings: Issue[];
    }
  | { ok: false; error: WizardError; issues: Issue[] };

interface Grant {
  /** Lowercased name → why. */
  headers: Map<string, Explanation>;
  /** Lowercased name → spelling and why. */
  expose: Map<string, { name: string; why: Explanation }>;
}

interface Group extends Grant {
  methods: Map<Method, Explanation[]>;
  mergedBecause?: Explanation;
}

const SAFELISTABLE_NAMES = ['accept', 'accept-language', 'content-language', 'content-type', 'range'];

/** Whether the browser sends the header, and if so whether it must be allowed, with the reason. */
function classifyHeader(header: AppRequestHeader): { kind: 'dropped' | 'safelisted' | 'allow'; why: Explanation } {
  const name = header.name.toLowerCase();
  const why = <C extends ExplanationCode>(code: C, params: ExplanationParamsByCode[C]) => explain('allowedHeaders', code, params, name);
  if (name.includes('*')) return { kind: 'allow', why: why('strictest.header-family', { header: name }) };
  if (header.value === undefined && SAFELISTABLE_NAMES.includes(name)) return { kind: 'allow', why: why('strictest.header-any-value', { header: name }) };
  const verdict = classifyBrowserRequest({ method: 'GET', headers: { [name]: header.value ?? 'sample' } });
  if (verdict.droppedHeaders.includes(name)) return { kind: 'dropped', why: why('strictest.header-forbidden', { header: name }) };
  if (verdict.refused) return { kind: 'dropped', why: why('strictest.header-refused', { header: name, reasons: verdict.reasons }) };
  if (!verdict.unsafeHeaders.includes(name)) {
    return { kind: 'safelisted', why: why('strictest.header-safelisted', { header: name, ...(header.value !== undefined ? { value: header.value } : {}) }) };
  }
  const reason = verdict.reasons[0] ?? { code: 'header-not-safelisted' as const, params: { header: name } };
  return { kind: 'allow', why: why('strictest.header-unsafe', { header: name, reason }) };
}

/** What each method needs, from the operations that use it. */
function methodNeeds(app: AppDescription, notes: Explanation[], warnings: Issue[]): Map<Method, Group> {
  const needs = new Map<Method, Group>();
  const headers = requestHeadersOf(app).map((header) => ({ header, verdict: classifyHeader(header) }));
  const readable = readableHeadersOf(app);
  const noted = new Set<string>();
  const note = (key: string, e: Explanation) => {
    if (!noted.has(key)) notes.push(e);
    noted.add(key);
  };
  for (const operation of new Set(app.operations)) {
    for (const { method, purpose } of OPERATION_METHODS[operation]) {
      const group = needs.get(method) ?? { methods: new Map([[method, []]]), headers: new Map(), expose: new Map() };
      needs.set(method, group);
      group.methods.get(method)!.push(explain('allowedMethods', 'strictest.method', { method, purpose }, method));
      for (const { header, verdict } of headers) {
        if (!appliesTo(header, operation)) continue;
        if (verdict.kind === 'allow') group.headers.set(header.name.toLowerCase(), verdict.why);
        else note(`header:${header.name.toLowerCase()}`, verdict.why);
      }
      const exposed = (code: 'strictest.expose-multipart' | 'strictest.expose-read', name: string) => {
        const spelt = exposeSpelling(name);
        return { name, why: explain('exposeHeaders', code, { header: spelt }, spelt) };
      };
      const implied = impliedReadableHeaders(operation, method).map((name) => exposed('strictest.expose-multipart', name));
      const wanted = readable.filter((h) => appliesTo(h, operation)).map((h) => exposed('strictest.expose-read', h.name));
      for (const { name, why } of [...implied, ...wanted]) {
        const key = name.toLowerCase();
        if (SAFELISTED_RESPONSE_HEADERS.includes(key)) {
          note(`readable:${key}`, explain('exposeHeaders', 'strictest.expose-safelisted', { header: name }, name));
        } else if (readableResponseHeaders([key], key, false).length === 0) {
          note(`readable:${key}`, explain('exposeHeaders', 'strictest.expose-never', { header: name }, name));
          warnings.push(warning('strictest.header-never-readable', { header: name }, ['readableHeaders']));
        } else if (!group.expose.has(key)) {
          group.expose.set(key, { name: exposeSpelling(name), why });
        }
      }
    }
  }
  return needs;
}

function sameKeys<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

/** Methods with the same headers and exposed headers share a rule: it grants nothing more than two rules would. */
function groupMethods(needs: Map<Method, Group>): Group[] {
  const groups: Group[] = [];
  for (const method of METHODS) {
    const need = needs.get(method);
    if (!need) continue;
    const twin = groups.find((g) => sameKeys(g.headers, need.headers) && sameKeys(g.expose, need.expose));
    if (twin) for (const [m, whys] of need.methods) twin.methods.set(m, whys);
    else groups.push(need);
  }
  return groups;
}

/** How many (method, header) and (method, exposed header) pairs a merge adds beyond what each group had. */
function mergeCost(a: Group, b: Group): number {
  const union = (x: Map<string, unknown>, y: Map<string, unknown>) => new Set([...x.keys(), ...y.keys()]).size;
  const methods = a.methods.size + b.methods.size;
  const merged = methods * (union(a.headers, b.headers) + union(a.expose, b.expose));
  return merged - a.methods.size * (a.headers.size + a.expose.size) - b.methods.size * (b.headers.size + b.expose.size);
}

function merge(a: Group, b: Group, because: Explanation): Group {
  return {
    methods: new Map([...a.methods, ...b.methods]),
    headers: new Map([...a.headers, ...b.headers]),
    expose: new Map([...a.expose, ...b.expose]),
    mergedBecause: because,
  };
}

/** Merges the cheapest pair until the groups fit the rule limit; `because` says why, for the count left. */
function fitToLimit(groups: Group[], limit: number, because: (target: number) => Explanation): Group[] {
  const fitted = [...groups];
  const target = Math.max(1, limit);
  while (fitted.length > target) {
    let best: [number, number, number] = [0, 1, Infinity];
    for (let i = 0; i < fitted.length; i++) {
      for (let j = i + 1; j < fitted.length; j++) {
        const cost = mergeCost(fitted[i]!, fitted[j]!);
        if (cost < best[2]) best = [i, j, cost];
      }
    }
    const [i, j] = best;
    const merged = merge(fitted[i]!, fitted[j]!, because(target));
    fitted.splice(j, 1);
    fitted.splice(i, 1, merged);
  }
  return fitted;
}

function orderedMethods(group: Group): Method[] {
  return METHODS.filter((m) => group.methods.has(m));
}

/** Whether any request of the group can be preflighted (PUT/DELETE, an allowed header, or XHR upload listeners on POST). */
function mayBePreflighted(methods: Method[], group: Group): boolean {
  return group.headers.size > 0 || methods.some((m) => m !== 'GET' && m !== 'HEAD');
}

function chooseMaxAge(app: AppDescription, profile: DialectProfile): { seconds: number; why: Explanation } {
  const cap = profile.limits.maxAgeSeconds;
  const why = <C extends ExplanationCode>(seconds: number, code: C, params: ExplanationParamsByCode[C]) => ({ seconds, why: explain('maxAgeSeconds', code, params, String(seconds)) });
  if (app.maxAgeSeconds === undefined) return why(STRICTEST_MAX_AGE_SECONDS, 'strictest.max-age-default', { seconds: STRICTEST_MAX_AGE_SECONDS });
  if (cap !== null && app.maxAgeSeconds > cap) return why(cap, 'strictest.max-age-capped', { provider: profile.label, max: cap, asked: app.maxAgeSeconds });
  const chromiumCap = app.maxAgeSeconds > BROWSER_MAX_AGE_CAPS.chromium ? { chromiumCap: BROWSER_MAX_AGE_CAPS.chromium } : {};
  return why(app.maxAgeSeconds, 'strictest.max-age-asked', { seconds: app.maxAgeSeconds, ...chromiumCap });
}

function originExplanations(app: AppDescription, profile: DialectProfile): Explanation[] {
  return [...new Set(app.origins)].map((origin) => {
    if (origin === '*') return explain('allowedOrigins', 'strictest.any-origin', {}, origin);
    const credentials = app.credentials ? { credentials: { provider: profile.label, addsCredentials: profile.response.actualCredentials !== 'never' } } : {};
    return explain('allowedOrigins', 'strictest.origin', { origin, pattern: origin.includes('*'), ...credentials }, origin);
  });
}

function buildRule(group: Group, app: AppDescription, profile: DialectProfile, prefix: string): ExplainedRule {
  const methods = orderedMethods(group);
  const maxAge = mayBePreflighted(methods, group) ? chooseMaxAge(app, profile) : undefined;
  const id = `${prefix}-${methods.join('-').toLowerCase()}`;
  const rule: CorsRule = {
    ...(profile.validation.hasRuleIds ? { id } : {}),
    allowedOrigins: [...new Set(app.origins)],
    allowedMethods: methods,
    allowedHeaders: [...group.headers.keys()].sort(),
    exposeHeaders: [...group.expose.values()].map((e) => e.name),
    ...(maxAge ? { maxAgeSeconds: maxAge.seconds } : {}),
  };
  const explanations: Explanation[] = [
    ...originExplanations(app, profile),
    ...methods.flatMap((m) => group.methods.get(m)!),
    ...[...group.headers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, why]) => why),
    ...(group.headers.size === 0 ? [explain('allowedHeaders', 'strictest.no-headers', {})] : []),
    ...[...group.expose.values()].map(({ why }) => why),
    maxAge ? maxAge.why : explain('maxAgeSeconds', 'strictest.no-max-age', {}),
    ...(group.mergedBecause ? [group.mergedBecause] : []),
  ];
  if (profile.validation.hasRuleIds) explanations.unshift(explain('id', 'strictest.id', { id }, id));
  return { rule, explanations };
}

/** Requests of the app the generated rules still do not serve, as warnings. */
function verify(app: AppDescription, config: CorsConfig, dialect: Dialect): Issue[] {
  const issues: Issue[] = [];
  for (const fetch of appFetches(app)) {
    const prediction = predictBrowserFetch(config, fetch, dialect);
    const request = { method: fetch.method, origin: fetch.origin, operation: fetch.operation };
    if (!prediction.allowed) {
      issues.push(warning('strictest.request-still-blocked', { request, ...(prediction.blockedBy ? { blockedBy: prediction.blockedBy } : {}) }, ['rules']));
      continue;
    }
    const { unreadable } = headerReadability(prediction, fetch.needsReadableHeaders);
    if (unreadable.length && readableResponseHeaders(unreadable, unreadable.join(','), false).length) {
      issues.push(warning('strictest.header-unreadable', { request, headers: unreadable }, ['rules']));
    }
  }
  return issues;
}

/**
 * The fewest, narrowest rules that let the described app work: only its origins, the methods its
 * operations use, the headers it sends that are not CORS-safelisted, and the response headers it
 * reads. Methods that need the same headers share a rule; rules are merged only to fit the limit.
 * Bad input comes back as issues pointing into the description.
 */
export function strictestRules(app: AppDescription, dialect: Dialect = 's3', options: StrictestOptions = {}): StrictestResult {
  const issues = validateApp(app, dialect);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    return { ok: false, error: { code: 'app.invalid', params: { issues: errors } }, issues: errors };
  }
  const profile = dialectProfile(dialect);
  const explanations: Explanation[] = [];
  const warnings: Issue[] = [];
  const groups = groupMethods(methodNeeds(app, explanations, warnings));
  // Where the first rule listing the origin answers every method (Ceph RGW), a second rule for the
  // same origins would never be reached: the app gets one rule.
  const byOriginAlone = profile.matching.preflightSelection === 'origin-then-method-and-headers' || profile.matching.actualSelection === 'origin-then-method-and-headers';
  const limit = byOriginAlone ? 1 : (options.maxRules ?? profile.limits.maxRules ?? Infinity);
  const because = byOriginAlone
    ? () => explain('rules', 'strictest.merged-by-origin', { provider: profile.label })
    : (target: number) => explain('rules', 'strictest.merged-by-limit', { target, provider: profile.label, max: profile.limits.maxRules });
  const rules = fitToLimit(groups, limit, because).map((g) => buildRule(g, app, profile, options.idPrefix ?? 'app'));
  if (rules.length > 1) {
    explanations.push(explain('rules', 'strictest.several-rules', { count: rules.length }));
  }
  warnings.push(...verify(app, { rules: rules.map((r) => r.rule) }, dialect));
  return { ok: true, rules, explanations, warnings };
}
