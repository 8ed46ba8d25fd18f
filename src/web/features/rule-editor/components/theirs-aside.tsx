import type { CorsState } from '../../../../contract/api';
import type { DocumentFormat } from '../../../../core';
import { Button } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { ConfigSummary } from './config-summary';

/** Merging by hand: the provider's configuration beside the draft. */
export function TheirsAside({ theirs, format, onHide }: { theirs: CorsState; format: DocumentFormat; onHide: () => void }) {
  return (
    <aside className="re-theirs" aria-label={webText('editor.theirs')}>
      <h3>{webText('editor.theirs')}</h3>
      <ConfigSummary config={theirs.config} format={format} />
      <Button size="sm" onClick={onHide}>
        {webText('editor.theirs.hide')}
      </Button>
    </aside>
  );
}
