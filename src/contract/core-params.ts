import { z } from 'zod';
import {
  BLOCK_CHECKS,
  BODY_RULES,
  CACHE_CHECK_STEPS,
  CACHE_KINDS,
  DIALECTS,
  BREAKAGE_CODES,
  CORS_FIX_CODES,
  REQUEST_REASON_CODES,
  SHADOW_HARMS,
  corsRuleSchema,
  type AppVerdict,
  type BlockParamsByCheck,
  type BodyMisfit,
  type BreakageParamsByCode,
  type CacheFindingParamsByCode,
  type CacheFixParamsByCode,
  type CorsErrorExplanation,
  type CorsFixParamsByCode,
  type CheckParamsByCode,
  type IssueParamsByCode,
  type RequestReasonParamsByCode,
  type RuleFix,
  type RuleReasonParamsByCode,
  type SummaryParamsByCode,
} from '../core';

// The params of every core code as zod schemas, one table per code union. The wire schemas
// (core-values.ts) are derived from these tables, and `exactly` makes each entry fail to compile
// when it and the core's params type for its code differ either way.

/** Mutual assignability: what each table entry must have with the core's type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A table of params schemas, one per code of `P`, each exactly the core's params type. */
function exactly<P>() {
  return <T extends { [C in keyof P]: z.ZodType }>(table: T & { [C in keyof P]: Same<z.output<T[C]>, P[C]> extends true ? unknown : ['params differ from the core type of', C] }) => table;
}

const text = z.string();
const texts = z.array(text);
const count = z.number();
const none = z.object({});

/** A rule as issues name it. */
const ruleRef = { rule: count, ruleId: text.optional() };
const foundValue = z.union([z.object({ kind: z.enum(['null', 'list', 'object', 'nested-elements']) }), z.object({ kind: z.enum(['string', 'xml-text', 'scalar']), text })]);
const valueField = z.enum(['origin', 'allowedHeader', 'exposeHeader', 'id']);
const headerField = z.enum(['allowedHeader', 'exposeHeader']);
const fieldOwner = z.union([z.object({ owner: z.enum(['document', 'api-response']) }), z.object({ owner: z.enum(['rule', 'rule-allowed']), rule: count })]);
const nearMiss = z.union([
  z.object({ kind: z.enum(['trailing-slash', 'letter-case']), candidate: text }),
  z.object({ kind: z.literal('scheme'), candidate: text, scheme: text, requestScheme: text }),
  z.object({ kind: z.literal('port'), candidate: text, port: text, requestPort: text }),
]);

const requestReasonParams = exactly<RequestReasonParamsByCode>()({
  'method-invalid': z.object({ method: text }),
  'method-forbidden': z.object({ method: text }),
  'header-name-invalid': z.object({ header: text }),
  'header-value-not-bytes': z.object({ header: text }),
  'header-value-nul-cr-lf': z.object({ header: text }),
  'method-not-safelisted': z.object({ method: text, verbatim: z.boolean(), normalized: texts }),
  'header-not-safelisted': z.object({ header: text }),
  'header-value-too-long': z.object({ header: text, length: count, max: count }),
  'header-unsafe-byte': z.object({ header: text, byte: count }),
  'content-type-invalid': z.object({ header: text, value: text, types: texts }),
  'content-type-not-safelisted': z.object({ header: text, essence: text, types: texts }),
  'language-unsafe-byte': z.object({ header: text, byte: count }),
  'range-multiple': z.object({ header: text, value: text }),
  'range-malformed': z.object({ header: text, value: text }),
  'range-empty': z.object({ header: text, value: text }),
  'range-suffix': z.object({ header: text, value: text }),
  'range-reversed': z.object({ header: text, value: text }),
  'safelisted-total-too-long': z.object({ total: count, max: count, headers: texts }),
  'upload-listeners': none,
  'stream-body': none,
  'mixed-content': z.object({ pageOrigin: text, url: text, loopback: z.boolean() }),
  'local-network-access': z.object({ pageOrigin: text, url: text, addressSpace: z.enum(['private', 'loopback']), secure: z.boolean() }),
  'no-preflight': z.object({ method: text }),
});

const blockParams = exactly<BlockParamsByCheck>()({
  'request-refused': z.object({ reasons: z.array(codedUnion('code', REQUEST_REASON_CODES, requestReasonParams)) }),
  'preflight-status': z.object({ status: count.nullable(), errorCode: text.optional(), errorMessage: text.optional() }),
  'allow-origin-missing': none,
  'allow-origin-mismatch': z.object({ allowOrigin: text, origin: text }),
  'wildcard-with-credentials': none,
  'credentials-not-allowed': none,
  'method-not-allowed': z.object({ method: text, allowMethods: texts }),
  'header-not-allowed': z.object({ headers: texts, allowHeaders: text.optional() }),
});

const blockReason = codedUnion('check', BLOCK_CHECKS, blockParams, { stage: z.enum(['request', 'preflight', 'actual']) });

const breakageParams = exactly<BreakageParamsByCode>()({
  'header-unreadable': z.object({ headers: texts }),
  'preflight-not-cached': z.object({ seconds: count, maxAgeAnswered: z.boolean() }),
  'cookies-third-party': z.object({ pageOrigin: text, bucketHost: text }),
});
const breakage = codedUnion('code', BREAKAGE_CODES, breakageParams);

/** A test's verdict (the three levels) with what breaks the app, or the browser check that blocked it. */
export const appVerdictSchema: z.ZodType<AppVerdict> = z.union([
  z.object({ level: z.literal('allowed'), breakages: z.tuple([]) }),
  z.object({ level: z.literal('broken'), breakages: z.tuple([breakage], breakage) }),
  z.object({ level: z.literal('blocked'), breakages: z.tuple([]), blockedBy: blockReason.optional() }),
]);

const corsFixParams = exactly<CorsFixParamsByCode>()({
  'list-origin': z.object({ origin: text }),
  'correct-origin': z.object({ listed: text, origin: text }),
  'single-allow-origin': z.object({ values: text }),
  'name-origin-for-credentials': z.object({ origin: text }),
  'allow-credentials': z.object({ received: text }),
  'allow-method': z.object({ method: text }),
  'allow-headers': z.object({ headers: texts }),
  'answer-preflight-in-place': z.object({ status: count.nullable() }),
  'answer-preflight-ok': z.object({ status: count.nullable() }),
  'local-network-permission': z.object({ origin: text, secure: z.boolean() }),
  unknown: z.object({ corsError: text, failedParameter: text }),
});

/** Chromium's exact reason for a refusal, explained by the core: the browser check, and what to change. */
export const corsErrorExplanationSchema: z.ZodType<CorsErrorExplanation> = z.object({
  corsError: text,
  block: blockReason.optional(),
  fix: codedUnion('code', CORS_FIX_CODES, corsFixParams),
});

export const bodyMisfitSchema: z.ZodType<BodyMisfit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wrong-type'), expected: text }),
  z.object({ kind: z.literal('too-small'), of: text, minimum: count }),
  z.object({ kind: z.literal('too-big'), of: text, maximum: count }),
  z.object({ kind: z.literal('bad-format'), format: text }),
  z.object({ kind: z.literal('not-one-of'), values: texts }),
  z.object({ kind: z.literal('unknown-fields'), fields: texts }),
  z.object({ kind: z.literal('no-shape-fits') }),
  z.object({ kind: z.literal('broken-rule'), rule: z.enum(BODY_RULES), limit: count.optional() }),
  z.object({ kind: z.literal('other') }),
]);

const appRequest = z.object({ method: text, origin: text, operation: text });
const value = z.object({ value: text });
const suggested = z.object({ value: text, suggestion: text });
const duplicate = z.object({ ...ruleRef, value: text });

export const issueParams = exactly<IssueParamsByCode>()({
  'value.invalid-character': z.object({ field: valueField, value: text }),
  'value.control-character': z.object({ field: valueField, value: text }),
  'value.not-stored-verbatim': z.object({ value: text, provider: text }),
  'origin.empty': none,
  'origin.whitespace': suggested,
  'origin.multiple-wildcards': value,
  'origin.missing-scheme': suggested,
  'origin.trailing-slash': suggested,
  'origin.has-path': z.object({ value: text, urlPath: text, suggestion: text }),
  'origin.port-wildcard': z.object({ value: text, provider: text }),
  'origin.default-port': suggested,
  'origin.upper-case': suggested,
  'origin.duplicate': duplicate,
  'origin.star-with-others': z.object(ruleRef),
  'origin.star-with-credentials': z.object(ruleRef),
  'header.empty': z.object({ field: headerField }),
  'header.multiple-wildcards': value,
  'header.invalid-name': z.object({ field: headerField, value: text }),
  'header.duplicate': duplicate,
  'expose.wildcard': value,
  'expose.forbidden-character': z.object({ value: text, provider: text, characters: texts }),
  'expose.duplicate': duplicate,
  'method.unsupported': value,
  'method.duplicate': duplicate,
  'max-age.invalid': z.union([value, z.object({ ...ruleRef, fieldName: text, found: foundValue })]),
  'max-age.too-large': z.object({ value: count, max: count, provider: text }),
  'max-age.above-browser-cap': z.object({ value: count, chromium: count, firefox: count }),
  'rule.id-too-long': z.object({ ...ruleRef, length: count, max: count, provider: text }),
  'rule.id-dropped': z.object({ id: text, provider: text }),
  'rule.no-origins': z.object(ruleRef),
  'rule.no-methods': z.object(ruleRef),
  'rule.etag-not-exposed': z.object({ ...ruleRef, methods: texts }),
  'rule.never-matches': z.object({ ...ruleRef, answeredBy: z.array(count), duplicateOf: count.optional() }),
  'rule.shadowed': z.object({
    ...ruleRef,
    origins: texts,
    methods: texts,
    harms: z.array(z.enum(SHADOW_HARMS)),
    headers: texts,
    maxAge: z.object({ cause: count, rule: count }).optional(),
    neverReached: z.boolean(),
    cause: count,
    causeId: text.optional(),
    decision: z.enum(['choose-answering-rule', 'remove-or-change']).optional(),
  }),
  'rule.missing-origins': z.object({ ...ruleRef, fieldName: text }),
  'rule.missing-methods': z.object({ ...ruleRef, fieldName: text, methods: texts }),
  'rule.not-an-object': z.object({ ...ruleRef, found: foundValue }),
  'config.too-many-rules': z.object({ max: count, count, provider: text, awsWording: z.boolean() }),
  'config.too-large': z.object({ bytes: count, max: count, provider: text }),
  'config.analysis-skipped': z.object({ count, max: count }),
  'config.no-rules': none,
  'config.response-vary-unsupported': z.object({ provider: text }),
  'provider.no-bucket-cors': z.object({ provider: text }),
  'document.format': z.object({ format: text }),
  'document.unreadable': z.object({ detail: text }),
  'document.syntax': z.union([
    z.object({ problem: z.literal('json'), detail: text, line: count.optional(), column: count.optional() }),
    z.object({ problem: z.literal('xml'), detail: text, line: count, column: count.optional() }),
    z.object({ problem: z.literal('xml-unreadable'), detail: text }),
    z.object({ problem: z.literal('xml-no-root') }),
    z.object({ problem: z.literal('yaml'), detail: text, line: count.optional(), column: count.optional() }),
    z.object({ problem: z.literal('hcl') }),
    z.object({ problem: z.enum(['xml-bad-character-reference', 'xml-unknown-entity']), reference: text }),
  ]),
  'document.root': z.union([z.object({ expected: z.enum(['aws-json', 'gcs-json', 'r2-json', 'cloudformation', 'terraform', 'azure-json']) }), z.object({ expected: z.literal('xml'), root: text, provider: text })]),
  'document.unknown-field': z.intersection(
    fieldOwner,
    z.object({ name: text, element: z.boolean(), reason: z.enum(['no-response-vary', 'no-rule-ids']).optional(), provider: text.optional() }),
  ),
  'document.stray-text': z.object({ text, element: text }),
  'document.several-configurations': z.object({ count, used: text }),
  'document.too-large': z.object({ parser: z.enum(['hcl', 'policy']), size: count, max: count }),
  'document.no-rules': z.object({ list: text.optional() }),
  'field.not-a-list': z.union([z.object({ ...ruleRef, fieldName: text, found: foundValue }), z.object({ list: text, found: foundValue })]),
  'field.not-a-string': z.object({ ...ruleRef, fieldName: text, item: count.optional(), found: foundValue }),
  'field.not-an-object': z.object({ ...ruleRef, found: foundValue }),
  'field.duplicate': z.intersection(fieldOwner, z.object({ element: text })),
  'response-vary.invalid': z.object({ found: foundValue }),
  'conversion.response-vary-lost': z.object({ formatLabel: text }),
  'conversion.rule-id-lost': z.object({ ...ruleRef, formatLabel: text }),
  'conversion.headers-merged': z.object({ ...ruleRef, formatLabel: text, becomeExposed: texts, becomeAllowed: texts }),
  'conversion.order-not-kept': z.object({ formatLabel: text }),
  'conversion.order-changes-outcome': z.object({ formatLabel: text, first: count, second: count, origins: texts, methods: texts }),
  'app.no-origins': none,
  'app.no-operations': none,
  'app.unknown-operation': value,
  'app.invalid-max-age': value,
  'app.star-with-credentials': none,
  'wizard.loosest-diagnostic': none,
  'strictest.header-never-readable': z.object({ header: text }),
  'strictest.request-still-blocked': z.object({ request: appRequest, blockedBy: blockReason.optional() }),
  'strictest.header-unreadable': z.object({ request: appRequest, headers: texts }),
  'body.invalid': z.object({ field: text, misfit: bodyMisfitSchema }),
  'policy.invalid': z.object({ field: text, misfit: bodyMisfitSchema }),
  'max-age.above-webkit-cap': z.object({ value: count, cap: count }),
  'method.not-upper-case': z.object({ value: text, method: text }),
  'method.stored-never-matches': value,
});

export const checkParams = exactly<CheckParamsByCode>()({
  'origin.matches': z.object({ origin: text, pattern: text }),
  'origin.not-listed': z.object({ origin: text, allowed: texts, nearMiss: nearMiss.optional() }),
  'method.allowed': z.object({ method: text }),
  'method.not-allowed': z.object({ method: text, allowed: texts }),
  'headers.none-requested': none,
  'headers.allowed': z.object({ headers: texts }),
  'headers.left-out': z.object({ headers: texts }),
  'headers.not-allowed': z.object({ headers: texts, allowed: texts }),
});

const stopSelection = z.enum(['origin-method-then-headers', 'origin-then-method-and-headers']);
export const ruleReasonParams = exactly<RuleReasonParamsByCode>()({
  matched: none,
  failed: none,
  'stopped-search': z.object({ selection: stopSelection, provider: text }),
  'not-reached': z.object({ decidedBy: count, decidedById: text.optional(), stopped: stopSelection.optional(), provider: text }),
  'not-evaluated': z.object({ missing: z.enum(['preflight-origin', 'preflight-request-method', 'request-origin']) }),
});

const matchedRule = z.object({ rule: count, ruleId: text.optional() });
export const summaryParams = exactly<SummaryParamsByCode>()({
  'preflight.no-origin': none,
  'preflight.no-request-method': none,
  'preflight.no-bucket': none,
  'preflight.no-config': none,
  'preflight.no-match': z.object({ method: text, origin: text, headers: texts }),
  'preflight.allowed': matchedRule,
  'actual.no-origin': none,
  'actual.no-config': none,
  'actual.no-match': z.object({ method: text, origin: text }),
  'actual.matched': matchedRule,
});

/** The value a coded union parses to: per code, `{ [key]: code, params, ...fields }`. */
type CodedOf<K extends string, C extends string, T extends { [Code in C]: z.ZodType }, F extends z.ZodRawShape> = {
  [Code in C]: ([keyof F] extends [never] ? unknown : z.output<z.ZodObject<F>>) & { [Key in K]: Code } & { params: z.output<T[Code]> };
}[C];

/**
 * One object schema per code, `{ [key]: code, params, ...fields }`, as a discriminated union on
 * `key`: derived from a params table, so no code's shape is written twice.
 */
export function codedUnion<K extends string, C extends string, T extends { [Code in C]: z.ZodType }, F extends z.ZodRawShape = Record<never, never>>(
  key: K,
  codes: readonly [C, ...C[]],
  table: T,
  fields?: F,
): z.ZodType<CodedOf<K, C, T, F>> {
  const [first, ...rest] = codes.map((code) => z.object({ ...fields, [key]: z.literal(code), params: table[code] }));
  if (!first) throw new Error('a code union needs a code');
  // Built from the table at run time; its type is the same mapping (CodedOf) at compile time.
  return z.discriminatedUnion(key, [first, ...rest]) as unknown as z.ZodType<CodedOf<K, C, T, F>>;
}

/** Granted values of a fix that merges or extends rules (`RuleFix`). */
const grants = { methods: texts, allowedHeaders: texts, exposeHeaders: texts, maxAgeSeconds: count.optional() };

/** A shadowing fix the core analysed again before offering it: the rules after it, and what it does. */
export const ruleFixSchema: z.ZodType<RuleFix> = z.intersection(
  z.object({ rules: z.array(corsRuleSchema) }),
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('move-above'), rule: count, above: count }),
    z.object({ kind: z.literal('move-above-merged'), rule: count, above: count, ...grants }),
    z.object({ kind: z.literal('merge-rules'), rule: count, into: count, ...grants }),
    z.object({ kind: z.literal('extend-rule'), rule: count, extensions: z.array(z.object({ rule: count, ...grants })) }),
    z.object({ kind: z.literal('narrow-rule'), rule: count, origins: texts }),
    z.object({ kind: z.literal('delete-rule'), rule: count }),
    z.object({ kind: z.literal('absorb-rule'), rule: count, into: count, ...grants }),
  ]),
);

/**
 * A value the core types as `T | undefined` under a key that is always there. JSON drops the key
 * when the value is undefined, so the key may be absent on the wire; the identity transform makes
 * the parsed key present again (zod types a key after a transform as required).
 */
export const maybe = <T extends z.ZodType>(schema: T) => schema.optional().transform((value): z.output<T> | undefined => value);

const cacheKind = z.enum(CACHE_KINDS);
const cacheStep = z.enum(CACHE_CHECK_STEPS);
/** Where a cache finding was seen, and which cache. */
const seen = { step: cacheStep, steps: z.array(cacheStep), cache: cacheKind };
/** A cached answer's sign headers and age. */
const fromCache = { signs: texts, ageSeconds: maybe(count) };

export const cacheFindingParams = exactly<CacheFindingParamsByCode>()({
  'cache.no-vary-origin': z.object({ ...seen, ...fromCache, origin: text, bucketAllowOrigin: text }),
  'cache.vary-ignored': z.object({ ...seen, ...fromCache, origin: text, bucketAllowOrigin: text }),
  'cache.other-origin-replayed': z.object({ ...seen, ...fromCache, origin: text, replayedOrigin: text }),
  'cache.preflight-cached': z.object({ ...seen, ...fromCache }),
  'cache.multiple-allow-origin': z.object({ ...seen, values: texts, bucketValues: texts }),
  'cache.added-allow-origin': z.object({ ...seen, values: texts, bucketValues: texts }),
  'cache.stale-answer': z.object({ ...seen, ...fromCache, headers: z.array(z.object({ name: text, cached: maybe(text), bucket: maybe(text) })) }),
  'cache.origin-not-forwarded': z.object({ ...seen, ...fromCache, origin: text, bucketAllowOrigin: text }),
});

export const cacheFixParams = exactly<CacheFixParamsByCode>()({
  'response-vary': z.object({ dialect: z.enum(DIALECTS) }),
  'cloudfront-cache-key-origin': none,
  'cloudfront-cached-methods': none,
  'cloudflare-cache-key-origin': none,
  'cloudflare-remove-transform-rule': z.object({ values: texts }),
  'nginx-cache-key-origin': none,
  'varnish-hash-origin': none,
  'cache-key-origin': z.object({ cache: cacheKind }),
  'no-cache-preflight': z.object({ cache: cacheKind }),
  'remove-added-allow-origin': z.object({ cache: cacheKind, values: texts }),
  'purge-cache': z.object({ cache: cacheKind }),
  'forward-origin': z.object({ cache: cacheKind }),
  'app-crossorigin-img': none,
  'app-fetch-no-store': none,
});
