import type { BodyMisfit } from './body-misfit';
import type { BlockReason } from './predict';
import type { CorsRule } from './rule';

/** Where an issue points: `['rules', 2, 'allowedOrigins', 0]`, or `[]` for the whole document. */
export type IssuePath = (string | number)[];

/**
 * A value found in a document where another kind was expected, described without printing it
 * (printing a deeply nested value could overflow the stack). `xml-text` is an XML element's text.
 */
export type FoundValue =
  | { kind: 'null' | 'list' | 'object' | 'nested-elements' }
  | { kind: 'string' | 'xml-text' | 'scalar'; text: string };

/** A rule as issues name it: 0-based index, and its ID when the sentence shows it. */
export interface RuleRef {
  rule: number;
  ruleId?: string;
}

/** The rule fields whose values issues name. */
export type ValueField = 'origin' | 'allowedHeader' | 'exposeHeader' | 'id';

/** Who holds an unknown or repeated field in a document. */
export type FieldOwner =
  | { owner: 'document' | 'api-response' }
  | { owner: 'rule' | 'rule-allowed'; rule: number };

/**
 * What an earlier rule's answer costs a request that a later rule was written for, compared with
 * the later rule's own answer: the browser blocks it, refuses it with credentials, cannot read a
 * header the later rule exposes, or caches the preflight for less time.
 */
export type ShadowHarm = 'blocked' | 'credentials-refused' | 'header-unreadable' | 'shorter-max-age';
export const SHADOW_HARMS = ['blocked', 'credentials-refused', 'header-unreadable', 'shorter-max-age'] as const satisfies readonly ShadowHarm[];

/**
 * A change to the rules that was analysed again before it was offered: it removes the warning it
 * is offered on, adds no other warning, and blocks or hides nothing a browser was allowed before.
 * `rules` is the whole rule list after the change; indexes are 0-based, before the change.
 */
export type RuleFix = { rules: CorsRule[] } & (
  /** Move `rule` just above `above`. */
  | { kind: 'move-above'; rule: number; above: number }
  /** Move `rule` above `above`, adding what `above` granted its origins, so they keep it. */
  | { kind: 'move-above-merged'; rule: number; above: number; methods: string[]; allowedHeaders: string[]; exposeHeaders: string[]; maxAgeSeconds?: number }
  /** Merge `rule` into `into` (same origins): one rule, where `into` was, with what both grant. */
  | { kind: 'merge-rules'; rule: number; into: number; methods: string[]; allowedHeaders: string[]; exposeHeaders: string[]; maxAgeSeconds?: number }
  /**
   * Give `rule` (the earlier one) what the later rule grants: headers, exposed headers, max-age;
   * `extensions` lists that, and any rule before it given the same so that it hides nothing.
   */
  | { kind: 'extend-rule'; rule: number; extensions: RuleExtension[] }
  /** Take `origins` out of `rule` (the earlier one); the later rule answers them. */
  | { kind: 'narrow-rule'; rule: number; origins: string[] }
  /** Delete `rule`, which answers nothing. */
  | { kind: 'delete-rule'; rule: number }
  /**
   * Give `into` (the earlier rule, answering every origin `rule` lists first) what `rule` was
   * written for, and delete `rule`, which is then never reached.
   */
  | { kind: 'absorb-rule'; rule: number; into: number; methods: string[]; allowedHeaders: string[]; exposeHeaders: string[]; maxAgeSeconds?: number }
);

/** Values added to one rule (`rule`, 0-based). */
export interface RuleExtension {
  rule: number;
  methods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

/** What a pair of rules costs the requests the later one was written for. */
export interface ShadowFindings {
  /** The affected origins, as the rules spell them (a wildcard's sample shown as the wildcard). */
  origins: string[];
  methods: string[];
  harms: ShadowHarm[];
  /** Headers the later rule exposes that script cannot read under the earlier rule's answer. */
  headers: string[];
  /** The shortest preflight cache lifetime under the earlier rule, and the later rule's, in seconds. */
  maxAge?: { cause: number; rule: number };
  /** The later rule answers no request at all. */
  neverReached: boolean;
}

/** What to decide when no change passes re-analysis. */
export type ShadowDecision = 'choose-answering-rule' | 'remove-or-change';

/** The request a strictest-rule warning is about. */
export interface AppRequestRef {
  method: string;
  origin: string;
  operation: string;
}

/**
 * The values each issue code names, by code. The English (or any other) sentence is made from
 * these by the message catalogue (`messages/issue-messages.ts`); nothing else writes issue prose.
 */
export interface IssueParamsByCode {
  'value.invalid-character': { field: ValueField; value: string };
  'value.control-character': { field: ValueField; value: string };
  'value.not-stored-verbatim': { value: string; provider: string };
  'origin.empty': Record<string, never>;
  'origin.whitespace': { value: string; suggestion: string };
  'origin.multiple-wildcards': { value: string };
  'origin.missing-scheme': { value: string; suggestion: string };
  'origin.trailing-slash': { value: string; suggestion: string };
  'origin.has-path': { value: string; urlPath: string; suggestion: string };
  'origin.port-wildcard': { value: string; provider: string };
  'origin.default-port': { value: string; suggestion: string };
  'origin.upper-case': { value: string; suggestion: string };
  'origin.duplicate': RuleRef & { value: string };
  'origin.star-with-others': RuleRef;
  'origin.star-with-credentials': RuleRef;
  'header.empty': { field: 'allowedHeader' | 'exposeHeader' };
  'header.multiple-wildcards': { value: string };
  'header.invalid-name': { field: 'allowedHeader' | 'exposeHeader'; value: string };
  'header.duplicate': RuleRef & { value: string };
  'expose.wildcard': { value: string };
  'expose.forbidden-character': { value: string; provider: string; characters: string[] };
  'expose.duplicate': RuleRef & { value: string };
  'method.unsupported': { value: string };
  'method.duplicate': RuleRef & { value: string };
  /** `value` for a configuration; `fieldName` and `found` for a document field. */
  'max-age.invalid': { value: string } | (RuleRef & { fieldName: string; found: FoundValue });
  'max-age.too-large': { value: number; max: number; provider: string };
  'max-age.above-browser-cap': { value: number; chromium: number; firefox: number };
  'rule.id-too-long': RuleRef & { length: number; max: number; provider: string };
  'rule.id-dropped': { id: string; provider: string };
  'rule.no-origins': RuleRef;
  'rule.no-methods': RuleRef;
  'rule.etag-not-exposed': RuleRef & { methods: string[] };
  /** `decision` when no fix passes re-analysis. */
  'rule.never-matches': RuleRef & { answeredBy: number[]; duplicateOf?: number; decision?: ShadowDecision };
  'rule.missing-origins': RuleRef & { fieldName: string };
  'rule.missing-methods': RuleRef & { fieldName: string; methods: string[] };
  'rule.not-an-object': RuleRef & { found: FoundValue };
  /** `awsWording`: S3's own sentence, so people can search for it. */
  'config.too-many-rules': { max: number; count: number; provider: string; awsWording: boolean };
  'config.too-large': { bytes: number; max: number; provider: string };
  /** The across-rule analyses (shadowing) were not run: `count` rules is over the `max` they take. */
  'config.analysis-skipped': { count: number; max: number };
  'config.no-rules': Record<string, never>;
  'config.response-vary-unsupported': { provider: string };
  'provider.no-bucket-cors': { provider: string };
  'document.format': { format: string };
  'document.unreadable': { detail: string };
  /** `detail` is the parser's own text. */
  'document.syntax':
    | { problem: 'json'; detail: string; line?: number; column?: number }
    | { problem: 'xml'; detail: string; line: number; column?: number }
    | { problem: 'xml-unreadable'; detail: string }
    | { problem: 'xml-no-root' }
    | { problem: 'yaml'; detail: string; line?: number; column?: number }
    /** The HCL parser (hcl2-parser) reports no message or position. */
    | { problem: 'hcl' }
    | { problem: 'xml-bad-character-reference' | 'xml-unknown-entity'; reference: string };
  'document.root':
    | { expected: 'aws-json' | 'gcs-json' | 'r2-json' | 'cloudformation' | 'terraform' | 'azure-json' }
    | { expected: 'xml'; root: string; provider: string };
  /** `element`: an XML element (`<Name>`), else a JSON key; `reason` why it is not read here. */
  'document.unknown-field': FieldOwner & { name: string; element: boolean; reason?: 'no-response-vary' | 'no-rule-ids'; provider?: string };
  'document.stray-text': { text: string; element: string };
  /** A document longer (`size` characters) than the `max` the named reader is given (HCL: it would hold the page; a policy: far beyond any). */
  'document.too-large': { parser: 'hcl' | 'policy'; size: number; max: number };
  /** A template or Terraform file with `count` CORS configurations: the one named `used` was read. */
  'document.several-configurations': { count: number; used: string };
  /** `list` is the JSON key of an empty list; absent for an XML document without `<CORSRule>`. */
  'document.no-rules': { list?: string };
  'field.not-a-list': (RuleRef & { fieldName: string; found: FoundValue }) | { list: string; found: FoundValue };
  'field.not-a-string': RuleRef & { fieldName: string; item?: number; found: FoundValue };
  'field.not-an-object': RuleRef & { found: FoundValue };
  'field.duplicate': FieldOwner & { element: string };
  'response-vary.invalid': { found: FoundValue };
  'conversion.response-vary-lost': { formatLabel: string };
  'conversion.rule-id-lost': RuleRef & { formatLabel: string };
  'conversion.headers-merged': RuleRef & { formatLabel: string; becomeExposed: string[]; becomeAllowed: string[] };
  /** The target stores rules as a set (Terraform `TypeSet`): the provider may get them in another order. */
  'conversion.order-not-kept': { formatLabel: string };
  /**
   * In another order, requests from `origins` with `methods` would get another answer: rules
   * `first` and `second` (0-based) both answer them, differently (from the shadowing analysis).
   */
  'conversion.order-changes-outcome': { formatLabel: string; first: number; second: number; origins: string[]; methods: string[] };
  'app.no-origins': Record<string, never>;
  'app.no-operations': Record<string, never>;
  'app.unknown-operation': { value: string };
  'app.invalid-max-age': { value: string };
  'app.star-with-credentials': Record<string, never>;
  'wizard.loosest-diagnostic': Record<string, never>;
  'strictest.header-never-readable': { header: string };
  'strictest.request-still-blocked': { request: AppRequestRef; blockedBy?: BlockReason };
  'strictest.header-unreadable': { request: AppRequestRef; headers: string[] };
  /** A request body that does not fit the API: the field (dotted path) and why, as values. */
  'body.invalid': { field: string; misfit: BodyMisfit };
  /** An audit policy file that does not fit the policy's shape: `field` is the path in it. */
  'policy.invalid': { field: string; misfit: BodyMisfit };
  /** Above WebKit/Safari's preflight cache cap: Safari sends the preflight again every `cap` seconds. */
  'max-age.above-webkit-cap': { value: number; cap: number };
  /** A document's method in another case or with spaces (`get`): read as the method browsers send (`GET`). */
  'method.not-upper-case': { value: string; method: string };
  /** A method a provider stores but no request matches (Ceph RGW's `COPY`): read as absent. */
  'method.stored-never-matches': { value: string };
  /**
   * The earlier rule `cause` answers requests the rule (`rule`, the loser) was written for, and the
   * browser fares worse: `harms` for requests from `origins` (the loser's values or samples of
   * them) with `methods`; `headers` the loser exposes that become unreadable; `maxAge` the two
   * preflight cache lifetimes. `neverReached`: the loser answers no request at all.
   */
  'rule.shadowed': RuleRef & ShadowFindings & { cause: number; causeId?: string; decision?: ShadowDecision };
}

export type IssueCode = keyof IssueParamsByCode;

/** Every issue code, for schemas (`z.enum(ISSUE_CODES)`) and exhaustive tests. */
export const ISSUE_CODES = [
  'value.invalid-character', 'value.control-character', 'value.not-stored-verbatim',
  'origin.empty', 'origin.whitespace', 'origin.multiple-wildcards', 'origin.missing-scheme', 'origin.trailing-slash',
  'origin.has-path', 'origin.port-wildcard', 'origin.default-port', 'origin.upper-case', 'origin.duplicate',
  'origin.star-with-others', 'origin.star-with-credentials',
  'header.empty', 'header.multiple-wildcards', 'header.invalid-name', 'header.duplicate',
  'expose.wildcard', 'expose.forbidden-character', 'expose.duplicate',
  'method.unsupported', 'method.duplicate',
  'max-age.invalid', 'max-age.too-large', 'max-age.above-browser-cap',
  'rule.id-too-long', 'rule.id-dropped', 'rule.no-origins', 'rule.no-methods', 'rule.etag-not-exposed',
  'rule.never-matches', 'rule.missing-origins', 'rule.missing-methods', 'rule.not-an-object',
  'config.too-many-rules', 'config.too-large', 'config.no-rules', 'config.response-vary-unsupported',
  'config.analysis-skipped',
  'provider.no-bucket-cors',
  'document.format', 'document.unreadable', 'document.syntax', 'document.root', 'document.unknown-field',
  'document.stray-text', 'document.no-rules', 'document.several-configurations', 'document.too-large',
  'field.not-a-list', 'field.not-a-string', 'field.not-an-object', 'field.duplicate',
  'response-vary.invalid',
  'conversion.response-vary-lost', 'conversion.rule-id-lost', 'conversion.headers-merged', 'conversion.order-not-kept', 'conversion.order-changes-outcome',
  'app.no-origins', 'app.no-operations', 'app.unknown-operation', 'app.invalid-max-age', 'app.star-with-credentials',
  'wizard.loosest-diagnostic', 'strictest.header-never-readable', 'strictest.request-still-blocked', 'strictest.header-unreadable',
  'body.invalid', 'policy.invalid',
  'max-age.above-webkit-cap', 'method.not-upper-case', 'method.stored-never-matches',
  'rule.shadowed',
] as const satisfies readonly IssueCode[];

/** Fails to compile when a code is missing from `ISSUE_CODES`. */
type Missing = Exclude<IssueCode, (typeof ISSUE_CODES)[number]>;
const everyCodeListed: [Missing] extends [never] ? true : Missing = true;
void everyCodeListed;

interface IssueFields {
  /** `error`: the provider would reject it (or it can never work); `warning`: accepted, but probably not what the author wants. */
  severity: 'error' | 'warning';
  /** The rule and field concerned. */
  path: IssuePath;
  /** The error code the provider answers for this input, when known (e.g. `InvalidRequest`). */
  providerCode?: string;
  /** 1-based line in the source document, for issues found while parsing text. */
  line?: number;
  /** Other rule indexes involved (e.g. the earlier rules that shadow this one). */
  relatedRules?: number[];
  /**
   * Errors only: who refuses it. `provider`: its PutBucketCors answers an error (`providerCode`,
   * `providerMessage` where known); `console`: the provider would store it, the console does not
   * (`consoleReason` says why). Set by `validateConfig` for its dialect (see `refusals.ts`).
   */
  source?: 'provider' | 'console';
  /** The provider's own error message, verbatim (RGW's is empty); with `source: 'provider'`. */
  providerMessage?: string;
  /** With `source: 'console'`: why the console refuses what the provider would store. */
  consoleReason?: ConsoleReason;
  /** Changes that were analysed again and resolve the issue (shadowing), best first. */
  fixes?: RuleFix[];
}

/** Why the console refuses what the provider would store. */
export type ConsoleReason =
  /** No browser request can ever match it (an origin without a scheme, an empty origin, a header name with a space). */
  | 'never-matches'
  /** The provider would store another value than the one shown (s3rver trims and unescapes). */
  | 'stored-differently'
  /** The value means nothing to the provider (a negative max-age, which RGW drops and s3rver sends as `Max-Age: -1`). */
  | 'meaningless';

/** One issue of code `C`: the stable code, and the values its sentence names. */
export type IssueOf<C extends IssueCode> = IssueFields & { code: C; params: IssueParamsByCode[C] };

/**
 * A problem found in a configuration or a document, as a value a person can act on: a stable
 * code and the values it names. `issueText` (the catalogue) turns it into a sentence and a hint.
 */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

type Extra = Omit<IssueFields, 'severity' | 'path'>;

/** Shorthand constructors keep issue literals short and uniform. */
export function error<C extends IssueCode>(code: C, params: IssueParamsByCode[C], path: IssuePath, extra: Extra = {}): IssueOf<C> {
  return { severity: 'error', code, params, path, ...extra };
}

export function warning<C extends IssueCode>(code: C, params: IssueParamsByCode[C], path: IssuePath, extra: Extra = {}): IssueOf<C> {
  return { severity: 'warning', code, params, path, ...extra };
}
