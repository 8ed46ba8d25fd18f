import type { ProbeExchange } from '../../../contract/api';
import { closestListedOrigin, headerReadability, providerErrorOf, type BrowserPrediction, type CorsConfig, type Decision, type RuleReason } from '../../../core';
import type { TestRun } from './run-test';

export type FindingCode =
  | 'origin-not-listed'
  | 'method-not-allowed'
  | 'header-not-allowed'
  | 'preflight-refused'
  | 'wildcard-with-credentials'
  | 'credentials-not-allowed'
  | 'allow-origin-mismatch'
  | 'request-refused'
  | 'non-cors-failure'
  | 'endpoint-unreachable'
  | 'browser-differs'
  | 'server-differs'
  | 'header-unreadable'
  | 'draft-changes-verdict';

export interface Finding {
  code: FindingCode;
  message: string;
}

export interface Diagnosis {
  /** The browser's verdict: whether script could read the response. */
  verdict: 'allowed' | 'blocked';
  /** One sentence: the verdict and its main cause. */
  headline: string;
  findings: Finding[];
  /** Whether a rule change can make the request pass ("Fix with the strictest rule"). */
  fixable: boolean;
  /** Rules the test concerned (0-based), for the Rules tab. */
  rules: number[];
}

/** The headline's short name for the finding that decided a blocked request; the finding says the rest. */
const TITLES: Record<FindingCode, (run: TestRun) => string> = {
  'origin-not-listed': (run) => `origin ${run.origin} is not listed in any rule`,
  'method-not-allowed': (run) => `${run.request.method} is not allowed for this origin`,
  'header-not-allowed': () => 'a request header is not allowed',
  'preflight-refused': () => 'the preflight is refused',
  'wildcard-with-credentials': () => 'a * origin cannot allow a request with credentials',
  'credentials-not-allowed': () => 'credentials are not allowed',
  'allow-origin-mismatch': () => 'the answer allows another origin',
  'request-refused': () => 'the browser refuses to send this request',
  'non-cors-failure': () => 'the request itself fails, and the browser reports it as CORS',
  'endpoint-unreachable': () => 'the bucket endpoint cannot be reached',
  'browser-differs': () => 'the browser disagrees with the rules',
  'server-differs': () => 'the bucket answers differently from the rules',
  'header-unreadable': () => 'a header the app needs is not readable',
  'draft-changes-verdict': () => 'the saved rules do not allow it',
};

const label = (reason: RuleReason) => `rule ${reason.rule + 1}${reason.id ? ` (${reason.id})` : ''}`;

/** Why no rule answered a request: origin, then method, then headers, as the rules are checked. */
function whyNoRuleMatched(decision: Decision, config: CorsConfig | null, origin: string): Finding {
  const reasons = decision.reasons;
  if (reasons.length === 0) return { code: 'preflight-refused', message: 'The bucket has no CORS configuration, so no rule can allow this request.' };
  const originOk = reasons.filter((r) => r.origin?.ok);
  if (originOk.length === 0) {
    const closest = closestListedOrigin(origin, config);
    const hint = closest ? ` The closest listed origin is ${closest.origin} (rule ${closest.rule + 1})${closest.nearMiss ? `: ${closest.nearMiss}` : ''}.` : '';
    return { code: 'origin-not-listed', message: `Origin ${origin} is not listed in any rule.${hint}` };
  }
  const methodOk = originOk.filter((r) => r.method?.ok);
  if (methodOk.length === 0) {
    const first = originOk[0]!;
    return { code: 'method-not-allowed', message: `${first.method?.detail ?? 'The method is not allowed'} in ${label(first)}, the first rule that lists origin ${origin}.` };
  }
  const first = methodOk.find((r) => r.headers && !r.headers.ok) ?? methodOk[0]!;
  return { code: 'header-not-allowed', message: `${capitalize(first.headers?.detail ?? 'a requested header is not allowed')} in ${label(first)}.` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The browser's failed check, in the words of the rules that caused it. */
function corsCause(prediction: BrowserPrediction, config: CorsConfig | null, origin: string): Finding | undefined {
  const blocked = prediction.blockedBy;
  if (!blocked) return undefined;
  const decision = blocked.stage === 'preflight' ? prediction.preflight : prediction.actual;
  switch (blocked.check) {
    case 'request-refused':
      return { code: 'request-refused', message: blocked.message };
    case 'preflight-status':
    case 'allow-origin-missing':
      if (decision && decision.matchedRule === null) return whyNoRuleMatched(decision, config, origin);
      return { code: 'preflight-refused', message: blocked.message };
    case 'method-not-allowed':
      return { code: 'method-not-allowed', message: blocked.message };
    case 'header-not-allowed':
      return { code: 'header-not-allowed', message: blocked.message };
    case 'wildcard-with-credentials': {
      const rule = decision?.matchedRule;
      return {
        code: 'wildcard-with-credentials',
        message: `${blocked.message} ${rule !== null && rule !== undefined ? `Rule ${rule + 1} allows origin *; ` : ''}list ${origin} explicitly in a rule before it, so the provider echoes the origin and allows credentials.`,
      };
    }
    case 'credentials-not-allowed':
      return { code: 'credentials-not-allowed', message: blocked.message };
    case 'allow-origin-mismatch':
      return { code: 'allow-origin-mismatch', message: blocked.message };
  }
}

function failedStatus(exchange: ProbeExchange | undefined): string | undefined {
  const status = exchange?.response?.status;
  if (status === undefined || status < 400) return undefined;
  const code = providerErrorOf(exchange!.response!.bodyPreview)?.code;
  return `${status}${code ? ` ${code}` : ''}`;
}

function predictedVerdict(prediction: BrowserPrediction): string {
  return prediction.allowed ? 'allowed' : 'blocked';
}

/** Rules that answered the preflight or the actual request in the prediction. */
function rulesConcerned(prediction: BrowserPrediction): number[] {
  const rules = [prediction.preflight?.matchedRule, prediction.actual?.matchedRule].filter((r): r is number => r !== null && r !== undefined);
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
  if (unreachable?.error) findings.push({ code: 'endpoint-unreachable', message: `The server could not reach the bucket either: ${unreachable.error.message}` });

  const cause = corsCause(prediction.saved, saved, run.origin);
  if (cause && !browser.readable) findings.push(cause);

  const actualFailure = failedStatus(probe.actual);
  if (actualFailure && !browser.readable && prediction.saved.allowed) {
    findings.push({
      code: 'non-cors-failure',
      message: `The request itself fails with ${actualFailure}, and that error answer carries no usable CORS headers, so the browser reports it as a CORS error. Fix the request (signature, permissions, object key), not the rules.`,
    });
  } else if (actualFailure && browser.readable) {
    findings.push({ code: 'non-cors-failure', message: `CORS allows the request, but the bucket answers ${actualFailure}: a signature, permission or key problem, not CORS.` });
  }

  const probesMatch = [probe.preflight, probe.actual].every((e) => !e || e.matchesPrediction !== false);
  if (!probesMatch) {
    findings.push({
      code: 'server-differs',
      message: `The bucket's raw answer differs from the prediction for this ${probe.dialect} endpoint (see the probe's headers): the provider behaves differently than modelled, or something in front of it (a CDN, a proxy) rewrites CORS headers.`,
    });
  }
  if (browser.readable !== prediction.saved.allowed && !unreachable && !(actualFailure && !browser.readable)) {
    findings.push({
      code: 'browser-differs',
      message: `The rules predict ${predictedVerdict(prediction.saved)}, but the browser ${browser.readable ? 'allowed it' : 'blocked it'}. ${
        probesMatch
          ? 'The server answers as predicted, so something between this page and the bucket changes the answer: a proxy or CDN, or a cached response stored for another origin without Vary: Origin.'
          : 'The server does not answer as predicted; compare the probe with the prediction.'
      }`,
    });
  }

  // Headers a rule change can make readable: those the saved rules do not already expose.
  let hiddenByRules = 0;
  if (browser.readable) {
    const readable = browser.readableHeaders ?? {};
    const exposedByRules = headerReadability(prediction.saved, run.request.mustRead).readable;
    for (const name of run.request.mustRead) {
      if (readable[name.toLowerCase()] !== undefined) continue;
      if (exposedByRules.includes(name.toLowerCase())) {
        findings.push({ code: 'header-unreadable', message: `Script cannot read ${name}: the rules let script read it, but the answer does not carry it.` });
        continue;
      }
      hiddenByRules++;
      const rule = prediction.saved.actual?.matchedRule;
      const where = rule !== null && rule !== undefined ? `rule ${rule + 1}, which answers the actual request,` : 'the rule that answers the actual request';
      findings.push({ code: 'header-unreadable', message: `Script cannot read ${name}: ${where} does not list it in Expose headers.` });
    }
  }

  if (prediction.draft && prediction.draft.allowed !== prediction.saved.allowed) {
    findings.push({ code: 'draft-changes-verdict', message: `With your unsaved draft the request would be ${predictedVerdict(prediction.draft)}. Save the draft to apply it.` });
  }

  const unreadable = findings.filter((f) => f.code === 'header-unreadable');
  const main = findings.find((f) => f.code !== 'draft-changes-verdict' && f.code !== 'server-differs');
  const stage = prediction.saved.blockedBy?.stage === 'preflight' && main === cause ? ' at the preflight' : '';
  const headline = browser.readable
    ? unreadable.length
      ? `Allowed, but ${unreadable.length === 1 ? 'a header the app needs is' : 'headers the app needs are'} not readable by script.`
      : `Allowed: script can read the response (${browser.status ?? 'no status'}).`
    : `Blocked${stage}: ${main ? TITLES[main.code](run) : 'the browser refused to let script read the response'}.`;
  const fixable = (!browser.readable && cause !== undefined && cause.code !== 'request-refused') || hiddenByRules > 0;
  return { verdict, headline, findings, fixable, rules: rulesConcerned(prediction.draft ?? prediction.saved) };
}
