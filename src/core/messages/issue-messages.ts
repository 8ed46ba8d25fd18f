// The catalogue of issue codes: one whole-sentence message per code, naming the issue's params
// (messages `issue.*` of locales/*.json; the codes after `provider.no-bucket-cors` are still
// English templates here, next to move). Nothing else writes issue prose.
import type { BodyMisfit, BodyRule } from '../body-misfit';
import type { ConsoleReason, FieldOwner, Issue, IssueCode, IssueParamsByCode, RuleFix, ShadowDecision, ShadowHarm } from '../issues';
import { METHODS } from '../rule';
import { blockText } from './decision-messages';
import { text } from './catalogue';
import { describeFound, durationText, listText, ruleLabel, ruleName } from './words';

/** What an issue says, and what to do about it. */
export interface IssueText {
  /** One sentence that names the offending value. */
  message: string;
  hint?: string;
}

type Templates = { [C in IssueCode]: (params: IssueParamsByCode[C]) => IssueText };

function ownerLabel(owner: FieldOwner): string {
  switch (owner.owner) {
    case 'document':
      return 'The document';
    case 'api-response':
      return 'The API response';
    case 'rule':
      return ruleLabel(owner.rule);
    case 'rule-allowed':
      return `${ruleLabel(owner.rule)} allowed`;
  }
}

function mergedChanges(exposed: string[], allowed: string[]): string {
  const becomes = (names: string[], what: string) => `${names.join(', ')} also become${names.length === 1 ? 's' : ''} ${what}`;
  return [...(exposed.length ? [becomes(exposed, 'exposed')] : []), ...(allowed.length ? [becomes(allowed, 'allowed')] : [])].join(' and ');
}

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
    message: text('issue.rule.etag-not-exposed', { rule: ruleLabel(p.rule), methods: p.methods.join(text('words.and')) }),
    hint: text('issue.rule.etag-not-exposed.hint'),
  }),
  'rule.never-matches': (p) => ({
    message:
      p.duplicateOf !== undefined
        ? text('issue.rule.never-matches.duplicate', { rule: ruleLabel(p.rule, p.ruleId), first: p.duplicateOf + 1 })
        : text('issue.rule.never-matches.answered', { rule: ruleLabel(p.rule, p.ruleId), rules: listText(p.answeredBy.map((r) => ruleName(r))) }),
    hint: p.decision
      ? DECISIONS[p.decision]
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
  'document.format': (p) => ({ message: `Unknown document format ${JSON.stringify(p.format)}.` }),
  'document.unreadable': (p) => ({ message: `The document could not be read: ${p.detail}` }),
  'document.syntax': (p) => {
    switch (p.problem) {
      case 'json':
        return { message: p.line === undefined ? `Invalid JSON: ${p.detail}.` : `Invalid JSON at line ${p.line}, column ${p.column}: ${p.detail}.` };
      case 'xml':
        return { message: p.column === undefined ? `Invalid XML at line ${p.line}: ${p.detail}` : `Invalid XML at line ${p.line}, column ${p.column}: ${p.detail}` };
      case 'xml-unreadable':
        return { message: `The XML could not be read: ${p.detail}` };
      case 'xml-no-root':
        return { message: 'The document has no root element.' };
      case 'xml-bad-character-reference':
        return { message: `Character reference ${p.reference} does not name a valid character.`, hint: 'Use a Unicode code point, e.g. &#38; for &.' };
      case 'xml-unknown-entity':
        return { message: `Unknown entity ${p.reference}.`, hint: 'Only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#38; are defined.' };
    }
  },
  'document.root': (p) => {
    switch (p.expected) {
      case 'aws-json':
        return {
          message: 'Expected {"CORSRules": [...]} (AWS CLI) or a list of rules (S3 console).',
          hint: 'Paste the output of aws s3api get-bucket-cors, or the JSON from the S3 console.',
        };
      case 'gcs-json':
        return { message: 'Expected a list of CORS entries, or {"cors": [...]}.', hint: 'Paste a file for gcloud storage buckets update --cors-file.' };
      case 'r2-json':
        return { message: 'Expected an R2 CORS policy {"rules": [...]}.', hint: 'Paste the JSON from the R2 dashboard or wrangler.' };
      case 'xml':
        return { message: `The root element is <${p.root}>; a ${p.provider} CORS document has <CORSConfiguration>.` };
    }
  },
  'document.unknown-field': (p) => {
    const why = p.reason === 'no-response-vary' ? ` ${p.provider} has no ResponseVary (OSS and COS do).` : p.reason === 'no-rule-ids' ? ` ${p.provider} rules have no ID.` : '';
    return {
      message: p.element
        ? `${ownerLabel(p)}: unknown element <${p.name}> is ignored.${why}`
        : `${ownerLabel(p)}: unknown field ${JSON.stringify(p.name)} is ignored.`,
    };
  },
  'document.stray-text': (p) => ({ message: `Text ${JSON.stringify(p.text)} directly inside <${p.element}> is ignored.` }),
  'document.no-rules': (p) =>
    p.list === undefined
      ? {
          message: 'The document has no <CORSRule>, so it allows no cross-origin requests.',
          hint: 'S3 rejects an empty CORSConfiguration (MalformedXML); to turn CORS off, delete the configuration instead.',
        }
      : {
          message: `${p.list} is empty, so the document allows no cross-origin requests.`,
          hint: 'S3 rejects an empty CORS configuration; to turn CORS off there, delete the configuration instead.',
        },
  'field.not-a-list': (p) =>
    'list' in p
      ? { message: `${p.list} must be a list of rules, not ${describeFound(p.found)}.` }
      : {
          message: `${ruleLabel(p.rule, p.ruleId)}: ${p.fieldName} must be a list of strings, not ${describeFound(p.found)}.`,
          hint: `Write it as a list, e.g. ${p.fieldName}: ["…"].`,
        },
  'field.not-a-string': (p) => ({
    message: `${ruleLabel(p.rule, p.ruleId)}: ${p.fieldName}${p.item === undefined ? '' : ` item ${p.item + 1}`} must be text, not ${describeFound(p.found)}.`,
  }),
  'field.not-an-object': (p) => ({ message: `${ruleLabel(p.rule)}: allowed must be an object with origins, methods and headers, not ${describeFound(p.found)}.` }),
  'field.duplicate': (p) => ({ message: `${ownerLabel(p)}: <${p.element}> appears more than once; only one is allowed.` }),
  'response-vary.invalid': (p) => ({ message: `<ResponseVary> must be true or false, not ${describeFound(p.found)}.` }),
  'conversion.response-vary-lost': (p) => ({
    message: `${p.formatLabel} cannot express ResponseVary, so "Vary: Origin on every response" is dropped.`,
    hint: 'Only OSS and COS support ResponseVary; elsewhere, a CDN in front must add Vary: Origin.',
  }),
  'conversion.rule-id-lost': (p) => ({ message: `${ruleLabel(p.rule, p.ruleId)} loses its ID: ${p.formatLabel} rules have no ID.` }),
  'conversion.headers-merged': (p) => ({
    message: `${ruleLabel(p.rule, p.ruleId)}: ${p.formatLabel} has one responseHeader list for allowed and exposed headers, so ${mergedChanges(p.becomeExposed, p.becomeAllowed)}.`,
  }),
  'app.no-origins': () => ({ message: 'Name at least one origin the app is served from.' }),
  'app.no-operations': () => ({ message: 'Choose at least one operation the app performs.' }),
  'app.unknown-operation': (p) => ({ message: `Unknown operation ${JSON.stringify(p.value)}.` }),
  'app.invalid-max-age': (p) => ({ message: `Max age ${p.value} must be a whole number of seconds, 0 or more.` }),
  'app.star-with-credentials': () => ({
    message: 'The app sends credentials, so it cannot use * as its origin: browsers refuse Access-Control-Allow-Origin: * for requests with credentials.',
    hint: 'List the origins the app is served from.',
  }),
  'wizard.loosest-diagnostic': () => ({
    message: 'This rule lets any website send any request with any header to the bucket and read the answers: use it to find out whether CORS is the problem, then replace it with the strictest rule for your app.',
    hint: 'Remove it after testing; the strictest-rule wizard builds a rule that allows only what your app does.',
  }),
  'strictest.header-never-readable': (p) => ({ message: `Browsers never let script read ${p.header}, so no rule can expose it.` }),
  'strictest.request-still-blocked': (p) => ({
    message: `${p.request.method} from ${p.request.origin} (${p.request.operation}) stays blocked: ${p.blockedBy ? blockText(p.blockedBy) : 'the browser refuses it'}`,
  }),
  'strictest.header-unreadable': (p) => ({
    message: `${p.request.method} from ${p.request.origin} (${p.request.operation}): script still cannot read ${p.headers.join(', ')}.`,
  }),
  'body.invalid': (p) => ({ message: `${p.field ? `${p.field}: ` : ''}${misfitText(p.misfit)}` }),
  'method.not-upper-case': (p) => ({
    message: `Method ${JSON.stringify(p.value)} is read as ${p.method}, the method browsers send: Ceph RGW stores it as ${p.method}, s3rver refuses it as written.`,
    hint: `Saving writes ${p.method}.`,
  }),
  'method.stored-never-matches': (p) => ({
    message: `The provider stored method ${JSON.stringify(p.value)}, but no browser request ever matches it (Ceph RGW answers a ${p.value} preflight with 403), so the console leaves it out.`,
    hint: `Saving rewrites the rule without ${p.value}; nothing that works today changes.`,
  }),
  'max-age.above-webkit-cap': (p) => ({
    message: `Max age ${p.value} s is above Safari's cap of ${p.cap} s: Safari will re-check every ${durationText(p.cap)}.`,
    hint: `Chromium and Firefox keep the preflight longer; only Safari (and every WebKit browser) sends it again every ${durationText(p.cap)}.`,
  }),
  'rule.shadowed': (p) => ({
    message:
      `${ruleLabel(p.cause, p.causeId)} takes requests that ${ruleName(p.rule, p.ruleId)} was written for ` +
      `(${p.methods.join(', ')} from ${p.origins.join(', ')}): ${p.harms.map((h) => harmText(h, p)).join('; ')}.` +
      (p.neverReached ? ` ${ruleLabel(p.rule, p.ruleId)} answers no request at all.` : ''),
    ...(p.decision ? { hint: DECISIONS[p.decision] } : {}),
  }),
};

const BODY_RULE_TEXT: Record<BodyRule, (limit?: number) => string> = {
  'key-too-long': (limit) => `Object keys are at most ${limit ?? 1024} bytes.`,
  'key-control-character': () => 'Object keys cannot contain control characters.',
  'key-dot-segment': () => 'Object keys with "." or ".." path segments cannot be addressed by URL.',
  'too-many-headers': (limit) => `A probe sends at most ${limit ?? 'a few dozen'} headers.`,
  'duplicate-test-ids': () => 'Test ids must be unique.',
  'header-name-characters': () => "Header names are letters, digits and !#$%&'*+-.^_`|~ only.",
  'header-value-characters': () => 'Header values cannot contain line breaks or control characters.',
  'key-not-unicode': () => 'Object keys must be valid Unicode: this one holds half of a surrogate pair, which no URL or UTF-8 can carry.',
};

/** What is measured, as "at least <n> <unit>" says it. */
function sizeUnit(of: string, n: number): string {
  if (of === 'string') return n === 1 ? ' character long' : ' characters long';
  if (of === 'array' || of === 'set') return n === 1 ? ' item' : ' items';
  return '';
}

function misfitText(misfit: BodyMisfit): string {
  switch (misfit.kind) {
    case 'wrong-type':
      return `Expected ${misfit.expected}.`;
    case 'too-small':
      return misfit.of === 'string' && misfit.minimum === 1 ? 'Must not be empty.' : `Must be at least ${misfit.minimum}${sizeUnit(misfit.of, misfit.minimum)}.`;
    case 'too-big':
      return `Must be at most ${misfit.maximum}${sizeUnit(misfit.of, misfit.maximum)}.`;
    case 'bad-format':
      return misfit.format === 'regex' ? 'Has characters that are not allowed here.' : `Must be a valid ${misfit.format}.`;
    case 'not-one-of':
      return `Must be one of ${misfit.values.join(', ')}.`;
    case 'unknown-fields':
      return `Unknown field${misfit.fields.length === 1 ? '' : 's'} ${misfit.fields.join(', ')}.`;
    case 'no-shape-fits':
      return 'Does not fit any of the accepted shapes.';
    case 'broken-rule':
      return BODY_RULE_TEXT[misfit.rule](misfit.limit);
    case 'other':
      return 'Is not valid here.';
  }
}

function harmText(harm: ShadowHarm, p: IssueParamsByCode['rule.shadowed']): string {
  switch (harm) {
    case 'blocked':
      return 'the browser blocks some of them';
    case 'credentials-refused':
      return 'the browser refuses them with credentials';
    case 'header-unreadable':
      return `script cannot read ${p.headers.join(', ')}`;
    case 'shorter-max-age':
      return `preflights are cached for ${p.maxAge?.cause ?? 0} s instead of ${p.maxAge?.rule ?? 0} s`;
  }
}

const DECISIONS: Record<ShadowDecision, string> = {
  'choose-answering-rule':
    'No reorder or edit keeps every request working (each was checked by analysing the changed rules again): decide which rule should answer these origins, then merge the two rules or remove one.',
  'remove-or-change': 'Decide whether it should answer anything: change its origins or methods, or remove it.',
};

/** A fix as a button and the line that says what it does. */
export interface RuleFixText {
  label: string;
  effect: string;
}

function additions(parts: { methods?: string[]; allowedHeaders: string[]; exposeHeaders: string[]; maxAgeSeconds?: number }): string {
  return [
    ...(parts.methods?.length ? [`AllowedMethods ${parts.methods.join(', ')}`] : []),
    ...(parts.allowedHeaders.length ? [`AllowedHeaders ${parts.allowedHeaders.join(', ')}`] : []),
    ...(parts.exposeHeaders.length ? [`ExposeHeaders ${parts.exposeHeaders.join(', ')}`] : []),
    ...(parts.maxAgeSeconds !== undefined ? [`MaxAgeSeconds ${parts.maxAgeSeconds}`] : []),
  ].join(', ');
}

/** What a shadowing fix does, in words. */
export function ruleFixText(fix: RuleFix): RuleFixText {
  switch (fix.kind) {
    case 'move-above':
      return { label: `Move ${ruleName(fix.rule)} above ${ruleName(fix.above)}`, effect: `${ruleLabel(fix.rule)} then answers its own requests first.` };
    case 'move-above-merged':
      return {
        label: `Move ${ruleName(fix.rule)} above ${ruleName(fix.above)}, adding ${additions(fix)}`,
        effect: `${ruleLabel(fix.rule)} then answers its own origins first, and keeps for them what ${ruleName(fix.above)} gave them.`,
      };
    case 'merge-rules':
      return {
        label: `Merge ${ruleName(fix.rule)} into ${ruleName(fix.into)}${fix.methods.length + fix.allowedHeaders.length + fix.exposeHeaders.length ? `, adding ${additions(fix)}` : ''}`,
        effect: 'The two rules list the same origins; one rule then answers everything both allowed.',
      };
    case 'extend-rule':
      return {
        label: fix.extensions.map((e) => `Add ${additions(e)} to ${ruleName(e.rule)}`).join('; '),
        effect: `${ruleLabel(fix.rule)} then answers these requests as well as the later rule would.`,
      };
    case 'narrow-rule':
      return { label: `Remove ${fix.origins.join(', ')} from ${ruleName(fix.rule)}`, effect: 'The later rule then answers these origins.' };
    case 'delete-rule':
      return { label: `Delete ${ruleName(fix.rule)}`, effect: 'It answers no request, so no answer changes.' };
    case 'absorb-rule':
      return {
        label: `Add ${additions(fix)} to ${ruleName(fix.into)} and delete ${ruleName(fix.rule)}`,
        effect: `${ruleLabel(fix.into)} answers every origin ${ruleName(fix.rule)} lists first; it then allows what ${ruleName(fix.rule)} was written for, and nothing more.`,
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

const CONSOLE_REFUSALS: Record<ConsoleReason, string> = {
  'never-matches': 'The provider would accept this, but no browser request can match it, so the console does not save it.',
  'stored-differently': 'The provider would accept this, but would store another value than the one shown, so the console does not save it.',
  meaningless: 'The provider would accept this, but it means nothing there, so the console does not save it.',
};

/** Whether the provider or the console refuses an error (see `source` on `Issue`); `undefined` when the issue does not say. */
export function refusalText(issue: Issue): RefusalText | undefined {
  if (issue.source === 'console' && issue.consoleReason) return { text: CONSOLE_REFUSALS[issue.consoleReason] };
  if (issue.source !== 'provider') return undefined;
  const text = issue.providerCode ? `The provider would refuse this (${issue.providerCode}).` : 'The provider would refuse this.';
  return issue.providerMessage ? { text, quote: issue.providerMessage } : { text };
}
