import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { SCRATCH_PREFIX } from '../../../../contract/scratch';
import { Button, TextField } from '../../../components/ui';
import { ErrorMessage } from '../../../components/error-message';
import { scratchLeftText, TEST_TAB_TEXT } from '../../../lib/messages';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { corsQueries } from '../../../api/cors';
import { runUpload, type UploadKind, type UploadResult } from '../upload-test';
import { Breakages, VerdictBadge } from './verdict-badge';
import { webText } from '../../../lib/i18n/feature-text';

/** What the upload did, as script on the page saw it: uploaded (and whether ETag is readable) or blocked. */
function outcomeText({ kind, outcome, etag, predicted }: UploadResult): string {
  const kindText = webText('test-pane.upload.kind', { kind: kind === 'presigned-put' ? 'presigned' : 'form' });
  if (!outcome.readable) {
    return outcome.error ? webText('test-pane.upload.blocked', { kind: kindText, error: outcome.error }) : webText('test-pane.upload.blocked-no-detail', { kind: kindText });
  }
  const etagState = etag ? 'readable' : predicted.noEtag ? 'formupload' : 'notexposed';
  return webText('test-pane.upload.uploaded', { kind: kindText, status: outcome.status ?? 0, ms: outcome.ms, etag: etagState, value: etag ?? '' });
}

function predictionText({ predicted, outcome, etag }: UploadResult): string {
  const said = predicted.allowed ? (predicted.etagReadable ? 'readable' : 'unreadable') : 'blocked';
  const asPredicted = predicted.allowed === outcome.readable && predicted.etagReadable === (etag !== null);
  return webText(asPredicted ? 'test-pane.upload.predicted' : 'test-pane.upload.predicted-differs', { said });
}

function UploadOutcome({ result }: { result: UploadResult }) {
  const { verdict } = result;
  return (
    <div role="status" className={`tp-upload-outcome tp-${verdict.level}`} data-level={verdict.level}>
      <p>
        <VerdictBadge verdict={verdict} /> {outcomeText(result)}
      </p>
      <Breakages verdict={verdict} />
      <p className="tp-muted">{predictionText(result)}</p>
    </div>
  );
}

// One for the page: a Blob per render cost ~2 ms on each keystroke in the editor beside it.
const SAMPLE_UPLOAD = new Blob(['cors-console upload test\n'], { type: 'text/plain' });

/** The seeds' scenario: a web app uploading straight to the bucket, and whether it can read ETag after. */
export function UploadTests({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  // Empty: a scratch object, removed after the upload. A key the user names is asked about first.
  const [key, setKey] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<UploadKind | null>(null);
  const cors = useQuery(corsQueries.detail(profile.id, bucket));
  const body = file ?? SAMPLE_UPLOAD;
  const upload = useMutation({
    mutationFn: ({ kind, confirmWrite }: { kind: UploadKind; confirmWrite: boolean }) =>
      runUpload({ profile: profile.id, bucket, dialect: profile.dialect, saved: cors.data?.config ?? null }, key.trim() || null, body, file?.name ?? 'upload-test.txt', kind, confirmWrite),
  });
  const start = (kind: UploadKind) => (key.trim() ? setUnconfirmed(kind) : upload.mutate({ kind, confirmWrite: false }));
  return (
    <section className="tp-uploads" aria-label={webText('test-pane.upload.title')}>
      <h3>{webText('test-pane.upload.title')}</h3>
      <p className="tp-muted">{webText('test-pane.upload.intro', { origin: window.location.origin })}</p>
      <div className="tp-form">
        <TextField label={webText('test-pane.upload.key')} inputClassName="tp-mono" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} hint={webText('test-pane.upload.key-hint', { prefix: SCRATCH_PREFIX })} />
        <TextField label={webText('test-pane.upload.file')} type="file" hint={TEST_TAB_TEXT.fileNotKept} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="tp-actions">
        <Button variant="secondary" disabled={upload.isPending || !cors.isSuccess} onClick={() => start('presigned-put')}>
          {webText('test-pane.upload.presigned-put')}
        </Button>
        <Button variant="secondary" disabled={upload.isPending || !cors.isSuccess || !profile.capabilities.presignedPost} onClick={() => start('post-form')}>
          {webText('test-pane.upload.post-form')}
        </Button>
      </div>
      {unconfirmed && (
        <ConfirmWriteDialog
          effects={[{ method: unconfirmed === 'presigned-put' ? 'PUT' : 'POST', bucket, key: key.trim(), bodyBytes: body.size }]}
          onCancel={() => setUnconfirmed(null)}
          onConfirm={() => {
            setUnconfirmed(null);
            upload.mutate({ kind: unconfirmed, confirmWrite: true });
          }}
        />
      )}
      {upload.data && <UploadOutcome result={upload.data} />}
      {upload.data?.scratch?.notRemoved !== undefined && <ErrorMessage error={upload.data.scratch.notRemoved} title={scratchLeftText(upload.data.scratch.key)} />}
      {upload.isError && <ErrorMessage error={upload.error} title={webText('test-pane.upload.failed')} />}
    </section>
  );
}
