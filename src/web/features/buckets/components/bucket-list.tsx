import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { PencilLine, RefreshCw } from 'lucide-react';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { Link } from '../../../components/link';
import { ErrorMessage } from '../../../components/error-message';
import { IconButton } from '../../../components/ui/button';
import { Select, TextField } from '../../../components/ui/field';
import { useBucketsWithDraft } from '../../../lib/draft-markers';
import { webText } from '../../../lib/i18n/text';
import { describeCors, filterBuckets, STATUS_FILTERS, statusFilterLabel, type StatusFilter } from '../bucket-filter';
import { bucketQueries, listingChanged, relistBuckets } from '../../../api/buckets';
import { useCallErrorWording } from '../../../api/use-call-error-wording';
import './bucket-list.css';

const ROW_HEIGHT = 36;

/** The count line: how many buckets are shown, of how many listed, and how many are still coming. */
function countText(shown: number, listed: number, total: number): string {
  const more = total - listed;
  if (shown === listed) return more > 0 ? webText('buckets.count-loading', { count: listed, more }) : webText('buckets.count', { count: listed });
  return more > 0 ? webText('buckets.count-filtered-loading', { shown, count: listed, more }) : webText('buckets.count-filtered', { shown, count: listed });
}

export function BucketList({ profile, selected }: { profile: ProfileSummary; selected?: string }) {
  const query = useInfiniteQuery(bucketQueries.list(profile.id));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const deferredText = useDeferredValue(text);
  const drafts = useBucketsWithDraft(profile.id);
  const queryClient = useQueryClient();
  const [relisting, setRelisting] = useState(false);
  const refresh = async () => {
    setRelisting(true);
    // A failed listing shows as the list's own error when the list asks again just below.
    await relistBuckets(profile.id).catch(() => undefined);
    setRelisting(false);
    void queryClient.invalidateQueries({ queryKey: bucketQueries.all(profile.id) });
  };
  const busy = relisting || query.isFetching;
  const scroller = useRef<HTMLDivElement>(null);
  const wording = useCallErrorWording();

  // A first page cut from an older listing: reload the list if the newer one differs.
  const first = query.data?.pages[0];
  const staleVersion = first?.refreshing ? first.listingVersion : null;
  const { refetch } = query;
  useEffect(() => {
    if (staleVersion === null) return;
    const stop = new AbortController();
    listingChanged(profile.id, staleVersion, stop.signal).then(
      (changed) => {
        if (changed && !stop.signal.aborted) void refetch();
      },
      () => undefined, // The list stays as it is; the next visit lists again.
    );
    return () => stop.abort();
  }, [profile.id, staleVersion, refetch]);

  // Pages keep coming in the background, so the whole list becomes filterable.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const all = useMemo(() => query.data?.pages.flatMap((p) => p.buckets) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const visible = useMemo(() => filterBuckets(all, deferredText, status), [all, deferredText, status]);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 280, height: 600 },
  });

  return (
    <nav className="bucket-list" aria-label={webText('buckets.title')}>
      <div className="bucket-list-head">
        <TextField className="bucket-list-search" label={webText('buckets.filter-label')} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={webText('buckets.filter-placeholder')} autoComplete="off" />
        <IconButton label={webText('buckets.refresh')} icon={RefreshCw} variant="secondary" onClick={() => void refresh()} disabled={busy} className={busy ? 'is-spinning' : undefined} />
      </div>
      <Select label={webText('buckets.status-label')} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
        {STATUS_FILTERS.map((value) => (
          <option key={value} value={value}>
            {statusFilterLabel(value)}
          </option>
        ))}
      </Select>
      {query.isPending ? (
        <p className="muted">{webText('buckets.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} title={webText('buckets.list-failed')} />
      ) : (
        <>
          <p className="muted bucket-list-count" aria-live="polite">
            {countText(visible.length, all.length, total)}
          </p>
          {all.length === 0 ? (
            <p>{webText('buckets.none')}</p>
          ) : visible.length === 0 ? (
            <p>{webText('buckets.no-match')}</p>
          ) : (
            <div ref={scroller} className="bucket-list-scroller">
              <ul style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((row) => {
                  const bucket = visible[row.index]!;
                  return (
                    <li key={bucket.name} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                      <Link to={{ name: 'bucket', profile: profile.id, bucket: bucket.name, tab: 'rules' }} current={bucket.name === selected} title={bucket.name}>
                        <span className="bucket-name">{bucket.name}</span>
                        {drafts.has(bucket.name) && (
                          <span className="bucket-draft" title={webText('buckets.draft')}>
                            <PencilLine aria-hidden="true" className="ui-icon" />
                            <span className="sr-only">{webText('buckets.draft-suffix')}</span>
                          </span>
                        )}
                        <span className={`cors-badge cors-${bucket.cors.status}`} title={bucket.cors.status === 'error' || bucket.cors.status === 'not-supported' ? (wording?.(bucket.cors.error) ?? bucket.cors.error.message) : undefined}>
                          {describeCors(bucket.cors)}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </>
      )}
    </nav>
  );
}
