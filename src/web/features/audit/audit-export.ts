import { AUDIT_FILE_FORMATS, auditReportText, reportOfJob, type AuditFileFormat } from '../../../contract/audit';
import type { AuditJob, BucketAudit } from '../../../contract/api';
import type { DownloadFile } from '../../lib/download';

// The audit's report in the CLI's three file formats, made in the page by the contract's writers:
// the same bytes `cors-console audit --format json|csv|sarif` writes for the same buckets.

export const EXPORT_FORMATS = AUDIT_FILE_FORMATS;
export type ExportFormat = AuditFileFormat;

const MIME_TYPES: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv', sarif: 'application/sarif+json' };

/** Safe in a file name on every system: the profile id and the prefix may hold anything. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

export function auditFile(job: Omit<AuditJob, 'buckets' | 'from'>, buckets: readonly BucketAudit[], format: ExportFormat): DownloadFile {
  const report = reportOfJob(job, buckets);
  const base = ['cors-audit', fileSafe(job.profile), fileSafe(job.prefix)].filter(Boolean).join('-');
  return { fileName: `${base}.${format}`, text: auditReportText(report, format), mimeType: MIME_TYPES[format] };
}
