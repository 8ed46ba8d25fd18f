import { useId } from 'react';
import type { CorsState } from '../../../../contract/api';
import type { CorsConfig, DocumentFormat } from '../../../../core';
import { Button, Card } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { ConfigSummary } from './config-summary';

export function ConflictView({ intent, afterWrite, current, draft, format, onKeepMine, onTakeTheirs, onMergeByHand }: {
  intent: 'save' | 'delete';
  /** The provider refused a write for this reason (409), rather than the editor noticing it first. */
  afterWrite: boolean;
  current: CorsState;
  draft: CorsConfig;
  format: DocumentFormat;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMergeByHand: () => void;
}) {
  const id = useId();
  const mine = intent === 'save' ? webText('editor.conflict.mine-draft') : webText('editor.conflict.mine-none');
  return (
    <Card as="section" role="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-why`} className="re-dialog re-conflict">
      <h3 id={`${id}-title`}>{webText('editor.conflict.title')}</h3>
      <p id={`${id}-why`}>{webText(!afterWrite ? 'editor.conflict.why' : intent === 'save' ? 'editor.conflict.why-not-saved' : 'editor.conflict.why-not-deleted')}</p>
      <div className="re-columns">
        <section aria-label={webText('editor.conflict.theirs')} className="re-column">
          <h4>{webText('editor.conflict.theirs')}</h4>
          <ConfigSummary config={current.config} format={format} />
        </section>
        <section aria-label={mine} className="re-column">
          <h4>{mine}</h4>
          <ConfigSummary config={intent === 'save' ? draft : null} format={format} />
        </section>
      </div>
      <ul className="re-choices">
        <li>
          <Button variant="primary" onClick={onKeepMine} autoFocus>
            {webText('editor.conflict.keep-mine')}
          </Button>{' '}
          {intent === 'save' ? webText('editor.conflict.keep-mine-save') : webText('editor.conflict.keep-mine-delete')}
        </li>
        <li>
          <Button onClick={onTakeTheirs}>{webText('editor.conflict.take-theirs')}</Button> {webText('editor.conflict.take-theirs-note')}
        </li>
        <li>
          <Button onClick={onMergeByHand}>{webText('editor.conflict.merge')}</Button> {webText('editor.conflict.merge-note')}
        </li>
      </ul>
    </Card>
  );
}
