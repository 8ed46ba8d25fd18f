import { useQuery } from '@tanstack/react-query';
import { Undo2 } from 'lucide-react';
import type { ProfileSummary } from '../../../../contract/api';
import { dialectProfile } from '../../../../core';
import { historyQueries } from '../../../api/history';
import { ConfigDiff } from '../../../components/config-diff';
import { Button } from '../../../components/ui';
import { driftText, HISTORY_TEXT } from '../../../lib/messages';
import { useRestore } from '../use-restore';
import { RestoreOutcome } from './restore-outcome';
import './history.css';

/**
 * Shown on the bucket page as soon as the provider holds a configuration the history does not end
 * with: the difference, and the last known configuration back in one click (guarded by If-Match).
 */
export function DriftBanner({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const query = useQuery(historyQueries.page(profile.id, bucket));
  const restore = useRestore(profile.id, bucket);
  const drift = query.data?.drift;
  if (!drift) return <RestoreOutcome outcome={restore.data} />;
  const format = dialectProfile(profile.dialect).documents.offered[0]!;
  return (
    <section className="history-drift" role="region" aria-label={HISTORY_TEXT.driftTitle}>
      <h3>{HISTORY_TEXT.driftTitle}</h3>
      <p>{driftText(drift)}</p>
      <ConfigDiff before={drift.lastKnown.config} after={drift.current.config} format={format} label={HISTORY_TEXT.driftDiffLabel} />
      <Button
        variant="primary"
        icon={Undo2}
        disabled={restore.isPending}
        onClick={() => restore.mutate({ entry: drift.entry, side: drift.side, version: drift.current.version, source: 'drift-banner' })}
      >
        {restore.isPending ? HISTORY_TEXT.restoring : HISTORY_TEXT.driftRestore}
      </Button>
      <RestoreOutcome outcome={restore.data} />
    </section>
  );
}
