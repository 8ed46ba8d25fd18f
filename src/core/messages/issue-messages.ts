// The catalogue of issue codes: one whole-sentence message per code, naming the issue's params
// (messages `issue.*` of locales/*.json), and the texts of shadowing fixes and refusals. Nothing
// else writes issue prose.
import type { BodyMisfit, BodyRule } from '../body-misfit';
import type { ConsoleReason, FieldOwner, Issue, IssueCode, IssueParamsByCode, RuleFix, ShadowDecision, ShadowHarm } from '../issues';
import { AUDIT_CHECK_CODES } from '../audit/checks';
import { METHODS } from '../rule';
import { blockText } from './decision-messages';
import { text, type MessageValues } from './catalogue';
import { andList, clausesText, describeFound, durationText, groupsText, listText, ruleLabel, ruleName } from './words';

/** What an issue says, and what to do about it. */
export interface IssueText {
  /** One sentence that names the offending value. */
  message: string;
  hint?: string;
}

type Templates = { [C in IssueCode]: (params: IssueParamsByCode[C]) => IssueText };

const TEMPLATES: Templates = {
  'value.invalid-character': (p) => ({
    message: text('issue.value.invalid-character', { field: p.field, value: JSON.stringify(p.value) }),
    hint: text('issue.value.invalid-character.hint'),
  }),
  'value.control-character': (p) => ({
    message: text('issue.value.control-character', { field: p.field, value: JSON.stringify(p.value) }),
    hint: text('issue.value.control-character.hint'),
  }),
  'value.not-stored-verbatim': (p) => ({
    message: text('issue.value.not-stored-verbatim', { value: JSON.stringify(p.value), provider: p.provider }),
    hint: text('issue.value.not-stored-verbatim.hint'),
  }),
  'origin.empty': () => ({ message: text('issue.origin.empty'), hint: text('issue.remove-empty-line') }),
  'origin.whitespace': (p) => ({ message: text('issue.origin.whitespace', { value: p.value }), hint: text('issue.use-suggestion', { suggestion: p.suggestion }) }),
  'origin.multiple-wildcards': (p) => ({ message: text('issue.origin.multiple-wildcards', { value: p.value }), hint: text('issue.origin.multiple-wildcards.hint') }),
  'origin.missing-scheme': (p) => ({ message: text('issue.origin.missing-scheme', { suggestion: p.suggestion }), hint: text('issue.origin.missing-scheme.hint') }),
  'origin.trailing-slash': (p) => ({
    message: text('issue.origin.trailing-slash', { value: p.value }),
    hint: text('issue.origin.trailing-slash.hint', { suggestion: p.suggestion }),
  }),
  'origin.has-path': (p) => ({ message: text('issue.origin.has-path', { value: p.value, urlPath: p.urlPath }), hint: text('issue.use-suggestion', { suggestion: p.suggestion }) }),
  'origin.port-wildcard': (p) => ({ message: text('issue.origin.port-wildcard', { provider: p.provider, value: p.value }), hint: text('issue.origin.port-wildcard.hint') }),
  'origin.default-port': (p) => ({ message: text('issue.origin.default-port', { value: p.value }), hint: text('issue.use-suggestion', { suggestion: p.suggestion }) }),
  'origin.upper-case': (p) => ({ message: text('issue.origin.upper-case', { value: p.value }), hint: text('issue.use-suggestion', { suggestion: p.suggestion }) }),
  'origin.duplicate': (p) => ({ message: text('issue.origin.duplicate', { value: p.value, rule: ruleLabel(p.rule) }) }),
  'origin.star-with-others': (p) => ({ message: text('issue.origin.star-with-others', { rule: ruleLabel(p.rule) }), hint: text('issue.origin.star-with-others.hint') }),
  'origin.star-with-credentials': (p) => ({
    message: text('issue.origin.star-with-credentials', { rule: ruleLabel(p.rule) }),
    hint: text('issue.origin.star-with-credentials.hint'),
  }),
  'header.empty': (p) => ({ message: p.field === 'allowedHeader' ? text('issue.header.empty.allowed') : text('issue.header.empty.expose'), hint: text('issue.remove-empty-line') }),
  'header.multiple-wildcards': (p) => ({ message: text('issue.header.multiple-wildcards', { value: p.value }), hint: text('issue.header.multiple-wildcards.hint') }),
  'header.invalid-name': (p) => ({ message: text('issue.header.invalid-name', { field: p.field, value: p.value }) }),
  'header.duplicate': (p) => ({ message: text('issue.header.duplicate', { value: p.value, rule: ruleLabel(p.rule) }) }),
  'expose.wildcard': (p) => ({ message: text('issue.expose.wildcard', { value: p.value }), hint: text('issue.expose.wildcard.hint') }),
  'expose.forbidden-character': (p) => ({ message: text('issue.expose.forbidden-character', { provider: p.provider, characters: p.characters.join(' '), value: p.value }) }),
  'expose.duplicate': (p) => ({ message: text('issue.expose.duplicate', { value: p.value, rule: ruleLabel(p.rule) }) }),
  'method.unsupported': (p) => ({
    // S3's own wording, so people can search for it.
    message: text('issue.method.unsupported', { value: p.value }),
    hint: text('issue.method.unsupported.hint', { methods: listText(METHODS) }),
  }),
  'method.duplicate': (p) => ({ message: text('issue.method.duplicate', { value: p.value, rule: ruleLabel(p.rule) }) }),
  'max-age.invalid': (p) =>
    'fieldName' in p
      ? {
          message: text('issue.max-age.invalid-field', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName, found: describeFound(p.found) }),
          hint: text('issue.max-age.invalid-field.hint'),
        }
      : { message: text('issue.max-age.invalid', { value: p.value }) },
  'max-age.too-large': (p) => ({ message: text('issue.max-age.too-large', { provider: p.provider, max: p.max, value: p.value }) }),
  'max-age.above-browser-cap': (p) => ({
    message: text('issue.max-age.above-browser-cap', { value: p.value, chromium: p.chromium, firefox: p.firefox }),
    hint: text('issue.max-age.above-browser-cap.hint', { chromium: p.chromium }),
  }),
  'rule.id-too-long': (p) => ({ message: text('issue.rule.id-too-long', { rule: ruleLabel(p.rule), length: p.length, provider: p.provider, max: p.max }) }),
  'rule.id-dropped': (p) => ({ message: text('issue.rule.id-dropped', { provider: p.provider, id: p.id }) }),
  'rule.no-origins': (p) => ({ message: text('issue.rule.no-origins', { rule: ruleLabel(p.rule) }) }),
  'rule.no-methods': (p) => ({ message: text('issue.rule.no-methods', { rule: ruleLabel(p.rule) }) }),
  'rule.etag-not-exposed': (p) => ({
    message: text('issue.rule.etag-not-exposed', { rule: ruleLabel(p.rule), methods: andList(p.methods) }),
    hint: text('issue.rule.etag-not-exposed.hint'),
  }),
  'rule.never-matches': (p) => ({
    message:
      p.duplicateOf !== undefined
        ? text('issue.rule.never-matches.duplicate', { rule: ruleLabel(p.rule, p.ruleId), first: p.duplicateOf + 1 })
        : text('issue.rule.never-matches.answered', { rule: ruleLabel(p.rule, p.ruleId), rules: listText(p.answeredBy.map((r) => ruleName(r))) }),
    hint: p.decision
      ? DECISIONS[p.decision]()
      : p.duplicateOf !== undefined
        ? text('issue.rule.never-matches.remove-duplicate')
        : text('issue.rule.never-matches.removing-changes-nothing'),
  }),
  'rule.missing-origins': (p) => ({
    message: text('issue.rule.missing-origins', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName }),
    hint: text('issue.rule.missing-origins.hint'),
  }),
  'rule.missing-methods': (p) => ({
    message: text('issue.rule.missing-methods', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName }),
    hint: text('issue.rule.missing-methods.hint', { methods: listText(p.methods) }),
  }),
  'rule.not-an-object': (p) => ({ message: text('issue.rule.not-an-object', { rule: ruleLabel(p.rule), found: describeFound(p.found) }) }),
  'config.too-many-rules': (p) => ({
    message: p.awsWording ? text('issue.config.too-many-rules.aws', { max: p.max }) : text('issue.config.too-many-rules', { provider: p.provider, max: p.max, count: p.count }),
    hint: text('issue.config.too-many-rules.hint'),
  }),
  'config.too-large': (p) => ({
    message: text('issue.config.too-large', { bytes: p.bytes, provider: p.provider, max: p.max }),
    hint: text('issue.config.too-large.hint'),
  }),
  'config.analysis-skipped': (p) => ({
    message: text('issue.config.analysis-skipped', { max: p.max, count: p.count }),
    hint: text('issue.config.analysis-skipped.hint', { max: p.max }),
  }),
  'config.no-rules': () => ({ message: text('issue.config.no-rules'), hint: text('issue.config.no-rules.hint') }),
  'config.response-vary-unsupported': (p) => ({ message: text('issue.config.response-vary-unsupported', { provider: p.provider }) }),
  'provider.no-bucket-cors': (p) => ({ message: text('issue.provider.no-bucket-cors', { provider: p.provider }), hint: text('issue.provider.no-bucket-cors.hint') }),
  'document.format': (p) => ({ message: text('issue.document.format', { format: JSON.stringify(p.format) }) }),
  'document.unreadable': (p) => ({ message: text('issue.document.unreadable', { detail: p.detail }) }),
  'document.syntax': (p) => {
    switch (p.problem) {
      case 'json':
        return {
          message:
            p.line === undefined
              ? text('issue.document.syntax.json', { detail: p.detail })
              : text('issue.document.syntax.json-at', { line: p.line, column: p.column ?? 0, detail: p.detail }),
        };
      case 'xml':
        return {
          message:
            p.column === undefined
              ? text('issue.document.syntax.xml-at-line', { line: p.line, detail: p.detail })
              : text('issue.document.syntax.xml-at', { line: p.line, column: p.column, detail: p.detail }),
        };
      case 'xml-unreadable':
        return { message: text('issue.document.syntax.xml-unreadable', { detail: p.detail }) };
      case 'xml-no-root':
        return { message: text('issue.document.syntax.xml-no-root') };
      case 'yaml':
        return {
          message:
            p.line === undefined
              ? text('issue.document.syntax.yaml', { detail: p.detail })
              : text('issue.document.syntax.yaml-at', { line: p.line, column: p.column ?? 0, detail: p.detail }),
        };
      case 'hcl':
        return { message: text('issue.document.syntax.hcl'), hint: text('issue.document.syntax.hcl.hint') };
      case 'xml-bad-character-reference':
        return {
          message: text('issue.document.syntax.xml-bad-character-reference', { reference: p.reference }),
          hint: text('issue.document.syntax.xml-bad-character-reference.hint'),
        };
      case 'xml-unknown-entity':
        return { message: text('issue.document.syntax.xml-unknown-entity', { reference: p.reference }), hint: text('issue.document.syntax.xml-unknown-entity.hint') };
    }
  },
  'document.root': (p) => {
    switch (p.expected) {
      case 'aws-json':
        return { message: text('issue.document.root.aws-json'), hint: text('issue.document.root.aws-json.hint') };
      case 'gcs-json':
        return { message: text('issue.document.root.gcs-json'), hint: text('issue.document.root.gcs-json.hint') };
      case 'r2-json':
        return { message: text('issue.document.root.r2-json'), hint: text('issue.document.root.r2-json.hint') };
      case 'cloudformation':
        return { message: text('issue.document.root.cloudformation') };
      case 'terraform':
        return { message: text('issue.document.root.terraform') };
      case 'azure-json':
        return { message: text('issue.document.root.azure-json') };
      case 'xml':
        return { message: text('issue.document.root.xml', { root: p.root, provider: p.provider }) };
    }
  },
  'document.unknown-field': (p) => {
    if (!p.element) return { message: text('issue.document.unknown-field', { ...ownerValues(p), name: JSON.stringify(p.name) }) };
    const values = { ...ownerValues(p), name: p.name, provider: p.provider ?? '' };
    if (p.reason === 'no-response-vary') return { message: text('issue.document.unknown-element.no-response-vary', values) };
    if (p.reason === 'no-rule-ids') return { message: text('issue.document.unknown-element.no-rule-ids', values) };
    return { message: text('issue.document.unknown-element', values) };
  },
  'document.too-large': (p) => {
    const sizes = { size: Math.ceil(p.size / 1024), max: Math.floor(p.max / 1024) };
    return p.parser === 'hcl' ? { message: text('issue.document.too-large.hcl', sizes), hint: text('issue.document.too-large.hcl.hint') } : { message: text('issue.document.too-large.policy', sizes) };
  },
  'document.several-configurations': (p) => ({ message: text('issue.document.several-configurations', { count: p.count, used: p.used }) }),
  'document.stray-text': (p) => ({ message: text('issue.document.stray-text', { text: JSON.stringify(p.text), element: p.element }) }),
  'document.no-rules': (p) =>
    p.list === undefined
      ? { message: text('issue.document.no-rules.xml'), hint: text('issue.document.no-rules.xml.hint') }
      : { message: text('issue.document.no-rules.json', { list: p.list }), hint: text('issue.document.no-rules.json.hint') },
  'field.not-a-list': (p) =>
    'list' in p
      ? { message: text('issue.field.not-a-list.rules', { list: p.list, found: describeFound(p.found) }) }
      : {
          message: text('issue.field.not-a-list', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName, found: describeFound(p.found) }),
          hint: text('issue.field.not-a-list.hint', { fieldName: p.fieldName }),
        },
  'field.not-a-string': (p) => ({
    message:
      p.item === undefined
        ? text('issue.field.not-a-string', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName, found: describeFound(p.found) })
        : text('issue.field.not-a-string.item', { rule: ruleLabel(p.rule, p.ruleId), fieldName: p.fieldName, item: p.item + 1, found: describeFound(p.found) }),
  }),
  'field.not-an-object': (p) => ({ message: text('issue.field.not-an-object', { rule: ruleLabel(p.rule), found: describeFound(p.found) }) }),
  'field.duplicate': (p) => ({ message: text('issue.field.duplicate', { ...ownerValues(p), element: p.element }) }),
  'response-vary.invalid': (p) => ({ message: text('issue.response-vary.invalid', { found: describeFound(p.found) }) }),
  'conversion.response-vary-lost': (p) => ({
    message: text('issue.conversion.response-vary-lost', { format: p.formatLabel }),
    hint: text('issue.conversion.response-vary-lost.hint'),
  }),
  'conversion.rule-id-lost': (p) => ({ message: text('issue.conversion.rule-id-lost', { rule: ruleLabel(p.rule, p.ruleId), format: p.formatLabel }) }),
  'conversion.headers-merged': (p) => ({ message: mergedHeadersText(p) }),
  'conversion.order-not-kept': (p) => ({ message: text('issue.conversion.order-not-kept', { format: p.formatLabel }), hint: text('issue.conversion.order-not-kept.hint') }),
  'conversion.order-changes-outcome': (p) => ({
    message: text('issue.conversion.order-changes-outcome', {
      format: p.formatLabel,
      first: ruleLabel(p.first),
      second: ruleLabel(p.second),
      origins: p.origins.join(', '),
      methods: p.methods.join(', '),
    }),
  }),
  'app.no-origins': () => ({ message: text('issue.app.no-origins') }),
  'app.no-operations': () => ({ message: text('issue.app.no-operations') }),
  'app.unknown-operation': (p) => ({ message: text('issue.app.unknown-operation', { value: JSON.stringify(p.value) }) }),
  'app.invalid-max-age': (p) => ({ message: text('issue.max-age.invalid', { value: p.value }) }),
  'app.star-with-credentials': () => ({ message: text('issue.app.star-with-credentials'), hint: text('issue.app.star-with-credentials.hint') }),
  'wizard.loosest-diagnostic': () => ({ message: text('issue.wizard.loosest-diagnostic'), hint: text('issue.wizard.loosest-diagnostic.hint') }),
  'strictest.header-never-readable': (p) => ({ message: text('issue.strictest.header-never-readable', { header: p.header }) }),
  'strictest.request-still-blocked': (p) => {
    const request = { method: p.request.method, origin: p.request.origin, operation: operationText(p.request.operation) };
    return {
      message: p.blockedBy
        ? text('issue.strictest.request-still-blocked', { ...request, reason: blockText(p.blockedBy) })
        : text('issue.strictest.request-still-refused', request),
    };
  },
  'strictest.header-unreadable': (p) => ({
    message: text('issue.strictest.header-unreadable', {
      method: p.request.method,
      origin: p.request.origin,
      operation: operationText(p.request.operation),
      headers: listText(p.headers),
    }),
  }),
  'body.invalid': (p) => ({ message: p.field ? text('issue.body.invalid-field', { field: p.field, misfit: misfitText(p.misfit) }) : misfitText(p.misfit) }),
  'policy.invalid': (p) => ({
    message: p.field ? text('issue.policy.invalid-field', { field: p.field, misfit: misfitText(p.misfit) }) : text('issue.policy.invalid', { misfit: misfitText(p.misfit) }),
    ...(p.field === 'checks' && p.misfit.kind === 'unknown-fields' ? { hint: text('issue.policy.known-checks', { checks: listText(AUDIT_CHECK_CODES) }) } : {}),
  }),
  'method.not-upper-case': (p) => ({
    message: text('issue.method.not-upper-case', { value: JSON.stringify(p.value), method: p.method }),
    hint: text('issue.method.not-upper-case.hint', { method: p.method }),
  }),
  'method.stored-never-matches': (p) => ({
    message: text('issue.method.stored-never-matches', { quoted: JSON.stringify(p.value), value: p.value }),
    hint: text('issue.method.stored-never-matches.hint', { value: p.value }),
  }),
  'max-age.above-webkit-cap': (p) => ({
    message: text('issue.max-age.above-webkit-cap', { value: p.value, cap: p.cap, duration: durationText(p.cap) }),
    hint: text('issue.max-age.above-webkit-cap.hint', { duration: durationText(p.cap) }),
  }),
  'rule.shadowed': (p) => {
    const values = {
      cause: ruleLabel(p.cause, p.causeId),
      rule: ruleName(p.rule, p.ruleId),
      methods: listText(p.methods),
      origins: listText(p.origins),
      harms: clausesText(p.harms.map((h) => harmText(h, p))),
    };
    return {
      message: p.neverReached ? text('issue.rule.shadowed.never-reached', { ...values, ruleLabel: ruleLabel(p.rule, p.ruleId) }) : text('issue.rule.shadowed', values),
      ...(p.decision ? { hint: DECISIONS[p.decision]() } : {}),
    };
  },
};

/** The values of a message that opens with the owner of a field (`{owner, select, …}`). */
function ownerValues(owner: FieldOwner): MessageValues {
  switch (owner.owner) {
    case 'document':
      return { owner: 'document' };
    case 'api-response':
      return { owner: 'api' };
    case 'rule':
      return { owner: 'inrule', rule: ruleLabel(owner.rule) };
    case 'rule-allowed':
      return { owner: 'allowed', rule: ruleLabel(owner.rule) };
  }
}

/** An operation of the app wizard's form, as the form names it. */
function operationText(operation: string): string {
  return text('words.operation', { operation: operation.replaceAll('-', '') });
}

function mergedHeadersText(p: IssueParamsByCode['conversion.headers-merged']): string {
  const values = { rule: ruleLabel(p.rule, p.ruleId), format: p.formatLabel };
  const exposed = { exposed: listText(p.becomeExposed), exposedCount: p.becomeExposed.length };
  const allowed = { allowed: listText(p.becomeAllowed), allowedCount: p.becomeAllowed.length };
  if (!p.becomeAllowed.length) return text('issue.conversion.headers-merged.exposed', { ...values, ...exposed });
  if (!p.becomeExposed.length) return text('issue.conversion.headers-merged.allowed', { ...values, ...allowed });
  return text('issue.conversion.headers-merged.both', { ...values, ...exposed, ...allowed });
}

const BODY_RULE_TEXT: Record<BodyRule, (limit?: number) => string> = {
  'key-too-long': (limit) => text('issue.body.key-too-long', { limit: limit ?? 1024 }),
  'key-control-character': () => text('issue.body.key-control-character'),
  'key-dot-segment': () => text('issue.body.key-dot-segment'),
  'too-many-headers': (limit) => (limit === undefined ? text('issue.body.too-many-headers-unlimited') : text('issue.body.too-many-headers', { limit })),
  'duplicate-test-ids': () => text('issue.body.duplicate-test-ids'),
  'header-name-characters': () => text('issue.body.header-name-characters'),
  'header-value-characters': () => text('issue.body.header-value-characters'),
  'key-not-unicode': () => text('issue.body.key-not-unicode'),
  'origin-serialized': () => text('issue.body.origin-serialized'),
};

/** What a size limit measures, as the `{of, select, …}` of the size messages names it. */
function measured(of: string): string {
  return of === 'string' ? 'string' : of === 'array' || of === 'set' ? 'list' : 'other';
}

function misfitText(misfit: BodyMisfit): string {
  switch (misfit.kind) {
    case 'wrong-type':
      return text('issue.body.wrong-type', { expected: misfit.expected });
    case 'too-small':
      return misfit.of === 'string' && misfit.minimum === 1
        ? text('issue.body.empty')
        : text('issue.body.too-small', { of: measured(misfit.of), minimum: misfit.minimum });
    case 'too-big':
      return text('issue.body.too-big', { of: measured(misfit.of), maximum: misfit.maximum });
    case 'bad-format':
      return misfit.format === 'regex' ? text('issue.body.bad-characters') : text('issue.body.bad-format', { format: misfit.format });
    case 'not-one-of':
      return text('issue.body.not-one-of', { values: listText(misfit.values) });
    case 'unknown-fields':
      return text('issue.body.unknown-fields', { count: misfit.fields.length, fields: listText(misfit.fields) });
    case 'no-shape-fits':
      return text('issue.body.no-shape-fits');
    case 'broken-rule':
      return BODY_RULE_TEXT[misfit.rule](misfit.limit);
    case 'other':
      return text('issue.body.other');
  }
}

function harmText(harm: ShadowHarm, p: IssueParamsByCode['rule.shadowed']): string {
  switch (harm) {
    case 'blocked':
      return text('issue.rule.shadowed.harm.blocked');
    case 'credentials-refused':
      return text('issue.rule.shadowed.harm.credentials-refused');
    case 'header-unreadable':
      return text('issue.rule.shadowed.harm.header-unreadable', { headers: listText(p.headers) });
    case 'shorter-max-age':
      return text('issue.rule.shadowed.harm.shorter-max-age', { causeSeconds: p.maxAge?.cause ?? 0, ruleSeconds: p.maxAge?.rule ?? 0 });
  }
}

const DECISIONS: Record<ShadowDecision, () => string> = {
  'choose-answering-rule': () => text('issue.decision.choose-answering-rule'),
  'remove-or-change': () => text('issue.decision.remove-or-change'),
};

/** A fix as a button and the line that says what it does. */
export interface RuleFixText {
  label: string;
  effect: string;
}

/** `AllowedMethods GET, PUT, AllowedHeaders x-a`: what a fix adds, field by field. */
function additions(parts: { methods?: string[]; allowedHeaders: string[]; exposeHeaders: string[]; maxAgeSeconds?: number }): string {
  const field = (name: string, values: readonly string[]) => text('words.field-values', { field: name, values: listText(values) });
  return groupsText([
    ...(parts.methods?.length ? [field('AllowedMethods', parts.methods)] : []),
    ...(parts.allowedHeaders.length ? [field('AllowedHeaders', parts.allowedHeaders)] : []),
    ...(parts.exposeHeaders.length ? [field('ExposeHeaders', parts.exposeHeaders)] : []),
    ...(parts.maxAgeSeconds !== undefined ? [field('MaxAgeSeconds', [String(parts.maxAgeSeconds)])] : []),
  ]);
}

/** What a shadowing fix does, in words. */
export function ruleFixText(fix: RuleFix): RuleFixText {
  switch (fix.kind) {
    case 'move-above':
      return {
        label: text('issue.fix.move-above', { rule: ruleName(fix.rule), above: ruleName(fix.above) }),
        effect: text('issue.fix.move-above.effect', { rule: ruleLabel(fix.rule) }),
      };
    case 'move-above-merged':
      return {
        label: text('issue.fix.move-above-merged', { rule: ruleName(fix.rule), above: ruleName(fix.above), additions: additions(fix) }),
        effect: text('issue.fix.move-above-merged.effect', { rule: ruleLabel(fix.rule), above: ruleName(fix.above) }),
      };
    case 'merge-rules':
      return {
        label:
          fix.methods.length + fix.allowedHeaders.length + fix.exposeHeaders.length
            ? text('issue.fix.merge-rules-adding', { rule: ruleName(fix.rule), into: ruleName(fix.into), additions: additions(fix) })
            : text('issue.fix.merge-rules', { rule: ruleName(fix.rule), into: ruleName(fix.into) }),
        effect: text('issue.fix.merge-rules.effect'),
      };
    case 'extend-rule':
      return {
        label: clausesText(fix.extensions.map((e) => text('issue.fix.extend-rule', { additions: additions(e), rule: ruleName(e.rule) }))),
        effect: text('issue.fix.extend-rule.effect', { rule: ruleLabel(fix.rule) }),
      };
    case 'narrow-rule':
      return { label: text('issue.fix.narrow-rule', { origins: listText(fix.origins), rule: ruleName(fix.rule) }), effect: text('issue.fix.narrow-rule.effect') };
    case 'delete-rule':
      return { label: text('issue.fix.delete-rule', { rule: ruleName(fix.rule) }), effect: text('issue.fix.delete-rule.effect') };
    case 'absorb-rule':
      return {
        label: text('issue.fix.absorb-rule', { additions: additions(fix), into: ruleName(fix.into), rule: ruleName(fix.rule) }),
        effect: text('issue.fix.absorb-rule.effect', { into: ruleLabel(fix.into), rule: ruleName(fix.rule) }),
      };
  }
}

/** The sentence and hint of an issue, from its code and params. */
export function issueText(issue: Issue): IssueText {
  const template = TEMPLATES[issue.code] as (params: Issue['params']) => IssueText;
  return template(issue.params);
}

/** The sentence alone. */
export function issueMessage(issue: Issue): string {
  return issueText(issue).message;
}

/** Who refuses an error, in words: one sentence, and the provider's own message as a quote when it has one. */
export interface RefusalText {
  text: string;
  quote?: string;
}

const CONSOLE_REFUSALS: Record<ConsoleReason, () => string> = {
  'never-matches': () => text('issue.refusal.console.never-matches'),
  'stored-differently': () => text('issue.refusal.console.stored-differently'),
  meaningless: () => text('issue.refusal.console.meaningless'),
};

/** Whether the provider or the console refuses an error (see `source` on `Issue`); `undefined` when the issue does not say. */
export function refusalText(issue: Issue): RefusalText | undefined {
  if (issue.source === 'console' && issue.consoleReason) return { text: CONSOLE_REFUSALS[issue.consoleReason]() };
  if (issue.source !== 'provider') return undefined;
  const refusal = issue.providerCode ? text('issue.refusal.provider-code', { code: issue.providerCode }) : text('issue.refusal.provider');
  return issue.providerMessage ? { text: refusal, quote: issue.providerMessage } : { text: refusal };
}
