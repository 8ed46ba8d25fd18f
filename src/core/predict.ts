import { checkAllowHeaders, classifyBrowserRequest, isCorsSafelistedMethod, parseExposeHeaders, preflightCacheSeconds, PREFLIGHT_CACHE_CAPS, readableResponseHeaders, type BrowserRequestClass, type CredentialsMode, type RequestReason } from './browser';
import type { Dialect } from './dialects';
import { ENGINE_FACTS, enginePreflightCacheSeconds, enginePreflightsEveryTime, type BrowserEngine } from './engines';
import { evaluate, type Decision } from './evaluate';
import { localNetworkEngines, localNetworkFetch, localNetworkRefusal, type AddressSpace, type LocalNetworkFetch } from './local-network';
import { mixedContentLoopbackEngines, mixedContentRefusal } from './mixed-content';
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
  /** Whether the script sends a body (an upload); Firefox re-sends the preflight of a PUT with one. */
  hasBody?: boolean;
  /** The URL fetched, when known: an https page may not fetch an http one (src/core/mixed-content.ts). */
  url?: string;
  /**
   * Where the page really is, when its origin does not say (src/core/local-network.ts): an engine
   * run on this host serves every origin's page from loopback, or from a public address when told
   * to. Default: public unless the origin's host is a private or loopback address.
   */
  pageAddressSpace?: AddressSpace;
  /** The user allowed this page Local Network Access (Chromium's `local-network-access` permission). */
  localNetworkPermission?: boolean;
}

/** The values each failed browser check names, by check. */
export interface BlockParamsByCheck {
  /** The browser refuses to send anything; `reasons` are the refusals. */
  'request-refused': { reasons: RequestReason[] };
  'preflight-status': { status: number | null; errorCode?: string; errorMessage?: string };
  'allow-origin-missing': Record<string, never>;
  'allow-origin-mismatch': { allowOrigin: string; origin: string };
  'wildcard-with-credentials': Record<string, never>;
  'credentials-not-allowed': Record<string, never>;
  /** `allowMethods` is the preflight's Access-Control-Allow-Methods, split. */
  'method-not-allowed': { method: string; allowMethods: string[] };
  /** `allowHeaders` is the preflight's Access-Control-Allow-Headers as sent, absent when missing. */
  'header-not-allowed': { headers: string[]; allowHeaders?: string };
}

/** Which of the browser's checks failed. */
export type BlockCheck = keyof BlockParamsByCheck;
export const BLOCK_CHECKS = [
  'request-refused', 'preflight-status', 'allow-origin-missing', 'allow-origin-mismatch',
  'wildcard-with-credentials', 'credentials-not-allowed', 'method-not-allowed', 'header-not-allowed',
] as const satisfies readonly BlockCheck[];

/** The values each caution names: what the browsers allow today but may not tomorrow, or do differently. */
export interface CautionParamsByCode {
  /** The preflight allowed Authorization only through `Access-Control-Allow-Headers: *`. */
  'authorization-under-wildcard': { allowHeaders: string };
  /**
   * The preflight's max-age is above an engine's cap: it sends the preflight again after `cap`
   * seconds. Without an engine named, WebKit/Safari's (the lowest); with one, that engine's.
   */
  'preflight-cache-capped': { maxAge: number; engine: BrowserEngine; cap: number };
  /** The engine sends this request's preflight every time, whatever Max-Age says (Firefox, a PUT with a body). */
  'preflight-every-time': { engine: BrowserEngine; method: string };
  /** An https page fetches an http loopback URL: `engine` refuses it as mixed content, the others do not. */
  'mixed-content-on-loopback': { engine: BrowserEngine; pageOrigin: string; url: string };
  /** A public page fetches a private or loopback address: `engine` asks the user or refuses (Local Network Access), the others do not. */
  'local-network-access': LocalNetworkFetch & { engine: BrowserEngine };
}
export type CautionCode = keyof CautionParamsByCode;
export const CAUTION_CODES = ['authorization-under-wildcard', 'preflight-cache-capped', 'preflight-every-time', 'mixed-content-on-loopback', 'local-network-access'] as const satisfies readonly CautionCode[];

/** Something about an allowed fetch that one engine does differently or that may break later: a code and its values. */
export type BrowserCaution = { [C in CautionCode]: { code: C; params: CautionParamsByCode[C] } }[CautionCode];

/** Where a check failed: before sending, on the preflight response, or on the actual response. */
export type BlockStage = 'request' | 'preflight' | 'actual';

/** A failed check, the stage it failed at, and the values involved. */
export type BlockReason = { [K in BlockCheck]: { check: K; stage: BlockStage; params: BlockParamsByCheck[K] } }[BlockCheck];

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
  /** What the browsers do today that may break, or that one engine does differently; empty when none. */
  cautions: BrowserCaution[];
  /** The engine the prediction is for, when one was named; else it holds for all three. */
  engine?: BrowserEngine;
  /** With an engine named and a preflight that passed: how long that engine reuses it (0 when it never does). */
  preflightCacheSeconds?: number;
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}

/** The Fetch Standard's "CORS check" of a response. */
function corsCheck(headers: Record<string, string>, origin: string, credentialed: boolean, stage: 'preflight' | 'actual'): BlockReason | undefined {
  const allowOrigin = headers['access-control-allow-origin'];
  if (allowOrigin === undefined) return { check: 'allow-origin-missing', stage, params: {} };
  if (allowOrigin === '*' && !credentialed) return undefined;
  if (allowOrigin === '*') return { check: 'wildcard-with-credentials', stage, params: {} };
  if (allowOrigin !== origin) return { check: 'allow-origin-mismatch', stage, params: { allowOrigin, origin } };
  if (credentialed && headers['access-control-allow-credentials'] !== 'true') {
    return { check: 'credentials-not-allowed', stage, params: {} };
  }
  return undefined;
}

/** The method and header checks of a CORS-preflight fetch. */
function preflightGrantCheck(headers: Record<string, string>, request: BrowserRequestClass): BlockReason | undefined {
  const credentialed = request.sendsCredentials;
  const methods = splitList(headers['access-control-allow-methods']);
  const methodWildcard = !credentialed && methods.includes('*');
  if (!methods.includes(request.method) && !isCorsSafelistedMethod(request.method) && !methodWildcard) {
    return { check: 'method-not-allowed', stage: 'preflight', params: { method: request.method, allowMethods: methods } };
  }
  const { refused } = checkAllowHeaders(request.unsafeHeaders, headers['access-control-allow-headers'], credentialed);
  if (refused.length) {
    const allowHeaders = headers['access-control-allow-headers'];
    return { check: 'header-not-allowed', stage: 'preflight', params: { headers: refused, ...(allowHeaders === undefined ? {} : { allowHeaders }) } };
  }
  return undefined;
}

/** The engine a prediction is for, and what the page's request carries that engines treat differently. */
export interface EngineContext {
  engine: BrowserEngine;
  hasBody: boolean;
}

/**
 * The cautions a passed preflight answer raises (see {@link BrowserCaution}), for a predicted
 * answer or a real one the browser received. Without an engine: what holds in any of the three
 * (Safari's cap, the lowest); with one, that engine's own (shared/design/browser-engines.md).
 */
export function preflightCautions(headers: Record<string, string>, request: BrowserRequestClass, context?: EngineContext): BrowserCaution[] {
  const cautions: BrowserCaution[] = [];
  const allowHeaders = headers['access-control-allow-headers'];
  const authorizationByWildcard = checkAllowHeaders(request.unsafeHeaders, allowHeaders, request.sendsCredentials).authorizationByWildcard;
  if (authorizationByWildcard && allowHeaders !== undefined && (!context || ENGINE_FACTS[context.engine].wildcardAllowHeadersCoversAuthorization)) {
    cautions.push({ code: 'authorization-under-wildcard', params: { allowHeaders } });
  }
  const maxAge = preflightCacheSeconds(headers['access-control-max-age']);
  const capEngine: BrowserEngine = context?.engine ?? 'webkit';
  const cap = context ? ENGINE_FACTS[context.engine].preflightCacheCap : PREFLIGHT_CACHE_CAPS.webkit;
  const everyTime = context !== undefined && enginePreflightsEveryTime(context.engine, request.method, context.hasBody);
  if (everyTime) cautions.push({ code: 'preflight-every-time', params: { engine: capEngine, method: request.method } });
  else if (maxAge > cap) cautions.push({ code: 'preflight-cache-capped', params: { maxAge, engine: capEngine, cap } });
  return cautions;
}

/**
 * The browser's judgement of a preflight answer it received (a real one, not a prediction):
 * undefined when it goes on to send the actual request, else the check that stops it. The same
 * checks as {@link predictBrowserFetch} applies to the predicted answer (Fetch Standard,
 * "CORS-preflight fetch" steps 6-7).
 */
export function preflightAnswerBlock(request: BrowserRequestClass, origin: string, answer: { status: number; headers: Record<string, string> }): BlockReason | undefined {
  if (answer.status < 200 || answer.status >= 300) return { check: 'preflight-status', stage: 'preflight', params: { status: answer.status } };
  return corsCheck(answer.headers, origin, request.sendsCredentials, 'preflight') ?? preflightGrantCheck(answer.headers, request);
}

/** An answer as the browser received it: the status and the headers, names lowercased, repeated lines joined with ", ". */
export interface ReceivedBrowserAnswer {
  status: number;
  headers: Record<string, string>;
}

/** The browser's judgement of answers it received (from a probe or a scripted server), for one engine or any. */
export interface AnswersJudgement {
  allowed: boolean;
  blockedBy?: BlockReason;
  /** Response header names script can read from the actual answer; empty when blocked. */
  readableHeaders: string[];
  cautions: BrowserCaution[];
  /** With an engine named, and a preflight that passed: how long that engine reuses it (0 when it never does). */
  preflightCacheSeconds?: number;
}

/**
 * What the browser does with real answers rather than predicted ones: the preflight's (when the
 * request is preflighted; a redirect is a non-2xx status here, as browsers never follow one on a
 * preflight) and the actual request's. The same checks as {@link predictBrowserFetch}.
 */
export function judgeAnswers(fetch: BrowserFetch, answers: { preflight?: ReceivedBrowserAnswer; actual?: ReceivedBrowserAnswer }, engine?: BrowserEngine): AnswersJudgement {
  const request = classifyFetch(fetch, engine);
  const blocked = (blockedBy: BlockReason): AnswersJudgement => ({ allowed: false, blockedBy, readableHeaders: [], cautions: [] });
  if (request.refused) return blocked({ check: 'request-refused', stage: 'request', params: { reasons: request.reasons } });
  if (request.preflight) {
    const preflight = answers.preflight ?? { status: 0, headers: {} };
    const failure = preflightAnswerBlock(request, fetch.origin, preflight);
    if (failure) return blocked(failure);
  }
  const actual = answers.actual ?? { status: 0, headers: {} };
  const failure = corsCheck(actual.headers, fetch.origin, request.sendsCredentials, 'actual');
  if (failure) return blocked(failure);
  const context = engine ? { engine, hasBody: fetch.hasBody === true } : undefined;
  const preflightHeaders = request.preflight ? answers.preflight?.headers ?? {} : undefined;
  return {
    allowed: true,
    readableHeaders: readableResponseHeaders(Object.keys(actual.headers), actual.headers['access-control-expose-headers'], request.sendsCredentials),
    cautions: [...(preflightHeaders ? preflightCautions(preflightHeaders, request, context) : []), ...engineCautions(fetch, engine)],
    ...(engine && preflightHeaders
      ? { preflightCacheSeconds: enginePreflightsEveryTime(engine, request.method, fetch.hasBody === true) ? 0 : enginePreflightCacheSeconds(preflightHeaders['access-control-max-age'], engine) }
      : {}),
  };
}

/**
 * Predicts whether the browser lets script read the response of a cross-origin fetch() to a
 * bucket: the provider's answers come from `evaluate`, the browser's checks from the Fetch
 * Standard (preflight when needed, then the CORS check of the actual response). With `engine`,
 * the prediction is that engine's (src/core/engines.ts): the three agree on every block measured,
 * so only the cautions and the preflight cache differ; without, it holds for all three.
 */
export function predictBrowserFetch(config: CorsConfig | null, fetch: BrowserFetch, dialect: Dialect = 's3', engine?: BrowserEngine): BrowserPrediction {
  const prediction = predictForAnyEngine(config, fetch, dialect, engine ? { engine, hasBody: fetch.hasBody === true } : undefined);
  if (!engine) return prediction;
  const cached = prediction.allowed && prediction.preflight
    ? { preflightCacheSeconds: enginePreflightsEveryTime(engine, prediction.request.method, fetch.hasBody === true) ? 0 : enginePreflightCacheSeconds(prediction.preflight.headers['access-control-max-age'], engine) }
    : {};
  return { ...prediction, engine, ...cached };
}

const localNetworkOf = (fetch: BrowserFetch) => (fetch.url === undefined ? undefined : localNetworkFetch(fetch.origin, fetch.url, fetch.pageAddressSpace));

/**
 * The request as the browser classifies it, refused as well when it is mixed content or gated by
 * Local Network Access in `engine` (or, for mixed content, in all three).
 */
function classifyFetch(fetch: BrowserFetch, engine: BrowserEngine | undefined): BrowserRequestClass {
  const request = classifyBrowserRequest({ method: fetch.method, headers: fetch.headers ?? {}, ...(fetch.credentials ? { credentials: fetch.credentials } : {}) });
  const mixed = fetch.url === undefined ? undefined : mixedContentRefusal(fetch.origin, fetch.url, engine);
  const local = engine ? localNetworkRefusal(localNetworkOf(fetch), engine, fetch.localNetworkPermission === true) : undefined;
  const before = [...(mixed ? [mixed] : []), ...(local ? [local] : [])];
  if (!before.length) return request;
  // Both refusals come before anything is sent: no preflight either, whatever the rules say.
  const refused: BrowserRequestClass = { ...request, preflight: false, refused: true, reasons: [...before, ...(request.refused ? request.reasons : [])] };
  delete refused.preflightHeaders;
  return refused;
}

/** Without an engine named: the engines that refuse this fetch (mixed content on loopback, Local Network Access) while the others allow it. */
function engineCautions(fetch: BrowserFetch, engine: BrowserEngine | undefined): BrowserCaution[] {
  if (fetch.url === undefined || engine) return [];
  const url = fetch.url;
  const local = localNetworkOf(fetch);
  return [
    ...mixedContentLoopbackEngines(fetch.origin, url, engine).map((refusing): BrowserCaution => ({ code: 'mixed-content-on-loopback', params: { engine: refusing, pageOrigin: fetch.origin, url } })),
    ...localNetworkEngines(local, fetch.localNetworkPermission === true).map((refusing): BrowserCaution => ({ code: 'local-network-access', params: { ...local!, engine: refusing } })),
  ];
}

function predictForAnyEngine(config: CorsConfig | null, fetch: BrowserFetch, dialect: Dialect, context: EngineContext | undefined): BrowserPrediction {
  const request = classifyFetch(fetch, context?.engine);
  if (request.refused) {
    return { allowed: false, request, blockedBy: { check: 'request-refused', stage: 'request', params: { reasons: request.reasons } }, exposedHeaders: [], cautions: [] };
  }
  const credentialed = request.sendsCredentials;
  const resource = fetch.resource ? { resource: fetch.resource } : {};
  let preflight: Decision | undefined;
  if (request.preflight) {
    preflight = evaluate(config, { method: 'OPTIONS', headers: { origin: fetch.origin, ...request.preflightHeaders }, ...resource }, dialect);
    const statusOk = preflight.status !== null && preflight.status >= 200 && preflight.status < 300;
    const refused: BlockReason = {
      check: 'preflight-status',
      stage: 'preflight',
      params: { status: preflight.status, ...(preflight.error ? { errorCode: preflight.error.code, errorMessage: preflight.error.message } : {}) },
    };
    const failure = statusOk ? (corsCheck(preflight.headers, fetch.origin, credentialed, 'preflight') ?? preflightGrantCheck(preflight.headers, request)) : refused;
    if (failure) return { allowed: false, request, preflight, blockedBy: failure, exposedHeaders: [], cautions: [] };
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
    cautions: failure ? [] : [...(preflight ? preflightCautions(preflight.headers, request, context) : []), ...engineCautions(fetch, context?.engine)],
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
