import { findingRows } from '../../../contract/audit';
import type { BucketAudit } from '../../../contract/api';
import { SEVERITY_RANK, type AuditCheckCode, type AuditSeverity, type RatedFinding } from '../../../core';

// The findings table's rows: each finding with its bucket, filtered by check and severity, and
// sorted by the column the user chose (ties fall back to severity, bucket, check).

export type FindingRow = { bucket: string; finding: RatedFinding };
export const SORT_KEYS = ['severity', 'bucket', 'check'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface FindingFilter {
  check: AuditCheckCode | 'all';
  severity: AuditSeverity | 'all';
  sort: SortKey;
}

const bySeverity = (a: FindingRow, b: FindingRow) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity];
const byBucket = (a: FindingRow, b: FindingRow) => a.bucket.localeCompare(b.bucket);
const byCheck = (a: FindingRow, b: FindingRow) => a.finding.code.localeCompare(b.finding.code);
const ORDER: Record<SortKey, ((a: FindingRow, b: FindingRow) => number)[]> = {
  severity: [bySeverity, byBucket, byCheck],
  bucket: [byBucket, bySeverity, byCheck],
  check: [byCheck, bySeverity, byBucket],
};

export function shownRows(buckets: readonly BucketAudit[], filter: FindingFilter): FindingRow[] {
  const order = ORDER[filter.sort];
  return findingRows({ buckets: [...buckets] })
    .filter(({ finding }) => (filter.check === 'all' || finding.code === filter.check) && (filter.severity === 'all' || finding.severity === filter.severity))
    .sort((a, b) => {
      for (const compare of order) {
        const result = compare(a, b);
        if (result !== 0) return result;
      }
      return 0;
    });
}

/** The checks that found something, in code order: the check filter's options. */
export function checksPresent(buckets: readonly BucketAudit[]): AuditCheckCode[] {
  return [...new Set(buckets.flatMap((b) => b.findings.map((f) => f.code)))].sort();
}
