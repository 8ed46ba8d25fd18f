import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo } from 'react';
import type { BucketSummary } from '../../../../contract/api';
import { ErrorMessage } from '../../../components/error-message';
import { Button, Checkbox, TextField } from '../../../components/ui';
import { bucketQueries } from '../../../api/buckets';

function corsNow(summary: BucketSummary['cors']): string {
  switch (summary.status) {
    case 'rules':
      return summary.ruleCount === 1 ? '1 rule' : `${summary.ruleCount} rules`;
    case 'none':
      return 'no CORS';
    case 'not-supported':
      return 'CORS not supported';
    case 'error':
      return 'could not read';
  }
}

/**
 * The profile's buckets as checkboxes, filtered on the server by text the name contains (any
 * case, as the bucket list's filter); the current bucket
 * is left out (the editor saves it) and buckets without per-bucket CORS cannot be picked.
 */
export function BucketPicker({ profile, currentBucket, text, onTextChange, selected, onChange }: {
  profile: string;
  currentBucket: string;
  /** What the names shown contain. */
  text: string;
  onTextChange: (text: string) => void;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const listId = useId();
  const deferredText = useDeferredValue(text.trim());
  const query = useInfiniteQuery(bucketQueries.byName(profile, deferredText));
  const buckets = useMemo(() => (query.data?.pages.flatMap((page) => page.buckets) ?? []).filter((b) => b.name !== currentBucket), [query.data, currentBucket]);
  const pickable = buckets.filter((b) => b.cors.status !== 'not-supported');

  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };

  return (
    <fieldset className="ba-picker">
      <legend>Buckets</legend>
      <div className="modal-row ba-picker-tools">
        <TextField className="ba-picker-filter" label="Name contains" type="search" value={text} onChange={(event) => onTextChange(event.target.value)} autoComplete="off" data-autofocus />
        <Button size="sm" disabled={pickable.length === 0} onClick={() => onChange(new Set([...selected, ...pickable.map((b) => b.name)]))}>
          Select all shown
        </Button>
        <Button size="sm" variant="ghost" disabled={selected.size === 0} onClick={() => onChange(new Set())}>
          Clear selection
        </Button>
      </div>
      {query.isPending ? (
        <p className="modal-muted">Loading buckets…</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} title="The buckets could not be listed." />
      ) : buckets.length === 0 ? (
        <p className="modal-muted">{deferredText ? `No other bucket's name contains "${deferredText}".` : 'This profile has no other bucket.'}</p>
      ) : (
        <>
          <ul id={listId} className="ba-bucket-list" aria-label="Buckets to apply to">
            {buckets.map((bucket) => {
              const disabled = bucket.cors.status === 'not-supported';
              return (
                <li key={bucket.name}>
                  <Checkbox checked={selected.has(bucket.name)} disabled={disabled} onChange={(event) => toggle(bucket.name, event.target.checked)} label={bucket.name} note={`(${corsNow(bucket.cors)})`} />
                </li>
              );
            })}
          </ul>
          {query.hasNextPage && (
            <Button size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? 'Loading more buckets…' : 'Load more buckets'}
            </Button>
          )}
        </>
      )}
      <p className="modal-muted" aria-live="polite">
        {selected.size} selected{query.hasNextPage ? ' · more buckets match: load more, or narrow the name' : ''}
      </p>
    </fieldset>
  );
}
