import { configEdits, configEditText, documentFormatInfo, type CorsConfig, type DocumentFormat } from '../../core';
import { documentText } from '../lib/document-formats';
import { webText } from '../lib/i18n/feature-text';
import { DiffView } from './diff-view';
import './config-diff.css';

/**
 * A change between two configurations: first as edits people name ("Rule 2 moved to position 1"),
 * then as the provider's document, line by line, for those who check the exact text.
 */
export function ConfigDiff({ before, after, format, label }: { before: CorsConfig | null; after: CorsConfig | null; format: DocumentFormat; label: string }) {
  const edits = configEdits(before, after);
  return (
    <div className="config-diff">
      <ul className="config-diff-edits" aria-label={label}>
        {edits.length === 0 ? <li>{webText('config-diff.nothing')}</li> : edits.map((edit, index) => <li key={index}>{configEditText(edit)}</li>)}
      </ul>
      <DiffView before={documentText(before, format)} after={documentText(after, format)} label={webText('config-diff.as-format', { format: documentFormatInfo(format).label })} />
    </div>
  );
}
