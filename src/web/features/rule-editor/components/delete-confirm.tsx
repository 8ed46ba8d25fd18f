import { useId } from 'react';
import { Button, Card } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';

/** Deleting the whole configuration is asked first; Cancel has the focus. */
export function DeleteConfirm({ bucket, holds, isDeleting, onConfirm, onCancel }: { bucket: string; holds: string; isDeleting: boolean; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <Card as="section" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`} className="re-dialog">
      <h3 id={`${id}-title`}>{webText('editor.delete.title')}</h3>
      <p id={`${id}-what`}>{webText('editor.delete.what', { bucket, holds })}</p>
      <div className="re-actions">
        <Button variant="danger" disabled={isDeleting} onClick={onConfirm}>
          {webText('editor.delete-all')}
        </Button>
        <Button autoFocus disabled={isDeleting} onClick={onCancel}>
          {webText('editor.cancel')}
        </Button>
        {isDeleting && <span className="re-muted">{webText('editor.deleting')}</span>}
      </div>
    </Card>
  );
}
