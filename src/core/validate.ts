import { PREFLIGHT_CACHE_CAPS } from './browser';
import { dialectProfile, type Dialect, type DialectProfile } from './dialects';
import { parseCorsDocument, serializeCorsDocument } from './formats';
import { error, warning, type Issue, type IssuePath, type ValueField } from './issues';
import { isMethod, type CorsConfig, type CorsRule } from './rule';
import { withRefusal } from './refusals';
import { findShadowedRules } from './shadowing';

/** Browser caps on Access-Control-Max-Age (Chromium ≥ 76, Firefox), from MDN; WebKit's is below both (see `PREFLIGHT_CACHE_CAPS`). */
export const BROWSER_MAX_AGE_CAPS = { chromium: PREFLIGHT_CACHE_CAPS.chromium, firefox: PREFLIGHT_CACHE_CAPS.firefox } as const;

export interface ValidateOptions {
  /**
   * Whether the web app sends credentials (cookies, `withCredentials`). Unknown by default, in
   * which case a `*` origin still gets its warning.
   */
  usesCredentials?: boolean;
}

const MALFORMED = 'MalformedXML';
const INVALID = 'InvalidRequest';

// RFC 9110 token characters: anything else can never be part of a header name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CR, LF and other controls enabled header injection in RGW (CVE-2020-10753).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SCHEME = /^([A-Za-z*][A-Za-z0-9+.\-*]*):\/\//;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

function wildcardCount(value: string): number {
  return value.split('*').length - 1;
}

// A lone UTF-16 surrogate cannot be encoded: the XML document would carry U+FFFD instead, so
// the provider would store another value than the one shown. U+FFFE/U+FFFF are not XML characters.
const UNENCODABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/;

function controlCharacterIssue(value: string, path: IssuePath, field: ValueField): Issue | undefined {
  if (UNENCODABLE.test(value)) return error('value.invalid-character', { field, value }, path);
  if (!CONTROL.test(value)) return undefined;
  return error('value.control-character', { field, value }, path);
}

function validateOrigin(origin: string, path: IssuePath, profile: DialectProfile): Issue[] {
  const control = controlCharacterIssue(origin, path, 'origin');
  if (control) return [control];
  if (origin.trim() === '') return [error('origin.empty', {}, path)];
  if (origin !== origin.trim()) return [error('origin.whitespace', { value: origin, suggestion: origin.trim() }, path)];
  if (origin === '*') return [];
  if (wildcardCount(origin) > 1) {
    return [error('origin.multiple-wildcards', { value: origin }, path, { providerCode: INVALID })];
  }
  const scheme = SCHEME.exec(origin);
  if (!scheme) {
    return [error('origin.missing-scheme', { value: origin, suggestion: `https://${origin}` }, path)];
  }
  const rest = origin.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  if (slash === rest.length - 1) {
    return [error('origin.trailing-slash', { value: origin, suggestion: origin.slice(0, -1) }, path)];
  }
  if (slash >= 0) {
    return [error('origin.has-path', { value: origin, urlPath: rest.slice(slash), suggestion: `${scheme[0]}${rest.slice(0, slash)}` }, path)];
  }
  const issues: Issue[] = [];
  const port = /:([^:\]]*)$/.exec(rest)?.[1];
  if (port === '*' && profile.validation.rejectsPortWildcard) {
    issues.push(error('origin.port-wildcard', { value: origin, provider: profile.label }, path, { providerCode: MALFORMED }));
  }
  const schemeName = scheme[1]!.toLowerCase();
  if (port !== undefined && DEFAULT_PORTS[schemeName] === port) {
    issues.push(warning('origin.default-port', { value: origin, suggestion: origin.slice(0, -(port.length + 1)) }, path));
  }
  if (origin !== origin.toLowerCase()) {
    issues.push(warning('origin.upper-case', { value: origin, suggestion: origin.toLowerCase() }, path));
  }
  return issues;
}

function validateHeaderName(value: string, path: IssuePath, kind: 'allowed' | 'expose', profile: DialectProfile): Issue[] {
  const field = kind === 'allowed' ? 'allowedHeader' : 'exposeHeader';
  const control = controlCharacterIssue(value, path, field);
  if (control) return [control];
  if (value.trim() === '') return [error('header.empty', { field }, path)];
  if (kind === 'expose') {
    // The console bans it everywhere (browsers take `*` literally for credentialed requests);
    // only where the provider rejects it too does the issue carry the provider's code.
    if (value.includes('*')) {
      return [error('expose.wildcard', { value }, path, profile.validation.rejectsExposeWildcard ? { providerCode: INVALID } : {})];
    }
    const forbidden = [...profile.validation.exposeForbiddenChars].filter((c) => value.includes(c));
    if (forbidden.length) {
      return [error('expose.forbidden-character', { value, provider: profile.label, characters: forbidden }, path)];
    }
  } else if (wildcardCount(value) > 1) {
    return [error('header.multiple-wildcards', { value }, path, { providerCode: INVALID })];
  }
  if (!TOKEN.test(value)) {
    return [error('header.invalid-name', { field, value }, path)];
  }
  return [];
}

function duplicates(values: readonly string[], caseInsensitive: boolean): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    const key = caseInsensitive ? value.toLowerCase() : value;
    if (seen.has(key)) repeated.push(index);
    seen.add(key);
  });
  return repeated;
}

function validateMaxAge(maxAge: unknown, path: IssuePath, profile: DialectProfile): Issue[] {
  if (maxAge === undefined) return [];
  if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0) {
    return [error('max-age.invalid', { value: String(maxAge) }, path, { providerCode: MALFORMED })];
  }
  const cap = profile.limits.maxAgeSeconds;
  if (cap !== null && maxAge > cap) {
    return [error('max-age.too-large', { value: maxAge, max: cap, provider: profile.label }, path)];
  }
  const issues: Issue[] = [];
  if (maxAge > BROWSER_MAX_AGE_CAPS.chromium) {
    issues.push(warning('max-age.above-browser-cap', { value: maxAge, ...BROWSER_MAX_AGE_CAPS }, path));
  }
  if (maxAge > PREFLIGHT_CACHE_CAPS.webkit) {
    issues.push(warning('max-age.above-webkit-cap', { value: maxAge, cap: PREFLIGHT_CACHE_CAPS.webkit }, path));
  }
  return issues;
}

function validateRule(rule: CorsRule, index: number, profile: DialectProfile, options: ValidateOptions): Issue[] {
  const at = (...rest: (string | number)[]): IssuePath => ['rules', index, ...rest];
  const ref = { rule: index };
  const issues: Issue[] = [];

  if (rule.id !== undefined) {
    const control = controlCharacterIssue(rule.id, at('id'), 'id');
    if (control) issues.push(control);
    const max = profile.limits.maxIdLength;
    if (max !== null && rule.id.length > max) issues.push(error('rule.id-too-long', { ...ref, length: rule.id.length, max, provider: profile.label }, at('id')));
    if (!profile.validation.hasRuleIds) issues.push(warning('rule.id-dropped', { id: rule.id, provider: profile.label }, at('id')));
  }

  if (rule.allowedOrigins.length === 0) {
    issues.push(error('rule.no-origins', ref, at('allowedOrigins'), { providerCode: MALFORMED }));
  }
  rule.allowedOrigins.forEach((origin, i) => issues.push(...validateOrigin(origin, at('allowedOrigins', i), profile)));
  for (const i of duplicates(rule.allowedOrigins, false)) {
    issues.push(warning('origin.duplicate', { ...ref, value: rule.allowedOrigins[i]! }, at('allowedOrigins', i)));
  }
  if (rule.allowedOrigins.includes('*')) {
    if (rule.allowedOrigins.length > 1) {
      issues.push(warning('origin.star-with-others', ref, at('allowedOrigins')));
    }
    if (options.usesCredentials !== false) {
      issues.push(warning('origin.star-with-credentials', ref, at('allowedOrigins')));
    }
  }

  if (rule.allowedMethods.length === 0) {
    issues.push(error('rule.no-methods', ref, at('allowedMethods'), { providerCode: MALFORMED }));
  }
  rule.allowedMethods.forEach((method, i) => {
    if (!isMethod(method)) {
      issues.push(error('method.unsupported', { value: String(method) }, at('allowedMethods', i), { providerCode: INVALID }));
    }
  });
  for (const i of duplicates(rule.allowedMethods, false)) {
    issues.push(warning('method.duplicate', { ...ref, value: rule.allowedMethods[i]! }, at('allowedMethods', i)));
  }

  rule.allowedHeaders.forEach((h, i) => issues.push(...validateHeaderName(h, at('allowedHeaders', i), 'allowed', profile)));
  for (const i of duplicates(rule.allowedHeaders, true)) {
    issues.push(warning('header.duplicate', { ...ref, value: rule.allowedHeaders[i]! }, at('allowedHeaders', i)));
  }
  rule.exposeHeaders.forEach((h, i) => issues.push(...validateHeaderName(h, at('exposeHeaders', i), 'expose', profile)));
  for (const i of duplicates(rule.exposeHeaders, true)) {
    issues.push(warning('expose.duplicate', { ...ref, value: rule.exposeHeaders[i]! }, at('exposeHeaders', i)));
  }

  const uploads = rule.allowedMethods.filter((m) => m === 'PUT' || m === 'POST');
  if (uploads.length && !rule.exposeHeaders.some((h) => h.toLowerCase() === 'etag')) {
    issues.push(warning('rule.etag-not-exposed', { ...ref, methods: uploads }, at('exposeHeaders')));
  }

  issues.push(...validateMaxAge(rule.maxAgeSeconds, at('maxAgeSeconds'), profile));
  issues.push(...validateStoredVerbatim(rule, index, profile));
  return issues;
}

function validateSizeOf(config: CorsConfig, profile: DialectProfile): Issue[] {
  const issues: Issue[] = [];
  const count = config.rules.length;
  const max = profile.limits.maxRules;
  if (max !== null && count > max) {
    const params = { max, count, provider: profile.label, awsWording: profile.id === 's3' };
    issues.push(error('config.too-many-rules', params, ['rules'], { providerCode: INVALID }));
  }
  const maxBytes = profile.limits.maxDocumentBytes;
  if (maxBytes !== null) {
    const bytes = new TextEncoder().encode(serializeCorsDocument(config, profile.documents.native)).length;
    if (bytes > maxBytes) {
      issues.push(error('config.too-large', { bytes, max: maxBytes, provider: profile.label }, ['rules']));
    }
  }
  return issues;
}

function validateDocument(config: CorsConfig, profile: DialectProfile): Issue[] {
  const issues: Issue[] = [];
  if (config.rules.length === 0) {
    issues.push(error('config.no-rules', {}, ['rules'], { providerCode: MALFORMED }));
  }
  issues.push(...validateSizeOf(config, profile));
  if (config.responseVary && !profile.supportsResponseVary) {
    issues.push(warning('config.response-vary-unsupported', { provider: profile.label }, ['responseVary']));
  }
  if (!profile.supportsBucketCors) {
    issues.push(warning('provider.no-bucket-cors', { provider: profile.label }, []));
  }
  return issues;
}

/**
 * What s3rver's XML reader (fast-xml-parser 3 with strnum) turns into a number or a boolean, then
 * fails on or rewrites: `007`, `1.50`, `0x10`, `true`, and any e-notation, even `e0` (NaN).
 */
const LOOKS_TYPED = /^([-+]?0x[0-9a-f]+|[-+]?\d*(\.\d*)?e[-+]?\d+|[-+]?(\d+\.?\d*|\.\d+)|true|false)$/i;

/** Values of one rule a provider with `mangledXmlValues` would store as something else (or as broken XML). */
function validateStoredVerbatim(rule: CorsRule, index: number, profile: DialectProfile): Issue[] {
  if (!profile.validation.mangledXmlValues) return [];
  const fields: [string, string[]][] = [
    ['id', rule.id === undefined ? [] : [rule.id]],
    ['allowedOrigins', rule.allowedOrigins],
    ['allowedHeaders', rule.allowedHeaders],
    ['exposeHeaders', rule.exposeHeaders],
  ];
  return fields.flatMap(([field, values]) =>
    values
      .map((value, at) => ({ value, path: (field === 'id' ? ['rules', index, 'id'] : ['rules', index, field, at]) as IssuePath }))
      .filter(({ value }) => /[<>&]/.test(value) || value !== value.trim() || LOOKS_TYPED.test(value))
      .map(({ value, path }) => error('value.not-stored-verbatim', { value, provider: profile.label }, path)),
  );
}

/** The most rules the across-rule analyses take where a provider documents no limit. */
const MAX_ANALYSED_RULES = 100;

/** The most rules the across-rule analyses (shadowing) take for `dialect`: the provider's rule limit. */
export function maxAnalysedRules(dialect: Dialect): number {
  return dialectProfile(dialect).limits.maxRules ?? MAX_ANALYSED_RULES;
}

/**
 * Whether the across-rule analyses run on a configuration of `ruleCount` rules. They compare each
 * rule's sampled requests with the rules before it, which grows faster than the rules do (10,000
 * rules on s3rver took minutes); a configuration over the provider's limit is refused on save
 * anyway, so it gets each rule's own checks and `config.analysis-skipped` instead.
 */
export function analysesAcrossRules(ruleCount: number, dialect: Dialect): boolean {
  return ruleCount <= maxAnalysedRules(dialect);
}

function shadowingIssues(config: CorsConfig, profile: DialectProfile): Issue[] {
  if (analysesAcrossRules(config.rules.length, profile.id)) return findShadowedRules(config.rules, profile.id);
  return [warning('config.analysis-skipped', { count: config.rules.length, max: maxAnalysedRules(profile.id) }, ['rules'])];
}

/**
 * The provider's size limits alone (rule count, document bytes): linear in the configuration's
 * size, so a server checks them before the full validation.
 */
export function validateSize(config: CorsConfig, dialect: Dialect = 's3'): Issue[] {
  const profile = dialectProfile(dialect);
  return validateSizeOf(config, profile).map((issue) => withRefusal(issue, profile));
}

/**
 * Checks a configuration as the provider of `dialect` would, plus the console's own rules.
 * Errors are what the provider rejects or what can never match; warnings are accepted by the
 * provider but probably not what the author wants (shadowed rules, ETag not exposed, ...).
 * Messages use S3's own wording where S3 has one.
 */
export function validateConfig(config: CorsConfig, dialect: Dialect = 's3', options: ValidateOptions = {}): Issue[] {
  const profile = dialectProfile(dialect);
  const issues = [...validateDocument(config, profile), ...config.rules.flatMap((rule, index) => validateRule(rule, index, profile, options)), ...shadowingIssues(config, profile)];
  return issues.map((issue) => withRefusal(issue, profile));
}

/**
 * The part of `validateConfig` that concerns one rule alone (its fields), for the rule at `index`.
 * An editor can keep these per rule and redo only the rule being typed in.
 */
export function validateRuleAt(rule: CorsRule, index: number, dialect: Dialect = 's3', options: ValidateOptions = {}): Issue[] {
  const profile = dialectProfile(dialect);
  return validateRule(rule, index, profile, options).map((issue) => withRefusal(issue, profile));
}

/** The part of `validateConfig` that concerns the rules together: the document's limits and shadowing. */
export function validateAcrossRules(config: CorsConfig, dialect: Dialect = 's3'): Issue[] {
  const profile = dialectProfile(dialect);
  return [...validateDocument(config, profile), ...shadowingIssues(config, profile)].map((issue) => withRefusal(issue, profile));
}

/** Issue codes that say the stored document differs from the configuration the console reads from it. */
const STORED_DOCUMENT_CODES: readonly string[] = ['method.not-upper-case', 'method.stored-never-matches'];

/**
 * What the console reads differently from a provider's stored document (`raw`, in the dialect's
 * native format): methods in another case, methods nothing matches. Saving the configuration read
 * from it rewrites the document without them.
 */
export function storedDocumentIssues(raw: string, dialect: Dialect = 's3'): Issue[] {
  const read = parseCorsDocument(raw, dialectProfile(dialect).documents.native);
  return read.issues.filter(isStoredDocumentIssue);
}

/** Whether an issue is about the stored document rather than the configuration (see `storedDocumentIssues`). */
export function isStoredDocumentIssue(issue: Issue): boolean {
  return STORED_DOCUMENT_CODES.includes(issue.code);
}
