import { z } from 'zod';
import { misfitOf } from '../body-misfit';
import { readJson } from '../formats/json-document';
import { error, type Issue, type IssueOf } from '../issues';
import { AUDIT_CHECK_CODES, AUDIT_SEVERITIES, DEFAULT_SEVERITIES, type AuditCheckCode, type AuditFinding, type AuditSeverity } from './checks';

// A project's audit policy, as data (a JSON file beside its code): which checks run, at which
// severity, and whether its apps send credentials. The checks' meaning stays the core's.

const checkSettingSchema = z
  .object({
    /** false: the check is not run (its findings are dropped). */
    enabled: z.boolean().default(true),
    severity: z.enum(AUDIT_SEVERITIES).optional(),
  })
  .strict();

export const auditPolicySchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    /** The apps send credentials (cookies, `withCredentials`): a `*` origin is then an error on every bucket. */
    expectCredentials: z.boolean().default(false),
    checks: z.partialRecord(z.enum(AUDIT_CHECK_CODES), checkSettingSchema).default({}),
  })
  .strict();
export type AuditPolicy = z.output<typeof auditPolicySchema>;

export const DEFAULT_AUDIT_POLICY: AuditPolicy = auditPolicySchema.parse({});

export type AuditPolicyRead = { ok: true; policy: AuditPolicy } | { ok: false; issues: Issue[] };

/** A policy file names at most a dozen checks: anything far larger is another file picked by mistake, refused unread. */
export const MAX_POLICY_FILE_BYTES = 64 * 1024;

/** The refusal of a file of `size` bytes over the limit; null when it may be read. */
export function policyFileTooLarge(size: number): IssueOf<'document.too-large'> | null {
  return size > MAX_POLICY_FILE_BYTES ? error('document.too-large', { parser: 'policy', size, max: MAX_POLICY_FILE_BYTES }, []) : null;
}

/**
 * A policy file's text, as `cors-console audit --policy` and the Audit page read it: its JSON
 * syntax (an error with its line), then its shape (each problem with its path, `policy.invalid`).
 */
export function readAuditPolicy(text: string): AuditPolicyRead {
  const tooLarge = policyFileTooLarge(text.length);
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  const json = readJson(text);
  if (!json.ok) return json;
  const parsed = auditPolicySchema.safeParse(json.value);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const issues = parsed.error.issues.map((issue): IssueOf<'policy.invalid'> => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    return error('policy.invalid', { field: path.join('.'), misfit: misfitOf(issue) }, path);
  });
  return { ok: false, issues };
}

/** Each check as the policy runs it: at a severity, or `off`. */
export type CheckSetting = AuditSeverity | 'off';

export function checkSetting(policy: AuditPolicy, code: AuditCheckCode): CheckSetting {
  const setting = policy.checks[code];
  if (setting && !setting.enabled) return 'off';
  return setting?.severity ?? DEFAULT_SEVERITIES[code];
}

/** The policy with one check's setting changed; a check back at its default leaves the file. */
export function withCheckSetting(policy: AuditPolicy, code: AuditCheckCode, setting: CheckSetting): AuditPolicy {
  const checks = Object.fromEntries(Object.entries(policy.checks).filter(([other]) => other !== code));
  if (setting !== DEFAULT_SEVERITIES[code]) checks[code] = setting === 'off' ? { enabled: false } : { enabled: true, severity: setting };
  return { ...policy, checks };
}

/** The policy as its file: only what differs from the default, in the checks' order, so a diff of two policies is short. */
export function auditPolicyFile(policy: AuditPolicy): string {
  const checks: Partial<Record<AuditCheckCode, { enabled?: false; severity?: AuditSeverity }>> = {};
  for (const code of AUDIT_CHECK_CODES) {
    const setting = checkSetting(policy, code);
    if (setting === 'off') checks[code] = { enabled: false };
    else if (setting !== DEFAULT_SEVERITIES[code]) checks[code] = { severity: setting };
  }
  return `${JSON.stringify({ version: 1, expectCredentials: policy.expectCredentials, checks }, null, 2)}\n`;
}

/** Whether two policies run the same checks at the same severities with the same credentials assumption. */
export function samePolicy(a: AuditPolicy, b: AuditPolicy): boolean {
  return a.expectCredentials === b.expectCredentials && AUDIT_CHECK_CODES.every((code) => checkSetting(a, code) === checkSetting(b, code));
}

/** A finding with the severity the policy gives it. */
export type RatedFinding = AuditFinding & { severity: AuditSeverity };

/** The findings the policy keeps, each with its severity (the policy's, else the check's default). */
export function applyPolicy(findings: readonly AuditFinding[], policy: AuditPolicy): RatedFinding[] {
  return findings.flatMap((finding) => {
    const setting = checkSetting(policy, finding.code);
    return setting === 'off' ? [] : [{ ...finding, severity: setting }];
  });
}

/** Severities from the most to the least serious, for sorting and exit codes. */
export const SEVERITY_RANK: { readonly [S in AuditSeverity]: number } = { error: 0, warning: 1, note: 2 };
