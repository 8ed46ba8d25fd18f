// The web app's English catalogue, for what only the web app says: the test pane's diagnosis
// (findings and headline) and the editor's line prefix. Core codes (issues, reasons, block reasons,
// explanations) come from the core's catalogues. A translation replaces this file.
import { blockText, checkText, nearMissText, ruleName, type BlockReason, type CheckResult, type NearMiss } from '../../core';

/** A rule as findings name it. */
interface RuleAt {
  rule: number;
  ruleId?: string;
}

/** The values each diagnosis finding names, by code. */
export interface FindingParamsByCode {
  'origin-not-listed': { origin: string; closest?: { origin: string; rule: number; nearMiss?: NearMiss } };
  /** `rule`: the first rule listing the origin refuses the method; `block`: the browser's check. */
  'method-not-allowed': (RuleAt & { cause: 'rule'; origin: string; check?: CheckResult }) | { cause: 'block'; block: BlockReason };
  'header-not-allowed': (RuleAt & { cause: 'rule'; check?: CheckResult }) | { cause: 'block'; block: BlockReason };
  'preflight-refused': { cause: 'no-config' } | { cause: 'block'; block: BlockReason };
  'wildcard-with-credentials': { block: BlockReason; origin: string; starRule: number | null };
  'credentials-not-allowed': { block: BlockReason };
  'allow-origin-mismatch': { block: BlockReason };
  'request-refused': { block: BlockReason };
  /** `browserBlocked`: the browser blocked what CORS allows, so the error answer is the cause. */
  'non-cors-failure': { status: number; providerCode?: string; browserBlocked: boolean };
  /** `error`: the server's own message for the failed probe. */
  'endpoint-unreachable': { error: string };
  'browser-differs': { predicted: Verdict; browser: Verdict; serverAsPredicted: boolean };
  'server-differs': { dialect: string };
  /** `rule`: the rule answering the actual request, when one does; `exposedByRules`: the rules expose it, but the answer lacks it. */
  'header-unreadable': { header: string; rule: number | null; exposedByRules?: boolean };
  'draft-changes-verdict': { draft: Verdict };
}

export type Verdict = 'allowed' | 'blocked';
export type FindingCode = keyof FindingParamsByCode;
export const FINDING_CODES = [
  'origin-not-listed', 'method-not-allowed', 'header-not-allowed', 'preflight-refused', 'wildcard-with-credentials',
  'credentials-not-allowed', 'allow-origin-mismatch', 'request-refused', 'non-cors-failure', 'endpoint-unreachable',
  'browser-differs', 'server-differs', 'header-unreadable', 'draft-changes-verdict',
] as const satisfies readonly FindingCode[];

/** One thing the diagnosis found: a code and the values it names. */
export type Finding = { [C in FindingCode]: { code: C; params: FindingParamsByCode[C] } }[FindingCode];

/** The diagnosis in one sentence, as data. */
export type Headline =
  | { verdict: 'allowed'; status: number | null; unreadable: number }
  /** `cause`: the finding that decided it; `atPreflight`: it failed on the preflight. */
  | { verdict: 'blocked'; atPreflight: boolean; cause?: FindingCode; origin: string; method: string };

function verdictText(verdict: Verdict): string {
  return verdict === 'allowed' ? 'allowed' : 'blocked';
}

const FINDINGS: { [C in FindingCode]: (p: FindingParamsByCode[C]) => string } = {
  'origin-not-listed': (p) => {
    if (!p.closest) return `Origin ${p.origin} is not listed in any rule.`;
    const closest = `${p.closest.origin} (rule ${p.closest.rule + 1})`;
    return p.closest.nearMiss
      ? `Origin ${p.origin} is not listed in any rule. The closest listed origin is ${closest}: ${nearMissText(p.closest.nearMiss)}.`
      : `Origin ${p.origin} is not listed in any rule. The closest listed origin is ${closest}.`;
  },
  'method-not-allowed': (p) => {
    if (p.cause === 'block') return blockText(p.block);
    const where = `${ruleName(p.rule, p.ruleId)}, the first rule that lists origin ${p.origin}`;
    return p.check ? `In ${where}, ${checkText(p.check)}.` : `The method is not allowed in ${where}.`;
  },
  'header-not-allowed': (p) => {
    if (p.cause === 'block') return blockText(p.block);
    return p.check ? `In ${ruleName(p.rule, p.ruleId)}, ${checkText(p.check)}.` : `A requested header is not allowed in ${ruleName(p.rule, p.ruleId)}.`;
  },
  'preflight-refused': (p) => (p.cause === 'no-config' ? 'The bucket has no CORS configuration, so no rule can allow this request.' : blockText(p.block)),
  'wildcard-with-credentials': (p) =>
    p.starRule === null
      ? `${blockText(p.block)} List ${p.origin} explicitly in a rule before it, so the provider echoes the origin and allows credentials.`
      : `${blockText(p.block)} Rule ${p.starRule + 1} allows origin *; list ${p.origin} explicitly in a rule before it, so the provider echoes the origin and allows credentials.`,
  'credentials-not-allowed': (p) => blockText(p.block),
  'allow-origin-mismatch': (p) => blockText(p.block),
  'request-refused': (p) => blockText(p.block),
  'non-cors-failure': (p) => {
    const status = p.providerCode ? `${p.status} ${p.providerCode}` : String(p.status);
    return p.browserBlocked
      ? `The request itself fails with ${status}, and that error answer carries no usable CORS headers, so the browser reports it as a CORS error. Fix the request (signature, permissions, object key), not the rules.`
      : `CORS allows the request, but the bucket answers ${status}: a signature, permission or key problem, not CORS.`;
  },
  'endpoint-unreachable': (p) => `The server could not reach the bucket either: ${p.error}`,
  'browser-differs': (p) => {
    const browser = p.browser === 'allowed' ? 'allowed it' : 'blocked it';
    return p.serverAsPredicted
      ? `The rules predict ${verdictText(p.predicted)}, but the browser ${browser}. The server answers as predicted, so something between this page and the bucket changes the answer: a proxy or CDN, or a cached response stored for another origin without Vary: Origin.`
      : `The rules predict ${verdictText(p.predicted)}, but the browser ${browser}. The server does not answer as predicted; compare the probe with the prediction.`;
  },
  'server-differs': (p) =>
    `The bucket's raw answer differs from the prediction for this ${p.dialect} endpoint (see the probe's headers): the provider behaves differently than modelled, or something in front of it (a CDN, a proxy) rewrites CORS headers.`,
  'header-unreadable': (p) =>
    p.exposedByRules
      ? `Script cannot read ${p.header}: the rules let script read it, but the answer does not carry it.`
      : p.rule === null
      ? `Script cannot read ${p.header}: the rule that answers the actual request does not list it in Expose headers.`
      : `Script cannot read ${p.header}: rule ${p.rule + 1}, which answers the actual request, does not list it in Expose headers.`,
  'draft-changes-verdict': (p) => `With your unsaved draft the request would be ${verdictText(p.draft)}. Save the draft to apply it.`,
};

/** A finding, as one or more sentences. */
export function findingText(finding: Finding): string {
  return (FINDINGS[finding.code] as (p: Finding['params']) => string)(finding.params);
}

/** The headline's short name for the finding that decided a blocked request; the finding says the rest. */
const CAUSES: Record<FindingCode, (h: Extract<Headline, { verdict: 'blocked' }>) => string> = {
  'origin-not-listed': (h) => `origin ${h.origin} is not listed in any rule`,
  'method-not-allowed': (h) => `${h.method} is not allowed for this origin`,
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

/** The verdict and its main cause, as one sentence. */
export function headlineText(headline: Headline): string {
  if (headline.verdict === 'allowed') {
    if (headline.unreadable === 1) return 'Allowed, but a header the app needs is not readable by script.';
    if (headline.unreadable > 1) return 'Allowed, but headers the app needs are not readable by script.';
    return `Allowed: script can read the response (${headline.status ?? 'no status'}).`;
  }
  const cause = headline.cause ? CAUSES[headline.cause](headline) : 'the browser refused to let script read the response';
  return headline.atPreflight ? `Blocked at the preflight: ${cause}.` : `Blocked: ${cause}.`;
}

/** An issue's message placed on a line of a text area (`Line 2: …`). */
export function onLineText(line: number, message: string): string {
  return `Line ${line}: ${message}`;
}

/** The link between the two cards of a shadowing warning, as the card at `role`'s end shows it. */
export function shadowLinkText(link: { role: 'cause' | 'loser'; other: number }): string {
  return link.role === 'cause' ? `Takes requests from ${ruleName(link.other)}` : `Loses requests to ${ruleName(link.other)}`;
}
