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
   * One sentence per reason a preflight is needed; when none is, one sentence saying why. When the
   * browser refuses the request outright (fetch() rejects before sending), the sentences say so and
   * `preflight` is false because nothing at all is sent.
   */
  reasons: string[];
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
const SAFELISTED_CONTENT_TYPES_TEXT = SAFELISTED_CONTENT_TYPES.join(', ');
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

/** Shows a byte in a reason: printable ones quoted, control bytes in hex. */
function describeByte(code: number): string {
  return code < 0x20 || code === 0x7f ? `0x${code.toString(16).toUpperCase().padStart(2, '0')}` : `'${String.fromCharCode(code)}'`;
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
function rangeProblem(value: string): string | undefined {
  const match = SIMPLE_RANGE.exec(value);
  if (!match) {
    if (value.startsWith('bytes=') && value.includes(',')) {
      return `Range "${value}" asks for several ranges; only a single bytes=N- or bytes=N-M range is CORS-safelisted.`;
    }
    return `Range "${value}" is not of the form bytes=N- or bytes=N-M (lower-case "bytes", no spaces), so it is not CORS-safelisted.`;
  }
  const start = match[1] ?? '';
  const end = match[2] ?? '';
  if (start === '' && end === '') return `Range "${value}" names no bytes, so it is not CORS-safelisted.`;
  // Browsers never emitted suffix ranges themselves, so the spec keeps them out of the safelist.
  if (start === '') {
    return `Range "${value}" is a suffix range; only bytes=N- or bytes=N-M is CORS-safelisted.`;
  }
  if (end !== '' && digitsGreater(start, end)) {
    return `Range "${value}" starts after it ends, so it is not a valid byte range and not CORS-safelisted.`;
  }
  return undefined;
}

/**
 * Why (name, value) is not a "CORS-safelisted request-header", or undefined when it is. `name` is
 * lowercased and `value` already normalised and checked to be a ByteString.
 */
function safelistProblem(name: string, value: string): string | undefined {
  if (!['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(name)) {
    return `Header ${name} is not CORS-safelisted.`;
  }
  if (value.length > MAX_VALUE_BYTES) {
    return `Header ${name} has a ${value.length}-byte value; CORS-safelisted values are at most ${MAX_VALUE_BYTES} bytes.`;
  }
  switch (name) {
    case 'accept':
    case 'content-type': {
      const unsafe = firstUnsafeByte(value);
      if (unsafe !== undefined) {
        return `Header ${name} contains ${describeByte(unsafe)}, a CORS-unsafe request-header byte, so it is not CORS-safelisted.`;
      }
      if (name === 'accept') return undefined;
      const essence = mimeEssence(value);
      if (essence === undefined) {
        return `Content-Type "${value}" is not a valid MIME type, so it is not one of the three safelisted types (${SAFELISTED_CONTENT_TYPES_TEXT}).`;
      }
      if (!SAFELISTED_CONTENT_TYPES.includes(essence)) {
        return `Content-Type ${essence} is not one of the three safelisted types (${SAFELISTED_CONTENT_TYPES_TEXT}).`;
      }
      return undefined;
    }
    case 'accept-language':
    case 'content-language': {
      if (LANGUAGE_VALUE.test(value)) return undefined;
      const bad = [...value].find((char) => !LANGUAGE_VALUE.test(char)) ?? '';
      return `Header ${name} contains ${describeByte(bad.charCodeAt(0))}; CORS-safelisted language values use only letters, digits, space and * , - . ; =.`;
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
  const refusals: string[] = [];
  if (!isToken(method)) {
    refusals.push(`"${req.method}" is not a valid HTTP method, so fetch() rejects with a TypeError and nothing is sent.`);
  } else if (FORBIDDEN_METHODS.includes(method.toUpperCase())) {
    refusals.push(`${method} is a forbidden method, so fetch() rejects with a TypeError and nothing is sent.`);
  }

  const dropped = new Set<string>();
  const sent: { name: string; value: string }[] = [];
  // Record keys that differ only in case become separate entries, as `new Headers(record)` appends each.
  for (const [rawName, rawValue] of Object.entries(req.headers)) {
    const value = normalizeHeaderValue(rawValue);
    if (!isToken(rawName)) {
      refusals.push(`"${rawName}" is not a valid header name, so fetch() rejects with a TypeError and nothing is sent.`);
      continue;
    }
    const name = rawName.toLowerCase();
    if (!isByteString(value)) {
      refusals.push(
        `Header ${name} has a character above U+00FF; header values are byte strings, so fetch() rejects with a TypeError and nothing is sent.`,
      );
      continue;
    }
    if (/[\0\n\r]/.test(value)) {
      refusals.push(`Header ${name} contains a NUL, CR or LF byte, so fetch() rejects with a TypeError and nothing is sent.`);
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
  const headerReasons: { name: string; reason: string }[] = [];
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
    return { method, preflight: false, refused: true, reasons: [...new Set(refusals)], unsafeHeaders, droppedHeaders, sendsCredentials };
  }

  const reasons: string[] = [];
  if (!isCorsSafelistedMethod(method)) {
    const verbatim =
      method === method.toUpperCase()
        ? ''
        : `; fetch() sends it as written (it upper-cases only ${NORMALIZED_METHODS.join(', ')}) and Access-Control-Allow-Methods must match it exactly`;
    reasons.push(`${method} is not a CORS-safelisted method (GET, HEAD, POST), so the browser sends a preflight first${verbatim}.`);
  }
  headerReasons.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { reason } of headerReasons) if (!reasons.includes(reason)) reasons.push(reason);
  if (overTotal) {
    const names = [...new Set(potentiallyUnsafe)].sort().join(', ');
    reasons.push(
      `The CORS-safelisted header values total ${safelistValueSize} bytes, over the ${MAX_TOTAL_BYTES}-byte limit, so all of them are treated as unsafe (${names}).`,
    );
  }
  if (req.hasUploadListeners === true) {
    reasons.push('The XMLHttpRequest has upload progress listeners, which always force a preflight; drop them to avoid it.');
  }
  if (req.hasStreamBody === true) {
    reasons.push('The body is a ReadableStream, and streaming uploads always force a preflight.');
  }

  if (reasons.length === 0) {
    return {
      method,
      preflight: false,
      refused: false,
      reasons: [`${method} with only CORS-safelisted headers needs no preflight: the browser sends it directly with an Origin header.`],
      unsafeHeaders,
      droppedHeaders,
      sendsCredentials,
    };
  }
  const preflightHeaders: Record<string, string> = { 'access-control-request-method': method };
  if (unsafeHeaders.length > 0) preflightHeaders['access-control-request-headers'] = unsafeHeaders.join(',');
  return { method, preflight: true, refused: false, reasons, unsafeHeaders, preflightHeaders, droppedHeaders, sendsCredentials };
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
