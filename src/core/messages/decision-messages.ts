// The English catalogue of the core's predictions: rule checks and reasons, decision summaries,
// the browser's request reasons and block reasons. A translation replaces this file.
import type { RequestReason, RequestReasonCode, RequestReasonParamsByCode } from '../browser';
import type { CheckCode, CheckParamsByCode, CheckResult, DecisionSummary, NearMiss, RuleReason, SummaryCode, SummaryParamsByCode } from '../evaluate';
import type { DecidingRule } from '../deciding-rule';
import type { BrowserEngine } from '../engines';
import type { BlockCheck, BlockParamsByCheck, BlockReason, BlockStage, BrowserCaution, CautionCode, CautionParamsByCode } from '../predict';
import type { Breakage, BreakageCode, BreakageParamsByCode, ProviderAnswer, VerdictLevel } from '../verdict';
import { text } from './catalogue';
import { capitalize, durationText, headerSpelling, listOrNone, ruleLabel, ruleName } from './words';

/** A listed origin that almost matches, as a clause. */
export function nearMissText(near: NearMiss): string {
  switch (near.kind) {
    case 'trailing-slash':
      return `${near.candidate} ends with "/", but browsers send origins without a trailing slash`;
    case 'letter-case':
      return `${near.candidate} differs only in letter case, and origins are compared exactly`;
    case 'scheme':
      return `${near.candidate} has the same host but scheme ${near.scheme}; the request comes from ${near.requestScheme}`;
    case 'port':
      return `${near.candidate} has the same host but ${near.port ? `port ${near.port}` : 'no port'}; the request comes from ${near.requestPort ? `port ${near.requestPort}` : 'the default port'}`;
  }
}

function refusedHeaders(headers: string[]): string {
  return headers.length === 1 ? `header ${headers[0]} is` : `headers ${headers.join(', ')} are`;
}

const CHECKS: { [C in CheckCode]: (p: CheckParamsByCode[C]) => string } = {
  'origin.matches': (p) => `origin ${p.origin || '(empty)'} matches ${p.pattern}`,
  'origin.not-listed': (p) => `origin ${p.origin || '(empty)'} is not listed (allowed: ${listOrNone(p.allowed)})${p.nearMiss ? `; ${nearMissText(p.nearMiss)}` : ''}`,
  'method.allowed': (p) => `method ${p.method} is allowed`,
  'method.not-allowed': (p) => `method ${p.method || '(none)'} is not allowed (allowed: ${listOrNone(p.allowed)})`,
  'headers.none-requested': () => 'no request headers asked for',
  'headers.allowed': (p) => `headers ${p.headers.join(', ')} are allowed`,
  'headers.left-out': (p) => `${refusedHeaders(p.headers)} not allowed and left out of Access-Control-Allow-Headers`,
  'headers.not-allowed': (p) =>
    `${refusedHeaders(p.headers)} not allowed (${p.allowed.length === 0 ? 'this rule allows no request headers; add them to AllowedHeaders' : `allowed: ${p.allowed.join(', ')}`})`,
};

/** One check of one rule, as a clause (`method PUT is not allowed (allowed: GET)`). */
export function checkText(check: CheckResult): string {
  return (CHECKS[check.code] as (p: CheckResult['params']) => string)(check.params);
}

function checksOf(reason: RuleReason, ok: boolean): string {
  return [reason.origin, reason.method, reason.headers]
    .filter((c): c is CheckResult => c !== undefined && c.ok === ok)
    .map(checkText)
    .join('; ');
}

/** Why one rule did or did not match, as one sentence. */
export function ruleReasonText(reason: RuleReason): string {
  const label = ruleLabel(reason.rule, reason.id);
  switch (reason.code) {
    case 'matched':
      return `${label} matches: ${checksOf(reason, true)}.`;
    case 'failed':
      return `${label} does not match: ${checksOf(reason, false)}.`;
    case 'stopped-search':
      return reason.params.selection === 'origin-method-then-headers'
        ? `${label} matches origin and method, but ${checksOf(reason, false)}; s3rver stops here (AWS would try the next rules).`
        : `${label} matches the origin, but ${checksOf(reason, false)}; ${reason.params.provider} uses only the first rule whose origin matches (AWS would try the next rules).`;
    case 'not-reached': {
      const by = ruleLabel(reason.params.decidedBy, reason.params.decidedById);
      if (reason.params.stopped === undefined) return `${label} was not evaluated: ${by} matched first.`;
      return reason.params.stopped === 'origin-method-then-headers'
        ? `${label} was not evaluated: ${by} stopped the search (s3rver checks only the first rule matching origin and method).`
        : `${label} was not evaluated: ${by} stopped the search (${reason.params.provider} checks only the first rule whose origin matches).`;
    }
    case 'not-evaluated':
      switch (reason.params.missing) {
        case 'preflight-origin':
          return `${label} was not evaluated: the preflight has no Origin header.`;
        case 'preflight-request-method':
          return `${label} was not evaluated: the preflight has no Access-Control-Request-Method.`;
        case 'request-origin':
          return `${label} was not evaluated: the request has no Origin header.`;
      }
  }
}

const SUMMARIES: { [C in SummaryCode]: (p: SummaryParamsByCode[C]) => string } = {
  'preflight.no-origin': () =>
    'The preflight has no Origin header, so the provider refuses it before looking at any rule. Browsers always send Origin; a tool sending OPTIONS by hand must add it.',
  'preflight.no-request-method': () =>
    'The preflight has no Access-Control-Request-Method header, so no rule can be matched. Browsers always send it on a preflight.',
  'preflight.no-bucket': () => 'The bucket does not exist, so there is no CORS configuration to answer the preflight.',
  'preflight.no-config': () => 'The bucket has no CORS configuration, so every preflight is refused. Add a rule that allows this origin and method.',
  'preflight.no-match': (p) =>
    p.headers.length
      ? `No rule allows ${p.method} from ${p.origin} with headers ${p.headers.join(', ')}, so the preflight is refused and the browser blocks the request.`
      : `No rule allows ${p.method} from ${p.origin}, so the preflight is refused and the browser blocks the request.`,
  'preflight.allowed': (p) => `${ruleLabel(p.rule, p.ruleId)} allows the preflight (200).`,
  'actual.no-origin': () =>
    'The request has no Origin header, so the provider does no CORS processing (no CORS headers, no Vary). Caches may then reuse this answer for cross-origin requests.',
  'actual.no-config': () => 'The bucket has no CORS configuration: the request is served without CORS headers, so a browser blocks script from reading it.',
  'actual.no-match': (p) =>
    `No rule allows ${p.method} from ${p.origin || '(no origin)'}: the provider serves the request normally but without CORS headers, so the browser hides the response from script.`,
  'actual.matched': (p) => `${ruleLabel(p.rule, p.ruleId)} answers this request; its CORS headers are added to the normal response.`,
};

/** The outcome of a decision as a whole, as one paragraph. */
export function summaryText(summary: DecisionSummary): string {
  return (SUMMARIES[summary.code] as (p: DecisionSummary['params']) => string)(summary.params);
}

/** Shows a byte in a reason: printable ones quoted, control bytes in hex. */
function byteText(code: number): string {
  return code < 0x20 || code === 0x7f ? `0x${code.toString(16).toUpperCase().padStart(2, '0')}` : `'${String.fromCharCode(code)}'`;
}

const NOTHING_SENT = 'so fetch() rejects with a TypeError and nothing is sent.';

const REQUEST_REASONS: { [C in RequestReasonCode]: (p: RequestReasonParamsByCode[C]) => string } = {
  'method-invalid': (p) => `"${p.method}" is not a valid HTTP method, ${NOTHING_SENT}`,
  'method-forbidden': (p) => `${p.method} is a forbidden method, ${NOTHING_SENT}`,
  'header-name-invalid': (p) => `"${p.header}" is not a valid header name, ${NOTHING_SENT}`,
  'header-value-not-bytes': (p) => `Header ${p.header} has a character above U+00FF; header values are byte strings, ${NOTHING_SENT}`,
  'header-value-nul-cr-lf': (p) => `Header ${p.header} contains a NUL, CR or LF byte, ${NOTHING_SENT}`,
  'method-not-safelisted': (p) =>
    p.verbatim
      ? `${p.method} is not a CORS-safelisted method (GET, HEAD, POST), so the browser sends a preflight first; fetch() sends it as written (it upper-cases only ${p.normalized.join(', ')}) and Access-Control-Allow-Methods must match it exactly.`
      : `${p.method} is not a CORS-safelisted method (GET, HEAD, POST), so the browser sends a preflight first.`,
  'header-not-safelisted': (p) => `Header ${p.header} is not CORS-safelisted.`,
  'header-value-too-long': (p) => `Header ${p.header} has a ${p.length}-byte value; CORS-safelisted values are at most ${p.max} bytes.`,
  'header-unsafe-byte': (p) => `Header ${p.header} contains ${byteText(p.byte)}, a CORS-unsafe request-header byte, so it is not CORS-safelisted.`,
  'content-type-invalid': (p) => `Content-Type "${p.value}" is not a valid MIME type, so it is not one of the three safelisted types (${p.types.join(', ')}).`,
  'content-type-not-safelisted': (p) => `Content-Type ${p.essence} is not one of the three safelisted types (${p.types.join(', ')}).`,
  'language-unsafe-byte': (p) => `Header ${p.header} contains ${byteText(p.byte)}; CORS-safelisted language values use only letters, digits, space and * , - . ; =.`,
  'range-multiple': (p) => `Range "${p.value}" asks for several ranges; only a single bytes=N- or bytes=N-M range is CORS-safelisted.`,
  'range-malformed': (p) => `Range "${p.value}" is not of the form bytes=N- or bytes=N-M (lower-case "bytes", no spaces), so it is not CORS-safelisted.`,
  'range-empty': (p) => `Range "${p.value}" names no bytes, so it is not CORS-safelisted.`,
  'range-suffix': (p) => `Range "${p.value}" is a suffix range; only bytes=N- or bytes=N-M is CORS-safelisted.`,
  'range-reversed': (p) => `Range "${p.value}" starts after it ends, so it is not a valid byte range and not CORS-safelisted.`,
  'safelisted-total-too-long': (p) =>
    `The CORS-safelisted header values total ${p.total} bytes, over the ${p.max}-byte limit, so all of them are treated as unsafe (${p.headers.join(', ')}).`,
  'upload-listeners': () => 'The XMLHttpRequest has upload progress listeners, which always force a preflight; drop them to avoid it.',
  'stream-body': () => 'The body is a ReadableStream, and streaming uploads always force a preflight.',
  'mixed-content': (p) => text(p.loopback ? 'request-reason.mixed-content-loopback' : 'request-reason.mixed-content', { pageOrigin: p.pageOrigin, url: p.url }),
  'no-preflight': (p) => `${p.method} with only CORS-safelisted headers needs no preflight: the browser sends it directly with an Origin header.`,
};

/** Why the browser preflights, sends directly or refuses a request, as one sentence. */
export function requestReasonText(reason: RequestReason): string {
  return (REQUEST_REASONS[reason.code] as (p: RequestReason['params']) => string)(reason.params);
}

/** Several reasons, as a paragraph. */
export function requestReasonsText(reasons: readonly RequestReason[]): string {
  return reasons.map(requestReasonText).join(' ');
}

const BLOCKS: { [K in BlockCheck]: (p: BlockParamsByCheck[K], stage: BlockStage) => string } = {
  'request-refused': (p) => requestReasonsText(p.reasons),
  'preflight-status': (p) => {
    // The provider's own message is quoted apart (`providerAnswerLabel`), never given as the reason.
    const status = [p.status, p.errorCode].filter(Boolean).join(' ');
    return `The provider refuses the preflight with ${status}.`;
  },
  'allow-origin-missing': (_, stage) =>
    stage === 'preflight' ? 'The preflight response has no Access-Control-Allow-Origin header.' : 'The response has no Access-Control-Allow-Origin header.',
  'allow-origin-mismatch': (p, stage) =>
    stage === 'preflight' ? `The preflight response allows origin ${p.allowOrigin}, not ${p.origin}.` : `The response allows origin ${p.allowOrigin}, not ${p.origin}.`,
  'wildcard-with-credentials': (_, stage) =>
    stage === 'preflight'
      ? 'The preflight response answers Access-Control-Allow-Origin: *, which browsers refuse when the request includes credentials.'
      : 'The response answers Access-Control-Allow-Origin: *, which browsers refuse when the request includes credentials.',
  'credentials-not-allowed': (_, stage) =>
    stage === 'preflight'
      ? 'The preflight response lacks Access-Control-Allow-Credentials: true, required for a request with credentials.'
      : 'The response lacks Access-Control-Allow-Credentials: true, required for a request with credentials.',
  'method-not-allowed': (p) => `The preflight response does not list ${p.method} in Access-Control-Allow-Methods (${p.allowMethods.join(', ') || 'absent'}).`,
  'header-not-allowed': (p) => `The preflight response does not allow header ${p.headers.join(', ')} (Access-Control-Allow-Headers: ${p.allowHeaders ?? 'absent'}).`,
};

/** Why the browser blocks a request, as one or more sentences. */
export function blockText(block: BlockReason): string {
  return (BLOCKS[block.check] as (p: BlockReason['params'], stage: BlockStage) => string)(block.params, block.stage);
}

const CAUTION_TEXTS: { [C in CautionCode]: (params: CautionParamsByCode[C]) => string } = {
  'authorization-under-wildcard': (p) =>
    `Allowed today, but it may break: the preflight lets Authorization through only with "Access-Control-Allow-Headers: ${p.allowHeaders}". Chromium, Firefox and Safari accept that, yet the Fetch Standard says "*" never covers Authorization; list Authorization by name.`,
  'preflight-cache-capped': (p) =>
    `${ENGINE_LABELS[p.engine]} will re-check every ${durationText(p.cap)}: it keeps a preflight at most ${p.cap} s, whatever Max-Age ${p.maxAge} says.`,
  'preflight-every-time': (p) =>
    `${ENGINE_LABELS[p.engine]} sends the preflight again before every ${p.method} with a body, whatever Max-Age says: each upload costs two round trips there.`,
  'mixed-content-on-loopback': (p) => text('caution.mixed-content-on-loopback', { engine: ENGINE_LABELS[p.engine], pageOrigin: p.pageOrigin, url: p.url }),
};

/** The engines as people name them; WebKit's cap is what Safari users meet. */
const ENGINE_LABELS: { [E in BrowserEngine]: string } = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'Safari' };

/** One sentence for a caution on an allowed fetch. */
export function cautionText(caution: BrowserCaution): string {
  const template = CAUTION_TEXTS[caution.code] as (params: BrowserCaution['params']) => string;
  return template(caution.params);
}

/** Which rules a provider looks at, for a rule that stopped its search. */
function stopText(rule: Extract<DecidingRule, { role: 'refuses' }>): string {
  return rule.selection === 'origin-method-then-headers'
    ? `${rule.provider} uses only the first rule that allows the origin and method`
    : `${rule.provider} uses only the first rule that lists the origin`;
}

/** The rule that decided an answer, as a clause (`rule 2 (app) answers`, `no rule matches`). */
export function decidingRuleText(rule: DecidingRule | null): string {
  if (rule === null) return 'no rule matches';
  const name = ruleName(rule.rule, rule.ruleId);
  return rule.role === 'answers' ? `${name} answers` : `${name} refuses it: ${stopText(rule)}`;
}

/** Why rule `at`, which lists the origin, refuses a request: said as the deciding rule when the provider stopped at it, else as no rule matching. */
export function refusingRuleText(rule: DecidingRule | null, at: { rule: number; ruleId?: string }, check: string): string {
  if (rule?.role === 'refuses' && rule.rule === at.rule) return `${capitalize(decidingRuleText(rule))}, and there ${check}.`;
  return `No rule matches: in ${ruleName(at.rule, at.ruleId)}, ${check}.`;
}

const LEVELS: Record<VerdictLevel, string> = {
  allowed: 'Allowed',
  broken: 'Allowed, but broken for the app',
  blocked: 'Blocked',
};

/** A verdict level's name, as the verdict badge shows it. */
export function verdictLevelText(level: VerdictLevel): string {
  return LEVELS[level];
}

function headerList(headers: string[]): string {
  const spelt = headers.map(headerSpelling);
  return spelt.length === 1 ? spelt[0]! : `${spelt.slice(0, -1).join(', ')} and ${spelt[spelt.length - 1]}`;
}

const BREAKAGES: { [C in BreakageCode]: (p: BreakageParamsByCode[C]) => string } = {
  'header-unreadable': (p) =>
    p.headers.includes('etag')
      ? `The app gets null for ${headerList(p.headers)}, so a multipart upload cannot complete (each part's ETag is needed) and integrity checks fail.`
      : `The app gets null for ${headerList(p.headers)}: script cannot read ${p.headers.length === 1 ? 'it' : 'them'}.`,
  'preflight-not-cached': (p) =>
    p.maxAgeAnswered
      ? `Every request more than ${p.seconds} s after the last waits for a new preflight: Access-Control-Max-Age is ${p.seconds}, so the app pays two round trips.`
      : `Every request more than ${p.seconds} s after the last waits for a new preflight: there is no Access-Control-Max-Age, so browsers keep it ${p.seconds} s and the app pays two round trips.`,
  'cookies-third-party': (p) =>
    `The app's cookies are dropped: ${p.bucketHost} is another site than ${p.pageOrigin}, so its cookies are third-party, which Safari never sends and other browsers drop when third-party cookies are blocked.`,
};

/** What the app will see fail, in one line. */
export function breakageText(breakage: Breakage): string {
  return (BREAKAGES[breakage.code] as (p: Breakage['params']) => string)(breakage.params);
}

/** The label of a provider's own answer, quoted under the finding it belongs to. */
export function providerAnswerLabel(answer: ProviderAnswer): string {
  const status = [answer.status, answer.code].filter((part) => part !== null && part !== undefined).join(' ');
  // Ceph RGW refuses a preflight with a bare <Code>AccessDenied</Code>: there is nothing to quote.
  if (answer.message === '') return status ? `The provider's answer: ${status}, with no message.` : "The provider's answer has no message.";
  return status ? `The provider's answer (${status}):` : "The provider's answer:";
}
