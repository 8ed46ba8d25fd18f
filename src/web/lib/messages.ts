// The web app's catalogue, for what only the web app says: the test pane's diagnosis (findings and
// headline) and the editor's line prefix. Core codes (issues, reasons, block reasons, explanations)
// come from the core's catalogues. Messages moved to ./i18n/locales/*.json render in the active
// locale; the English templates still written here are next to move.
import {
  blockText,
  breakageText,
  checkText,
  dialectProfile,
  documentFormatInfo,
  fixChangeText,
  headerSpelling,
  issueMessage,
  issueText,
  nearMissText,
  refusingRuleText,
  ruleFixText,
  ruleName,
  verdictLevelText,
  type BlockCheck,
  type BrowserEngine,
  type VerdictLevel,
  type BlockReason,
  type Breakage,
  type BodyMisfit,
  type CorsConfig,
  type BrowserFetch,
  type CheckResult,
  type DecidingRule,
  type Dialect,
  type DocumentFormat,
  type FixChange,
  type Issue,
  type NearMiss,
  type RuleFix,
} from '../../core';
import type { DemoLesson, Drift, EngineRun, EngineRunEngine, HistoryAction, HistoryEntry, HistoryOutcome, ProbeFailure, ProbeResult, WriteSource } from '../../contract/api';
import { webText } from './i18n/text';
import { HISTORY_TAB } from './page-title';
import { countRules, ruleCountText } from './rule-count';

/** A rule as findings name it. */
interface RuleAt {
  rule: number;
  ruleId?: string;
}

/** The values each diagnosis finding names, by code. */
export interface FindingParamsByCode {
  'origin-not-listed': { origin: string; closest?: { origin: string; rule: number; nearMiss?: NearMiss } };
  /**
   * `rule`: the first rule listing the origin refuses the method; `decider`: the rule that decided
   * the answer (the same the rules column names), `null` when no rule did; `block`: the browser's check.
   */
  'method-not-allowed': (RuleAt & { cause: 'rule'; origin: string; check?: CheckResult; decider: DecidingRule | null }) | { cause: 'block'; block: BlockReason };
  'header-not-allowed': (RuleAt & { cause: 'rule'; check?: CheckResult; decider: DecidingRule | null }) | { cause: 'block'; block: BlockReason };
  'preflight-refused': { cause: 'no-config' } | { cause: 'block'; block: BlockReason };
  'wildcard-with-credentials': { block: BlockReason; origin: string; starRule: number | null };
  'credentials-not-allowed': { block: BlockReason };
  'allow-origin-mismatch': { block: BlockReason };
  'request-refused': { block: BlockReason };
  /** `browserBlocked`: the browser blocked what CORS allows, so the error answer is the cause. */
  'non-cors-failure': { status: number; providerCode?: string; browserBlocked: boolean };
  /** `error`: why the server's probe got no answer either. */
  'endpoint-unreachable': { error: ProbeFailure };
  'browser-differs': { predicted: Verdict; browser: Verdict; serverAsPredicted: boolean };
  'server-differs': { dialect: string };
  /** `rule`: the rule answering the actual request, when one does; `exposedByRules`: the rules expose it, but the answer lacks it. */
  'header-unreadable': { header: string; rule: number | null; exposedByRules?: boolean };
  'draft-changes-verdict': { draft: Verdict };
  /** The preflight is cached `seconds` only (see the core's `preflight-not-cached` breakage). */
  'preflight-not-cached': { breakage: Extract<Breakage, { code: 'preflight-not-cached' }> };
  /** The request's cookies are third-party (see the core's `cookies-third-party` breakage). */
  'cookies-third-party': { breakage: Extract<Breakage, { code: 'cookies-third-party' }> };
}

export type Verdict = 'allowed' | 'blocked';
export type FindingCode = keyof FindingParamsByCode;
export const FINDING_CODES = [
  'origin-not-listed', 'method-not-allowed', 'header-not-allowed', 'preflight-refused', 'wildcard-with-credentials',
  'credentials-not-allowed', 'allow-origin-mismatch', 'request-refused', 'non-cors-failure', 'endpoint-unreachable',
  'browser-differs', 'server-differs', 'header-unreadable', 'draft-changes-verdict', 'preflight-not-cached', 'cookies-third-party',
] as const satisfies readonly FindingCode[];

/** One thing the diagnosis found: a code and the values it names. */
export type Finding = { [C in FindingCode]: { code: C; params: FindingParamsByCode[C] } }[FindingCode];

/** The diagnosis in one sentence, as data. */
export type Headline =
  | { verdict: 'allowed'; status: number | null }
  /** Allowed, but the app fails or degrades: `breakage` is the deciding one. */
  | { verdict: 'broken'; breakage: Breakage }
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
    return refusingRuleText(p.decider, p, p.check ? checkText(p.check) : 'the method is not allowed');
  },
  'header-not-allowed': (p) => {
    if (p.cause === 'block') return blockText(p.block);
    return refusingRuleText(p.decider, p, p.check ? checkText(p.check) : 'a requested header is not allowed');
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
  'endpoint-unreachable': (p) => `The server could not reach the bucket either: ${probeFailureText(p.error)}`,
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
  'preflight-not-cached': (p) => breakageText(p.breakage),
  'cookies-third-party': (p) => breakageText(p.breakage),
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
  'preflight-not-cached': () => 'the preflight is cached only briefly',
  'cookies-third-party': () => "the request's cookies are third-party",
};

/**
 * The verdict and its main cause, as one sentence in two parts: the level's name (shown bold, as
 * the verdict card's title) and the rest of the sentence, the one-line consequence.
 */
export function headlineParts(headline: Headline): { level: string; rest: string } {
  if (headline.verdict === 'allowed') return { level: verdictLevelText('allowed'), rest: `: script can read the response (${headline.status ?? 'no status'}).` };
  if (headline.verdict === 'broken') return { level: `${verdictLevelText('broken')}.`, rest: ` ${breakageText(headline.breakage)}` };
  const cause = headline.cause ? CAUSES[headline.cause](headline) : 'the browser refused to let script read the response';
  return { level: verdictLevelText('blocked'), rest: headline.atPreflight ? ` at the preflight: ${cause}.` : `: ${cause}.` };
}

/** The verdict and its main cause, as one sentence. */
export function headlineText(headline: Headline): string {
  const { level, rest } = headlineParts(headline);
  return `${level}${rest}`;
}

/** An issue's message placed on a line of a text area (`Line 2: …`). */
export function onLineText(line: number, message: string): string {
  return `Line ${line}: ${message}`;
}

/** What a writing test will do to an object the user named (not a scratch object). */
export interface WriteEffect {
  method: 'PUT' | 'POST' | 'DELETE';
  bucket: string;
  key: string;
  /** The test body's size, for PUT and POST. */
  bodyBytes: number;
}

/** One sentence naming the object and what will happen to it. */
export function writeEffectText({ method, bucket, key, bodyBytes }: WriteEffect): string {
  const object = `${key} in bucket ${bucket}`;
  if (method === 'DELETE') return `${object} will be deleted.`;
  if (method === 'PUT') return `${object} will be replaced with ${bodyBytes} bytes of test body; its current content is lost.`;
  return `${object} will receive a POST of ${bodyBytes} bytes of test body, which may replace or change it.`;
}

export function confirmWriteTitle(effects: readonly WriteEffect[]): string {
  const [only] = effects;
  if (effects.length !== 1 || !only) return `Write to ${effects.length} objects you named?`;
  return only.method === 'DELETE' ? `Delete ${only.key}?` : `Write to ${only.key}?`;
}

export function confirmWriteAction(effects: readonly WriteEffect[]): string {
  const [only] = effects;
  if (effects.length !== 1 || !only) return `Write to these ${effects.length} objects`;
  return only.method === 'DELETE' ? `Delete ${only.key}` : only.method === 'PUT' ? `Replace ${only.key}` : `POST to ${only.key}`;
}

export const CONFIRM_WRITE_NOTE =
  "The server's probe sends the request first and, when the browser allows it, the browser sends it again. A scratch object (the default) tests the same rules without touching your data.";

const STOPPED_BY: Record<BlockCheck, string> = {
  'request-refused': 'the browser refuses the request',
  'preflight-status': 'the preflight was refused',
  'allow-origin-missing': 'the preflight answer has no Access-Control-Allow-Origin',
  'allow-origin-mismatch': "the preflight answer's Access-Control-Allow-Origin is another origin",
  'wildcard-with-credentials': 'the preflight answer allows any origin (*) to a request with credentials',
  'credentials-not-allowed': 'the preflight answer does not allow credentials',
  'method-not-allowed': 'the preflight answer does not allow the method',
  'header-not-allowed': 'the preflight answer does not allow a request header',
};

/** Why the server's probe did not send a writing request: the browser would not have sent it either. */
export function probeNotSentText({ code, check }: NonNullable<ProbeResult['actualNotSent']>): string {
  if (code === 'browser-refuses-request') return 'Not sent: the browser refuses to send this request at all, so the server did not send it either.';
  return `Not sent: the browser stops at the preflight${check ? ` (${STOPPED_BY[check]})` : ''}, so the server did not send the request either. Nothing was written or deleted.`;
}

/** A test's scratch object that could not be removed: named, so it is never left silently. */
export function scratchLeftText(key: string): string {
  return `The test's scratch object ${key} could not be removed now; the console removes it on its own within two minutes, or when it stops.`;
}

/** A change handed to the editor's draft from outside it, as the editor's toast names it. */
export type DraftNote =
  /** The rule wizard's rules, at a 0-based position or in place of the whole draft. */
  | { code: 'wizard-inserted'; rules: 'loosest' | 'strictest'; count: number; at: number | 'whole-draft' }
  /** The test pane's strictest fix. */
  | { code: 'fix-applied'; change: FixChange }
  /** An imported document; `file` is its name, absent for pasted text. */
  | { code: 'imported'; ruleCount: number; file?: string; format: DocumentFormat }
  /** A shadowing warning's fix, analysed again by the core before it was offered. */
  | { code: 'shadow-fix-applied'; fix: RuleFix };

function wizardRulesText(rules: 'loosest' | 'strictest', count: number): string {
  return rules === 'loosest' ? 'the loosest (diagnostic) rule' : `the strictest ${count === 1 ? 'rule' : 'rules'} for the app`;
}

/** The sentence a draft change is announced with. */
export function draftNoteText(note: DraftNote): string {
  switch (note.code) {
    case 'wizard-inserted':
      return `Rule wizard: ${wizardRulesText(note.rules, note.count)} inserted ${note.at === 'whole-draft' ? 'replacing the draft' : `at position ${note.at + 1}`}.`;
    case 'fix-applied':
      return `Applied to the draft: ${fixChangeText(note.change)}`;
    case 'imported':
      return `Imported ${ruleCountText(note.ruleCount)} from ${note.file ?? 'pasted text'} (${documentFormatInfo(note.format).label}) into the draft.`;
    case 'shadow-fix-applied':
      return `Applied: ${ruleFixText(note.fix).label}.`;
  }
}

/** The editor's toast after a draft change from outside: the change, and that Undo reverts it. */
export function draftChangeToastText(note: DraftNote): string {
  return `${draftNoteText(note)} Undo takes it back.`;
}

/** The note on the rule cards that answered the last test. */
export function lastTestNoteText(test: { method: string; key: string; origin: string }): string {
  return `Answers the last test: ${test.method} ${test.key} from ${test.origin}.`;
}

/** How many generated rules still fit beside the draft's kept ones (the wizard's insertion). */
export interface RuleRoomFacts {
  dialect: Dialect;
  limit: number;
  kept: number;
  room: number;
  replacesDraft: boolean;
}

export function ruleRoomText({ dialect, limit, kept, room, replacesDraft }: RuleRoomFacts): string {
  const keeps = replacesDraft ? 'replacing the draft keeps none of its rules' : `${kept} of the draft's rules stay`;
  return `${dialectProfile(dialect).label} allows at most ${limit} rules; ${keeps}, so ${room === 0 ? 'no rule fits' : `up to ${room} can be added`}.`;
}

/** Header names as people write them (`etag` → `ETag`). */
function spelled(names: string[]): string {
  return names.map(headerSpelling).join(', ');
}

/** `PUT from https://app.example with content-type: application/json`: one request of the app. */
export function appRequestText(fetch: BrowserFetch): string {
  const headers = Object.entries(fetch.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  return `${fetch.method} from ${fetch.origin}${headers.length ? ` with ${headers.join(', ')}` : ''}${fetch.credentials === 'include' ? ' (with credentials)' : ''}`;
}

/** What the browser makes of one of the app's requests, beyond allowed or blocked. */
export type RequestOutcomeDetail = { code: 'blocked'; block: BlockReason } | { code: 'broken'; breakages: Breakage[] } | { code: 'readable'; headers: string[] };

export function requestOutcomeText(detail: RequestOutcomeDetail): string {
  switch (detail.code) {
    case 'blocked':
      return blockText(detail.block);
    case 'broken':
      return detail.breakages.map(breakageText).join(' ');
    case 'readable':
      return `Script can read ${spelled(detail.headers)}.`;
  }
}

/** The values each form message names, by code (the rule wizard's app form and the test pane's request form). */
export interface FormMessageParamsByCode {
  'header-row-unnamed': Record<string, never>;
  'max-age-not-whole': Record<string, never>;
  /** `operation`: the label of the operation a header row is scoped to. */
  'operation-not-chosen': { operation: string };
  /** The core's issues about one field, in one message. */
  issues: { issues: Issue[] };
  /** Header lines without `name: value`. */
  'header-lines-unreadable': { lines: string[] };
  /** A value the API's schema refuses; `header` when it is one header's. */
  'request-misfit': { misfit: BodyMisfit; header?: string };
  'signed-post': Record<string, never>;
}
export type FormMessageCode = keyof FormMessageParamsByCode;

const FORM_MESSAGES: { [C in FormMessageCode]: (p: FormMessageParamsByCode[C]) => string } = {
  'header-row-unnamed': () => 'Name the header, or remove this row.',
  'max-age-not-whole': () => 'Write a whole number of seconds, or leave it empty for the wizard to choose.',
  'operation-not-chosen': (p) => `${p.operation} is not among the app's operations: choose it above, or pick another.`,
  issues: (p) =>
    p.issues
      .map((issue) => {
        const { message, hint } = issueText(issue);
        return hint ? `${message} ${hint}` : message;
      })
      .join(' '),
  'header-lines-unreadable': (p) => `Write each header as "name: value": ${p.lines.join(' · ')}`,
  'request-misfit': (p) => {
    const text = issueMessage({ severity: 'error', code: 'body.invalid', params: { field: '', misfit: p.misfit }, path: [] });
    return p.header === undefined ? text : `Header ${p.header}: ${text}`;
  },
  'signed-post': () => 'A signed POST is a form upload: use "Upload with a POST form" below.',
};

/** A form field's message, from its code and values (react-hook-form shows it at the field). */
export function formMessage<C extends FormMessageCode>(code: C, ...params: FormMessageParamsByCode[C] extends Record<string, never> ? [] : [FormMessageParamsByCode[C]]): string {
  const describe = FORM_MESSAGES[code] as (p: FormMessageParamsByCode[C] | Record<string, never>) => string;
  return describe(params[0] ?? {});
}

/** A bucket a bulk apply did not write, by what its preview found. */
export type SkippedPlan = 'unreadable' | 'unchanged' | 'invalid';

const SKIPPED_PLANS: Record<SkippedPlan, string> = {
  unreadable: 'Not read at the preview, so not written.',
  unchanged: 'Already holds these rules; nothing to write.',
  invalid: 'The provider would refuse it (see the preview); not written.',
};

export function skippedPlanText(plan: SkippedPlan): string {
  return SKIPPED_PLANS[plan];
}

/** Why a raw probe request got no answer. */
export function probeFailureText(failure: ProbeFailure): string {
  return failure.code === 'provider-timeout'
    ? `No answer within ${failure.timeoutMs} ms.`
    : `The storage endpoint did not answer (${failure.transportCode ?? failure.transportMessage ?? 'no reason given'}).`;
}

/** The link between the two cards of a shadowing warning, as the card at `role`'s end shows it. */
export function shadowLinkText(link: { role: 'cause' | 'loser'; other: number }): string {
  return link.role === 'cause' ? `Takes requests from ${ruleName(link.other)}` : `Loses requests to ${ruleName(link.other)}`;
}


/** The history view's and the drift banner's fixed words, read in the active locale (getters). */
export const HISTORY_TEXT = {
  tab: HISTORY_TAB,
  get title() {
    return webText('history.title');
  },
  get loading() {
    return webText('history.loading');
  },
  get loadFailed() {
    return webText('history.load-failed');
  },
  get empty() {
    return webText('history.empty');
  },
  get older() {
    return webText('history.older');
  },
  get newer() {
    return webText('history.newer');
  },
  get restore() {
    return webText('history.restore');
  },
  get restoreBefore() {
    return webText('history.restore-before');
  },
  get restoring() {
    return webText('history.restoring');
  },
  get cancel() {
    return webText('history.cancel');
  },
  get restoreFailed() {
    return webText('history.restore-failed');
  },
  get diffLabel() {
    return webText('history.diff-label');
  },
  get driftTitle() {
    return webText('history.drift-title');
  },
  get driftRestore() {
    return webText('history.drift-restore');
  },
  get driftDiffLabel() {
    return webText('history.drift-diff-label');
  },
  get restored() {
    return webText('history.restored');
  },
  get confirmTitle() {
    return webText('history.confirm-title');
  },
  get confirmRestore() {
    return webText('history.confirm-restore');
  },
  get confirmDiffLabel() {
    return webText('history.confirm-diff-label');
  },
};

/** `3 rules`, or no configuration at all. */
const holdsText = (config: CorsConfig | null) => (config ? countRules(config) : 'no CORS configuration');

/** The restore confirmation's sentence. */
export function restoreConfirmText(bucket: string, target: CorsConfig | null): string {
  return `This replaces the CORS configuration of ${bucket} on the provider with ${holdsText(target)}, unless it changed since this page read it. The restore is itself recorded in the history.`;
}

const ACTION_TEXT: Record<HistoryAction, string> = { save: 'Saved', delete: 'Deleted all rules', restore: 'Restored' };
const SOURCE_TEXT: Record<WriteSource, string> = { editor: 'in the editor', import: 'from an import', 'bulk-apply': 'by “Apply to other buckets”', 'drift-banner': 'from the drift banner' };

/** One entry's headline: what was done, from where, when, by which console and session. */
export function historyEntryText(entry: HistoryEntry): string {
  const what = [ACTION_TEXT[entry.action], entry.source ? SOURCE_TEXT[entry.source] : ''].filter(Boolean).join(' ');
  const when = new Date(entry.at).toLocaleString();
  const who = `console ${entry.console.id} (${entry.console.host}, pid ${entry.console.pid})`;
  return `${what} · ${when} · ${who}${entry.session ? `, session ${entry.session}` : ''}`;
}

/** How the write ended, in a sentence. */
export function historyOutcomeText(outcome: HistoryOutcome): string {
  switch (outcome.kind) {
    case 'written':
      return `The provider holds it: ${holdsText(outcome.stored.config)}.`;
    case 'failed':
      return `The write failed (${outcome.code}); ${outcome.stored ? `the provider held ${holdsText(outcome.stored.config)} after it` : 'what the provider held after it is unknown'}.`;
    case 'interrupted':
      return 'Interrupted: the console stopped during this write, so the provider may hold the old rules, the new ones, or none.';
  }
}

/** The drift banner's sentence: what the history ends with, and what the provider holds instead. */
export function driftText({ lastKnown, current }: Drift): string {
  return `The provider's CORS configuration (${holdsText(current.config)}) is not the one last written through the console (${holdsText(lastKnown.config)}): it was changed outside the console, or lost in a crash of the storage during a save.`;
}

/** After a restore refused because the bucket changed again. */
export const RESTORE_CONFLICT_TEXT = 'The bucket changed again since this page read it, so nothing was written. Its current configuration is shown now; choose again.';

// The Test tab's copy actions and request form (issue 16, item 5).

/** Above a copied request whose URL is presigned: the signature in it is valid for a short while only. */
export const PRESIGNED_URL_EXPIRES_TEXT = 'The URL is presigned by the console for this test: it expires about a minute after the test ran; run the test again for a fresh one.';

/** Above a copied fetch(): the browser sets Origin itself, from the page the code runs on. */
export function fetchFromPageText(origin: string): string {
  return `Run from a page on ${origin}: the browser sends that page's origin as Origin.`;
}

/** Beside a copy button once the text is on the clipboard. */
export const COPIED_TEXT = 'Copied';

/** When the browser refuses the clipboard: the text is shown, selected, for copying by hand. */
export const CLIPBOARD_REFUSED_TEXT = 'The browser did not let the console use the clipboard. The text is selected below: copy it with Ctrl+C (⌘C on a Mac).';

/** Under the Body field: what an empty body sends. */
export function emptyBodyText(body: string): string {
  return `Empty: the test sends ${new TextEncoder().encode(body).length} bytes, ${JSON.stringify(body)}.`;
}

/** Under the file field of the upload tests: a reload cannot give a chosen file back. */
export const FILE_NOT_KEPT_TEXT = 'The request form above is kept for this bucket when the page reloads; a chosen file is not: browsers never let a page fill in a file field.';

/** After "Load into form" on a saved test. */
export function loadedIntoFormText(name: string): string {
  return `"${name}" is in the form: change it or press Test CORS.`;
}

/** What an embedded demo bucket teaches, shown above its rules, read in the active locale (getters). */
export const DEMO_LESSON_TEXT: Record<DemoLesson, { readonly title: string; readonly text: string }> = {
  'direct-upload': {
    get title() {
      return webText('demo-lesson.direct-upload.title');
    },
    get text() {
      return webText('demo-lesson.direct-upload.text');
    },
  },
  'no-cors': {
    get title() {
      return webText('demo-lesson.no-cors.title');
    },
    get text() {
      return webText('demo-lesson.no-cors.text');
    },
  },
  'shadowed-etag': {
    get title() {
      return webText('demo-lesson.shadowed-etag.title');
    },
    get text() {
      return webText('demo-lesson.shadowed-etag.text');
    },
  },
};

// "Other engines on this host" (the Test tab): the engines installed where the console runs.

const ENGINE_TEXT: Record<BrowserEngine, string> = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

export function engineText(engine: BrowserEngine): string {
  return ENGINE_TEXT[engine];
}

export function engineMissingText(missing: readonly string[]): string {
  return `Not installed on this host (missing ${missing.join(', ')}). Install it with:`;
}

/** "n of m" while a run goes on, and how it ended. */
export function engineRunProgressText({ state, done, total }: Pick<EngineRun, 'state' | 'done' | 'total'>): string {
  const results = (n: number) => `${n} result${n === 1 ? '' : 's'}`;
  switch (state) {
    case 'running':
      return `Running in the engines: ${done} of ${total} results in.`;
    case 'finished':
      return `Finished: ${results(done)}.`;
    case 'cancelled':
      return `Cancelled: ${results(done)} before it stopped; the engines are closed.`;
    case 'timed-out':
      return `Stopped after the time limit: ${results(done)}; the engines are closed.`;
    case 'failed':
      return `The run failed after ${results(done)}; the engines are closed.`;
  }
}

/** Why an engine gave no results in a run. */
export function engineStateText(state: EngineRunEngine): string | null {
  switch (state.state) {
    case 'starting':
      return 'Starting…';
    case 'ran':
      return null;
    case 'not-installed':
      return `Not installed (install it with: ${state.installCommand}).`;
    case 'launch-failed':
      return `Did not start: ${state.error}`;
    case 'cancelled':
      return 'Not run: the run was cancelled.';
  }
}

/** An engine's verdict beside another one: the engine's own prediction, or the user's browser. */
export function engineAgreementText(compared: 'prediction' | 'your-browser', engineLevel: VerdictLevel, other: VerdictLevel | undefined): string {
  const what = compared === 'prediction' ? 'the prediction for this engine' : 'your browser';
  if (other === undefined) return compared === 'prediction' ? 'No prediction.' : 'Your browser has not run this test yet.';
  if (other === engineLevel) return `Agrees with ${what}.`;
  return `Differs from ${what} (${verdictLevelText(other).toLowerCase()}).`;
}

/** A request an engine could not make: not a verdict. */
export function engineRequestFailedText(error: string): string {
  return `The engine could not make the request: ${error}`;
}

/** Chromium's own name for its refusal, quoted before the console's explanation. */
export function chromiumReasonText(corsError: { corsError: string; failedParameter: string }): string {
  return `Chromium says ${corsError.corsError}${corsError.failedParameter ? ` (${corsError.failedParameter})` : ''}.`;
}
