import type { BucketSummary } from '../../../contract/api';

export type StatusFilter = 'all' | 'rules' | 'none' | 'not-supported' | 'error';

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  rules: 'With rules',
  none: 'No CORS',
  'not-supported': 'Not supported',
  error: 'Could not read',
};

/** Buckets whose name contains `text` (any case) and whose CORS status matches. */
export function filterBuckets(buckets: readonly BucketSummary[], text: string, status: StatusFilter): BucketSummary[] {
  const needle = text.trim().toLowerCase();
  return buckets.filter((b) => (status === 'all' || b.cors.status === status) && (!needle || b.name.toLowerCase().includes(needle)));
}

export function describeCors(summary: BucketSummary['cors']): string {
  switch (summary.status) {
    case 'rules':
      return summary.ruleCount === 1 ? '1 rule' : `${summary.ruleCount} rules`;
    case 'none':
      return 'No CORS';
    case 'not-supported':
      return 'Not supported';
    case 'error':
      return 'Could not read';
  }
}
