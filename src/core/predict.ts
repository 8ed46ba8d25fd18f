import { classifyBrowserRequest, isCorsSafelistedMethod, parseExposeHeaders, readableResponseHeaders, type BrowserRequestClass, type CredentialsMode } from './browser';
import type { Dialect } from './dialects';
import { evaluate, type Decision } from './evaluate';
import type { CorsConfig } from './rule';

/** A fetch() a page makes to a bucket. */
export interface BrowserFetch {
  /** The page's origin, e.g. `http://127.0.0.1:5173`. */
  origin: string;
  method: string;
  /** Headers the script sets. */
  headers?: Record<string, string>;
  credentials?: CredentialsMode;
  /** Whether the URL names an object (default) or the bucket. */
  resource?: 'object' | 'bucket';
}

/** Which of the browser's checks failed. */
export type BlockCheck =
  | 'request-refused'
  | 'preflight-status'
  | 'allow-origin-missing'
  | 'allow-origin-mismatch'
  | 'wildcard-with-credentials'
  | 'credentials-not-allowed'
  | 'method-not-allowed'
  | 'header-not-allowed';

export interface BlockReason {
  check: BlockCheck;
  /** Where it failed: before sending, on the preflight response, or on the actual response. */
  stage: 'request' | 'preflight' | 'actual';
  message: string;
}

/** What the browser will do with a fetch(), judged on the provider's predicted answers. */
export interface BrowserPrediction {
  allowed: boolean;
  /** Whether and why the browser preflights. */
  request: BrowserRequestClass;
  /** The provider's answer to the preflight, when one is sent. */
  preflight?: Decision;
  /** The provider's answer to the actual request; absent when the preflight already failed. */
  actual?: Decision;
  blockedBy?: BlockReason;
  /**
   * The names the actual answer's Access-Control-Expose-Headers lists, lowercased, as the browser
   * reads them; empty when the browser blocks the request. A `*` among them exposes every header
   * only to a request without credentials: ask `headerReadability` what script can read.
   */
  exposedHeaders: string[];
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}

/** The Fetch Standard's "CORS check" of a response. */
function corsCheck(headers: Record<string, string>, origin: string, credentialed: boolean, stage: 'preflight' | 'actual'): BlockReason | undefined {
  const allowOrigin = headers['access-control-allow-origin'];
  const what = stage === 'preflight' ? 'The preflight response' : 'The response';
  if (allowOrigin === undefined) {
    return { check: 'allow-origin-missing', stage, message: `${what} has no Access-Control-Allow-Origin header.` };
  }
  if (allowOrigin === '*' && !credentialed) return undefined;
  if (allowOrigin === '*') {
    return { check: 'wildcard-with-credentials', stage, message: `${what} answers Access-Control-Allow-Origin: *, which browsers refuse when the request includes credentials.` };
  }
  if (allowOrigin !== origin) {
    return { check: 'allow-origin-mismatch', stage, message: `${what} allows origin ${allowOrigin}, not ${origin}.` };
  }
  if (credentialed && headers['access-control-allow-credentials'] !== 'true') {
    return { check: 'credentials-not-allowed', stage, message: `${what} lacks Access-Control-Allow-Credentials: true, required for a request with credentials.` };
  }
  return undefined;
}

/** The method and header checks of a CORS-preflight fetch. */
function preflightGrantCheck(headers: Record<string, string>, request: BrowserRequestClass): BlockReason | undefined {
  const credentialed = request.sendsCredentials;
  const methods = splitList(headers['access-control-allow-methods']);
  const methodWildcard = !credentialed && methods.includes('*');
  if (!methods.includes(request.method) && !isCorsSafelistedMethod(request.method) && !methodWildcard) {
    return { check: 'method-not-allowed', stage: 'preflight', message: `The preflight response does not list ${request.method} in Access-Control-Allow-Methods (${methods.join(', ') || 'absent'}).` };
  }
  const allowed = splitList(headers['access-control-allow-headers']).map((h) => h.toLowerCase());
  const headerWildcard = !credentialed && allowed.includes('*');
  // `*` never covers Authorization (a "CORS non-wildcard request-header name").
  const refused = request.unsafeHeaders.filter((h) => !allowed.includes(h) && !(headerWildcard && h !== 'authorization'));
  if (refused.length) {
    return { check: 'header-not-allowed', stage: 'preflight', message: `The preflight response does not allow header ${refused.join(', ')} (Access-Control-Allow-Headers: ${headers['access-control-allow-headers'] ?? 'absent'}).` };
  }
  return undefined;
}

/**
 * Predicts whether the browser lets script read the response of a cross-origin fetch() to a
 * bucket: the provider's answers come from `evaluate`, the browser's checks from the Fetch
 * Standard (preflight when needed, then the CORS check of the actual response).
 */
export function predictBrowserFetch(config: CorsConfig | null, fetch: BrowserFetch, dialect: Dialect = 's3'): BrowserPrediction {
  const request = classifyBrowserRequest({
    method: fetch.method,
    headers: fetch.headers ?? {},
    ...(fetch.credentials ? { credentials: fetch.credentials } : {}),
  });
  if (request.refused) {
    return { allowed: false, request, blockedBy: { check: 'request-refused', stage: 'request', message: request.reasons.join(' ') }, exposedHeaders: [] };
  }
  const credentialed = request.sendsCredentials;
  const resource = fetch.resource ? { resource: fetch.resource } : {};
  let preflight: Decision | undefined;
  if (request.preflight) {
    preflight = evaluate(config, { method: 'OPTIONS', headers: { origin: fetch.origin, ...request.preflightHeaders }, ...resource }, dialect);
    const statusOk = preflight.status !== null && preflight.status >= 200 && preflight.status < 300;
    const failure = statusOk
      ? (corsCheck(preflight.headers, fetch.origin, credentialed, 'preflight') ?? preflightGrantCheck(preflight.headers, request))
      : { check: 'preflight-status' as const, stage: 'preflight' as const, message: `The preflight is refused with ${[preflight.status, preflight.error?.code].filter(Boolean).join(' ')}${preflight.error?.message ? `: ${preflight.error.message}` : '.'}` };
    if (failure) return { allowed: false, request, preflight, blockedBy: failure, exposedHeaders: [] };
  }
  const actual = evaluate(config, { method: request.method, headers: { origin: fetch.origin }, ...resource }, dialect);
  const failure = corsCheck(actual.headers, fetch.origin, credentialed, 'actual');
  const exposed = parseExposeHeaders(actual.headers['access-control-expose-headers']);
  return {
    allowed: !failure,
    request,
    ...(preflight ? { preflight } : {}),
    actual,
    ...(failure ? { blockedBy: failure } : {}),
    exposedHeaders: failure ? [] : exposed,
  };
}

/** Which of some response headers script can read, and which it cannot; names lowercased, once each. */
export interface HeaderReadability {
  readable: string[];
  unreadable: string[];
}

/**
 * Which of `names` script can read in the answer to a predicted fetch, assuming the answer carries
 * them: none when the browser blocks the request; else the CORS-safelisted names and those the
 * answer exposes, where an exposed `*` stands for every name only when the request is sent without
 * credentials (Fetch Standard, "CORS filtered response"). `Set-Cookie` is never readable.
 */
export function headerReadability(prediction: BrowserPrediction, names: readonly string[]): HeaderReadability {
  const wanted = [...new Set(names.map((name) => name.toLowerCase()))];
  const readable = prediction.allowed ? readableResponseHeaders(wanted, prediction.exposedHeaders.join(','), prediction.request.sendsCredentials) : [];
  return { readable, unreadable: wanted.filter((name) => !readable.includes(name)) };
}
