import { Download } from 'lucide-react';
import { useId, useMemo, useState, type RefObject } from 'react';
import { dialectProfile, documentFormatInfo, exportTargetInfo, isDocumentFormat, type CorsConfig, type Dialect } from '../../../../core';
import { LocatedIssues } from '../../../components/located-issues';
import { Button, Dialog, DialogActions, Select, TextArea } from '../../../components/ui';
import { countRules } from '../../../lib/rule-count';
import { downloadFile } from '../../../lib/download';
import { webText } from '../../../lib/i18n/feature-text';
import { useCodeParsers, useParsersNeeded } from '../code-parsers';
import { exportDocument, type ExportChoice } from '../export-document';
import { ExportTargetOptions } from './format-options';

/**
 * Export the draft (not what the bucket holds: saving is the editor's job) in any of the core's
 * formats or as code (Terraform, CloudFormation, a provider CLI's file and its command), saying
 * what the chosen target would lose before the file is made: IDs, ResponseVary, and for targets
 * that do not keep rule order, the requests another order would answer differently.
 */
export function ExportDialog({ bucket, dialect, draft, onClose, returnFocusTo }: { bucket: string; dialect: Dialect; draft: CorsConfig; onClose: () => void; returnFocusTo?: RefObject<HTMLElement | null> }) {
  const ids = { losses: useId() };
  const [format, setFormat] = useState<ExportChoice>(() => dialectProfile(dialect).documents.exported);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const needs = isDocumentFormat(format) ? [] : exportTargetInfo(format).needs;
  const [parsers, addParsers] = useCodeParsers();
  const loading = useParsersNeeded(needs, parsers, addParsers);
  // The order analysis behind the losses runs the shadowing analysis twice: once per change.
  const file = useMemo(() => (loading ? null : exportDocument(draft, format, bucket, parsers)), [loading, draft, format, bucket, parsers]);
  const label = isDocumentFormat(format) ? documentFormatInfo(format).label : exportTargetInfo(format).label;
  const reorderChanges = file?.losses.some((loss) => loss.code === 'conversion.order-changes-outcome') === true;

  return (
    <Dialog title={webText('import-export.export-title')} onClose={onClose} className="ie-dialog" {...(returnFocusTo ? { returnFocusTo } : {})}>
      <p className="modal-muted">{webText('import-export.export-lead', { rules: countRules(draft) })}</p>
      <Select
        label={webText('import-export.format')}
        className="ie-format"
        data-autofocus
        value={format}
        onChange={(event) => {
          setFormat(event.target.value as ExportChoice);
          setDownloaded(null);
        }}
      >
        <ExportTargetOptions />
      </Select>
      {loading && (
        <p role="status" className="modal-muted">
          {webText('import-export.loading-writer')}
        </p>
      )}
      {file && file.losses.length > 0 && (
        <>
          <h4>{webText('import-export.losses', { format: label })}</h4>
          <LocatedIssues id={ids.losses} issues={file.losses} label={webText('import-export.losses', { format: label })} />
        </>
      )}
      {file && file.losses.length === 0 && <p className="modal-muted">{webText('import-export.no-losses', { format: label })}</p>}
      {reorderChanges && (
        <p role="alert" className="ie-error">
          {webText('import-export.order-alert')}
        </p>
      )}
      <TextArea label={webText('import-export.document')} className="ie-document" rows={12} readOnly spellCheck={false} value={file?.text ?? ''} />
      {file?.command && (
        <div className="ie-command">
          <p className="modal-muted">{webText('import-export.apply-with')}</p>
          <pre>
            <code>{file.command}</code>
          </pre>
        </div>
      )}
      <DialogActions>
        <Button
          variant="primary"
          icon={Download}
          disabled={!file}
          aria-describedby={file && file.losses.length > 0 ? ids.losses : undefined}
          onClick={() => {
            if (!file) return;
            downloadFile(file);
            setDownloaded(file.fileName);
          }}
        >
          {webText('import-export.download')}
        </Button>
        {file && <span className="modal-muted">{webText('import-export.download-as', { file: file.fileName })}</span>}
        <Button onClick={onClose}>{webText('import-export.close')}</Button>
      </DialogActions>
      <p role="status" className="modal-muted">
        {downloaded ? webText('import-export.downloaded', { file: downloaded }) : ''}
      </p>
    </Dialog>
  );
}
