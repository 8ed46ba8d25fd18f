import type { BucketSummary } from '../../../contract/api';
import { webText } from '../../lib/i18n/text';

export type StatusFilter = 'all' | 'rules' | 'none' | 'not-supported' | 'error';

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'rules', 'none', 'not-supported', 'error'];

export function statusFilterLabel(filter: StatusFilter): string {
  switch (filter) {
    case 'all':
      return webText('buckets.filter.all');
    case 'rules':
      return webText('buckets.filter.rules');
    default:
      return statusText(filter);
  }
}

function statusText(status: Exclude<BucketSummary['cors']['status'], 'rules'>): string {
  switch (status) {
    case 'none':
      return webText('buckets.status.none');
    case 'not-supported':
      return webText('buckets.status.not-supported');
    case 'error':
      return webText('buckets.status.error');
  }
}

/** Buckets whose name contains `text` (any case) and whose CORS status matches. */
export function filterBuckets(buckets: readonly BucketSummary[], text: string, status: StatusFilter): BucketSummary[] {
  const needle = text.trim().toLowerCase();
  return buckets.filter((b) => (status === 'all' || b.cors.status === status) && (!needle || b.name.toLowerCase().includes(needle)));
}

export function describeCors(summary: BucketSummary['cors']): string {
  return summary.status === 'rules' ? webText('buckets.status.rules', { count: summary.ruleCount }) : statusText(summary.status);
}
