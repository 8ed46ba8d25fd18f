/**
 * The browser's half of CORS: which requests a script's fetch()/XMLHttpRequest call turns into a
 * preflight, which headers it silently drops, and which response headers script may read.
 * Everything here follows the Fetch Standard (fetch.spec.whatwg.org), not the "simple request
 * header" lists some vendor docs give (those mix in the safelisted *response* headers).
 */

/** fetch()'s `credentials` option; XHR's `withCredentials = true` is `'include'`. */
export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/** A cross-origin request as a script would make it. */
export interface BrowserRequest {
  /** The method exactly as the script passes it to fetch() or `xhr.open()`; case matters (see `method` below). */
  method: string;
  /** Headers the script sets, names in any case, values as written (the browser trims surrounding whitespace). */
  headers: Record<string, string>;
  /** Credentials mode; fetch() defaults to `'same-origin'`, which sends no cookies cross-origin. */
  credentials?: CredentialsMode;
  /** XHR only: listeners on `xhr.upload` set the use-CORS-preflight flag, so even a simple POST is preflighted. */
  hasUploadListeners?: boolean;
  /** fetch() only: a ReadableStream body sets the use-CORS-preflight flag. */
  hasStreamBody?: boolean;
}

/** The values each request-reason code names, by code. */
export interface RequestReasonParamsByCode {
  // The browser refuses to send anything (fetch() rejects with a TypeError).
  'method-invalid': { method: string };
  'method-forbidden': { method: string };
  'header-name-invalid': { header: string };
  'header-value-not-bytes': { header: string };
  'header-value-nul-cr-lf': { header: string };
  // Why a preflight is needed. `verbatim`: fetch() sends the method as written (`normalized` are the ones it upper-cases).
  'method-not-safelisted': { method: string; verbatim: boolean; normalized: string[] };
  'header-not-safelisted': { header: string };
  'header-value-too-long': { header: string; length: number; max: number };
  /** `byte` is the offending character code. */
  'header-unsafe-byte': { header: string; byte: number };
  'content-type-invalid': { header: string; value: string; types: string[] };
  'content-type-not-safelisted': { header: string; essence: string; types: string[] };
  'language-unsafe-byte': { header: string; byte: number };
  'range-multiple': { header: string; value: string };
  'range-malformed': { header: string; value: string };
  'range-empty': { header: string; value: string };
  'range-suffix': { header: string; value: string };
  'range-reversed': { header: string; value: string };
  'safelisted-total-too-long': { total: number; max: number; headers: string[] };
  'upload-listeners': Record<string, never>;
  'stream-body': Record<string, never>;
  /** An https page fetching an http URL (src/core/mixed-content.ts); `loopback`: refused by WebKit only. */
  'mixed-content': { pageOrigin: string; url: string; loopback: boolean };
  /** A public page fetching a private or loopback address: Chromium's Local Network Access (src/core/local-network.ts). */
  'local-network-access': { pageOrigin: string; url: string; addressSpace: 'private' | 'loopback'; secure: boolean };
  // Why none is needed.
  'no-preflight': { method: string };
}
export type RequestReasonCode = keyof RequestReasonParamsByCode;
export const REQUEST_REASON_CODES = [
  'method-invalid', 'method-forbidden', 'header-name-invalid', 'header-value-not-bytes', 'header-value-nul-cr-lf',
  'method-not-safelisted', 'header-not-safelisted', 'header-value-too-long', 'header-unsafe-byte', 'content-type-invalid',
  'content-type-not-safelisted', 'language-unsafe-byte', 'range-multiple', 'range-malformed', 'range-empty', 'range-suffix',
  'range-reversed', 'safelisted-total-too-long', 'upload-listeners', 'stream-body', 'mixed-content', 'local-network-access', 'no-preflight',
] as const satisfies readonly RequestReasonCode[];

/** One reason for the browser's handling of a request: a code and the values it names. */
export type RequestReason = { [C in RequestReasonCode]: { code: C; params: RequestReasonParamsByCode[C] } }[RequestReasonCode];

/** Whether a reason is about the header `name` (lowercased): its own, or one of those over the total limit. */
export function reasonConcerns(reason: RequestReason, name: string): boolean {
  if (reason.code === 'safelisted-total-too-long') return reason.params.headers.includes(name);
  return 'header' in reason.params && reason.params.header === name;
}

function reasonKey(reason: RequestReason): string {
  return JSON.stringify(reason);
}

/** What the browser will do with a {@link BrowserRequest}. */
export interface BrowserRequestClass {
  /**
   * The method as it goes on the wire: fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and
   * PUT ("normalize" a method); anything else, `patch` included, is sent verbatim.
   */
  method: string;
  /** Whether an `OPTIONS` preflight precedes the request. */
  preflight: boolean;
  /** The browser refuses to send anything (fetch() rejects at once); `reasons` says why. */
  refused: boolean;
  /**
   * Each reason a preflight is needed; when none is, `no-preflight`. When the browser refuses the
   * request outright (fetch() rejects before sending), the refusals, and `preflight` is false
   * because nothing at all is sent.
   */
  reasons: RequestReason[];
  /** The "CORS-unsafe request-header names": lowercased, sorted, deduplicated. */
  unsafeHeaders: string[];
  /**
   * The preflight's own CORS headers, only when `preflight`. `access-control-request-headers` is the
   * unsafe names joined by `,` without spaces (as browsers send it) and is omitted when there are none.
   */
  preflightHeaders?: Record<string, string>;
  /** Forbidden request-headers the script set: the browser drops them without an error. Lowercased, sorted. */
  droppedHeaders: string[];
  /** Whether the request carries cookies/HTTP auth cross-origin (credentials mode `'include'`). The preflight never does. */
  sendsCredentials: boolean;
}

/**
 * How long each engine keeps a preflight answer at most, in seconds, whatever
 * Access-Control-Max-Age says (shared/design/browser-engines.md, read from the engines' sources):
 * Chromium `kMaxTimeout` in services/network/cors/preflight_result.cc (2 h), WebKit/Safari
 * `maxPreflightCacheTimeout` in CrossOriginPreflightResultCache.cpp (600 s), Firefox 24 h.
 */
export const PREFLIGHT_CACHE_CAPS = { chromium: 7200, firefox: 86_400, webkit: 600 } as const;

/**
 * Whether the engines let `Access-Control-Allow-Headers: *` cover `Authorization`. The Fetch
 * Standard says it must not (Authorization is a "CORS non-wildcard request-header name";
 * whatwg/fetch#1919 is open), yet Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 all sent the
 * request in shared/design/browser-engines.md's measurements. The console predicts what they do
 * and warns that it may break when an engine follows the spec.
 */
export const WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION = true;

/** The request headers a preflight answer's Access-Control-Allow-Headers refuses, and whether Authorization passed only under `*`. */
export interface AllowHeadersCheck {
  refused: string[];
  /** Authorization was let through by `*` alone, which the spec forbids (see {@link WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION}). */
  authorizationByWildcard: boolean;
}

/**
 * The header half of the "CORS-preflight fetch" checks: each CORS-unsafe request-header name must
 * be listed in Access-Control-Allow-Headers (without case), or be covered by `*` on a request
 * without credentials. `unsafeHeaders` are lowercased.
 */
export function checkAllowHeaders(unsafeHeaders: readonly string[], allowHeaders: string | undefined, credentialed: boolean): AllowHeadersCheck {
  const allowed = (allowHeaders ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const wildcard = !credentialed && allowed.includes('*');
  const coversByWildcard = (name: string) => wildcard && (name !== 'authorization' || WILDCARD_ALLOW_HEADERS_COVERS_AUTHORIZATION);
  const refused = unsafeHeaders.filter((name) => !allowed.includes(name) && !coversByWildcard(name));
  const authorizationByWildcard = unsafeHeaders.includes('authorization') && !allowed.includes('authorization') && coversByWildcard('authorization');
  return { refused, authorizationByWildcard };
}

/** The "CORS-safelisted response-header names" every CORS response exposes, lowercased. */
export const SAFELISTED_RESPONSE_HEADERS: readonly string[] = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

// "CORS-safelisted method": an exact byte match, so `get` is not one (fetch() upper-cases it first).
const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
// "normalize" (a method): only these six are upper-cased; PATCH famously is not.
const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
// "forbidden method": fetch() rejects, XHR throws.
const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'];
// "forbidden request-header", step 1 (lowercased). `Headers` silently ignores these.
const FORBIDDEN_REQUEST_HEADER_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
// "forbidden request-header", step 3: method-override headers are forbidden only when they name a forbidden method.
const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
// "forbidden response-header name": never exposed to script, whatever Access-Control-Expose-Headers says.
const FORBIDDEN_RESPONSE_HEADER_NAMES = new Set(['set-cookie', 'set-cookie2']);
// "CORS-unsafe request-header byte", besides control bytes other than tab.
const UNSAFE_BYTES = new Set([0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f]);
const SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
// "CORS-safelisted request-header": the per-value and total limits, in bytes.
const MAX_VALUE_BYTES = 128;
const MAX_TOTAL_BYTES = 1024;

// RFC 9110 token (HTTP "header name" and "method" productions, and MIME type/subtype).
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Accept-Language / Content-Language may only use these bytes.
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
// "parse a single range header value" with allowWhitespace false: `bytes=`, digits, `-`, digits, end.
const SIMPLE_RANGE = /^bytes=([0-9]*)-([0-9]*)$/;
// HTTP whitespace, which "normalize" (a header value) strips from both ends.
const HTTP_WHITESPACE_EDGES = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/**
 * Header values are ByteStrings in both fetch() and XHR: each UTF-16 code unit up to U+00FF is one
 * byte (isomorphic encoding) and anything above makes the call throw. So a value's byte length is
 * its string length, not its UTF-8 length.
 */
function isByteString(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}

function normalizeHeaderValue(value: string): string {
  return value.replace(HTTP_WHITESPACE_EDGES, '');
}

/** fetch()'s method normalisation ("normalize" in the Fetch Standard's Methods section). */
function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.includes(upper) ? upper : method;
}

function firstUnsafeByte(value: string): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || UNSAFE_BYTES.has(code)) return code;
  }
  return undefined;
}

/**
 * The essence (`type/subtype`, lowercased) of a MIME type, or undefined when "parse a MIME type"
 * (MIME Sniffing) fails. Parameters cannot make parsing fail, so they are not examined.
 */
function mimeEssence(value: string): string | undefined {
  const input = normalizeHeaderValue(value);
  const slash = input.indexOf('/');
  if (slash === -1) return undefined;
  const type = input.slice(0, slash);
  const semicolon = input.indexOf(';', slash + 1);
  const subtype = input.slice(slash + 1, semicolon === -1 ? undefined : semicolon).replace(/[\t\n\r ]+$/, '');
  if (!isToken(type) || !isToken(subtype)) return undefined;
  return `${type}/${subtype}`.toLowerCase();
}

/** Compares two non-empty decimal digit strings numerically without overflowing. */
function digitsGreater(a: string, b: string): boolean {
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  return x.length !== y.length ? x.length > y.length : x > y;
}

/** Why a Range value is not a "simple range header value" that the safelist accepts, or undefined. */
function rangeProblem(value: string): RequestReason | undefined {
  const params = { header: 'range', value };
  const match = SIMPLE_RANGE.exec(value);
  if (!match) {
    if (value.startsWith('bytes=') && value.includes(',')) return { code: 'range-multiple', params };
    return { code: 'range-malformed', params };
  }
  const start = match[1] ?? '';
  const end = match[2] ?? '';
  if (start === '' && end === '') return { code: 'range-empty', params };
  // Browsers never emitted suffix ranges themselves, so the spec keeps them out of the safelist.
  if (start === '') return { code: 'range-suffix', params };
  if (end !== '' && digitsGreater(start, end)) return { code: 'range-reversed', params };
  return undefined;
}

/**
 * Why (name, value) is not a "CORS-safelisted request-header", or undefined when it is. `name` is
 * lowercased and `value` already normalised and checked to be a ByteString.
 */
function safelistProblem(name: string, value: string): RequestReason | undefined {
  if (!['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(name)) {
    return { code: 'header-not-safelisted', params: { header: name } };
  }
  if (value.length > MAX_VALUE_BYTES) {
    return { code: 'header-value-too-long', params: { header: name, length: value.length, max: MAX_VALUE_BYTES } };
  }
  switch (name) {
    case 'accept':
    case 'content-type': {
      const unsafe = firstUnsafeByte(value);
      if (unsafe !== undefined) return { code: 'header-unsafe-byte', params: { header: name, byte: unsafe } };
      if (name === 'accept') return undefined;
      const essence = mimeEssence(value);
      const types = [...SAFELISTED_CONTENT_TYPES];
      if (essence === undefined) return { code: 'content-type-invalid', params: { header: name, value, types } };
      if (!SAFELISTED_CONTENT_TYPES.includes(essence)) return { code: 'content-type-not-safelisted', params: { header: name, essence, types } };
      return undefined;
    }
    case 'accept-language':
    case 'content-language': {
      if (LANGUAGE_VALUE.test(value)) return undefined;
      const bad = [...value].find((char) => !LANGUAGE_VALUE.test(char)) ?? '';
      return { code: 'language-unsafe-byte', params: { header: name, byte: bad.charCodeAt(0) } };
    }
    default:
      return rangeProblem(value);
  }
}

/** "forbidden request-header": the `Headers` object ignores these without throwing. */
function isForbiddenRequestHeader(name: string, value: string): boolean {
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(name) || name.startsWith('proxy-') || name.startsWith('sec-')) return true;
  if (!METHOD_OVERRIDE_HEADERS.has(name)) return false;
  return splitHeaderValue(value).some((method) => FORBIDDEN_METHODS.includes(method.toUpperCase()));
}

/** "get, decode, and split": commas outside double-quoted strings separate values; tabs and spaces are trimmed. */
function splitHeaderValue(value: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (quoted) {
      current += char;
      if (char === '\\' && i + 1 < value.length) current += value[++i]!;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
      current += char;
    } else if (char === ',') {
      values.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  values.push(current);
  return values.map((item) => item.replace(/^[\t ]+|[\t ]+$/g, ''));
}

/** Whether `method` is a "CORS-safelisted method": exactly `GET`, `HEAD` or `POST` (case-sensitive, as the spec compares bytes). */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.includes(method);
}

/**
 * Whether a header is a "CORS-safelisted request-header" on its own (the 1024-byte total is a
 * property of the whole request; see {@link classifyBrowserRequest}). The name is matched
 * case-insensitively and the value is trimmed first, as `Headers` does; a value with a character
 * above U+00FF is not a byte string and never safelisted.
 */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  const normalized = normalizeHeaderValue(value);
  return isByteString(normalized) && safelistProblem(name.toLowerCase(), normalized) === undefined;
}

/**
 * Classifies a cross-origin fetch()/XHR request the way the Fetch Standard's "main fetch" does: a
 * preflight is needed when the use-CORS-preflight flag is set (upload listeners, stream body), the
 * method is not a CORS-safelisted method, or the "CORS-unsafe request-header names" are not empty.
 * Forbidden request-headers are dropped by `Headers` before that check, so they never count.
 */
export function classifyBrowserRequest(req: BrowserRequest): BrowserRequestClass {
  const method = normalizeMethod(req.method);
  const sendsCredentials = (req.credentials ?? 'same-origin') === 'include';
  // Reasons the browser refuses to send anything at all (fetch() rejects with a TypeError).
  const refusals: RequestReason[] = [];
  if (!isToken(method)) {
    refusals.push({ code: 'method-invalid', params: { method: req.method } });
  } else if (FORBIDDEN_METHODS.includes(method.toUpperCase())) {
    refusals.push({ code: 'method-forbidden', params: { method } });
  }

  const dropped = new Set<string>();
  const sent: { name: string; value: string }[] = [];
  // Record keys that differ only in case become separate entries, as `new Headers(record)` appends each.
  for (const [rawName, rawValue] of Object.entries(req.headers)) {
    const value = normalizeHeaderValue(rawValue);
    if (!isToken(rawName)) {
      refusals.push({ code: 'header-name-invalid', params: { header: rawName } });
      continue;
    }
    const name = rawName.toLowerCase();
    if (!isByteString(value)) {
      refusals.push({ code: 'header-value-not-bytes', params: { header: name } });
      continue;
    }
    if (/[\0\n\r]/.test(value)) {
      refusals.push({ code: 'header-value-nul-cr-lf', params: { header: name } });
      continue;
    }
    if (isForbiddenRequestHeader(name, value)) {
      dropped.add(name);
      continue;
    }
    sent.push({ name, value });
  }

  // "CORS-unsafe request-header names": individually unsafe headers, plus every safelisted one
  // once their values together exceed 1024 bytes.
  const unsafe = new Set<string>();
  const headerReasons: { name: string; reason: RequestReason }[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistValueSize = 0;
  for (const { name, value } of sent) {
    const problem = safelistProblem(name, value);
    if (problem === undefined) {
      potentiallyUnsafe.push(name);
      safelistValueSize += value.length;
    } else {
      unsafe.add(name);
      headerReasons.push({ name, reason: problem });
    }
  }
  const overTotal = safelistValueSize > MAX_TOTAL_BYTES;
  if (overTotal) for (const name of potentiallyUnsafe) unsafe.add(name);
  const unsafeHeaders = [...unsafe].sort();
  const droppedHeaders = [...dropped].sort();

  if (refusals.length > 0) {
    return { method, preflight: false, refused: true, reasons: unique(refusals), unsafeHeaders, droppedHeaders, sendsCredentials };
  }

  const reasons: RequestReason[] = [];
  if (!isCorsSafelistedMethod(method)) {
    reasons.push({ code: 'method-not-safelisted', params: { method, verbatim: method !== method.toUpperCase(), normalized: [...NORMALIZED_METHODS] } });
  }
  headerReasons.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  reasons.push(...headerReasons.map(({ reason }) => reason));
  if (overTotal) {
    const headers = [...new Set(potentiallyUnsafe)].sort();
    reasons.push({ code: 'safelisted-total-too-long', params: { total: safelistValueSize, max: MAX_TOTAL_BYTES, headers } });
  }
  if (req.hasUploadListeners === true) reasons.push({ code: 'upload-listeners', params: {} });
  if (req.hasStreamBody === true) reasons.push({ code: 'stream-body', params: {} });

  if (reasons.length === 0) {
    return {
      method,
      preflight: false,
      refused: false,
      reasons: [{ code: 'no-preflight', params: { method } }],
      unsafeHeaders,
      droppedHeaders,
      sendsCredentials,
    };
  }
  const preflightHeaders: Record<string, string> = { 'access-control-request-method': method };
  if (unsafeHeaders.length > 0) preflightHeaders['access-control-request-headers'] = unsafeHeaders.join(',');
  return { method, preflight: true, refused: false, reasons: unique(reasons), unsafeHeaders, preflightHeaders, droppedHeaders, sendsCredentials };
}

/** Drops repeated reasons (two headers spelt in different case give the same one), keeping the first. */
function unique(reasons: RequestReason[]): RequestReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = reasonKey(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The names in an `Access-Control-Expose-Headers` value ("extract header list values": `#field-name`),
 * lowercased; empty list elements are ignored, and any element that is not a token makes the whole
 * header unparseable, which exposes nothing beyond the safelist.
 */
export function parseExposeHeaders(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names = value
    .split(',')
    .map((item) => item.replace(/^[\t ]+|[\t ]+$/g, ''))
    .filter((item) => item !== '');
  return names.every(isToken) ? names.map((item) => item.toLowerCase()) : [];
}

/**
 * Which of a CORS response's header names script can read (a "CORS filtered response"): the
 * CORS-safelisted response-header names plus those listed in `Access-Control-Expose-Headers`. A `*`
 * there exposes every header only when the request was not credentialed; with credentials it is a
 * literal name. `Set-Cookie`/`Set-Cookie2` are never readable. Returns lowercased names in the order
 * given, without duplicates.
 */
export function readableResponseHeaders(
  responseHeaderNames: string[],
  exposeHeaderValue: string | undefined,
  credentials: boolean,
): string[] {
  const exposed = parseExposeHeaders(exposeHeaderValue);
  const exposeAll = !credentials && exposed.includes('*');
  const readable: string[] = [];
  for (const raw of responseHeaderNames) {
    const name = raw.toLowerCase();
    if (readable.includes(name) || FORBIDDEN_RESPONSE_HEADER_NAMES.has(name)) continue;
    if (SAFELISTED_RESPONSE_HEADERS.includes(name) || exposeAll || exposed.includes(name)) readable.push(name);
  }
  return readable;
}

/**
 * Browsers cache a preflight this long when the answer has no Access-Control-Max-Age (Fetch
 * Standard, "CORS-preflight cache": the default max-age is 5 seconds).
 */
export const DEFAULT_PREFLIGHT_CACHE_SECONDS = 5;

/**
 * How long a browser keeps a preflight answer, from its `Access-Control-Max-Age` value. A value
 * that is not a non-negative integer is ignored, as if absent (Fetch Standard, step "max-age").
 * Browser caps are not applied (PREFLIGHT_CACHE_CAPS says them): callers compare or cap.
 */
export function preflightCacheSeconds(maxAge: string | undefined): number {
  if (maxAge === undefined || !/^\d+$/.test(maxAge.trim())) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  return Number(maxAge.trim());
}
