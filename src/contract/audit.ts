import { z } from 'zod';
import { AUDIT_CHECK_CODES, AUDIT_SEVERITIES, auditCheckTitle, auditPolicySchema, auditFindingText, DEFAULT_SEVERITIES, SEVERITY_RANK, type AuditSeverity, type RatedFinding } from '../core';
import { apiErrorSchema as apiErrorBodySchema } from './errors';

// A fleet audit's report (issue 20, item 1): every bucket of a profile with the findings the
// policy kept, and the report's four file formats. The server and the CLI make it; the web app
// and CI read it.

/** One finding as the report carries it: the core's code and values, with the policy's severity. */
const ratedFindingSchema = z.custom<RatedFinding>((value) => {
  const finding = value as Partial<RatedFinding> | null;
  return typeof finding === 'object' && finding !== null && (AUDIT_CHECK_CODES as readonly string[]).includes(finding.code ?? '') && (AUDIT_SEVERITIES as readonly string[]).includes(finding.severity ?? '') && typeof finding.params === 'object';
});

export const bucketAuditSchema = z.object({
  bucket: z.string(),
  /** Rules in the configuration; null when it could not be read. */
  ruleCount: z.number().int().nullable(),
  findings: z.array(ratedFindingSchema),
});
export type BucketAudit = z.infer<typeof bucketAuditSchema>;

export const auditReportSchema = z.object({
  version: z.literal(1),
  profile: z.string(),
  prefix: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Buckets listed under the prefix; `buckets` holds those audited (all of them unless cancelled). */
  total: z.number().int(),
  cancelled: z.boolean(),
  /** The policy the findings follow, whole (every field, the defaults filled in). */
  policy: auditPolicySchema,
  buckets: z.array(bucketAuditSchema),
});
export type AuditReport = z.infer<typeof auditReportSchema>;

/** Each finding with its bucket, the most serious first, then by bucket and check. */
export function findingRows(report: Pick<AuditReport, 'buckets'>): { bucket: string; finding: RatedFinding }[] {
  const rows = report.buckets.flatMap(({ bucket, findings }) => findings.map((finding) => ({ bucket, finding })));
  return rows.sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.bucket.localeCompare(b.bucket) || a.finding.code.localeCompare(b.finding.code));
}

/** How many findings of each severity. */
export function severityCounts(report: Pick<AuditReport, 'buckets'>): Record<AuditSeverity, number> {
  const counts: Record<AuditSeverity, number> = { error: 0, warning: 0, note: 0 };
  for (const { findings } of report.buckets) for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One line per finding (and none for a clean bucket): severity, bucket, check, rule, message, values as JSON. */
export function auditCsv(report: AuditReport): string {
  const header = ['severity', 'bucket', 'check', 'rule', 'message', 'params'];
  const lines = findingRows(report).map(({ bucket, finding }) => {
    const rule = 'rule' in finding.params ? String(finding.params.rule + 1) : '';
    return [finding.severity, bucket, finding.code, rule, auditFindingText(finding), JSON.stringify(finding.params)].map(csvField).join(',');
  });
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Where SARIF readers find the schema this log follows (the file kept in schemas/vendor/ is its copy). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The tool a SARIF log names: this console (the CLI's `--format sarif` and the Audit page's export). */
export const AUDIT_SARIF_TOOL = { version: '0.1.0', informationUri: 'https://github.com/cors-console/cors-console' } as const;

/** The report's file formats, shared by `cors-console audit --format` and the Audit page's export. */
export const AUDIT_FILE_FORMATS = ['json', 'csv', 'sarif'] as const;
export type AuditFileFormat = (typeof AUDIT_FILE_FORMATS)[number];

/** The report as a file in `format`: the same bytes from the CLI and from the page. */
export function auditReportText(report: AuditReport, format: AuditFileFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return auditCsv(report);
    case 'sarif':
      return `${JSON.stringify(auditSarif(report, AUDIT_SARIF_TOOL), null, 2)}\n`;
  }
}

/** SARIF 2.1.0: one rule per check, one result per finding, located at its bucket (a logical location). */
export function auditSarif(report: AuditReport, tool: { version: string; informationUri: string }): unknown {
  const rules = AUDIT_CHECK_CODES.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: auditCheckTitle(code) },
    defaultConfiguration: { level: DEFAULT_SEVERITIES[code] },
  }));
  const results = findingRows(report).map(({ bucket, finding }) => ({
    ruleId: finding.code,
    ruleIndex: AUDIT_CHECK_CODES.indexOf(finding.code),
    level: finding.severity,
    message: { text: auditFindingText(finding) },
    locations: [{ logicalLocations: [{ name: bucket, fullyQualifiedName: `${report.profile}/${bucket}`, kind: 'resource' }] }],
    partialFingerprints: { 'corsConsole/v1': `${report.profile}/${bucket}/${finding.code}/${JSON.stringify(finding.params)}` },
    properties: { bucket, params: finding.params },
  }));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cors-console', version: tool.version, informationUri: tool.informationUri, rules } },
        automationDetails: { id: `cors-console-audit/${report.profile}/` },
        invocations: [{ executionSuccessful: !report.cancelled, startTimeUtc: report.startedAt }],
        results,
        // The policy decides which checks ran and at which level: kept with the results it shaped.
        properties: { policy: report.policy },
      },
    ],
  };
}

// The audit as a job of the console (the web app's Audit page): started for a profile, read while
// it runs (only the buckets after the first `from`, so polling a large fleet stays cheap), and
// cancelled.

export const startAuditBodySchema = z
  .object({
    /** Only buckets whose names start with this. */
    prefix: z.string().max(1024).optional(),
    /** The project's policy (as `--policy` reads it); the default policy without one. */
    policy: auditPolicySchema.optional(),
  })
  .strict();
export type StartAuditBody = z.input<typeof startAuditBodySchema>;

export const getAuditQuerySchema = z.object({
  /** Leave out the first `from` buckets of `buckets` (the ones a poller already has). */
  from: z.string().regex(/^\d{1,9}$/).optional(),
});

export const AUDIT_JOB_STATES = ['running', 'finished', 'cancelled', 'failed'] as const;
export type AuditJobState = (typeof AUDIT_JOB_STATES)[number];

export const auditJobSchema = z.object({
  id: z.string(),
  profile: z.string(),
  prefix: z.string(),
  /** The policy the audit follows, as the server read it. */
  policy: auditPolicySchema,
  state: z.enum(AUDIT_JOB_STATES),
  /** Buckets audited so far, and buckets listed under the prefix (0 until the listing answers). */
  done: z.number().int(),
  total: z.number().int(),
  /** The buckets audited, in completion order, after the first `from` the caller asked to skip. */
  buckets: z.array(bucketAuditSchema),
  /** Where `buckets` starts in the job's whole list (the `from` asked for, capped at `done`). */
  from: z.number().int(),
  startedAt: z.string(),
  /** Once the job has ended. */
  durationMs: z.number().optional(),
  /** A failed job: the bucket listing's error, as any API call would answer it. */
  error: apiErrorBodySchema.optional(),
});
export type AuditJob = z.infer<typeof auditJobSchema>;

/** A job's report in the CLI's shape, for the export formats (the buckets the caller holds). */
export function reportOfJob(job: Omit<AuditJob, 'buckets' | 'from'>, buckets: readonly BucketAudit[]): AuditReport {
  return { version: 1, profile: job.profile, prefix: job.prefix, startedAt: job.startedAt, durationMs: job.durationMs ?? 0, total: job.total, cancelled: job.state !== 'finished', policy: job.policy, buckets: [...buckets] };
}
