import { Download, Upload } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { corsQueries } from '../../../api/cors';
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
  // What the provider holds now, for the import's drift comparison (the editor reads the same query).
  const live = useQuery(corsQueries.detail(profile.id, bucket));
  const dropped = useDroppedFile(ready && open === null);
  return (
    <>
      <Button ref={importButton} icon={Upload} disabled={!ready} onClick={() => setOpen('import')}>
        {webText('import-export.import')}
      </Button>
      <Button ref={exportButton} icon={Download} disabled={!ready} onClick={() => setOpen('export')}>
        {webText('import-export.export')}
      </Button>
      {(open === 'import' || dropped.file) && ready && (
        <ImportDialog
          dialect={profile.dialect}
          draft={draft}
          live={live.data?.config}
          {...(dropped.file ? { initialFile: dropped.file } : {})}
          onReplace={(config, note) => workspace?.proposeDraft(config, note) ?? false}
          onClose={() => {
            dropped.clear();
            close();
          }}
          returnFocusTo={importButton}
        />
      )}
      {open === 'export' && ready && <ExportDialog bucket={bucket} dialect={profile.dialect} draft={draft ?? { rules: [] }} onClose={close} returnFocusTo={exportButton} />}
    </>
  );
}

/**
 * A file dropped anywhere on the bucket page opens the import with it (the file field does the
 * same for the keyboard). While a file is dragged over the page, the page shows where it goes.
 */
function useDroppedFile(listening: boolean): { file: File | null; clear: () => void } {
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    if (!listening) return;
    const carriesFile = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!carriesFile(event)) return;
      event.preventDefault();
      document.body.classList.add('ie-drop-target');
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) document.body.classList.remove('ie-drop-target');
    };
    const drop = (event: DragEvent) => {
      document.body.classList.remove('ie-drop-target');
      const dropped = event.dataTransfer?.files[0];
      if (!dropped) return;
      event.preventDefault();
      setFile(dropped);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
      document.body.classList.remove('ie-drop-target');
    };
  }, [listening]);
  return { file, clear: () => setFile(null) };
}
