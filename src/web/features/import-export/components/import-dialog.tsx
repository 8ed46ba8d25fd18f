import { useId, useState, type ChangeEvent, type RefObject } from 'react';
import { detectDocumentFormat, dialectProfile, documentFormatInfo, type CorsConfig, type Dialect, type DocumentFormat } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { LocatedIssues } from '../../../components/located-issues';
import { Button, Dialog, DialogActions, Select, TextArea, TextField } from '../../../components/ui';
import { countRules } from '../../../lib/rule-count';
import { MAX_IMPORT_BYTES, readImportedDocument } from '../import-document';
import { FormatOptions } from './format-options';
import type { DraftNote } from '../../../lib/messages';

type FormatChoice = 'auto' | DocumentFormat;

/**
 * Import into the draft: a file or pasted text (the file's text lands in the same box, so lines
 * are where the issues say), the format detected with a select to override, every issue at its
 * rule, field and line, and the change as a diff. "Replace draft" hands the editor the result;
 * nothing is written to the bucket.
 */
export function ImportDialog({ dialect, draft, onReplace, onClose, returnFocusTo }: {
  dialect: Dialect;
  draft: CorsConfig | null;
  /** False when no editor took the draft. */
  onReplace: (config: CorsConfig, note: DraftNote) => boolean;
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const ids = { issues: useId() };
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [choice, setChoice] = useState<FormatChoice>('auto');
  const [refused, setRefused] = useState(false);

  const detected = detectDocumentFormat(text, dialect, fileName ?? undefined);
  const format = choice === 'auto' ? detected : choice;
  const hasText = text.trim() !== '';
  const reading = hasText ? readImportedDocument(text, format, dialect, draft) : null;
  const diffFormat = dialectProfile(dialect).documents.native;
  const errorCount = reading?.ok ? reading.issues.filter((i) => i.severity === 'error').length : 0;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(`${file.name} is ${Math.ceil(file.size / 1024)} KB; a CORS document is far smaller (S3 takes at most 64 KB), so it was not read.`);
      return;
    }
    setFileError(null);
    setFileName(file.name);
    setText(await file.text());
  };

  const replace = () => {
    if (!reading?.ok) return;
    if (onReplace(reading.config, { code: 'imported', ruleCount: reading.config.rules.length, ...(fileName ? { file: fileName } : {}), format })) onClose();
    else setRefused(true);
  };

  return (
    <Dialog title="Import rules into the draft" onClose={onClose} className="ie-dialog" {...(returnFocusTo ? { returnFocusTo } : {})}>
      <p className="modal-muted">The document replaces the draft in the editor. Nothing is written to the bucket until you save there.</p>
      <TextField label="Import from file" className="ie-file" type="file" accept=".json,.xml,application/json,application/xml,text/xml" data-autofocus onChange={(event) => void onFile(event)} />
      {fileError && (
        <p role="alert" className="ie-error">
          {fileError}
        </p>
      )}
      <TextArea
        label="Or paste a document"
        className="ie-document"
        rows={12}
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (fileName) setFileName(null);
        }}
        aria-invalid={reading?.ok === false || undefined}
        aria-describedby={reading && reading.issues.length > 0 ? ids.issues : undefined}
        placeholder='{"CORSRules": [...]} or <CORSConfiguration>…'
      />
      {fileName && <p className="modal-muted">Read from {fileName}.</p>}
      <Select label="Format" className="ie-format" value={choice} onChange={(event) => setChoice(event.target.value as FormatChoice)}>
        <option value="auto">Detect automatically{hasText ? ` (${documentFormatInfo(detected).label})` : ''}</option>
        <FormatOptions />
      </Select>
      {reading && <LocatedIssues id={ids.issues} issues={reading.issues} label="Problems in the document" />}
      {reading?.ok === false && <p className="ie-error">The document cannot be read as {documentFormatInfo(format).label}; fix the errors above or pick another format.</p>}
      {reading?.ok && (
        <>
          {reading.keptResponseVary && <p className="modal-muted">{documentFormatInfo(format).label} cannot say ResponseVary, so the draft keeps its Vary: Origin switch on.</p>}
          {errorCount > 0 && (
            <p className="ie-error">
              The draft will carry {errorCount === 1 ? 'an error' : `${errorCount} errors`} the provider would reject; Save stays blocked until {errorCount === 1 ? 'it is' : 'they are'} fixed in the editor.
            </p>
          )}
          <ConfigDiff before={draft} after={reading.config} format={diffFormat} label={`What the import changes in the draft (${countRules(draft)} before, ${countRules(reading.config)} after)`} />
        </>
      )}
      {refused && (
        <p role="alert" className="ie-error">
          The editor is not ready to take the draft; wait until the rules have loaded.
        </p>
      )}
      <DialogActions>
        <Button variant="primary" disabled={!reading?.ok} onClick={replace}>
          Replace draft
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
