import { Download } from 'lucide-react';
import { useId, useState, type RefObject } from 'react';
import { dialectProfile, documentFormatInfo, type CorsConfig, type Dialect, type DocumentFormat } from '../../../../core';
import { LocatedIssues } from '../../../components/located-issues';
import { Button, Dialog, DialogActions, Select, TextArea } from '../../../components/ui';
import { countRules } from '../../../lib/rule-count';
import { downloadFile } from '../../../lib/download';
import { webText } from '../../../lib/i18n/feature-text';
import { exportDocument } from '../export-document';
import { FormatOptions } from './format-options';

/**
 * Export the draft (not what the bucket holds: saving is the editor's job) in any of the core's
 * formats, saying what the chosen format would lose before the file is made.
 */
export function ExportDialog({ bucket, dialect, draft, onClose, returnFocusTo }: { bucket: string; dialect: Dialect; draft: CorsConfig; onClose: () => void; returnFocusTo?: RefObject<HTMLElement | null> }) {
  const ids = { losses: useId() };
  const [format, setFormat] = useState<DocumentFormat>(() => dialectProfile(dialect).documents.exported);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const file = exportDocument(draft, format, bucket);
  const label = documentFormatInfo(format).label;

  return (
    <Dialog title={webText('import-export.export-title')} onClose={onClose} className="ie-dialog" {...(returnFocusTo ? { returnFocusTo } : {})}>
      <p className="modal-muted">{webText('import-export.export-lead', { rules: countRules(draft) })}</p>
      <Select
        label={webText('import-export.format')}
        className="ie-format"
        data-autofocus
        value={format}
        onChange={(event) => {
          setFormat(event.target.value as DocumentFormat);
          setDownloaded(null);
        }}
      >
        <FormatOptions />
      </Select>
      {file.losses.length > 0 ? (
        <>
          <h4>{webText('import-export.losses', { format: label })}</h4>
          <LocatedIssues id={ids.losses} issues={file.losses} label={webText('import-export.losses', { format: label })} />
        </>
      ) : (
        <p className="modal-muted">{webText('import-export.no-losses', { format: label })}</p>
      )}
      <TextArea label={webText('import-export.document')} className="ie-document" rows={12} readOnly spellCheck={false} value={file.text} />
      <DialogActions>
        <Button
          variant="primary"
          icon={Download}
          aria-describedby={file.losses.length > 0 ? ids.losses : undefined}
          onClick={() => {
            downloadFile(file);
            setDownloaded(file.fileName);
          }}
        >
          {webText('import-export.download')}
        </Button>
        <span className="modal-muted">{webText('import-export.download-as', { file: file.fileName })}</span>
        <Button onClick={onClose}>{webText('import-export.close')}</Button>
      </DialogActions>
      <p role="status" className="modal-muted">
        {downloaded ? webText('import-export.downloaded', { file: downloaded }) : ''}
      </p>
    </Dialog>
  );
}
