import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo } from 'react';
import type { BucketSummary } from '../../../../contract/api';
import { ErrorMessage } from '../../../components/error-message';
import { Button, Checkbox, TextField } from '../../../components/ui';
import { bucketQueries } from '../../../api/buckets';
import { webText } from '../../../lib/i18n/feature-text';
import { formatNumber } from '../../../lib/i18n/format';

function corsNow(summary: BucketSummary['cors']): string {
  switch (summary.status) {
    case 'rules':
      return webText('bulk-apply.cors.rules', { count: summary.ruleCount });
    case 'none':
      return webText('bulk-apply.cors.none');
    case 'not-supported':
      return webText('bulk-apply.cors.not-supported');
    case 'error':
      return webText('bulk-apply.cors.error');
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
      <legend>{webText('bulk-apply.picker.legend')}</legend>
      <div className="modal-row ba-picker-tools">
        <TextField className="ba-picker-filter" label={webText('bulk-apply.picker.filter')} type="search" value={text} onChange={(event) => onTextChange(event.target.value)} autoComplete="off" data-autofocus />
        <Button size="sm" disabled={pickable.length === 0} onClick={() => onChange(new Set([...selected, ...pickable.map((b) => b.name)]))}>
          {webText('bulk-apply.picker.select-all')}
        </Button>
        <Button size="sm" variant="ghost" disabled={selected.size === 0} onClick={() => onChange(new Set())}>
          {webText('bulk-apply.picker.clear')}
        </Button>
      </div>
      {query.isPending ? (
        <p className="modal-muted">{webText('bulk-apply.picker.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} title={webText('bulk-apply.picker.failed')} />
      ) : buckets.length === 0 ? (
        <p className="modal-muted">{deferredText ? webText('bulk-apply.picker.no-match', { text: deferredText }) : webText('bulk-apply.picker.no-other')}</p>
      ) : (
        <>
          <ul id={listId} className="ba-bucket-list" aria-label={webText('bulk-apply.picker.list')}>
            {buckets.map((bucket) => {
              const disabled = bucket.cors.status === 'not-supported';
              return (
                <li key={bucket.name}>
                  <Checkbox checked={selected.has(bucket.name)} disabled={disabled} onChange={(event) => toggle(bucket.name, event.target.checked)} label={bucket.name} note={webText('bulk-apply.picker.note', { state: corsNow(bucket.cors) })} />
                </li>
              );
            })}
          </ul>
          {query.hasNextPage && (
            <Button size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? webText('bulk-apply.picker.loading-more') : webText('bulk-apply.picker.load-more')}
            </Button>
          )}
        </>
      )}
      <p className="modal-muted" aria-live="polite">
        {webText(query.hasNextPage ? 'bulk-apply.picker.selected-more' : 'bulk-apply.picker.selected', { count: formatNumber(selected.size) })}
      </p>
    </fieldset>
  );
}
