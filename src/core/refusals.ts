import type { Dialect, DialectProfile } from './dialects';
import type { ConsoleReason, Issue, IssueCode, IssueParamsByCode } from './issues';

// Who refuses each error a configuration can have: the provider (its PutBucketCors answers an
// error) or the console alone (the provider would store it, but it is of no use, so the console
// does not save it). Measured on s3rver 3.7.1 and Ceph 16.2.15 (PutBucketCors with the value, in
// test/server/issue-14-refusals.test.ts); AWS from shared/design/s3-cors-semantics.md §8 with its
// evidence tags. A dialect not named in an entry answers as AWS does.


/** Who refuses an error-severity issue, and the provider's own code and message where known. */
export type Refusal =
  | { source: 'provider'; providerCode?: string; providerMessage?: string }
  | { source: 'console'; reason: ConsoleReason };

/** The codes `validateConfig` reports as errors. */
export type ConfigErrorCode = Extract<
  IssueCode,
  | 'value.invalid-character' | 'value.control-character' | 'value.not-stored-verbatim'
  | 'origin.empty' | 'origin.whitespace' | 'origin.multiple-wildcards' | 'origin.missing-scheme' | 'origin.trailing-slash'
  | 'origin.has-path' | 'origin.port-wildcard'
  | 'header.empty' | 'header.multiple-wildcards' | 'header.invalid-name'
  | 'expose.wildcard' | 'expose.forbidden-character'
  | 'method.unsupported' | 'max-age.invalid' | 'max-age.too-large'
  | 'rule.id-too-long' | 'rule.no-origins' | 'rule.no-methods'
  | 'config.too-many-rules' | 'config.too-large' | 'config.no-rules'
>;

type Entry<C extends ConfigErrorCode> = (params: IssueParamsByCode[C], profile: DialectProfile) => Refusal;
type Table = { [C in ConfigErrorCode]: Entry<C> };

const consoleRefuses = (reason: ConsoleReason): Refusal => ({ source: 'console', reason });
const provider = (providerCode?: string, providerMessage?: string): Refusal => ({
  source: 'provider',
  ...(providerCode !== undefined ? { providerCode } : {}),
  ...(providerMessage !== undefined ? { providerMessage } : {}),
});
/** Per dialect where measured, else AWS's answer. */
const byDialect = (aws: Refusal, others: Partial<Record<Dialect, Refusal>>) => (profile: DialectProfile): Refusal => others[profile.id] ?? aws;

const S3_MALFORMED = 'The XML you provided was not well-formed or did not validate against our published schema';
/** s3rver copies AWS's wording; Ceph RGW answers MalformedXML with an empty message for every refusal measured. */
const MALFORMED = byDialect(provider('MalformedXML', S3_MALFORMED), { rgw: provider('MalformedXML', '') });

export const REFUSALS: Table = {
  'value.invalid-character': () => consoleRefuses('never-matches'),
  // RGW: `<AllowedOrigin>http://a.example&#1;` → 400 MalformedXML; s3rver stores it; AWS [U].
  'value.control-character': (_, p) => byDialect(consoleRefuses('never-matches'), { rgw: provider('MalformedXML', '') })(p),
  'value.not-stored-verbatim': () => consoleRefuses('stored-differently'),
  // AWS stores "" [R]; s3rver and RGW answer MalformedXML (RGW stores a blank " " though).
  'origin.empty': (_, p) => byDialect(consoleRefuses('never-matches'), { s3rver: provider('MalformedXML', S3_MALFORMED), rgw: provider('MalformedXML', '') })(p),
  // RGW stores " http://a.example " as sent; s3rver trims it.
  'origin.whitespace': () => consoleRefuses('never-matches'),
  // [O] for AWS; s3rver answers the same sentence; RGW MalformedXML.
  'origin.multiple-wildcards': (params, p) =>
    byDialect(provider('InvalidRequest', `AllowedOrigin "${params.value}" can not have more than one wildcard.`), { rgw: provider('MalformedXML', '') })(p),
  // AWS stores `localhost` [R]; s3rver and RGW store `localhost` and `*.example.com`.
  'origin.missing-scheme': () => consoleRefuses('never-matches'),
  // Stored by s3rver and RGW (`http://a.example/`, `http://a.example/x`); origins are never validated on AWS [R].
  'origin.trailing-slash': () => consoleRefuses('never-matches'),
  'origin.has-path': () => consoleRefuses('never-matches'),
  // Only reported where the provider refuses it: R2, 400 MalformedXML (cloudflare-docs#32888).
  'origin.port-wildcard': () => provider('MalformedXML'),
  // RGW: an empty <AllowedHeader> → MalformedXML, an empty <ExposeHeader> is stored; s3rver stores both; AWS [U].
  'header.empty': (params, p) => (p.id === 'rgw' && params.field === 'allowedHeader' ? provider('MalformedXML', '') : consoleRefuses('never-matches')),
  // AWS's limit is [D], its wording [U]; s3rver says "AllowedOrigin" for a header too (measured); RGW MalformedXML.
  'header.multiple-wildcards': (params, p) =>
    byDialect(provider('InvalidRequest', `AllowedHeader "${params.value}" can not have more than one wildcard.`), {
      s3rver: provider('InvalidRequest', `AllowedOrigin "${params.value}" can not have more than one wildcard.`),
      rgw: provider('MalformedXML', ''),
    })(p),
  // `a b` is stored by s3rver and RGW, in either list.
  'header.invalid-name': () => consoleRefuses('never-matches'),
  // [O] for AWS; OSS and COS refuse it too; s3rver and RGW store `x-amz-*`. A browser takes `*` literally on credentialed requests.
  'expose.wildcard': (params, p) =>
    p.validation.rejectsExposeWildcard
      ? p.id === 's3'
        ? provider('InvalidRequest', `ExposeHeader "${params.value}" contains wildcard. We currently do not support wildcard for ExposeHeader.`)
        : provider()
      : consoleRefuses('never-matches'),
  'expose.forbidden-character': () => provider(),
  // [R] for AWS, the same on s3rver (`PATCH`, `get`); RGW answers MalformedXML for `PATCH`.
  'method.unsupported': (params, p) =>
    byDialect(provider('InvalidRequest', `Found unsupported HTTP method in CORS config. Unsupported method is ${params.value}`), { rgw: provider('MalformedXML', '') })(p),
  // `-1`: s3rver stores it and answers `Max-Age: -1`; RGW accepts the document and drops it; AWS's schema wants an integer [U].
  'max-age.invalid': (_, p) => byDialect(provider('MalformedXML', S3_MALFORMED), { s3rver: consoleRefuses('meaningless'), rgw: consoleRefuses('meaningless') })(p),
  'max-age.too-large': () => provider(),
  // AWS's 255 is [D], its error [U]; RGW refuses 256 characters with MalformedXML; s3rver stores them.
  'rule.id-too-long': (_, p) => byDialect(provider(), { rgw: provider('MalformedXML', ''), s3rver: consoleRefuses('meaningless') })(p),
  'rule.no-origins': (_, p) => MALFORMED(p),
  // [O] for AWS, and s3rver; RGW stores a rule without <AllowedMethod>, which then matches nothing.
  'rule.no-methods': (_, p) => byDialect(provider('MalformedXML', S3_MALFORMED), { rgw: consoleRefuses('never-matches') })(p),
  'config.too-many-rules': () => provider('InvalidRequest'),
  'config.too-large': () => provider(),
  // [R] for AWS; s3rver and RGW measured.
  'config.no-rules': (_, p) => MALFORMED(p),
};

function isConfigError(issue: Issue): issue is Issue & { code: ConfigErrorCode } {
  return issue.severity === 'error' && Object.hasOwn(REFUSALS, issue.code);
}

/** Who refuses an error-severity issue on a dialect's provider; `undefined` for warnings and for document errors. */
export function refusalOf(issue: Issue, profile: DialectProfile): Refusal | undefined {
  if (!isConfigError(issue)) return undefined;
  const entry = REFUSALS[issue.code] as Entry<ConfigErrorCode>;
  return entry(issue.params as IssueParamsByCode[ConfigErrorCode], profile);
}

/** The issue with `source` (and the provider's code and message, or the console's reason) set from `refusalOf`. */
export function withRefusal(issue: Issue, profile: DialectProfile): Issue {
  const refusal = refusalOf(issue, profile);
  if (!refusal) return issue;
  // The generic providerCode the checks set gives way to the dialect's own.
  const { providerCode: _generic, ...rest } = issue;
  void _generic;
  if (refusal.source === 'console') return { ...rest, source: 'console', consoleReason: refusal.reason } as Issue;
  return { ...rest, source: 'provider', ...(refusal.providerCode !== undefined ? { providerCode: refusal.providerCode } : {}), ...(refusal.providerMessage !== undefined ? { providerMessage: refusal.providerMessage } : {}) } as Issue;
}
