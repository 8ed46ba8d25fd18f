import { useEffect, useId, useMemo, useState, type ChangeEvent, type RefObject } from 'react';
import { detectSourceFormatWith, dialectProfile, parsersFor, sourceFormatLabel, type CorsConfig, type Dialect, type SourceFormat } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { LocatedIssues } from '../../../components/located-issues';
import { Button, Dialog, DialogActions, Select, TextArea, TextField } from '../../../components/ui';
import { formatNumber } from '../../../lib/i18n/format';
import { webText } from '../../../lib/i18n/feature-text';
import { countRules } from '../../../lib/rule-count';
import { MAX_IMPORT_BYTES, readImportedDocument } from '../import-document';
import { useCodeParsers, useParsersNeeded } from '../code-parsers';
import { DriftSummary } from './drift-summary';
import { SourceFormatOptions } from './format-options';
import type { DraftNote } from '../../../lib/messages';

type FormatChoice = 'auto' | SourceFormat;

/**
 * Import into the draft: a file or pasted text (the file's text lands in the same box, so lines
 * are where the issues say), the shape detected (with the others the text also reads as, when it
 * is ambiguous) and a select to override, every issue at its
 * rule, field and line, and the change as a diff; then the file against what the bucket holds
 * now (drift). "Replace draft" hands the editor the result; nothing is written to the bucket.
 */
export function ImportDialog({ dialect, draft, live, initialFile, onReplace, onClose, returnFocusTo }: {
  dialect: Dialect;
  draft: CorsConfig | null;
  /** What the provider holds now; undefined while it is read (or when it cannot be). */
  live: CorsConfig | null | undefined;
  /** A file dropped on the bucket page, read as if chosen in the file field. */
  initialFile?: File;
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

  const hasText = text.trim() !== '';
  const [parsers, addParsers] = useCodeParsers();
  // Detection and reading parse the text (YAML, HCL): once per change of text, choice or parsers.
  const detection = useMemo(() => detectSourceFormatWith(text, dialect, { ...(fileName ? { fileName } : {}), parsers }), [text, dialect, fileName, parsers]);
  const detected = 'format' in detection ? detection.format : null;
  const format = choice === 'auto' ? detected : choice;
  const loading = useParsersNeeded('needs' in detection ? detection.needs : format ? parsersFor(format) : [], parsers, addParsers);
  const reading = useMemo(
    () => (hasText && format && !loading ? readImportedDocument(text, format, dialect, draft, parsers) : null),
    [hasText, format, loading, text, dialect, draft, parsers],
  );
  const alternatives = choice === 'auto' && 'alternatives' in detection ? detection.alternatives : [];
  const diffFormat = dialectProfile(dialect).documents.native;
  const errorCount = reading?.ok ? reading.issues.filter((i) => i.severity === 'error').length : 0;

  const readFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(tooLargeText(file));
      return;
    }
    setFileError(null);
    setFileName(file.name);
    setText(await file.text());
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void readFile(file);
  };
  // A dropped file is read once, when the dialog opens with it; one too large is said at once.
  const [dropped] = useState(initialFile);
  useEffect(() => {
    if (!dropped || dropped.size > MAX_IMPORT_BYTES) return;
    void dropped.text().then((read) => {
      setFileName(dropped.name);
      setText(read);
    });
  }, [dropped]);
  const droppedError = dropped && dropped.size > MAX_IMPORT_BYTES && fileName === null && text === '' ? tooLargeText(dropped) : null;

  const replace = () => {
    if (!reading?.ok || !format) return;
    if (onReplace(reading.config, { code: 'imported', ruleCount: reading.config.rules.length, ...(fileName ? { file: fileName } : {}), format })) onClose();
    else setRefused(true);
  };

  return (
    <Dialog title={webText('import-export.import-title')} onClose={onClose} className="ie-dialog" {...(returnFocusTo ? { returnFocusTo } : {})}>
      <p className="modal-muted">{webText('import-export.import-lead')}</p>
      <TextField label={webText('import-export.from-file')} className="ie-file" type="file" accept=".json,.xml,.yaml,.yml,.tf,application/json,application/xml,text/xml" data-autofocus onChange={onFile} />
      {(fileError ?? droppedError) && (
        <p role="alert" className="ie-error">
          {fileError ?? droppedError}
        </p>
      )}
      <TextArea
        label={webText('import-export.paste')}
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
        placeholder={webText('import-export.paste-placeholder', { json: '{"CORSRules": [...]}', xml: '<CORSConfiguration>…' })}
      />
      {fileName && <p className="modal-muted">{webText('import-export.read-from', { file: fileName })}</p>}
      <Select label={webText('import-export.format')} className="ie-format" value={choice} onChange={(event) => setChoice(event.target.value as FormatChoice)}>
        <option value="auto">{hasText && detected ? webText('import-export.detect-as', { format: sourceFormatLabel(detected) }) : webText('import-export.detect')}</option>
        <SourceFormatOptions />
      </Select>
      {alternatives.length > 0 && (
        <p className="modal-muted ie-alternatives">
          {webText('import-export.also-reads-as')}{' '}
          {alternatives.map((alternative, index) => (
            <span key={alternative}>
              {index > 0 && ' · '}
              <code>{sourceFormatLabel(alternative)}</code>
            </span>
          ))}
        </p>
      )}
      {hasText && loading && (
        <p role="status" className="modal-muted">
          {webText('import-export.loading-parser')}
        </p>
      )}
      {reading && <LocatedIssues id={ids.issues} issues={reading.issues} label={webText('import-export.problems')} />}
      {reading?.ok === false && <p className="ie-error">{webText('import-export.unreadable', { format: sourceFormatLabel(reading.ok || !format ? 's3-xml' : format) })}</p>}
      {reading?.ok && (
        <>
          {reading.keptResponseVary && <p className="modal-muted">{webText('import-export.kept-vary', { format: format ? sourceFormatLabel(format) : '' })}</p>}
          {errorCount > 0 && (
            <p className="ie-error">
              {webText('import-export.errors', { count: errorCount })}
            </p>
          )}
          <ConfigDiff before={draft} after={reading.config} format={diffFormat} label={webText('import-export.diff', { before: countRules(draft), after: countRules(reading.config) })} />
          {live !== undefined && <DriftSummary live={live} file={reading.config} dialect={dialect} />}
        </>
      )}
      {refused && (
        <p role="alert" className="ie-error">
          {webText('import-export.not-ready')}
        </p>
      )}
      <DialogActions>
        <Button variant="primary" disabled={!reading?.ok} onClick={replace}>
          {webText('import-export.replace')}
        </Button>
        <Button onClick={onClose}>{webText('import-export.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function tooLargeText(file: File): string {
  return webText('import-export.file-too-large', { file: file.name, size: formatNumber(Math.ceil(file.size / 1024)) });
}
