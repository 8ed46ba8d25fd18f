import { useId } from 'react';
import { Button, Card } from '../../../components/ui';

/** Deleting the whole configuration is asked first; Cancel has the focus. */
export function DeleteConfirm({ bucket, holds, isDeleting, onConfirm, onCancel }: { bucket: string; holds: string; isDeleting: boolean; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <Card as="section" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`} className="re-dialog">
      <h3 id={`${id}-title`}>Delete all rules?</h3>
      <p id={`${id}-what`}>
        This removes the whole CORS configuration of {bucket} from the provider ({holds}). Browsers lose cross-origin access to it at once. Undo brings the rules back into the editor as a
        draft.
      </p>
      <div className="re-actions">
        <Button variant="danger" disabled={isDeleting} onClick={onConfirm}>
          Delete all rules
        </Button>
        <Button autoFocus disabled={isDeleting} onClick={onCancel}>
          Cancel
        </Button>
        {isDeleting && <span className="re-muted">Deleting…</span>}
      </div>
    </Card>
  );
}
