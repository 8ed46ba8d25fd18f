import { AUDIT_SARIF_TOOL, auditCsv, auditSarif, reportOfJob } from '../../../contract/audit';
import type { AuditJob, BucketAudit } from '../../../contract/api';
import type { DownloadFile } from '../../lib/download';

// The audit's report in the CLI's three file formats, made in the page by the contract's writers:
// the same bytes `cors-console audit --format json|csv|sarif` writes for the same buckets.

export const EXPORT_FORMATS = ['json', 'csv', 'sarif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Safe in a file name on every system: the profile id and the prefix may hold anything. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

export function auditFile(job: Omit<AuditJob, 'buckets' | 'from'>, buckets: readonly BucketAudit[], format: ExportFormat): DownloadFile {
  const report = reportOfJob(job, buckets);
  const base = ['cors-audit', fileSafe(job.profile), fileSafe(job.prefix)].filter(Boolean).join('-');
  switch (format) {
    case 'json':
      return { fileName: `${base}.json`, text: `${JSON.stringify(report, null, 2)}\n`, mimeType: 'application/json' };
    case 'csv':
      return { fileName: `${base}.csv`, text: auditCsv(report), mimeType: 'text/csv' };
    case 'sarif':
      return { fileName: `${base}.sarif`, text: `${JSON.stringify(auditSarif(report, AUDIT_SARIF_TOOL), null, 2)}\n`, mimeType: 'application/sarif+json' };
  }
}
