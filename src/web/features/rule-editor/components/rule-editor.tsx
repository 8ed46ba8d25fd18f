import { useQuery } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import type { ProfileSummary } from '../../../../contract/api';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui';
import { corsQueries } from '../../../api/cors';
import { webText } from '../../../lib/i18n/feature-text';
import { DemoLessonCard } from './demo-lesson-card';
import { EditorSession } from './editor-session';
import { RuleDragArea } from './rule-list';
import './rule-editor.css';

export function RuleEditor({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  if (!profile.capabilities.bucketCors) {
    return (
      <div className="rule-editor">
        <p className="re-notice">{webText('editor.no-bucket-cors', { profile: profile.label, bucket })}</p>
      </div>
    );
  }
  return <BucketCorsEditor profile={profile} bucket={bucket} />;
}

function BucketCorsEditor({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const query = useQuery(corsQueries.detail(profile.id, bucket));
  if (query.isPending) {
    return (
      <div className="rule-editor">
        <p className="re-loading">{webText('editor.loading', { bucket })}</p>
      </div>
    );
  }
  // A failed re-read (on Save, on focus) keeps the session and its draft: only a first read that
  // failed has nothing to edit. The save itself then reports what the provider says.
  if (query.data === undefined) {
    return (
      <div className="rule-editor">
        <ErrorMessage error={query.error} title={webText('editor.load-failed', { bucket })} />
        <Button icon={RefreshCw} onClick={() => void query.refetch()}>
          {webText('editor.try-again')}
        </Button>
      </div>
    );
  }
  return (
    <>
      {query.data.lesson && <DemoLessonCard lesson={query.data.lesson} />}
      <RuleDragArea>
        <EditorSession key={`${profile.id}/${bucket}`} profile={profile} bucket={bucket} provider={query.data} />
      </RuleDragArea>
    </>
  );
}
