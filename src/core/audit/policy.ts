import { z } from 'zod';
import { AUDIT_CHECK_CODES, AUDIT_SEVERITIES, DEFAULT_SEVERITIES, type AuditFinding, type AuditSeverity } from './checks';

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

/** A finding with the severity the policy gives it. */
export type RatedFinding = AuditFinding & { severity: AuditSeverity };

/** The findings the policy keeps, each with its severity (the policy's, else the check's default). */
export function applyPolicy(findings: readonly AuditFinding[], policy: AuditPolicy): RatedFinding[] {
  return findings.flatMap((finding) => {
    const setting = policy.checks[finding.code];
    if (setting && !setting.enabled) return [];
    return [{ ...finding, severity: setting?.severity ?? DEFAULT_SEVERITIES[finding.code] }];
  });
}

/** Severities from the most to the least serious, for sorting and exit codes. */
export const SEVERITY_RANK: { readonly [S in AuditSeverity]: number } = { error: 0, warning: 1, note: 2 };
