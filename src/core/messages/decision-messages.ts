// The catalogue of the core's predictions: rule checks and reasons, decision summaries, the
// browser's request reasons and block reasons, cautions, breakages and verdict levels (messages
// `decision.*` of locales/*.json).
import type { RequestReason, RequestReasonCode, RequestReasonParamsByCode } from '../browser';
import type { CheckCode, CheckParamsByCode, CheckResult, DecisionSummary, NearMiss, RuleReason, SummaryCode, SummaryParamsByCode } from '../evaluate';
import type { DecidingRule } from '../deciding-rule';
import type { BrowserEngine } from '../engines';
import type { BlockCheck, BlockParamsByCheck, BlockReason, BlockStage, BrowserCaution, CautionCode, CautionParamsByCode } from '../predict';
import type { Breakage, BreakageCode, BreakageParamsByCode, ProviderAnswer, VerdictLevel } from '../verdict';
import { text } from './catalogue';
import { andList, clausesText, durationText, headerSpelling, listOrNone, listText, ruleLabel, ruleName } from './words';

/** A listed origin that almost matches, as a clause. */
export function nearMissText(near: NearMiss): string {
  switch (near.kind) {
    case 'trailing-slash':
      return text('decision.near-miss.trailing-slash', { candidate: near.candidate });
    case 'letter-case':
      return text('decision.near-miss.letter-case', { candidate: near.candidate });
    case 'scheme':
      return text('decision.near-miss.scheme', { candidate: near.candidate, scheme: near.scheme, requestScheme: near.requestScheme });
    case 'port':
      return text('decision.near-miss.port', { candidate: near.candidate, port: near.port || 'none', requestPort: near.requestPort || 'none' });
  }
}

/** An origin as a check names it; a request without one says so. */
function originOrEmpty(origin: string): string {
  return origin || text('words.empty-in-parens');
}

const CHECKS: { [C in CheckCode]: (p: CheckParamsByCode[C]) => string } = {
  'origin.matches': (p) => text('decision.check.origin-matches', { origin: originOrEmpty(p.origin), pattern: p.pattern }),
  'origin.not-listed': (p) => {
    const values = { origin: originOrEmpty(p.origin), allowed: listOrNone(p.allowed) };
    return p.nearMiss ? text('decision.check.origin-not-listed-near-miss', { ...values, nearMiss: nearMissText(p.nearMiss) }) : text('decision.check.origin-not-listed', values);
  },
  'method.allowed': (p) => text('decision.check.method-allowed', { method: p.method }),
  'method.not-allowed': (p) => text('decision.check.method-not-allowed', { method: p.method || text('words.none-in-parens'), allowed: listOrNone(p.allowed) }),
  'headers.none-requested': () => text('decision.check.headers-none-requested'),
  'headers.allowed': (p) => text('decision.check.headers-allowed', { headers: listText(p.headers) }),
  'headers.left-out': (p) => text('decision.check.headers-left-out', { count: p.headers.length, headers: listText(p.headers) }),
  'headers.not-allowed': (p) =>
    p.allowed.length === 0
      ? text('decision.check.headers-not-allowed-none', { count: p.headers.length, headers: listText(p.headers) })
      : text('decision.check.headers-not-allowed', { count: p.headers.length, headers: listText(p.headers), allowed: listText(p.allowed) }),
};

/** One check of one rule, as a clause (`method PUT is not allowed (allowed: GET)`). */
export function checkText(check: CheckResult): string {
  return (CHECKS[check.code] as (p: CheckResult['params']) => string)(check.params);
}

function checksOf(reason: RuleReason, ok: boolean): string {
  return clausesText([reason.origin, reason.method, reason.headers].filter((c): c is CheckResult => c !== undefined && c.ok === ok).map(checkText));
}

/** Why one rule did or did not match, as one sentence. */
export function ruleReasonText(reason: RuleReason): string {
  const rule = ruleLabel(reason.rule, reason.id);
  switch (reason.code) {
    case 'matched':
      return text('decision.reason.matched', { rule, checks: checksOf(reason, true) });
    case 'failed':
      return text('decision.reason.failed', { rule, checks: checksOf(reason, false) });
    case 'stopped-search':
      return reason.params.selection === 'origin-method-then-headers'
        ? text('decision.reason.stopped-search.origin-method', { rule, checks: checksOf(reason, false) })
        : text('decision.reason.stopped-search.origin', { rule, checks: checksOf(reason, false), provider: reason.params.provider });
    case 'not-reached': {
      const by = ruleLabel(reason.params.decidedBy, reason.params.decidedById);
      if (reason.params.stopped === undefined) return text('decision.reason.not-reached', { rule, by });
      return reason.params.stopped === 'origin-method-then-headers'
        ? text('decision.reason.not-reached.stopped-origin-method', { rule, by })
        : text('decision.reason.not-reached.stopped-origin', { rule, by, provider: reason.params.provider });
    }
    case 'not-evaluated':
      switch (reason.params.missing) {
        case 'preflight-origin':
          return text('decision.reason.not-evaluated.preflight-origin', { rule });
        case 'preflight-request-method':
          return text('decision.reason.not-evaluated.preflight-request-method', { rule });
        case 'request-origin':
          return text('decision.reason.not-evaluated.request-origin', { rule });
      }
  }
}

const SUMMARIES: { [C in SummaryCode]: (p: SummaryParamsByCode[C]) => string } = {
  'preflight.no-origin': () => text('decision.summary.preflight.no-origin'),
  'preflight.no-request-method': () => text('decision.summary.preflight.no-request-method'),
  'preflight.no-bucket': () => text('decision.summary.preflight.no-bucket'),
  'preflight.no-config': () => text('decision.summary.preflight.no-config'),
  'preflight.no-match': (p) =>
    p.headers.length
      ? text('decision.summary.preflight.no-match-headers', { method: p.method, origin: p.origin, headers: listText(p.headers) })
      : text('decision.summary.preflight.no-match', { method: p.method, origin: p.origin }),
  'preflight.allowed': (p) => text('decision.summary.preflight.allowed', { rule: ruleLabel(p.rule, p.ruleId) }),
  'actual.no-origin': () => text('decision.summary.actual.no-origin'),
  'actual.no-config': () => text('decision.summary.actual.no-config'),
  'actual.no-match': (p) => text('decision.summary.actual.no-match', { method: p.method, origin: p.origin || text('words.no-origin-in-parens') }),
  'actual.matched': (p) => text('decision.summary.actual.matched', { rule: ruleLabel(p.rule, p.ruleId) }),
};

/** The outcome of a decision as a whole, as one paragraph. */
export function summaryText(summary: DecisionSummary): string {
  return (SUMMARIES[summary.code] as (p: DecisionSummary['params']) => string)(summary.params);
}

/** Shows a byte in a reason: printable ones quoted, control bytes in hex. */
function byteText(code: number): string {
  return code < 0x20 || code === 0x7f ? `0x${code.toString(16).toUpperCase().padStart(2, '0')}` : `'${String.fromCharCode(code)}'`;
}

const REQUEST_REASONS: { [C in RequestReasonCode]: (p: RequestReasonParamsByCode[C]) => string } = {
  'method-invalid': (p) => text('decision.request.method-invalid', { method: p.method }),
  'method-forbidden': (p) => text('decision.request.method-forbidden', { method: p.method }),
  'header-name-invalid': (p) => text('decision.request.header-name-invalid', { header: p.header }),
  'header-value-not-bytes': (p) => text('decision.request.header-value-not-bytes', { header: p.header }),
  'header-value-nul-cr-lf': (p) => text('decision.request.header-value-nul-cr-lf', { header: p.header }),
  'method-not-safelisted': (p) =>
    p.verbatim
      ? text('decision.request.method-not-safelisted-verbatim', { method: p.method, normalized: listText(p.normalized) })
      : text('decision.request.method-not-safelisted', { method: p.method }),
  'header-not-safelisted': (p) => text('decision.request.header-not-safelisted', { header: p.header }),
  'header-value-too-long': (p) => text('decision.request.header-value-too-long', { header: p.header, length: p.length, max: p.max }),
  'header-unsafe-byte': (p) => text('decision.request.header-unsafe-byte', { header: p.header, byte: byteText(p.byte) }),
  'content-type-invalid': (p) => text('decision.request.content-type-invalid', { value: p.value, types: listText(p.types) }),
  'content-type-not-safelisted': (p) => text('decision.request.content-type-not-safelisted', { essence: p.essence, types: listText(p.types) }),
  'language-unsafe-byte': (p) => text('decision.request.language-unsafe-byte', { header: p.header, byte: byteText(p.byte) }),
  'range-multiple': (p) => text('decision.request.range-multiple', { value: p.value }),
  'range-malformed': (p) => text('decision.request.range-malformed', { value: p.value }),
  'range-empty': (p) => text('decision.request.range-empty', { value: p.value }),
  'range-suffix': (p) => text('decision.request.range-suffix', { value: p.value }),
  'range-reversed': (p) => text('decision.request.range-reversed', { value: p.value }),
  'safelisted-total-too-long': (p) => text('decision.request.safelisted-total-too-long', { total: p.total, max: p.max, headers: listText(p.headers) }),
  'upload-listeners': () => text('decision.request.upload-listeners'),
  'stream-body': () => text('decision.request.stream-body'),
  'mixed-content': (p) => text(p.loopback ? 'decision.request.mixed-content-loopback' : 'decision.request.mixed-content', { pageOrigin: p.pageOrigin, url: p.url }),
  'local-network-access': (p) =>
    text(p.secure ? 'decision.request.local-network-access' : 'decision.request.local-network-access-insecure', { pageOrigin: p.pageOrigin, url: p.url, addressSpace: p.addressSpace }),
  'no-preflight': (p) => text('decision.request.no-preflight', { method: p.method }),
};

/** Why the browser preflights, sends directly or refuses a request, as one sentence. */
export function requestReasonText(reason: RequestReason): string {
  return (REQUEST_REASONS[reason.code] as (p: RequestReason['params']) => string)(reason.params);
}

/** Several reasons, as a paragraph. */
export function requestReasonsText(reasons: readonly RequestReason[]): string {
  return reasons.map(requestReasonText).join(text('words.sentence-separator'));
}

const BLOCKS: { [K in BlockCheck]: (p: BlockParamsByCheck[K], stage: BlockStage) => string } = {
  'request-refused': (p) => requestReasonsText(p.reasons),
  'preflight-status': (p) => {
    // The provider's own message is quoted apart (`providerAnswerLabel`), never given as the reason.
    const status = [p.status, p.errorCode].filter(Boolean).join(' ');
    return text('decision.block.preflight-status', { status });
  },
  'allow-origin-missing': (_, stage) => text('decision.block.allow-origin-missing', { stage }),
  'allow-origin-mismatch': (p, stage) => text('decision.block.allow-origin-mismatch', { stage, allowOrigin: p.allowOrigin, origin: p.origin }),
  'wildcard-with-credentials': (_, stage) => text('decision.block.wildcard-with-credentials', { stage }),
  'credentials-not-allowed': (_, stage) => text('decision.block.credentials-not-allowed', { stage }),
  'method-not-allowed': (p) =>
    p.allowMethods.length
      ? text('decision.block.method-not-allowed', { method: p.method, allowMethods: listText(p.allowMethods) })
      : text('decision.block.method-not-allowed-absent', { method: p.method }),
  'header-not-allowed': (p) =>
    p.allowHeaders === undefined
      ? text('decision.block.header-not-allowed-absent', { headers: listText(p.headers) })
      : text('decision.block.header-not-allowed', { headers: listText(p.headers), allowHeaders: p.allowHeaders }),
};

/** Why the browser blocks a request, as one or more sentences. */
export function blockText(block: BlockReason): string {
  return (BLOCKS[block.check] as (p: BlockReason['params'], stage: BlockStage) => string)(block.params, block.stage);
}

const CAUTION_TEXTS: { [C in CautionCode]: (params: CautionParamsByCode[C]) => string } = {
  'authorization-under-wildcard': (p) => text('decision.caution.authorization-under-wildcard', { allowHeaders: p.allowHeaders }),
  'preflight-cache-capped': (p) =>
    text('decision.caution.preflight-cache-capped', { engine: ENGINE_LABELS[p.engine], duration: durationText(p.cap), cap: p.cap, maxAge: p.maxAge }),
  'preflight-every-time': (p) => text('decision.caution.preflight-every-time', { engine: ENGINE_LABELS[p.engine], method: p.method }),
  'mixed-content-on-loopback': (p) => text('decision.caution.mixed-content-on-loopback', { engine: ENGINE_LABELS[p.engine], pageOrigin: p.pageOrigin, url: p.url }),
  'local-network-access': (p) =>
    text(p.secure ? 'decision.caution.local-network-access' : 'decision.caution.local-network-access-insecure', {
      engine: ENGINE_LABELS[p.engine],
      pageOrigin: p.pageOrigin,
      url: p.url,
      addressSpace: p.addressSpace,
    }),
};

/** The engines as people name them; WebKit's cap is what Safari users meet. */
const ENGINE_LABELS: { [E in BrowserEngine]: string } = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'Safari' };

/** An engine as people name it (WebKit as Safari, whose users meet its limits). */
export function engineLabel(engine: BrowserEngine): string {
  return ENGINE_LABELS[engine];
}

/** One sentence for a caution on an allowed fetch. */
export function cautionText(caution: BrowserCaution): string {
  const template = CAUTION_TEXTS[caution.code] as (params: BrowserCaution['params']) => string;
  return template(caution.params);
}

/** The rule that decided an answer, as a clause (`rule 2 (app) answers`, `no rule matches`). */
export function decidingRuleText(rule: DecidingRule | null): string {
  if (rule === null) return text('decision.deciding.none');
  const name = ruleName(rule.rule, rule.ruleId);
  if (rule.role === 'answers') return text('decision.deciding.answers', { rule: name });
  return rule.selection === 'origin-method-then-headers'
    ? text('decision.deciding.refuses-origin-method', { rule: name, provider: rule.provider })
    : text('decision.deciding.refuses-origin', { rule: name, provider: rule.provider });
}

/** Why rule `at`, which lists the origin, refuses a request: said as the deciding rule when the provider stopped at it, else as no rule matching. */
export function refusingRuleText(rule: DecidingRule | null, at: { rule: number; ruleId?: string }, check: string): string {
  if (rule?.role === 'refuses' && rule.rule === at.rule) {
    const values = { rule: ruleLabel(rule.rule, rule.ruleId), provider: rule.provider, check };
    return rule.selection === 'origin-method-then-headers'
      ? text('decision.refusing.stopped-origin-method', values)
      : text('decision.refusing.stopped-origin', values);
  }
  return text('decision.refusing.no-match', { rule: ruleName(at.rule, at.ruleId), check });
}

const LEVELS: Record<VerdictLevel, () => string> = {
  allowed: () => text('decision.level.allowed'),
  broken: () => text('decision.level.broken'),
  blocked: () => text('decision.level.blocked'),
};

/** A verdict level's name, as the verdict badge shows it. */
export function verdictLevelText(level: VerdictLevel): string {
  return LEVELS[level]();
}

const BREAKAGES: { [C in BreakageCode]: (p: BreakageParamsByCode[C]) => string } = {
  'header-unreadable': (p) => {
    const headers = andList(p.headers.map(headerSpelling));
    return p.headers.includes('etag')
      ? text('decision.breakage.header-unreadable-etag', { headers })
      : text('decision.breakage.header-unreadable', { headers, count: p.headers.length });
  },
  'preflight-not-cached': (p) =>
    p.maxAgeAnswered
      ? text('decision.breakage.preflight-not-cached', { seconds: p.seconds })
      : text('decision.breakage.preflight-not-cached-default', { seconds: p.seconds }),
  'cookies-third-party': (p) => text('decision.breakage.cookies-third-party', { bucketHost: p.bucketHost, pageOrigin: p.pageOrigin }),
};

/** What the app will see fail, in one line. */
export function breakageText(breakage: Breakage): string {
  return (BREAKAGES[breakage.code] as (p: Breakage['params']) => string)(breakage.params);
}

/** The label of a provider's own answer, quoted under the finding it belongs to. */
export function providerAnswerLabel(answer: ProviderAnswer): string {
  const status = [answer.status, answer.code].filter((part) => part !== null && part !== undefined).join(' ');
  // Ceph RGW refuses a preflight with a bare <Code>AccessDenied</Code>: there is nothing to quote.
  if (answer.message === '') return status ? text('decision.provider-answer.status-no-message', { status }) : text('decision.provider-answer.no-message');
  return status ? text('decision.provider-answer.status', { status }) : text('decision.provider-answer');
}
