import { Button } from '../../../components/ui';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { webText } from '../../../lib/i18n/feature-text';
import { confirmWriteAction, confirmWriteTitle, writeEffectText, TEST_TAB_TEXT, type WriteEffect } from '../../../lib/messages';

/**
 * Asks before a test writes to or deletes objects the user named: each object and what will
 * happen to it. Cancel has the focus, so Enter never destroys data by reflex.
 */
export function ConfirmWriteDialog({ effects, onConfirm, onCancel }: { effects: readonly WriteEffect[]; onConfirm: () => void; onCancel: () => void }) {
  const [only] = effects;
  return (
    <Dialog title={confirmWriteTitle(effects)} onClose={onCancel} className="tp-confirm-write">
      {effects.length === 1 && only ? (
        <p>{writeEffectText(only)}</p>
      ) : (
        <ul>
          {effects.map((effect) => (
            <li key={`${effect.method} ${effect.key}`}>{writeEffectText(effect)}</li>
          ))}
        </ul>
      )}
      <p className="modal-muted">{TEST_TAB_TEXT.confirmWriteNote}</p>
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} data-autofocus>
          {webText('test-pane.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          {confirmWriteAction(effects)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
