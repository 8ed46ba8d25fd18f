import type { ProfileSummary } from '../../contract/api';
import { Link } from '../components/link';
import { BucketWorkspaceProvider } from '../lib/bucket-workspace';
import { HISTORY_TEXT } from '../lib/messages';
import type { BucketTab } from '../lib/router';
import { DriftBanner } from '../features/history/components/drift-banner';
import { HistoryView } from '../features/history/components/history-view';
import { BulkApplyButton } from '../features/bulk-apply/components/bulk-apply-button';
import { ImportExportButtons } from '../features/import-export/components/import-export-buttons';
import { RuleEditor } from '../features/rule-editor/components/rule-editor';
import { RuleWizard } from '../features/rule-wizard/components/rule-wizard';
import { TestPane } from '../features/test-pane/components/test-pane';

const TABS = [
  { id: 'rules' as const, label: 'Rules' },
  { id: 'test' as const, label: 'Test' },
  { id: 'history' as const, label: HISTORY_TEXT.tab },
];

/**
 * A bucket: its rules and its test pane, as tabs with their own deep links. Both panels stay
 * mounted, so the draft, the test pane's request and its last result survive switching tabs.
 */
export function BucketPage({ profile, bucket, tab }: { profile: ProfileSummary; bucket: string; tab: BucketTab }) {
  return (
    <article className="bucket-page" aria-labelledby="bucket-title">
      <h2 id="bucket-title">{bucket}</h2>
      <div role="tablist" aria-label="Bucket views" className="tabs">
        {TABS.map((t) => (
          // The link is the tab itself: a tab wrapping a link nests one control in another (axe nested-interactive).
          <Link key={t.id} role="tab" aria-selected={t.id === tab} aria-controls={`panel-${t.id}`} id={`tab-${t.id}`} to={{ name: 'bucket', profile: profile.id, bucket, tab: t.id }}>
            {t.label}
          </Link>
        ))}
      </div>
      {profile.capabilities.bucketCors && <DriftBanner profile={profile} bucket={bucket} />}
      <BucketWorkspaceProvider key={`${profile.id}/${bucket}`}>
        <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" hidden={tab !== 'rules'}>
          {profile.capabilities.bucketCors && (
            <div className="rules-tools" role="group" aria-label="Draft tools">
              <RuleWizard profile={profile} />
              <ImportExportButtons profile={profile} bucket={bucket} />
              <BulkApplyButton profile={profile} bucket={bucket} />
            </div>
          )}
          <RuleEditor profile={profile} bucket={bucket} />
        </div>
        <div role="tabpanel" id="panel-test" aria-labelledby="tab-test" hidden={tab !== 'test'}>
          <TestPane profile={profile} bucket={bucket} />
        </div>
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'}>
          {tab === 'history' && <HistoryView profile={profile} bucket={bucket} />}
        </div>
      </BucketWorkspaceProvider>
    </article>
  );
}
