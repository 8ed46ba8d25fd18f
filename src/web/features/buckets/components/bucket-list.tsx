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
import { describeCors, filterBuckets, STATUS_FILTER_LABELS, type StatusFilter } from '../bucket-filter';
import { bucketQueries, listingChanged } from '../../../api/buckets';
import './bucket-list.css';

const ROW_HEIGHT = 36;

export function BucketList({ profile, selected }: { profile: ProfileSummary; selected?: string }) {
  const query = useInfiniteQuery(bucketQueries.list(profile.id));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const deferredText = useDeferredValue(text);
  const drafts = useBucketsWithDraft(profile.id);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: bucketQueries.all(profile.id) });
  const scroller = useRef<HTMLDivElement>(null);

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
    <nav className="bucket-list" aria-label="Buckets">
      <div className="bucket-list-head">
        <TextField className="bucket-list-search" label="Filter buckets" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name contains…" autoComplete="off" />
        <IconButton label="Refresh the bucket list" icon={RefreshCw} variant="secondary" onClick={refresh} disabled={query.isFetching} className={query.isFetching ? 'is-spinning' : undefined} />
      </div>
      <Select label="CORS status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
        {Object.entries(STATUS_FILTER_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      {query.isPending ? (
        <p className="muted">Loading buckets…</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} title="The buckets could not be listed." />
      ) : (
        <>
          <p className="muted bucket-list-count" aria-live="polite">
            {visible.length === all.length ? `${all.length} buckets` : `${visible.length} of ${all.length} buckets`}
            {all.length < total ? ` (loading ${total - all.length} more…)` : ''}
          </p>
          {all.length === 0 ? (
            <p>No buckets in this profile.</p>
          ) : visible.length === 0 ? (
            <p>No bucket matches the filter.</p>
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
                          <span className="bucket-draft" title="Unsaved draft">
                            <PencilLine aria-hidden="true" className="ui-icon" />
                            <span className="sr-only">, unsaved draft</span>
                          </span>
                        )}
                        <span className={`cors-badge cors-${bucket.cors.status}`} title={bucket.cors.status === 'error' || bucket.cors.status === 'not-supported' ? bucket.cors.message : undefined}>
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
