import type { CorsState } from '../../../../contract/api';
import type { WriteOutcome } from '../../../api/write-outcome';
import { ErrorMessage } from '../../../components/error-message';
import { HISTORY_TEXT } from '../../../lib/messages';

/** What a restore came to: done, refused over a newer change, or failed with the API's reason. */
export function RestoreOutcome({ outcome }: { outcome: WriteOutcome<CorsState> | undefined }) {
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'saved':
      return <p role="status">{HISTORY_TEXT.restored}</p>;
    case 'conflict':
      return <p role="alert">{HISTORY_TEXT.restoreConflict}</p>;
    default:
      return <ErrorMessage error={outcome.error} title={HISTORY_TEXT.restoreFailed} />;
  }
}
