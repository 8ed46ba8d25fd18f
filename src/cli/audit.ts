import { readFile, stat } from 'node:fs/promises';
import { auditReportText, findingRows, severityCounts, type AuditReport } from '../contract/audit';
import { auditFindingText, DEFAULT_AUDIT_POLICY, issueText, policyFileTooLarge, readAuditPolicy, SEVERITY_RANK, type AuditPolicy, type AuditPolicyRead, type AuditSeverity } from '../core';
import { fromStorageError } from '../server/http/api-error';
import { auditFleet } from '../server/audit/audit-fleet';
import { infrastructureError, usageError } from './command-error';
import { loadTarget } from './load-target';
import { EXIT } from './run-report';

// `cors-console audit`: every bucket of a profile checked against a policy (issue 20, item 1), run
// in-process as the console would (same profile loading, state store and core checks).

export const AUDIT_FORMATS = ['table', 'json', 'csv', 'sarif'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;

export interface AuditOptions {
  profile: string;
  prefix?: string;
  format: string;
  policy?: string;
  failOn: string;
  concurrency: string;
}

/** The policy file, read and checked by the core; each problem named with its path or line. */
async function readPolicy(path: string | undefined): Promise<AuditPolicy> {
  if (!path) return DEFAULT_AUDIT_POLICY;
  let read: AuditPolicyRead;
  try {
    // Sized before it is read, as the Audit page does: a large file named by mistake is refused unread.
    const tooLarge = policyFileTooLarge((await stat(path)).size);
    read = tooLarge ? { ok: false, issues: [tooLarge] } : readAuditPolicy(await readFile(path, 'utf8'));
  } catch (error) {
    throw usageError(`Cannot read the policy ${path}: ${(error as Error).message}`);
  }
  if (read.ok) return read.policy;
  const lines = read.issues.map((issue) => {
    const { message, hint } = issueText(issue);
    return `  ${message}${hint ? ` ${hint}` : ''}`;
  });
  throw usageError(`The policy ${path} is not a valid audit policy:\n${lines.join('\n')}`);
}

/** The report as a plain-text table: one line per finding, the most serious first, then a summary. */
export function auditTable(report: AuditReport): string {
  const rows = findingRows(report).map(({ bucket, finding }) => [finding.severity, bucket, finding.code, auditFindingText(finding)]);
  const headers = ['SEVERITY', 'BUCKET', 'CHECK', 'MESSAGE'];
  // The message column is last and unpadded; the three before it are as wide as their longest cell.
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index < 3 ? cell.padEnd(widths[index]!) : cell)).join('  ');
  const counts = severityCounts(report);
  const clean = report.buckets.filter((b) => b.findings.length === 0).length;
  const summary = `${report.buckets.length} of ${report.total} buckets audited${report.cancelled ? ' (cancelled)' : ''} in ${(report.durationMs / 1000).toFixed(1)} s: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes; ${clean} buckets without a finding.`;
  return `${rows.length ? [line(headers), ...rows.map(line)].join('\n') + '\n\n' : ''}${summary}\n`;
}

function render(report: AuditReport, format: AuditFormat): string {
  switch (format) {
    case 'table':
      return auditTable(report);
    default:
      return auditReportText(report, format);
  }
}

/** Runs the audit; exit 0 without a finding at or above `--fail-on`, 1 with one, 2 for bad arguments, 3 when the buckets cannot be listed. */
export async function runAuditCommand(options: AuditOptions, dataDir: string, write: (text: string) => void): Promise<number> {
  if (!(AUDIT_FORMATS as readonly string[]).includes(options.format)) throw usageError(`--format takes ${AUDIT_FORMATS.join(', ')}, not ${JSON.stringify(options.format)}.`);
  if (!(FAIL_ON as readonly string[]).includes(options.failOn)) throw usageError(`--fail-on takes ${FAIL_ON.join(', ')}, not ${JSON.stringify(options.failOn)}.`);
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw usageError(`--concurrency takes a whole number from 1 to 64, not ${JSON.stringify(options.concurrency)}.`);
  const policy = await readPolicy(options.policy);
  const target = await loadTarget(options.profile, process.env, dataDir);
  // Progress on standard error, so the report on standard output stays clean: every 5% and the last.
  let shown = -1;
  const audited = await auditFleet({
    profile: target.profile,
    state: target.state,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    policy,
    concurrency,
    onBucket: (_audit, { done, total }) => {
      const step = Math.floor((done * 20) / total);
      if (step !== shown || done === total) process.stderr.write(`cors-console: audited ${done} of ${total} buckets\n`);
      shown = step;
    },
  });
  if (!audited.ok) throw infrastructureError(`Cannot list the buckets of ${options.profile}: ${fromStorageError(audited.error).error.message}`);
  write(render(audited.report, options.format as AuditFormat));
  if (options.failOn === 'never') return EXIT.passed;
  const threshold = SEVERITY_RANK[options.failOn as AuditSeverity];
  const failing = audited.report.buckets.some((bucket) => bucket.findings.some((finding) => SEVERITY_RANK[finding.severity] <= threshold));
  return failing ? EXIT.failed : EXIT.passed;
}
