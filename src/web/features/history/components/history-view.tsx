import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Undo2 } from 'lucide-react';
import { useState } from 'react';
import type { HistoryEntry, ProfileSummary } from '../../../../contract/api';
import { dialectProfile, type CorsConfig } from '../../../../core';
import { corsQueries } from '../../../api/cors';
import { historyQueries } from '../../../api/history';
import { ConfigDiff } from '../../../components/config-diff';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui';
import { HISTORY_TEXT, historyEntryText, historyOutcomeText } from '../../../lib/messages';
import { useRestore } from '../use-restore';
import { RestoreConfirm } from './restore-confirm';
import { RestoreOutcome } from './restore-outcome';
import './history.css';

type Asked = { entry: HistoryEntry; side: 'after' | 'before' };

/** What restoring a side of an entry writes: what its write asked for, or what was there before. */
const targetOf = ({ entry, side }: Asked): CorsConfig | null => entry[side].config;

/** The bucket's changes through the console, newest first, each as a diff, each restorable (asked first, guarded by If-Match). */
export function HistoryView({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const query = useQuery(historyQueries.page(profile.id, bucket, cursors.at(-1)));
  const current = useQuery(corsQueries.detail(profile.id, bucket));
  const restore = useRestore(profile.id, bucket);
  const [asked, setAsked] = useState<Asked | null>(null);
  const format = dialectProfile(profile.dialect).documents.offered[0]!;

  if (query.isPending) return <p className="re-loading">{HISTORY_TEXT.loading}</p>;
  if (query.isError) return <ErrorMessage error={query.error} title={HISTORY_TEXT.loadFailed} />;
  const { entries, nextCursor } = query.data;

  const confirm = (choice: Asked) => {
    if (!current.data) return;
    restore.mutate({ entry: choice.entry.id, side: choice.side, version: current.data.version }, { onSettled: () => setAsked(null) });
  };

  return (
    <section className="history-view" aria-labelledby="history-title">
      <h3 id="history-title">{HISTORY_TEXT.title}</h3>
      <RestoreOutcome outcome={restore.data} />
      {entries.length === 0 && <p className="re-muted">{HISTORY_TEXT.empty}</p>}
      <ol className="history-list" aria-labelledby="history-title">
        {entries.map((entry) => (
          <li key={entry.id} className="history-entry" aria-label={historyEntryText(entry)}>
            <h4>{historyEntryText(entry)}</h4>
            <p className="re-muted">{historyOutcomeText(entry.outcome)}</p>
            <ConfigDiff before={entry.before.config} after={entry.after.config} format={format} label={HISTORY_TEXT.diffLabel} />
            {asked?.entry.id === entry.id ? (
              <RestoreConfirm
                bucket={bucket}
                current={current.data?.config ?? null}
                target={targetOf(asked)}
                format={format}
                isRestoring={restore.isPending}
                onConfirm={() => confirm(asked)}
                onCancel={() => setAsked(null)}
              />
            ) : (
              <div className="history-actions">
                <Button size="sm" icon={Undo2} disabled={!current.data} onClick={() => setAsked({ entry, side: 'after' })}>
                  {HISTORY_TEXT.restore}
                </Button>
                <Button size="sm" variant="ghost" disabled={!current.data} onClick={() => setAsked({ entry, side: 'before' })}>
                  {HISTORY_TEXT.restoreBefore}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="history-actions">
        {cursors.length > 0 && (
          <Button icon={ChevronLeft} onClick={() => setCursors([])}>
            {HISTORY_TEXT.newer}
          </Button>
        )}
        {nextCursor && (
          <Button onClick={() => setCursors([...cursors, nextCursor])}>
            {HISTORY_TEXT.older}
            <ChevronRight aria-hidden="true" className="ui-icon" />
          </Button>
        )}
      </div>
    </section>
  );
}
