// What only the web app says, made from codes and values: the test pane's diagnosis (findings and
// headline), history, drift, engine runs, draft notes. Every sentence is a message of the web
// features' catalogue (./i18n/feature-locales/*.json), rendered in the active locale; core codes (issues, reasons,
// block reasons, explanations) come from the core's catalogues.
import {
  blockText,
  breakageText,
  checkText,
  dialectProfile,
  sourceFormatLabel,
  fixChangeText,
  headerSpelling,
  issueMessage,
  issueText,
  nearMissText,
  refusingRuleText,
  ruleFixText,
  ruleName,
  verdictLevelText,
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
  type SourceFormat,
  type FixChange,
  type Issue,
  type NearMiss,
  type RuleFix,
} from '../../core';
import type { DemoLesson, Drift, EngineRun, EngineRunEngine, HistoryAction, HistoryEntry, HistoryOutcome, ProbeFailure, ProbeResult, WriteSource } from '../../contract/api';
import { formatDateTime } from './i18n/format';
import { webText, type WebMessageId } from './i18n/feature-text';
import { historyTabText } from './page-title';

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

/** A code as an ICU select key (`bulk-apply` → `bulk_apply`): keys are words, without hyphens. */
function selectKey(code: string): string {
  return code.replace(/-/g, '_');
}

/** Sentences one after another: a space between them in English, none in Chinese. */
function sentences(texts: readonly string[]): string {
  return texts.reduce((first, second) => webText('text.two-sentences', { first, second }));
}

const FINDINGS: { [C in FindingCode]: (p: FindingParamsByCode[C]) => string } = {
  'origin-not-listed': (p) => {
    if (!p.closest) return webText('test-pane.finding.origin-not-listed', { origin: p.origin });
    const values = { origin: p.origin, closest: p.closest.origin, rule: p.closest.rule + 1 };
    return p.closest.nearMiss
      ? webText('test-pane.finding.origin-not-listed-near-miss', { ...values, nearMiss: nearMissText(p.closest.nearMiss) })
      : webText('test-pane.finding.origin-not-listed-closest', values);
  },
  'method-not-allowed': (p) => {
    if (p.cause === 'block') return blockText(p.block);
    return refusingRuleText(p.decider, p, p.check ? checkText(p.check) : webText('test-pane.finding.method-refused'));
  },
  'header-not-allowed': (p) => {
    if (p.cause === 'block') return blockText(p.block);
    return refusingRuleText(p.decider, p, p.check ? checkText(p.check) : webText('test-pane.finding.header-refused'));
  },
  'preflight-refused': (p) => (p.cause === 'no-config' ? webText('test-pane.finding.no-config') : blockText(p.block)),
  'wildcard-with-credentials': (p) =>
    p.starRule === null
      ? webText('test-pane.finding.wildcard-with-credentials', { block: blockText(p.block), origin: p.origin })
      : webText('test-pane.finding.wildcard-with-credentials-rule', { block: blockText(p.block), origin: p.origin, rule: p.starRule + 1 }),
  'credentials-not-allowed': (p) => blockText(p.block),
  'allow-origin-mismatch': (p) => blockText(p.block),
  'request-refused': (p) => blockText(p.block),
  'non-cors-failure': (p) => {
    const status = p.providerCode ? `${p.status} ${p.providerCode}` : String(p.status);
    return webText(p.browserBlocked ? 'test-pane.finding.non-cors-failure-blocked' : 'test-pane.finding.non-cors-failure', { status });
  },
  'endpoint-unreachable': (p) => webText('test-pane.finding.endpoint-unreachable', { failure: probeFailureText(p.error) }),
  'browser-differs': (p) =>
    webText(p.serverAsPredicted ? 'test-pane.finding.browser-differs-proxy' : 'test-pane.finding.browser-differs-server', { predicted: p.predicted, browser: p.browser }),
  'server-differs': (p) => webText('test-pane.finding.server-differs', { dialect: p.dialect }),
  'header-unreadable': (p) =>
    p.exposedByRules
      ? webText('test-pane.finding.header-unreadable-missing', { header: p.header })
      : p.rule === null
      ? webText('test-pane.finding.header-unreadable', { header: p.header })
      : webText('test-pane.finding.header-unreadable-rule', { header: p.header, rule: p.rule + 1 }),
  'draft-changes-verdict': (p) => webText('test-pane.finding.draft-changes-verdict', { draft: p.draft }),
  'preflight-not-cached': (p) => breakageText(p.breakage),
  'cookies-third-party': (p) => breakageText(p.breakage),
};

/** A finding, as one or more sentences. */
export function findingText(finding: Finding): string {
  return (FINDINGS[finding.code] as (p: Finding['params']) => string)(finding.params);
}

/** The rest of a blocked headline, after the level's name: the finding that decided it, named short (the finding says the rest). */
const BLOCKED_HEADLINES = {
  'origin-not-listed': 'test-pane.headline.blocked.origin-not-listed',
  'method-not-allowed': 'test-pane.headline.blocked.method-not-allowed',
  'header-not-allowed': 'test-pane.headline.blocked.header-not-allowed',
  'preflight-refused': 'test-pane.headline.blocked.preflight-refused',
  'wildcard-with-credentials': 'test-pane.headline.blocked.wildcard-with-credentials',
  'credentials-not-allowed': 'test-pane.headline.blocked.credentials-not-allowed',
  'allow-origin-mismatch': 'test-pane.headline.blocked.allow-origin-mismatch',
  'request-refused': 'test-pane.headline.blocked.request-refused',
  'non-cors-failure': 'test-pane.headline.blocked.non-cors-failure',
  'endpoint-unreachable': 'test-pane.headline.blocked.endpoint-unreachable',
  'browser-differs': 'test-pane.headline.blocked.browser-differs',
  'server-differs': 'test-pane.headline.blocked.server-differs',
  'header-unreadable': 'test-pane.headline.blocked.header-unreadable',
  'draft-changes-verdict': 'test-pane.headline.blocked.draft-changes-verdict',
  'preflight-not-cached': 'test-pane.headline.blocked.preflight-not-cached',
  'cookies-third-party': 'test-pane.headline.blocked.cookies-third-party',
} as const satisfies Record<FindingCode, WebMessageId>;

/**
 * The verdict and its main cause, as one sentence in two parts: the level's name (shown bold, as
 * the verdict card's title) and the rest of the sentence, the one-line consequence.
 */
export function headlineParts(headline: Headline): { level: string; rest: string } {
  if (headline.verdict === 'allowed') {
    const rest = headline.status === null ? webText('test-pane.headline.allowed-no-status') : webText('test-pane.headline.allowed', { status: String(headline.status) });
    return { level: verdictLevelText('allowed'), rest };
  }
  if (headline.verdict === 'broken') {
    return { level: webText('test-pane.headline.broken-level', { level: verdictLevelText('broken') }), rest: webText('test-pane.headline.broken', { breakage: breakageText(headline.breakage) }) };
  }
  const id = headline.cause ? BLOCKED_HEADLINES[headline.cause] : 'test-pane.headline.blocked.default';
  return { level: verdictLevelText('blocked'), rest: webText(id, { preflight: headline.atPreflight ? 'yes' : 'no', origin: headline.origin, method: headline.method }) };
}

/** The verdict and its main cause, as one sentence. */
export function headlineText(headline: Headline): string {
  const { level, rest } = headlineParts(headline);
  return `${level}${rest}`;
}

/** An issue's message placed on a line of a text area (`Line 2: …`). */
export function onLineText(line: number, message: string): string {
  return webText('editor.on-line', { line, message });
}

/** What a writing test will do to an object the user named (not a scratch object). */
export interface WriteEffect {
  method: 'PUT' | 'POST' | 'DELETE';
  bucket: string;
  key: string;
  /** The test body's size, for PUT and POST. */
  bodyBytes: number;
}

const WRITE_EFFECTS = { DELETE: 'test-pane.write-effect.delete', PUT: 'test-pane.write-effect.put', POST: 'test-pane.write-effect.post' } as const satisfies Record<WriteEffect['method'], WebMessageId>;

/** One sentence naming the object and what will happen to it. */
export function writeEffectText({ method, bucket, key, bodyBytes }: WriteEffect): string {
  return webText(WRITE_EFFECTS[method], { key, bucket, bytes: String(bodyBytes) });
}

export function confirmWriteTitle(effects: readonly WriteEffect[]): string {
  const [only] = effects;
  if (effects.length !== 1 || !only) return webText('test-pane.confirm-write.title-many', { count: String(effects.length) });
  return webText(only.method === 'DELETE' ? 'test-pane.confirm-write.title-delete' : 'test-pane.confirm-write.title-write', { key: only.key });
}

const WRITE_ACTIONS = { DELETE: 'test-pane.confirm-write.action-delete', PUT: 'test-pane.confirm-write.action-replace', POST: 'test-pane.confirm-write.action-post' } as const satisfies Record<WriteEffect['method'], WebMessageId>;

export function confirmWriteAction(effects: readonly WriteEffect[]): string {
  const [only] = effects;
  if (effects.length !== 1 || !only) return webText('test-pane.confirm-write.action-many', { count: String(effects.length) });
  return webText(WRITE_ACTIONS[only.method], { key: only.key });
}

/** Why the server's probe did not send a writing request: the browser would not have sent it either. */
export function probeNotSentText({ code, check }: NonNullable<ProbeResult['actualNotSent']>): string {
  if (code === 'browser-refuses-request') return webText('test-pane.probe-not-sent.refused');
  return webText('test-pane.probe-not-sent.preflight', { check: selectKey(check ?? 'none') });
}

/** A test's scratch object that could not be removed: named, so it is never left silently. */
export function scratchLeftText(key: string): string {
  return webText('test-pane.scratch-left', { key });
}

/** A change handed to the editor's draft from outside it, as the editor's toast names it. */
export type DraftNote =
  /** The rule wizard's rules, at a 0-based position or in place of the whole draft. */
  | { code: 'wizard-inserted'; rules: 'loosest' | 'strictest'; count: number; at: number | 'whole-draft' }
  /** The test pane's strictest fix. */
  | { code: 'fix-applied'; change: FixChange }
  /** An imported document; `file` is its name, absent for pasted text. */
  | { code: 'imported'; ruleCount: number; file?: string; format: SourceFormat }
  /** A shadowing warning's fix, analysed again by the core before it was offered. */
  | { code: 'shadow-fix-applied'; fix: RuleFix };

/** The sentence a draft change is announced with. */
export function draftNoteText(note: DraftNote): string {
  switch (note.code) {
    case 'wizard-inserted': {
      const position = note.at === 'whole-draft' ? { whole: 'yes', position: '' } : { whole: 'no', position: String(note.at + 1) };
      return webText('draft-note.wizard-inserted', { rules: note.rules, count: note.count, ...position });
    }
    case 'fix-applied':
      return webText('draft-note.fix-applied', { change: fixChangeText(note.change) });
    case 'imported':
      return webText('draft-note.imported', { count: note.ruleCount, source: note.file === undefined ? 'pasted' : 'file', file: note.file ?? '', format: sourceFormatLabel(note.format) });
    case 'shadow-fix-applied':
      return webText('draft-note.shadow-fix-applied', { fix: ruleFixText(note.fix).label });
  }
}

/** The editor's toast after a draft change from outside: the change, and that Undo reverts it. */
export function draftChangeToastText(note: DraftNote): string {
  return webText('draft-note.toast', { note: draftNoteText(note) });
}

/** The note on the rule cards that answered the last test. */
export function lastTestNoteText(test: { method: string; key: string; origin: string }): string {
  return webText('editor.last-test-note', test);
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
  return webText('rule-wizard.rule-room', { provider: dialectProfile(dialect).label, limit: String(limit), replaces: replacesDraft ? 'yes' : 'no', kept: String(kept), room });
}

/** Header names as people write them (`etag` → `ETag`). */
function spelled(names: string[]): string {
  return names.map(headerSpelling).join(', ');
}

/** `PUT from https://app.example with content-type: application/json`: one request of the app. */
export function appRequestText(fetch: BrowserFetch): string {
  const headers = Object.entries(fetch.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  return webText('rule-wizard.app-request', {
    method: fetch.method,
    origin: fetch.origin,
    withHeaders: headers.length ? 'yes' : 'no',
    headers: headers.join(', '),
    credentials: fetch.credentials ?? 'omit',
  });
}

/** What the browser makes of one of the app's requests, beyond allowed or blocked. */
export type RequestOutcomeDetail = { code: 'blocked'; block: BlockReason } | { code: 'broken'; breakages: Breakage[] } | { code: 'readable'; headers: string[] };

export function requestOutcomeText(detail: RequestOutcomeDetail): string {
  switch (detail.code) {
    case 'blocked':
      return blockText(detail.block);
    case 'broken':
      return sentences(detail.breakages.map(breakageText));
    case 'readable':
      return webText('rule-wizard.request-readable', { headers: spelled(detail.headers) });
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
  'signed-public': Record<string, never>;
}
export type FormMessageCode = keyof FormMessageParamsByCode;

const FORM_MESSAGES: { [C in FormMessageCode]: (p: FormMessageParamsByCode[C]) => string } = {
  'header-row-unnamed': () => webText('form.header-row-unnamed'),
  'max-age-not-whole': () => webText('form.max-age-not-whole'),
  'operation-not-chosen': (p) => webText('form.operation-not-chosen', { operation: p.operation }),
  issues: (p) =>
    sentences(
      p.issues.map((issue) => {
        const { message, hint } = issueText(issue);
        return hint ? sentences([message, hint]) : message;
      }),
    ),
  'header-lines-unreadable': (p) => webText('form.header-lines-unreadable', { lines: p.lines.join(' · ') }),
  'request-misfit': (p) => {
    const message = issueMessage({ severity: 'error', code: 'body.invalid', params: { field: '', misfit: p.misfit }, path: [] });
    return p.header === undefined ? message : webText('form.header-misfit', { header: p.header, message });
  },
  'signed-post': () => webText('form.signed-post'),
  'signed-public': () => webText('form.signed-public'),
};

/** A form field's message, from its code and values (react-hook-form shows it at the field). */
export function formMessage<C extends FormMessageCode>(code: C, ...params: FormMessageParamsByCode[C] extends Record<string, never> ? [] : [FormMessageParamsByCode[C]]): string {
  const describe = FORM_MESSAGES[code] as (p: FormMessageParamsByCode[C] | Record<string, never>) => string;
  return describe(params[0] ?? {});
}

/** A bucket a bulk apply did not write, by what its preview found. */
export type SkippedPlan = 'unreadable' | 'unchanged' | 'invalid';

const SKIPPED_PLANS = {
  unreadable: 'bulk-apply.skipped.unreadable',
  unchanged: 'bulk-apply.skipped.unchanged',
  invalid: 'bulk-apply.skipped.invalid',
} as const satisfies Record<SkippedPlan, WebMessageId>;

export function skippedPlanText(plan: SkippedPlan): string {
  return webText(SKIPPED_PLANS[plan]);
}

/** Why a raw probe request got no answer. */
export function probeFailureText(failure: ProbeFailure): string {
  if (failure.code === 'provider-timeout') return webText('test-pane.probe-failure.timeout', { ms: String(failure.timeoutMs) });
  const reason = failure.transportCode ?? failure.transportMessage;
  return reason === undefined ? webText('test-pane.probe-failure.no-answer-no-reason') : webText('test-pane.probe-failure.no-answer', { reason });
}

/** The link between the two cards of a shadowing warning, as the card at `role`'s end shows it. */
export function shadowLinkText(link: { role: 'cause' | 'loser'; other: number }): string {
  return webText(link.role === 'cause' ? 'editor.shadow-link.cause' : 'editor.shadow-link.loser', { rule: ruleName(link.other) });
}

/** The history view's and the drift banner's fixed words, read in the active locale (getters). */
export const HISTORY_TEXT = {
  get tab() {
    return historyTabText();
  },
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
  /** After a restore refused because the bucket changed again. */
  get restoreConflict() {
    return webText('history.restore-conflict');
  },
};

/** What a configuration holds, as the messages' `{x, select, none {…} other {{count, plural, …}}}` name it. */
function holds(config: CorsConfig | null): { holds: string; count: number } {
  return config ? { holds: 'rules', count: config.rules.length } : { holds: 'none', count: 0 };
}

/** The restore confirmation's sentence. */
export function restoreConfirmText(bucket: string, target: CorsConfig | null): string {
  const { holds: held, count } = holds(target);
  return webText('history.restore-confirm', { bucket, target: held, count });
}

/** One entry's headline: what was done, from where, when, by which console and session. */
export function historyEntryText(entry: HistoryEntry): string {
  return webText('history.entry', {
    action: entry.action satisfies HistoryAction,
    source: selectKey((entry.source satisfies WriteSource | undefined) ?? 'none'),
    when: formatDateTime(entry.at),
    console: entry.console.id,
    host: entry.console.host,
    pid: String(entry.console.pid),
    hasSession: entry.session ? 'yes' : 'no',
    session: entry.session ?? '',
  });
}

/** How the write ended, in a sentence. */
export function historyOutcomeText(outcome: HistoryOutcome): string {
  switch (outcome.kind) {
    case 'written': {
      const { holds: stored, count } = holds(outcome.stored.config);
      return webText('history.outcome.written', { stored, count });
    }
    case 'failed': {
      const { holds: stored, count } = outcome.stored ? holds(outcome.stored.config) : { holds: 'unknown', count: 0 };
      return webText('history.outcome.failed', { code: outcome.code, stored, count });
    }
    case 'interrupted':
      return webText('history.outcome.interrupted');
  }
}

/** The drift banner's sentence: what the history ends with, and what the provider holds instead. */
export function driftText({ lastKnown, current }: Drift): string {
  const now = holds(current.config);
  const before = holds(lastKnown.config);
  return webText('history.drift', { current: now.holds, currentCount: now.count, lastKnown: before.holds, lastKnownCount: before.count });
}

/** The Test tab's fixed words (its copy actions and request form, issue 16, item 5), read in the active locale (getters). */
export const TEST_TAB_TEXT = {
  /** Above a copied request whose URL is presigned: the signature in it is valid for a short while only. */
  get presignedUrlExpires() {
    return webText('test-pane.presigned-url-expires');
  },
  /** Beside a copy button once the text is on the clipboard. */
  get copied() {
    return webText('test-pane.copied');
  },
  /** When the browser refuses the clipboard: the text is shown, selected, for copying by hand. */
  get clipboardRefused() {
    return webText('test-pane.clipboard-refused');
  },
  /** Under the file field of the upload tests: a reload cannot give a chosen file back. */
  get fileNotKept() {
    return webText('test-pane.file-not-kept');
  },
  /** In the dialog confirming a write to an object the user named. */
  get confirmWriteNote() {
    return webText('test-pane.confirm-write.note');
  },
};

/** Above a copied fetch(): the browser sets Origin itself, from the page the code runs on. */
export function fetchFromPageText(origin: string): string {
  return webText('test-pane.fetch-from-page', { origin });
}

/** Under the Body field: what an empty body sends. */
export function emptyBodyText(body: string): string {
  return webText('test-pane.empty-body', { bytes: String(new TextEncoder().encode(body).length), body: JSON.stringify(body) });
}

/** After "Load into form" on a saved test. */
export function loadedIntoFormText(name: string): string {
  return webText('test-pane.loaded-into-form', { name });
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

/** Product names, the same in every language. */
const ENGINE_TEXT: Record<BrowserEngine, string> = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

export function engineText(engine: BrowserEngine): string {
  return ENGINE_TEXT[engine];
}

export function engineMissingText(missing: readonly string[]): string {
  return webText('engines.missing', { missing: missing.join(', ') });
}

const RUN_ENDS = {
  finished: 'engines.run.finished',
  cancelled: 'engines.run.cancelled',
  'timed-out': 'engines.run.timed-out',
  failed: 'engines.run.failed',
} as const satisfies Record<Exclude<EngineRun['state'], 'running'>, WebMessageId>;

/** "n of m" while a run goes on, and how it ended. */
export function engineRunProgressText({ state, done, total }: Pick<EngineRun, 'state' | 'done' | 'total'>): string {
  if (state === 'running') return webText('engines.run.running', { done: String(done), total: String(total) });
  return webText(RUN_ENDS[state], { done });
}

/** Why an engine gave no results in a run. */
export function engineStateText(state: EngineRunEngine): string | null {
  switch (state.state) {
    case 'starting':
      return webText('engines.state.starting');
    case 'ran':
      return null;
    case 'not-installed':
      return webText('engines.state.not-installed', { command: state.installCommand });
    case 'launch-failed':
      return webText('engines.state.launch-failed', { error: state.error });
    case 'cancelled':
      return webText('engines.state.cancelled');
  }
}

/** An engine's verdict beside another one: the engine's own prediction, or the user's browser. */
export function engineAgreementText(compared: 'prediction' | 'your-browser', engineLevel: VerdictLevel, other: VerdictLevel | undefined): string {
  if (other === undefined) return webText(compared === 'prediction' ? 'engines.agreement.no-prediction' : 'engines.agreement.browser-not-run');
  if (other === engineLevel) return webText('engines.agreement.agrees', { compared });
  return webText('engines.agreement.differs', { compared, level: verdictLevelText(other).toLowerCase() });
}

/** A request an engine could not make: not a verdict. */
export function engineRequestFailedText(error: string): string {
  return webText('engines.request-failed', { error });
}

/** Chromium's own name for its refusal, quoted before the console's explanation. */
export function chromiumReasonText({ corsError, failedParameter }: { corsError: string; failedParameter: string }): string {
  return failedParameter ? webText('engines.chromium-reason-parameter', { corsError, parameter: failedParameter }) : webText('engines.chromium-reason', { corsError });
}
