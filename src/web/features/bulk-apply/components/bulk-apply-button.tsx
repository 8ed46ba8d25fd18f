import { useRef, useState } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { Button } from '../../../components/ui';
import { useWorkspaceDraft } from '../../../lib/bucket-workspace';
import { webText } from '../../../lib/i18n/feature-text';
import { BulkApplyDialog } from './bulk-apply-dialog';
import './bulk-apply.css';

/** "Apply to other buckets…" for the bucket page's Rules toolbar. */
export function BulkApplyButton({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const draft = useWorkspaceDraft();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} disabled={draft === undefined} onClick={() => setOpen(true)}>
        {webText('bulk-apply.open')}
      </Button>
      {open && draft !== undefined && <BulkApplyDialog profile={profile} bucket={bucket} draft={draft ?? { rules: [] }} onClose={() => setOpen(false)} returnFocusTo={button} />}
    </>
  );
}
