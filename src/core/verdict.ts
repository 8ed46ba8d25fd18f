import { DEFAULT_PREFLIGHT_CACHE_SECONDS, preflightCacheSeconds } from './browser';
import { dialectProfile, type Dialect } from './dialects';
import { headerReadability, type BlockReason, type BrowserPrediction } from './predict';

/**
 * How a test came out for the app: the browser lets script read the answer and the app gets what
 * it needs (`allowed`); the browser lets it through but the app still fails or degrades
 * (`broken`, e.g. the multipart-upload ETag that script cannot read); or the browser blocks it.
 */
export type VerdictLevel = 'allowed' | 'broken' | 'blocked';
export const VERDICT_LEVELS = ['allowed', 'broken', 'blocked'] as const satisfies readonly VerdictLevel[];


/** The values each way an allowed request still breaks the app names, by code. */
export interface BreakageParamsByCode {
  /**
   * Response headers the app must read that script cannot (not CORS-safelisted, not exposed, or
   * exposed only by `*` on a request with credentials). `headers` are lowercased.
   */
  'header-unreadable': { headers: string[] };
  /**
   * The request is preflighted and the preflight is cached `seconds` only (no Max-Age answered,
   * or one of at most the default), so nearly every request costs two round trips.
   */
  'preflight-not-cached': { seconds: number; maxAgeAnswered: boolean };
  /**
   * A request with credentials to a bucket on another site than the page: its cookies are
   * third-party, which Safari never sends and other browsers drop when third-party cookies are
   * blocked (e.g. CloudFront signed cookies then fail). `pageOrigin` and `bucketHost` as people read them.
   */
  'cookies-third-party': { pageOrigin: string; bucketHost: string };
}
export type BreakageCode = keyof BreakageParamsByCode;
export const BREAKAGE_CODES = ['header-unreadable', 'preflight-not-cached', 'cookies-third-party'] as const satisfies readonly BreakageCode[];

/** One way an allowed request still breaks the app, as a code and its values. */
export type Breakage = { [C in BreakageCode]: { code: C; params: BreakageParamsByCode[C] } }[BreakageCode];

/** A verdict with its reasons: the deciding breakage comes first. */
export type AppVerdict =
  | { level: 'allowed'; breakages: [] }
  | { level: 'broken'; breakages: [Breakage, ...Breakage[]] }
  | { level: 'blocked'; breakages: []; blockedBy?: BlockReason };

/** What a test observed (in the browser) or predicted (with the rules), as the verdict needs it. */
export interface OutcomeFacts {
  /** Whether the browser lets script read the response at all. */
  allowed: boolean;
  blockedBy?: BlockReason;
  /** Response headers the app must read that script cannot read, any case. */
  unreadable: readonly string[];
  /**
   * Present when the browser sends a preflight: its Access-Control-Max-Age as answered (undefined
   * when absent), and whether the provider sends one at all. s3rver never does on a preflight
   * (see its dialect), so no rule can lengthen the cache there: that is the emulator, not the app.
   */
  preflight?: { maxAge: string | undefined; providerSendsMaxAge: boolean };
  /** Present when the request is sent with credentials: the page's origin and the URL it fetches. */
  credentialed?: { pageOrigin: string; url: string };
}

/**
 * Whether a page on `pageOrigin` and `url` are on different sites for sure (schemeful same-site,
 * without the Public Suffix List): another scheme, another IP address, or host names whose last two
 * labels differ (a registrable domain has at least two labels, so those can never share one).
 * `app.example.co.uk` and `cdn.other.co.uk` are cross-site too, but this says no: it never warns wrongly.
 */
export function isSurelyCrossSite(pageOrigin: string, url: string): boolean {
  const page = URL.canParse(pageOrigin) ? new URL(pageOrigin) : null;
  const target = URL.canParse(url) ? new URL(url) : null;
  if (!page || !target) return false;
  if (page.protocol !== target.protocol) return true;
  const isAddress = (host: string) => /^[\d.]+$/.test(host) || host.startsWith('[');
  if (isAddress(page.hostname) || isAddress(target.hostname)) return page.hostname !== target.hostname;
  const lastTwo = (host: string) => host.split('.').slice(-2).join('.');
  return lastTwo(page.hostname) !== lastTwo(target.hostname);
}


/**
 * The three-level verdict of a test. A blocked request is blocked whatever else; an allowed one is
 * broken when script cannot read a header the app must read (listed first: the app fails), or when
 * its preflight is cached no longer than the default 5 s (the app works, at twice the round trips),
 * or its cookies are third-party (a credentialed request to another site).
 */
export function judgeOutcome(facts: OutcomeFacts): AppVerdict {
  if (!facts.allowed) return { level: 'blocked', breakages: [], ...(facts.blockedBy ? { blockedBy: facts.blockedBy } : {}) };
  const breakages: Breakage[] = [];
  const unreadable = [...new Set(facts.unreadable.map((name) => name.toLowerCase()))];
  if (unreadable.length) breakages.push({ code: 'header-unreadable', params: { headers: unreadable } });
  if (facts.preflight) {
    const seconds = preflightCacheSeconds(facts.preflight.maxAge);
    if (seconds <= DEFAULT_PREFLIGHT_CACHE_SECONDS && facts.preflight.providerSendsMaxAge) breakages.push({ code: 'preflight-not-cached', params: { seconds, maxAgeAnswered: facts.preflight.maxAge !== undefined } });
  }
  if (facts.credentialed && isSurelyCrossSite(facts.credentialed.pageOrigin, facts.credentialed.url)) {
    breakages.push({ code: 'cookies-third-party', params: { pageOrigin: facts.credentialed.pageOrigin, bucketHost: new URL(facts.credentialed.url).host } });
  }
  const [first, ...rest] = breakages;
  return first ? { level: 'broken', breakages: [first, ...rest] } : { level: 'allowed', breakages: [] };
}

/** The preflight facts of a prediction, for `judgeOutcome`; `maxAge` as answered when a real answer is known. */
export function preflightFacts(prediction: BrowserPrediction, dialect: Dialect, answeredMaxAge?: { value: string | undefined }): OutcomeFacts['preflight'] {
  if (!prediction.request.preflight) return undefined;
  const maxAge = answeredMaxAge ? answeredMaxAge.value : prediction.preflight?.headers['access-control-max-age'];
  return { maxAge, providerSendsMaxAge: dialectProfile(dialect).response.preflightHasExposeAndMaxAge };
}

/** The verdict the rules predict for a fetch whose app must read `mustRead`; `target` says where it goes, when known. */
export function predictedVerdict(prediction: BrowserPrediction, mustRead: readonly string[], dialect: Dialect, target?: { pageOrigin: string; url: string }): AppVerdict {
  const preflight = preflightFacts(prediction, dialect);
  return judgeOutcome({
    ...(target && prediction.request.sendsCredentials ? { credentialed: target } : {}),
    allowed: prediction.allowed,
    ...(prediction.blockedBy ? { blockedBy: prediction.blockedBy } : {}),
    unreadable: headerReadability(prediction, mustRead).unreadable,
    ...(preflight ? { preflight } : {}),
  });
}

/** What a page's script learnt from a real fetch() (the test pane's or an engine's), as a verdict needs it. */
export interface ObservedFetch {
  /** The browser let script read the response. */
  readable: boolean;
  /** Response headers script could read, names lowercased. */
  readableHeaders?: Record<string, string>;
}

/**
 * A browser's verdict for a fetch it really made, by the same measure as the prediction: what
 * script could read, and the preflight's caching as the rules predict it (the browser does not
 * tell script about it).
 */
export function observedVerdict(outcome: ObservedFetch, mustRead: readonly string[], prediction?: { of: BrowserPrediction; dialect: Dialect }, target?: { pageOrigin: string; url: string }): AppVerdict {
  const readable = outcome.readableHeaders ?? {};
  const preflight = prediction && preflightFacts(prediction.of, prediction.dialect);
  return judgeOutcome({
    ...(target && prediction?.of.request.sendsCredentials ? { credentialed: target } : {}),
    allowed: outcome.readable,
    unreadable: mustRead.filter((name) => readable[name.toLowerCase()] === undefined),
    ...(preflight ? { preflight } : {}),
  });
}

/** A provider's own words for a refusal (`<Code>` and `<Message>` of its error), quoted, never used as the reason. */
export interface ProviderAnswer {
  status: number | null;
  code?: string;
  message: string;
}

/** The provider's refusal a predicted block carries (the dialect's recorded error text), if any. */
export function providerAnswerOfBlock(block: BlockReason | undefined): ProviderAnswer | undefined {
  if (block?.check !== 'preflight-status' || !block.params.errorMessage) return undefined;
  const { status, errorCode, errorMessage } = block.params;
  return { status, ...(errorCode ? { code: errorCode } : {}), message: errorMessage };
}
