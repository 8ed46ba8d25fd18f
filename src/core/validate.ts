import { dialectProfile, type Dialect, type DialectProfile } from './dialects';
import { serializeCorsDocument } from './formats';
import { error, warning, type Issue, type IssuePath } from './issues';
import { isMethod, type CorsConfig, type CorsRule } from './rule';
import { findShadowedRules } from './shadowing';

/** Browser caps on Access-Control-Max-Age (Chromium ≥ 76, Firefox), from MDN. */
export const BROWSER_MAX_AGE_CAPS = { chromium: 7200, firefox: 86_400 } as const;

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

function controlCharacterIssue(value: string, path: IssuePath, what: string): Issue | undefined {
  if (UNENCODABLE.test(value)) {
    return error('value.invalid-character', `${what} ${JSON.stringify(value)} contains a character no CORS document can carry (a lone surrogate or U+FFFE/U+FFFF).`, path, {
      hint: 'Retype the value: it was probably cut in the middle of an emoji or pasted from binary data.',
    });
  }
  if (!CONTROL.test(value)) return undefined;
  return error('value.control-character', `${what} ${JSON.stringify(value)} contains a control character (such as a line break).`, path, {
    hint: 'Remove it: line breaks in CORS values can inject response headers.',
  });
}

function validateOrigin(origin: string, path: IssuePath, profile: DialectProfile): Issue[] {
  const control = controlCharacterIssue(origin, path, 'Origin');
  if (control) return [control];
  if (origin.trim() === '') return [error('origin.empty', 'An origin is empty.', path, { hint: 'Remove the empty line.' })];
  if (origin !== origin.trim()) {
    return [error('origin.whitespace', `Origin "${origin}" has spaces around it, so it never matches.`, path, { hint: `Use ${origin.trim()}.` })];
  }
  if (origin === '*') return [];
  if (wildcardCount(origin) > 1) {
    return [error('origin.multiple-wildcards', `AllowedOrigin "${origin}" can not have more than one wildcard.`, path, {
      providerCode: INVALID,
      hint: 'Only one * per origin.',
    })];
  }
  const scheme = SCHEME.exec(origin);
  if (!scheme) {
    return [error('origin.missing-scheme', `Origin needs a protocol: https://${origin}`, path, {
      hint: 'Browsers send scheme://host[:port]; an origin without a scheme never matches.',
    })];
  }
  const rest = origin.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  if (slash === rest.length - 1) {
    return [error('origin.trailing-slash', `Origin "${origin}" ends with "/", so it never matches.`, path, {
      hint: `Browsers send origins without a trailing slash: use ${origin.slice(0, -1)}.`,
    })];
  }
  if (slash >= 0) {
    return [error('origin.has-path', `Origin "${origin}" has a path (${rest.slice(slash)}); an origin is scheme://host[:port] only.`, path, {
      hint: `Use ${scheme[0]}${rest.slice(0, slash)}.`,
    })];
  }
  const issues: Issue[] = [];
  const port = /:([^:\]]*)$/.exec(rest)?.[1];
  if (port === '*' && profile.validation.rejectsPortWildcard) {
    issues.push(error('origin.port-wildcard', `${profile.label} rejects a wildcard port in "${origin}".`, path, {
      providerCode: MALFORMED,
      hint: 'List each port you use.',
    }));
  }
  const schemeName = scheme[1]!.toLowerCase();
  if (port !== undefined && DEFAULT_PORTS[schemeName] === port) {
    issues.push(warning('origin.default-port', `Origin "${origin}" names the default port, which browsers leave out, so it never matches.`, path, {
      hint: `Use ${origin.slice(0, -(port.length + 1))}.`,
    }));
  }
  if (origin !== origin.toLowerCase()) {
    issues.push(warning('origin.upper-case', `Origin "${origin}" has capital letters; browsers send origins in lower case, and the match may be case-sensitive.`, path, {
      hint: `Use ${origin.toLowerCase()}.`,
    }));
  }
  return issues;
}

function validateHeaderName(value: string, path: IssuePath, kind: 'allowed' | 'expose', profile: DialectProfile): Issue[] {
  const what = kind === 'allowed' ? 'Allowed header' : 'Expose header';
  const control = controlCharacterIssue(value, path, what);
  if (control) return [control];
  if (value.trim() === '') return [error('header.empty', `An ${what.toLowerCase()} is empty.`, path, { hint: 'Remove the empty line.' })];
  if (kind === 'expose') {
    // The console bans it everywhere (browsers take `*` literally for credentialed requests);
    // only where the provider rejects it too does the issue carry the provider's code.
    if (value.includes('*')) {
      return [error('expose.wildcard', `ExposeHeader "${value}" contains wildcard. We currently do not support wildcard for ExposeHeader.`, path, {
        ...(profile.validation.rejectsExposeWildcard ? { providerCode: INVALID } : {}),
        hint: 'Expose headers cannot contain *: list each header script must read (e.g. ETag).',
      })];
    }
    const forbidden = [...profile.validation.exposeForbiddenChars].filter((c) => value.includes(c));
    if (forbidden.length) {
      return [error('expose.forbidden-character', `${profile.label} rejects ${forbidden.join(' ')} in ExposeHeader "${value}".`, path)];
    }
  } else if (wildcardCount(value) > 1) {
    return [error('header.multiple-wildcards', `AllowedHeader "${value}" can not have more than one wildcard.`, path, {
      providerCode: INVALID,
      hint: 'Only one * per header.',
    })];
  }
  if (!TOKEN.test(value)) {
    return [error('header.invalid-name', `${what} "${value}" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only), so it never matches.`, path)];
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
    return [error('max-age.invalid', `Max age ${String(maxAge)} must be a whole number of seconds, 0 or more.`, path, { providerCode: MALFORMED })];
  }
  const cap = profile.limits.maxAgeSeconds;
  if (cap !== null && maxAge > cap) {
    return [error('max-age.too-large', `${profile.label} accepts a max age of at most ${cap} seconds; this rule has ${maxAge}.`, path)];
  }
  if (maxAge > BROWSER_MAX_AGE_CAPS.chromium) {
    return [warning('max-age.above-browser-cap', `Max age ${maxAge} s is above what browsers keep: Chromium caps it at ${BROWSER_MAX_AGE_CAPS.chromium} s, Firefox at ${BROWSER_MAX_AGE_CAPS.firefox} s.`, path, {
      hint: `Use ${BROWSER_MAX_AGE_CAPS.chromium} or less; a longer value only delays rule changes where it is honoured.`,
    })];
  }
  return [];
}

function validateRule(rule: CorsRule, index: number, profile: DialectProfile, options: ValidateOptions): Issue[] {
  const at = (...rest: (string | number)[]): IssuePath => ['rules', index, ...rest];
  const label = `Rule ${index + 1}`;
  const issues: Issue[] = [];

  if (rule.id !== undefined) {
    const control = controlCharacterIssue(rule.id, at('id'), 'ID');
    if (control) issues.push(control);
    const max = profile.limits.maxIdLength;
    if (max !== null && rule.id.length > max) issues.push(error('rule.id-too-long', `${label}'s ID is ${rule.id.length} characters; ${profile.label} allows ${max}.`, at('id')));
    if (!profile.validation.hasRuleIds) issues.push(warning('rule.id-dropped', `${profile.label} rules have no ID; "${rule.id}" will not be stored.`, at('id')));
  }

  if (rule.allowedOrigins.length === 0) {
    issues.push(error('rule.no-origins', `${label} has no allowed origin; every rule needs at least one.`, at('allowedOrigins'), { providerCode: MALFORMED }));
  }
  rule.allowedOrigins.forEach((origin, i) => issues.push(...validateOrigin(origin, at('allowedOrigins', i), profile)));
  for (const i of duplicates(rule.allowedOrigins, false)) {
    issues.push(warning('origin.duplicate', `Origin "${rule.allowedOrigins[i]}" is listed twice in ${label}.`, at('allowedOrigins', i)));
  }
  if (rule.allowedOrigins.includes('*')) {
    if (rule.allowedOrigins.length > 1) {
      issues.push(warning('origin.star-with-others', `${label} lists * beside specific origins, so it answers Access-Control-Allow-Origin: * to all of them.`, at('allowedOrigins'), {
        hint: 'Keep either * or the specific origins.',
      }));
    }
    if (options.usesCredentials !== false) {
      issues.push(warning('origin.star-with-credentials', `${label} allows any origin (*): the answer is Access-Control-Allow-Origin: *, which browsers refuse for requests with credentials (cookies, withCredentials).`, at('allowedOrigins'), {
        hint: 'If the app sends credentials, list its origins instead of *.',
      }));
    }
  }

  if (rule.allowedMethods.length === 0) {
    issues.push(error('rule.no-methods', `${label} has no allowed method; every rule needs at least one.`, at('allowedMethods'), { providerCode: MALFORMED }));
  }
  rule.allowedMethods.forEach((method, i) => {
    if (!isMethod(method)) {
      issues.push(error('method.unsupported', `Found unsupported HTTP method in CORS config. Unsupported method is ${String(method)}`, at('allowedMethods', i), {
        providerCode: INVALID,
        hint: 'Use GET, PUT, POST, DELETE or HEAD; preflight OPTIONS requests are answered by the rules themselves.',
      }));
    }
  });
  for (const i of duplicates(rule.allowedMethods, false)) {
    issues.push(warning('method.duplicate', `Method ${rule.allowedMethods[i]} is listed twice in ${label}.`, at('allowedMethods', i)));
  }

  rule.allowedHeaders.forEach((h, i) => issues.push(...validateHeaderName(h, at('allowedHeaders', i), 'allowed', profile)));
  for (const i of duplicates(rule.allowedHeaders, true)) {
    issues.push(warning('header.duplicate', `Allowed header "${rule.allowedHeaders[i]}" is listed twice in ${label}.`, at('allowedHeaders', i)));
  }
  rule.exposeHeaders.forEach((h, i) => issues.push(...validateHeaderName(h, at('exposeHeaders', i), 'expose', profile)));
  for (const i of duplicates(rule.exposeHeaders, true)) {
    issues.push(warning('expose.duplicate', `Expose header "${rule.exposeHeaders[i]}" is listed twice in ${label}.`, at('exposeHeaders', i)));
  }

  const uploads = rule.allowedMethods.filter((m) => m === 'PUT' || m === 'POST');
  if (uploads.length && !rule.exposeHeaders.some((h) => h.toLowerCase() === 'etag')) {
    issues.push(warning('rule.etag-not-exposed', `${label} allows ${uploads.join(' and ')} but does not expose ETag, so browser uploads cannot read it (multipart uploads in the AWS, OSS and COS SDKs fail).`, at('exposeHeaders'), {
      hint: 'Add ETag to the expose headers.',
    }));
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
    const message =
      profile.id === 's3'
        ? `The number of CORS rules should not exceed allowed limit of ${max} rules.`
        : `${profile.label} allows at most ${max} rules; this configuration has ${count}.`;
    issues.push(error('config.too-many-rules', message, ['rules'], { providerCode: INVALID, hint: 'Merge rules that share origins and methods.' }));
  }
  const maxBytes = profile.limits.maxDocumentBytes;
  if (maxBytes !== null) {
    const bytes = new TextEncoder().encode(serializeCorsDocument(config, profile.documents.native)).length;
    if (bytes > maxBytes) {
      issues.push(error('config.too-large', `The configuration is ${bytes} bytes as XML; ${profile.label} accepts at most ${maxBytes}.`, ['rules'], {
        hint: 'Merge rules, or use wildcards such as https://*.example.com.',
      }));
    }
  }
  return issues;
}

function validateDocument(config: CorsConfig, profile: DialectProfile): Issue[] {
  const issues: Issue[] = [];
  if (config.rules.length === 0) {
    issues.push(error('config.no-rules', 'A CORS configuration needs at least one rule (the provider answers MalformedXML).', ['rules'], {
      providerCode: MALFORMED,
      hint: 'To remove CORS from the bucket, delete its configuration instead.',
    }));
  }
  issues.push(...validateSizeOf(config, profile));
  if (config.responseVary && !profile.supportsResponseVary) {
    issues.push(warning('config.response-vary-unsupported', `${profile.label} has no ResponseVary setting; "Vary: Origin on every response" will not be stored.`, ['responseVary']));
  }
  if (!profile.supportsBucketCors) {
    issues.push(warning('provider.no-bucket-cors', `${profile.label} community edition has no per-bucket CORS (PutBucketCors answers NotImplemented); only the server-wide setting applies.`, [], {
      hint: 'Per-bucket CORS needs MinIO AIStor; otherwise set MINIO_API_CORS_ALLOW_ORIGIN on the server.',
    }));
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
      .map(({ value, path }) =>
        error('value.not-stored-verbatim', `${JSON.stringify(value)} would not be stored as written: ${profile.label} trims values, reads numbers and true/false as such, and does not escape < > & in its XML.`, path, {
          hint: 'Remove the spaces around it and any < > & characters; give a numeric ID a letter.',
        }),
      ),
  );
}

/**
 * The provider's size limits alone (rule count, document bytes): linear in the configuration's
 * size, so a server checks them before the full validation, whose shadowing analysis compares
 * rules pairwise.
 */
export function validateSize(config: CorsConfig, dialect: Dialect = 's3'): Issue[] {
  return validateSizeOf(config, dialectProfile(dialect));
}

/**
 * Checks a configuration as the provider of `dialect` would, plus the console's own rules.
 * Errors are what the provider rejects or what can never match; warnings are accepted by the
 * provider but probably not what the author wants (shadowed rules, ETag not exposed, ...).
 * Messages use S3's own wording where S3 has one.
 */
export function validateConfig(config: CorsConfig, dialect: Dialect = 's3', options: ValidateOptions = {}): Issue[] {
  const profile = dialectProfile(dialect);
  return [...validateDocument(config, profile), ...config.rules.flatMap((rule, index) => validateRule(rule, index, profile, options)), ...findShadowedRules(config.rules, dialect)];
}

/**
 * The part of `validateConfig` that concerns one rule alone (its fields), for the rule at `index`.
 * An editor can keep these per rule and redo only the rule being typed in.
 */
export function validateRuleAt(rule: CorsRule, index: number, dialect: Dialect = 's3', options: ValidateOptions = {}): Issue[] {
  return validateRule(rule, index, dialectProfile(dialect), options);
}

/** The part of `validateConfig` that concerns the rules together: the document's limits and shadowing. */
export function validateAcrossRules(config: CorsConfig, dialect: Dialect = 's3'): Issue[] {
  return [...validateDocument(config, dialectProfile(dialect)), ...findShadowedRules(config.rules, dialect)];
}
