import { useId } from 'react';
import type { CorsConfig, DocumentFormat } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button } from '../../../components/ui';
import { HISTORY_TEXT, restoreConfirmText } from '../../../lib/messages';

/** A restore replaces what the provider holds, so it is asked first, showing the change; Cancel has the focus. */
export function RestoreConfirm({ bucket, current, target, format, isRestoring, onConfirm, onCancel }: {
  bucket: string;
  current: CorsConfig | null;
  target: CorsConfig | null;
  format: DocumentFormat;
  isRestoring: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <section role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`} className="re-dialog">
      <h4 id={`${id}-title`}>{HISTORY_TEXT.confirmTitle}</h4>
      <p id={`${id}-what`}>{restoreConfirmText(bucket, target)}</p>
      <ConfigDiff before={current} after={target} format={format} label={HISTORY_TEXT.confirmDiffLabel} />
      <div className="history-actions">
        <Button variant="primary" disabled={isRestoring} onClick={onConfirm}>
          {isRestoring ? HISTORY_TEXT.restoring : HISTORY_TEXT.confirmRestore}
        </Button>
        <Button autoFocus disabled={isRestoring} onClick={onCancel}>
          {HISTORY_TEXT.cancel}
        </Button>
      </div>
    </section>
  );
}
