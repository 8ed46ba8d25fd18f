import { useId } from 'react';
import type { CorsConfig, DocumentFormat } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button, Card } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { countRules } from '../../../lib/rule-count';

/** The last step of a save: the change from what the provider holds to the draft, in the raw view's format. */
export function SaveReview({ before, after, format, changedOnProvider, isSaving, onConfirm, onCancel }: {
  /** What the provider holds now: re-read when the review opens. */
  before: CorsConfig | null;
  after: CorsConfig;
  format: DocumentFormat;
  /** The provider holds a newer configuration than the one the draft started from. */
  changedOnProvider: boolean;
  /** The save is under way: both buttons wait for it. */
  isSaving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <Card as="section" role="dialog" aria-labelledby={`${id}-title`} className="re-dialog">
      <h3 id={`${id}-title`}>{webText('editor.review.title')}</h3>
      <p>{webText('editor.review.before-after', { before: countRules(before), after: countRules(after) })}</p>
      {changedOnProvider && (
        <p role="status" className="re-warning">
          {webText('editor.review.changed')}
        </p>
      )}
      <ConfigDiff before={before} after={after} format={format} label={webText('editor.review.diff')} />
      <div className="re-actions">
        <Button variant="primary" autoFocus disabled={isSaving} onClick={onConfirm}>
          {webText('editor.review.confirm')}
        </Button>
        <Button disabled={isSaving} onClick={onCancel}>
          {webText('editor.cancel')}
        </Button>
        {isSaving && <span className="re-muted">{webText('editor.saving')}</span>}
      </div>
    </Card>
  );
}

/** The restored draft against the provider's configuration, before deciding to keep or discard it. */
export function DraftReview({ before, after, format, onClose }: { before: CorsConfig | null; after: CorsConfig; format: DocumentFormat; onClose: () => void }) {
  const id = useId();
  return (
    <Card as="section" role="dialog" aria-labelledby={`${id}-title`} className="re-dialog">
      <h3 id={`${id}-title`}>{webText('editor.draft-review.title')}</h3>
      <ConfigDiff before={before} after={after} format={format} label={webText('editor.draft-review.diff')} />
      <div className="re-actions">
        <Button autoFocus onClick={onClose}>
          {webText('editor.close')}
        </Button>
      </div>
    </Card>
  );
}
