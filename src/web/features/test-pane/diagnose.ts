import type { ProbeExchange } from '../../../contract/api';
import {
  closestListedOrigin,
  corsHeadersOf,
  decidingRule,
  headerReadability,
  judgeOutcome,
  preflightFacts,
  providerAnswerOfBlock,
  providerErrorOf,
  type AppVerdict,
  type BrowserPrediction,
  type CorsConfig,
  type Decision,
  type ProviderAnswer,
  type RuleReason,
} from '../../../core';
import type { Finding, Headline, Verdict } from '../../lib/messages';
import type { TestRun } from './run-test';

export type { Finding, FindingCode, Headline } from '../../lib/messages';

export interface Diagnosis {
  /** The browser's verdict: whether script could read the response. */
  verdict: Verdict;
  /** The verdict for the app, from the core: allowed, allowed but broken, or blocked. */
  level: AppVerdict;
  /** The provider's own words for its refusal, quoted under the deciding finding (never the reason). */
  providerAnswer?: ProviderAnswer;
  /** The verdict and its main cause (`headlineText` makes the sentence). */
  headline: Headline;
  findings: Finding[];
  /** Whether a rule change can make the request pass ("Fix with the strictest rule"). */
  fixable: boolean;
  /** Rules the test concerned (0-based), for the Rules tab. */
  rules: number[];
}

const ruleAt = (reason: RuleReason) => (reason.id ? { rule: reason.rule, ruleId: reason.id } : { rule: reason.rule });

/** Why no rule answered a request: origin, then method, then headers, as the rules are checked. */
function whyNoRuleMatched(decision: Decision, config: CorsConfig | null, origin: string): Finding {
  const reasons = decision.reasons;
  if (reasons.length === 0) return { code: 'preflight-refused', params: { cause: 'no-config' } };
  const originOk = reasons.filter((r) => r.origin?.ok);
  if (originOk.length === 0) {
    const closest = closestListedOrigin(origin, config);
    return { code: 'origin-not-listed', params: { origin, ...(closest ? { closest } : {}) } };
  }
  const methodOk = originOk.filter((r) => r.method?.ok);
  if (methodOk.length === 0) {
    const first = originOk[0]!;
    return { code: 'method-not-allowed', params: { cause: 'rule', ...ruleAt(first), origin, ...(first.method ? { check: first.method } : {}), decider: decidingRule(decision) } };
  }
  const first = methodOk.find((r) => r.headers && !r.headers.ok) ?? methodOk[0]!;
  return { code: 'header-not-allowed', params: { cause: 'rule', ...ruleAt(first), ...(first.headers ? { check: first.headers } : {}), decider: decidingRule(decision) } };
}

/** The browser's failed check, in the words of the rules that caused it. */
function corsCause(prediction: BrowserPrediction, config: CorsConfig | null, origin: string): Finding | undefined {
  const blocked = prediction.blockedBy;
  if (!blocked) return undefined;
  const decision = blocked.stage === 'preflight' ? prediction.preflight : prediction.actual;
  switch (blocked.check) {
    case 'request-refused':
      return { code: 'request-refused', params: { block: blocked } };
    case 'preflight-status':
    case 'allow-origin-missing':
      if (decision && decision.matchedRule === null) return whyNoRuleMatched(decision, config, origin);
      return { code: 'preflight-refused', params: { cause: 'block', block: blocked } };
    case 'method-not-allowed':
      return { code: 'method-not-allowed', params: { cause: 'block', block: blocked } };
    case 'header-not-allowed':
      return { code: 'header-not-allowed', params: { cause: 'block', block: blocked } };
    case 'wildcard-with-credentials':
      return { code: 'wildcard-with-credentials', params: { block: blocked, origin, starRule: decision?.matchedRule ?? null } };
    case 'credentials-not-allowed':
      return { code: 'credentials-not-allowed', params: { block: blocked } };
    case 'allow-origin-mismatch':
      return { code: 'allow-origin-mismatch', params: { block: blocked } };
  }
}

function failedStatus(exchange: ProbeExchange | undefined): { status: number; providerCode?: string } | undefined {
  const status = exchange?.response?.status;
  if (status === undefined || status < 400) return undefined;
  const code = providerErrorOf(exchange!.response!.bodyPreview)?.code;
  return code ? { status, providerCode: code } : { status };
}

function predictedVerdict(prediction: BrowserPrediction): Verdict {
  return prediction.allowed ? 'allowed' : 'blocked';
}

/** Rules that decided the preflight or the actual request in the prediction (answering, or refusing where the provider stops at them). */
function rulesConcerned(prediction: BrowserPrediction): number[] {
  const rules = [prediction.preflight, prediction.actual].flatMap((decision) => {
    const decider = decision && decidingRule(decision);
    return decider ? [decider.rule] : [];
  });
  return [...new Set(rules)];
}

/**
 * Explains a test run in plain language: the browser's verdict, the CORS check that decided it
 * (from the prediction, in terms of the rules), and what the prediction cannot see — a failure
 * that is not CORS, an answer that differs from the prediction, a header script cannot read.
 */
export function diagnose(run: TestRun, saved: CorsConfig | null): Diagnosis {
  const { browser, probe, prediction } = run;
  const findings: Finding[] = [];
  const verdict = browser.readable ? 'allowed' : 'blocked';
  const unreachable = [probe.preflight, probe.actual].find((e) => e?.error);
  if (unreachable?.error) findings.push({ code: 'endpoint-unreachable', params: { error: unreachable.error } });

  const cause = corsCause(prediction.saved, saved, run.origin);
  if (cause && !browser.readable) findings.push(cause);

  const actualFailure = failedStatus(probe.actual);
  if (actualFailure && !browser.readable && prediction.saved.allowed) {
    findings.push({ code: 'non-cors-failure', params: { ...actualFailure, browserBlocked: true } });
  } else if (actualFailure && browser.readable) {
    findings.push({ code: 'non-cors-failure', params: { ...actualFailure, browserBlocked: false } });
  }

  const probesMatch = [probe.preflight, probe.actual].every((e) => !e || e.matchesPrediction !== false);
  if (!probesMatch) {
    findings.push({ code: 'server-differs', params: { dialect: probe.dialect } });
  }
  if (browser.readable !== prediction.saved.allowed && !unreachable && !(actualFailure && !browser.readable)) {
    findings.push({ code: 'browser-differs', params: { predicted: predictedVerdict(prediction.saved), browser: verdict, serverAsPredicted: probesMatch } });
  }

  // Headers a rule change can make readable: those the saved rules do not already expose.
  let hiddenByRules = 0;
  if (browser.readable) {
    const readable = browser.readableHeaders ?? {};
    const exposedByRules = headerReadability(prediction.saved, run.request.mustRead).readable;
    for (const name of run.request.mustRead) {
      if (readable[name.toLowerCase()] !== undefined) continue;
      if (exposedByRules.includes(name.toLowerCase())) {
        findings.push({ code: 'header-unreadable', params: { header: name, rule: null, exposedByRules: true } });
        continue;
      }
      hiddenByRules++;
      findings.push({ code: 'header-unreadable', params: { header: name, rule: prediction.saved.actual?.matchedRule ?? null } });
    }
  }

  if (prediction.draft && prediction.draft.allowed !== prediction.saved.allowed) {
    findings.push({ code: 'draft-changes-verdict', params: { draft: predictedVerdict(prediction.draft) } });
  }

  const preflight = preflightFacts(prediction.saved, probe.dialect, answeredMaxAge(run));
  const level = judgeOutcome({
    ...(preflight ? { preflight } : {}),
    ...(run.request.credentials === 'include' ? { credentialed: { pageOrigin: run.origin, url: run.url } } : {}),
    allowed: browser.readable,
    ...(prediction.saved.blockedBy ? { blockedBy: prediction.saved.blockedBy } : {}),
    unreadable: findings.flatMap((f) => (f.code === 'header-unreadable' ? [f.params.header] : [])),
  });
  // Unreadable headers are findings already, with the rule to blame; the other breakages become findings here.
  for (const breakage of level.breakages) {
    if (breakage.code === 'preflight-not-cached') findings.push({ code: 'preflight-not-cached', params: { breakage } });
    if (breakage.code === 'cookies-third-party') findings.push({ code: 'cookies-third-party', params: { breakage } });
  }
  const main = findings.find((f) => f.code !== 'draft-changes-verdict' && f.code !== 'server-differs');
  const deciding = level.level === 'broken' ? findings.find((f) => f.code === level.breakages[0].code) : main;
  const headline: Headline =
    level.level === 'allowed'
      ? { verdict: 'allowed', status: browser.status ?? null }
      : level.level === 'broken'
        ? { verdict: 'broken', breakage: level.breakages[0] }
        : {
            verdict: 'blocked',
            atPreflight: prediction.saved.blockedBy?.stage === 'preflight' && main === cause,
            ...(main ? { cause: main.code } : {}),
            origin: run.origin,
            method: run.request.method,
          };
  const fixable = (!browser.readable && cause !== undefined && cause.code !== 'request-refused') || hiddenByRules > 0;
  const providerAnswer = browser.readable ? undefined : providerAnswerOf(run, deciding === cause);
  return {
    verdict,
    level,
    ...(providerAnswer ? { providerAnswer } : {}),
    headline,
    findings: deciding ? [deciding, ...findings.filter((f) => f !== deciding)] : findings,
    fixable,
    rules: rulesConcerned(prediction.draft ?? prediction.saved),
  };
}

/** The preflight's Access-Control-Max-Age as the bucket really answered it, when the probe sent one. */
function answeredMaxAge(run: TestRun): { value: string | undefined } | undefined {
  const answered = run.probe.preflight?.response;
  return answered ? { value: corsHeadersOf(answered.headers)['access-control-max-age'] } : undefined;
}

/**
 * What the provider itself said when it refused: its real error body from the probe (preflight
 * first, as the browser stops there), else the dialect's recorded text for the predicted refusal.
 */
function providerAnswerOf(run: TestRun, refusalDecides: boolean): ProviderAnswer | undefined {
  for (const exchange of [run.probe.preflight, run.probe.actual]) {
    const response = exchange?.response;
    if (!response || response.status < 400) continue;
    const error = providerErrorOf(response.bodyPreview);
    if (error) return { status: response.status, code: error.code, message: error.message };
  }
  return refusalDecides ? providerAnswerOfBlock(run.prediction.saved.blockedBy) : undefined;
}
