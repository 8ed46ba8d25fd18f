// The catalogue of the wizards: explanations beside a proposal, the changes a strictest fix makes,
// and the wizards' refusals (messages `wizard.*` of locales/*.json).
import type {
  Explanation,
  ExplanationCode,
  ExplanationParamsByCode,
  FixBlock,
  FixChange,
  MethodPurpose,
  SharedCell,
  WizardError,
  WizardErrorCode,
  WizardErrorParamsByCode,
} from '../wizard/explain';
import type { SampleChange } from '../wizard/probe';
import { blockText, breakageText, requestReasonText, requestReasonsText, verdictLevelText } from './decision-messages';
import { text } from './catalogue';
import { issueText } from './issue-messages';
import { listText, ruleLabel, ruleName } from './words';

const METHOD_PURPOSES: Record<MethodPurpose, () => string> = {
  download: () => text('wizard.method.download'),
  head: () => text('wizard.method.head'),
  upload: () => text('wizard.method.upload'),
  'form-upload': () => text('wizard.method.form-upload'),
  'multipart-part': () => text('wizard.method.multipart-part'),
  'multipart-start-end': () => text('wizard.method.multipart-start-end'),
  delete: () => text('wizard.method.delete'),
};

/** `GET from https://a.example, PUT from … and 2 more`. */
function cellsText(cells: SharedCell[]): string {
  const shown = listText(cells.slice(0, 3).map((c) => text('wizard.cell', { method: c.method, origin: c.origin })));
  return cells.length > 3 ? text('wizard.cells-and-more', { cells: shown, more: cells.length - 3 }) : shown;
}

/** `PUT from https://a.example with content-type (with credentials)`, then `: etag` when exposed headers change. */
export function sampleChangeText(change: SampleChange): string {
  const { method, origin, headers, credentials } = change.request;
  const request = text('wizard.sample', {
    method,
    origin,
    withHeaders: headers.length ? 'yes' : 'no',
    headers: listText(headers),
    credentials: credentials ? 'yes' : 'no',
  });
  return change.headers ? text('wizard.sample-exposed', { request, headers: listText(change.headers) }) : request;
}

/**
 * Why a request still fails, led by its verdict level as the test pane names it: blocked, or
 * allowed but broken for the app (a header it must read is hidden), then what the app sees fail.
 */
export function fixBlockText(block: FixBlock): string {
  if (block.kind === 'blocked') {
    const level = verdictLevelText('blocked');
    return block.blockedBy ? text('wizard.fix-block', { level, reason: blockText(block.blockedBy) }) : text('wizard.fix-block.browser-blocks', { level });
  }
  const breakage = breakageText({ code: 'header-unreadable', params: { headers: block.headers.map((h) => h.toLowerCase()) } });
  return text('wizard.fix-block', { level: verdictLevelText('broken'), reason: breakage });
}

/** What a strictest fix changes, as one sentence. */
export function fixChangeText(change: FixChange): string {
  if (change.kind === 'extend-rule') {
    const additions = listText(change.added.map((a) => text('wizard.addition', { field: a.field, value: a.value })));
    return text('wizard.change.extend-rule', { additions, rule: ruleName(change.rule, change.ruleId) });
  }
  const values = { method: change.method, origin: change.origin, position: change.position + 1 };
  return change.headers.length
    ? text('wizard.change.insert-rule-headers', { ...values, headers: listText(change.headers) })
    : text('wizard.change.insert-rule', values);
}

/** Why the wizard chose a fix over the best other change. */
function chosenText(p: ExplanationParamsByCode['fix.chosen']): string {
  if (!p.alternative) return text('wizard.fix.chosen', { extra: p.extra });
  const { change, extra } = p.alternative;
  const values = {
    extra: p.extra,
    theirs: extra,
    how: change.kind === 'insert-rule' ? 'insert' : 'extend',
    rule: change.kind === 'insert-rule' ? '' : ruleName(change.rule, change.ruleId),
  };
  return extra === p.extra ? text('wizard.fix.chosen-shorter', values) : text('wizard.fix.chosen-over', values);
}

const EXPLANATIONS: { [C in ExplanationCode]: (p: ExplanationParamsByCode[C]) => string } = {
  'loosest.id': (p) => text('wizard.loosest.id', { id: p.id }),
  'loosest.no-id': (p) => text('wizard.loosest.no-id', { provider: p.provider }),
  'loosest.any-origin': () => text('wizard.loosest.any-origin'),
  'loosest.all-methods': (p) => text('wizard.loosest.all-methods', { methods: listText(p.methods) }),
  'loosest.any-header': (p) => text('wizard.loosest.any-header', { provider: p.provider }),
  'loosest.expose': (p) => {
    switch (p.purpose) {
      case 'etag':
        return text('wizard.loosest.expose.etag');
      case 'version-id':
        return text('wizard.loosest.expose.version-id', { header: p.header });
      case 'extended-request-id':
        return text('wizard.loosest.expose.extended-request-id', { header: p.header });
      case 'request-id':
        return text('wizard.loosest.expose.request-id', { header: p.header, provider: p.provider });
    }
  },
  'loosest.no-expose-wildcard': (p) =>
    p.rejects ? text('wizard.loosest.no-expose-wildcard.rejected', { provider: p.provider }) : text('wizard.loosest.no-expose-wildcard', { provider: p.provider }),
  'loosest.max-age': (p) => text('wizard.loosest.max-age', { seconds: p.seconds }),
  'strictest.id': (p) => text('wizard.strictest.id', { id: p.id }),
  'strictest.any-origin': () => text('wizard.strictest.any-origin'),
  'strictest.origin': (p) => {
    const values = { origin: p.origin };
    if (!p.credentials) return p.pattern ? text('wizard.strictest.origin-pattern', values) : text('wizard.strictest.origin', values);
    const credentials = { ...values, provider: p.credentials.provider, adds: p.credentials.addsCredentials ? 'yes' : 'no' };
    return p.pattern ? text('wizard.strictest.origin-pattern-credentials', credentials) : text('wizard.strictest.origin-credentials', credentials);
  },
  'strictest.method': (p) => METHOD_PURPOSES[p.purpose](),
  'strictest.header-family': (p) => text('wizard.strictest.header-family', { header: p.header }),
  'strictest.header-any-value': (p) => text('wizard.strictest.header-any-value', { header: p.header }),
  'strictest.header-forbidden': (p) => text('wizard.strictest.header-forbidden', { header: p.header }),
  'strictest.header-refused': (p) => text('wizard.strictest.header-refused', { header: p.header, reasons: requestReasonsText(p.reasons) }),
  'strictest.header-safelisted': (p) =>
    p.value === undefined
      ? text('wizard.strictest.header-safelisted', { header: p.header })
      : text('wizard.strictest.header-value-safelisted', { header: p.header, value: p.value }),
  'strictest.header-unsafe': (p) => text('wizard.strictest.header-unsafe', { header: p.header, reason: requestReasonText(p.reason) }),
  'strictest.no-headers': () => text('wizard.strictest.no-headers'),
  'strictest.expose-multipart': (p) => text('wizard.strictest.expose-multipart', { header: p.header }),
  'strictest.expose-read': (p) => text('wizard.strictest.expose-read', { header: p.header }),
  'strictest.expose-safelisted': (p) => text('wizard.strictest.expose-safelisted', { header: p.header }),
  'strictest.expose-never': (p) => text('wizard.strictest.expose-never', { header: p.header }),
  'strictest.max-age-default': (p) => text('wizard.strictest.max-age-default', { seconds: p.seconds }),
  'strictest.max-age-capped': (p) => text('wizard.strictest.max-age-capped', { provider: p.provider, max: p.max, asked: p.asked }),
  'strictest.max-age-asked': (p) =>
    p.chromiumCap === undefined
      ? text('wizard.strictest.max-age-asked', { seconds: p.seconds })
      : text('wizard.strictest.max-age-asked-chromium-cap', { seconds: p.seconds, chromiumCap: p.chromiumCap }),
  'strictest.no-max-age': () => text('wizard.strictest.no-max-age'),
  'strictest.merged-by-origin': (p) => text('wizard.strictest.merged-by-origin', { provider: p.provider }),
  'strictest.merged-by-limit': (p) =>
    p.max === null
      ? text('wizard.strictest.merged-by-limit-unlimited', { target: p.target, provider: p.provider })
      : text('wizard.strictest.merged-by-limit', { target: p.target, provider: p.provider, max: p.max }),
  'strictest.several-rules': (p) => text('wizard.strictest.several-rules', { count: p.count }),
  'placement.last': (p) => text('wizard.placement.last', { count: p.count }),
  'placement.above': (p) =>
    text('wizard.placement.above', { count: p.count, position: p.position + 1, rule: ruleName(p.blocking, p.blockingId), cells: cellsText(p.cells) }),
  'placement.already-served': (p) => text('wizard.placement.already-served', { rule: ruleLabel(p.rule, p.ruleId), cells: cellsText(p.cells) }),
  'placement.gives-way': (p) =>
    text('wizard.placement.gives-way', { count: p.count, rule: ruleLabel(p.rule, p.ruleId), position: p.position + 1, cells: cellsText(p.cells) }),
  'placement.replace-draft': (p) => text('wizard.placement.replace-draft', { count: p.count }),
  'placement.replace-loosest': (p) => text('wizard.placement.replace-loosest', { number: p.rule + 1 }),
  'fix.request': (p) => fixBlockText(p.block),
  'fix.origin-added': (p) => text('wizard.fix.origin-added', { origin: p.origin, rule: ruleName(p.rule, p.ruleId) }),
  'fix.method-added': (p) => text('wizard.fix.method-added', { method: p.method }),
  'fix.header-added': (p) => text('wizard.fix.header-added', { header: p.header, reason: requestReasonText(p.reason) }),
  'fix.expose-added': (p) => text('wizard.fix.expose-added', { header: p.header }),
  'fix.credentials': (p) => text('wizard.fix.credentials', { origin: p.origin, provider: p.provider }),
  'fix.only-origin': (p) => text('wizard.fix.only-origin', { origin: p.origin }),
  'fix.only-method': (p) => text('wizard.fix.only-method', { method: p.method }),
  'fix.header-kept': (p) => text('wizard.fix.header-kept', { header: p.header, rule: ruleName(p.rule, p.ruleId), provider: p.provider }),
  'fix.expose-kept': (p) => text('wizard.fix.expose-kept', { header: p.header, rule: ruleName(p.rule, p.ruleId), method: p.method, origin: p.origin }),
  'fix.max-age-kept': (p) => text('wizard.fix.max-age-kept', { seconds: p.seconds, rule: ruleName(p.rule, p.ruleId) }),
  'fix.rule-dead': (p) => text('wizard.fix.rule-dead', { rule: ruleLabel(p.rule, p.ruleId) }),
  'fix.chosen': chosenText,
};

/** Why the wizard chose something, as one sentence. */
export function explanationText(explanation: Explanation): string {
  return (EXPLANATIONS[explanation.code] as (p: Explanation['params']) => string)(explanation.params);
}

const ERRORS: { [C in WizardErrorCode]: (p: WizardErrorParamsByCode[C]) => string } = {
  'app.invalid': (p) => p.issues.map((issue) => issueText(issue).message).join(text('words.sentence-separator')),
  'placement.too-many-rules': (p) => text('wizard.error.too-many-rules', { provider: p.provider, max: p.max, count: p.count, adding: p.adding }),
  'fix.already-allowed': (p) =>
    p.readable.length
      ? text('wizard.error.already-allowed-readable', { method: p.method, origin: p.origin, headers: listText(p.readable) })
      : text('wizard.error.already-allowed', { method: p.method, origin: p.origin }),
  'fix.refused-by-browser': (p) => text('wizard.error.refused-by-browser', { reasons: requestReasonsText(p.reasons) }),
  'fix.method-not-allowable': (p) =>
    p.lowerCase ? text('wizard.error.method-not-allowable-lower-case', { method: p.method }) : text('wizard.error.method-not-allowable', { method: p.method }),
  'fix.invalid-origin': (p) => text('wizard.error.invalid-origin', { origin: JSON.stringify(p.origin), issue: issueText(p.issue).message }),
  'fix.header-never-readable': (p) => text('wizard.error.header-never-readable', { headers: listText(p.headers) }),
  'fix.not-possible': (p) => {
    if (p.refusal) return text('wizard.error.not-possible', { provider: p.provider, reason: wizardErrorText(p.refusal) });
    if (p.block) return text('wizard.error.not-possible', { provider: p.provider, reason: fixBlockText(p.block) });
    return text('wizard.error.not-possible-any-change', { provider: p.provider });
  },
};

/** A refusal of the wizard, as one or more sentences. */
export function wizardErrorText(error: WizardError): string {
  return (ERRORS[error.code] as (p: WizardError['params']) => string)(error.params);
}
