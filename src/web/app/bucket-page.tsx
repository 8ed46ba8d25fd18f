import { useQuery } from '@tanstack/react-query';
import type { ProfileSummary } from '../../contract/api';
import { Link } from '../components/link';
import { corsQueries } from '../features/rule-editor/queries';
import { RuleEditor } from '../features/rule-editor/components/rule-editor';
import { TestPane } from '../features/test-pane/components/test-pane';

/** A bucket: its rules and its test pane, as tabs with their own deep links. */
export function BucketPage({ profile, bucket, tab }: { profile: ProfileSummary; bucket: string; tab: 'rules' | 'test' }) {
  const cors = useQuery(corsQueries.detail(profile.id, bucket));
  const tabs = [
    { id: 'rules' as const, label: 'Rules' },
    { id: 'test' as const, label: 'Test' },
  ];
  return (
    <article className="bucket-page" aria-labelledby="bucket-title">
      <h2 id="bucket-title">{bucket}</h2>
      <div role="tablist" aria-label="Bucket views" className="tabs">
        {tabs.map((t) => (
          <span key={t.id} role="tab" aria-selected={t.id === tab} aria-controls={`panel-${t.id}`} id={`tab-${t.id}`}>
            <Link to={{ name: 'bucket', profile: profile.id, bucket, tab: t.id }}>{t.label}</Link>
          </span>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'rules' ? <RuleEditor key={`${profile.id}/${bucket}`} profile={profile} bucket={bucket} /> : <TestPane profile={profile} bucket={bucket} config={cors.data?.config} />}
      </div>
    </article>
  );
}
