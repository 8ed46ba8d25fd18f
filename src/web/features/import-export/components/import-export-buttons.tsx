import { Download, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { Button } from '../../../components/ui';
import { useBucketWorkspace, useWorkspaceDraft } from '../../../lib/bucket-workspace';
import { webText } from '../../../lib/i18n/feature-text';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import './import-export.css';

/** "Import…" and "Export…" for the bucket page's Rules toolbar; both work on the editor's draft. */
export function ImportExportButtons({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const workspace = useBucketWorkspace();
  const [open, setOpen] = useState<'import' | 'export' | null>(null);
  const draft = useWorkspaceDraft();
  // The editor publishes its draft once it has loaded; until then there is nothing to replace or export.
  const ready = draft !== undefined;
  const close = () => setOpen(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={importButton} icon={Upload} disabled={!ready} onClick={() => setOpen('import')}>
        {webText('import-export.import')}
      </Button>
      <Button ref={exportButton} icon={Download} disabled={!ready} onClick={() => setOpen('export')}>
        {webText('import-export.export')}
      </Button>
      {open === 'import' && ready && (
        <ImportDialog dialect={profile.dialect} draft={draft} onReplace={(config, note) => workspace?.proposeDraft(config, note) ?? false} onClose={close} returnFocusTo={importButton} />
      )}
      {open === 'export' && ready && <ExportDialog bucket={bucket} dialect={profile.dialect} draft={draft ?? { rules: [] }} onClose={close} returnFocusTo={exportButton} />}
    </>
  );
}
