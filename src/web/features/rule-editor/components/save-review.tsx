import { useId } from 'react';
import type { CorsConfig, DocumentFormat } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button, Card } from '../../../components/ui';
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
      <h3 id={`${id}-title`}>Review the change before saving</h3>
      <p>
        Before: what the provider holds now ({countRules(before)}). After: your draft ({countRules(after)}).
      </p>
      {changedOnProvider && (
        <p role="status" className="re-warning">
          The configuration changed on the provider since your draft started, so the change below is against the newer one. Confirm save shows both side by side first: the save is
          guarded and will not overwrite it unasked.
        </p>
      )}
      <ConfigDiff before={before} after={after} format={format} label="What the save changes" />
      <div className="re-actions">
        <Button variant="primary" autoFocus disabled={isSaving} onClick={onConfirm}>
          Confirm save
        </Button>
        <Button disabled={isSaving} onClick={onCancel}>
          Cancel
        </Button>
        {isSaving && <span className="re-muted">Saving…</span>}
      </div>
    </Card>
  );
}

/** The restored draft against the provider's configuration, before deciding to keep or discard it. */
export function DraftReview({ before, after, format, onClose }: { before: CorsConfig | null; after: CorsConfig; format: DocumentFormat; onClose: () => void }) {
  const id = useId();
  return (
    <Card as="section" role="dialog" aria-labelledby={`${id}-title`} className="re-dialog">
      <h3 id={`${id}-title`}>Your draft compared with the provider&apos;s configuration</h3>
      <ConfigDiff before={before} after={after} format={format} label="What the draft changes" />
      <div className="re-actions">
        <Button autoFocus onClick={onClose}>
          Close
        </Button>
      </div>
    </Card>
  );
}
