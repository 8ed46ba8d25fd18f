// Fleet audit (issue 20): policy checks on one bucket's configuration, as codes with the values
// they name. Each check states a CORS fact the core already owns (engine caps, dialect limits,
// the shadowing analysis); a project switches checks off or changes their severity in a policy
// (./policy.ts), never their meaning.
import { ENGINE_FACTS, BROWSER_ENGINES, type BrowserEngine } from '../engines';
import { dialectProfile, type Dialect } from '../dialects';
import type { ShadowHarm } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import { analyseShadowing } from '../shadow-analysis';

export const AUDIT_SEVERITIES = ['error', 'warning', 'note'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

/** The methods that change objects: a `*` origin allowed to send them lets any site's script write. */
const WRITING_METHODS = ['PUT', 'POST', 'DELETE'] as const;
/** How full a rule list counts as near the provider's limit: 90% (S3: 90 of 100 rules). */
export const NEAR_LIMIT_RATIO = 0.9;

export interface AuditParamsByCode {
  /** A rule lets every origin (`*`) send a writing method. */
  'wildcard-origin-writes': { rule: number; methods: string[] };
  /** A `*` rule answers a bucket whose app sends credentials: S3-style stores answer `*`, which browsers refuse with credentials. */
  'wildcard-origin-credentials': { rule: number; because: 'policy' | 'saved-tests' };
  /** A rule allows uploads (PUT or POST) without exposing ETag: multipart uploads and checks need it. */
  'upload-etag-hidden': { rule: number; methods: string[] };
  /** An earlier rule makes requests a later rule was written for fare worse (the shadowing analysis). */
  'shadowing-harm': { cause: number; loser: number; harms: ShadowHarm[]; origins: string[]; methods: string[] };
  /** A wildcard origin whose `*` is not followed by a dot: `https://*example.com` also matches `https://evilexample.com`. */
  'wildcard-origin-no-dot': { rule: number; origin: string };
  /** Authorization is allowed only through AllowedHeader `*`, never by name. */
  'authorization-by-wildcard': { rule: number };
  /** MaxAgeSeconds above what an engine keeps: the preflight is sent again sooner than the rule says. */
  'max-age-over-cap': { rule: number; maxAgeSeconds: number; engines: { engine: BrowserEngine; cap: number }[] };
  /** The rule list is near (or at) the provider's limit. */
  'rule-count-near-limit': { count: number; limit: number };
  /** The provider holds a configuration the console's history does not end with. */
  'changed-outside-console': { entry: string; lastKnownVersion: string; currentVersion: string };
  /** The provider refused to read the configuration (its error code and status). */
  'configuration-refused': { providerCode: string; status?: number };
  /** The configuration could not be read as a CORS document. */
  'configuration-unreadable': { reason: string };
}

export type AuditCheckCode = keyof AuditParamsByCode;

export const AUDIT_CHECK_CODES = [
  'wildcard-origin-writes',
  'wildcard-origin-credentials',
  'upload-etag-hidden',
  'shadowing-harm',
  'wildcard-origin-no-dot',
  'authorization-by-wildcard',
  'max-age-over-cap',
  'rule-count-near-limit',
  'changed-outside-console',
  'configuration-refused',
  'configuration-unreadable',
] as const satisfies readonly AuditCheckCode[];

/** Each check's severity unless a policy says otherwise. */
export const DEFAULT_SEVERITIES: { readonly [C in AuditCheckCode]: AuditSeverity } = {
  'wildcard-origin-writes': 'error',
  'wildcard-origin-credentials': 'error',
  'upload-etag-hidden': 'warning',
  'shadowing-harm': 'error',
  'wildcard-origin-no-dot': 'error',
  'authorization-by-wildcard': 'note',
  'max-age-over-cap': 'note',
  'rule-count-near-limit': 'warning',
  'changed-outside-console': 'warning',
  'configuration-refused': 'error',
  'configuration-unreadable': 'error',
};

export type AuditFinding = { [C in AuditCheckCode]: { code: C; params: AuditParamsByCode[C] } }[AuditCheckCode];

/** What the checks of one configuration need beyond the rules. */
export interface AuditContext {
  dialect: Dialect;
  /** The app sends credentials (cookies): the policy says so, or a saved test of the bucket does. */
  expectsCredentials?: 'policy' | 'saved-tests';
}

const isAnyOrigin = (origin: string) => origin.trim() === '*';

/** A `*` at the start of the host that is not followed by a dot: it matches any host ending in the rest. */
function undottedWildcard(origin: string): boolean {
  const host = origin.slice(origin.indexOf('://') + 3);
  return origin.includes('://') && host.startsWith('*') && host !== '*' && !host.startsWith('*.');
}

function ruleFindings(rule: CorsRule, index: number, context: AuditContext): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const methods = rule.allowedMethods.map((m) => m.toUpperCase());
  const anyOrigin = rule.allowedOrigins.some(isAnyOrigin);
  const writes = WRITING_METHODS.filter((m) => methods.includes(m));
  if (anyOrigin && writes.length) findings.push({ code: 'wildcard-origin-writes', params: { rule: index, methods: writes } });
  if (anyOrigin && context.expectsCredentials) findings.push({ code: 'wildcard-origin-credentials', params: { rule: index, because: context.expectsCredentials } });
  const uploads = methods.filter((m) => m === 'PUT' || m === 'POST');
  if (uploads.length && !rule.exposeHeaders.some((h) => h.trim().toLowerCase() === 'etag')) findings.push({ code: 'upload-etag-hidden', params: { rule: index, methods: uploads } });
  for (const origin of rule.allowedOrigins) if (undottedWildcard(origin.trim())) findings.push({ code: 'wildcard-origin-no-dot', params: { rule: index, origin } });
  const headers = rule.allowedHeaders.map((h) => h.trim().toLowerCase());
  if (headers.includes('*') && !headers.includes('authorization')) findings.push({ code: 'authorization-by-wildcard', params: { rule: index } });
  if (rule.maxAgeSeconds !== undefined) {
    const over = BROWSER_ENGINES.filter((engine) => rule.maxAgeSeconds! > ENGINE_FACTS[engine].preflightCacheCap).map((engine) => ({ engine, cap: ENGINE_FACTS[engine].preflightCacheCap }));
    if (over.length) findings.push({ code: 'max-age-over-cap', params: { rule: index, maxAgeSeconds: rule.maxAgeSeconds, engines: over } });
  }
  return findings;
}

/**
 * The findings of one configuration, rule by rule then the whole list, in rule order. Bucket-level
 * facts the core cannot see (a refused read, history drift) are found by the caller and carry
 * codes of the same list.
 */
export function auditConfiguration(config: CorsConfig | null, context: AuditContext): AuditFinding[] {
  if (!config || config.rules.length === 0) return [];
  const findings = config.rules.flatMap((rule, index) => ruleFindings(rule, index, context));
  const { pairs } = analyseShadowing(config, context.dialect);
  for (const pair of pairs) {
    findings.push({ code: 'shadowing-harm', params: { cause: pair.cause, loser: pair.loser, harms: [...pair.harms], origins: [...pair.origins], methods: [...pair.methods] } });
  }
  const limit = dialectProfile(context.dialect).limits.maxRules;
  if (limit !== null && config.rules.length >= Math.ceil(limit * NEAR_LIMIT_RATIO)) findings.push({ code: 'rule-count-near-limit', params: { count: config.rules.length, limit } });
  return findings;
}
