import { useQuery } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import type { ProfileSummary } from '../../../../contract/api';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui';
import { corsQueries } from '../../../api/cors';
import { DemoLessonCard } from './demo-lesson-card';
import { EditorSession } from './editor-session';
import { RuleDragArea } from './rule-list';
import './rule-editor.css';

export function RuleEditor({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  if (!profile.capabilities.bucketCors) {
    return (
      <div className="rule-editor">
        <p className="re-notice">
          {profile.label} has no per-bucket CORS configuration, so there are no rules to edit for {bucket}. CORS for this provider is set for the whole server (for MinIO community edition,
          MINIO_API_CORS_ALLOW_ORIGIN).
        </p>
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
        <p className="re-loading">Loading the CORS configuration of {bucket}…</p>
      </div>
    );
  }
  // A failed re-read (on Save, on focus) keeps the session and its draft: only a first read that
  // failed has nothing to edit. The save itself then reports what the provider says.
  if (query.data === undefined) {
    return (
      <div className="rule-editor">
        <ErrorMessage error={query.error} title={`The CORS configuration of ${bucket} could not be loaded.`} />
        <Button icon={RefreshCw} onClick={() => void query.refetch()}>
          Try again
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
