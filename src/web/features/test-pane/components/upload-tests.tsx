import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { SCRATCH_PREFIX } from '../../../../contract/scratch';
import { Button, TextField } from '../../../components/ui';
import { ErrorMessage } from '../../../components/error-message';
import { FILE_NOT_KEPT_TEXT, scratchLeftText } from '../../../lib/messages';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { corsQueries } from '../../../api/cors';
import { runUpload, type UploadKind, type UploadResult } from '../upload-test';
import { Breakages, VerdictBadge } from './verdict-badge';

const KIND_LABEL: Record<UploadKind, string> = { 'presigned-put': 'Presigned PUT', 'post-form': 'POST form' };

function etagMissingText({ predicted }: UploadResult): string {
  return predicted.noEtag
    ? 'Script cannot read ETag: this provider answers a form upload without any ETag header, whatever the rules expose. Add the form field success_action_status=201 to get the ETag in the XML body.'
    : 'Script cannot read ETag: the rule answering the upload does not expose it.';
}

function predictionText({ predicted, outcome, etag }: UploadResult): string {
  const said = predicted.allowed ? (predicted.etagReadable ? 'allowed, ETag readable' : 'allowed, ETag not readable') : 'blocked';
  const asPredicted = predicted.allowed === outcome.readable && predicted.etagReadable === (etag !== null);
  return `The rules predicted: ${said}${asPredicted ? ', as the browser found.' : '. The browser disagrees: something between the page and the bucket changes the answer.'}`;
}

function UploadOutcome({ result }: { result: UploadResult }) {
  const { outcome, verdict } = result;
  return (
    <div role="status" className={`tp-upload-outcome tp-${verdict.level}`} data-level={verdict.level}>
      <p>
        <VerdictBadge verdict={verdict} /> {KIND_LABEL[result.kind]}:{' '}
        {outcome.readable
          ? `uploaded (${outcome.status}, ${outcome.ms} ms). ${result.etag ? `Script can read ETag: ${result.etag}.` : etagMissingText(result)}`
          : `blocked by CORS (${outcome.error ?? 'no detail'}). The upload may still have reached the bucket; script just cannot see the answer.`}
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
    <section className="tp-uploads" aria-label="Upload tests">
      <h3>Upload tests</h3>
      <p className="tp-muted">From this page ({window.location.origin}), as a web app uploading directly to the bucket does.</p>
      <div className="tp-form">
        <TextField label="Upload key" inputClassName="tp-mono" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} hint={`Empty: a scratch object under ${SCRATCH_PREFIX}, removed after.`} />
        <TextField label="File to upload" type="file" hint={FILE_NOT_KEPT_TEXT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="tp-actions">
        <Button variant="secondary" disabled={upload.isPending || !cors.isSuccess} onClick={() => start('presigned-put')}>
          Upload with a presigned PUT
        </Button>
        <Button variant="secondary" disabled={upload.isPending || !cors.isSuccess || !profile.capabilities.presignedPost} onClick={() => start('post-form')}>
          Upload with a POST form
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
      {upload.isError && <ErrorMessage error={upload.error} title="The upload could not start." />}
    </section>
  );
}
