import { useId } from 'react';
import type { CorsState } from '../../../../contract/api';
import type { CorsConfig, DocumentFormat } from '../../../../core';
import { Button, Card } from '../../../components/ui';
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
  return (
    <Card as="section" role="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-why`} className="re-dialog re-conflict">
      <h3 id={`${id}-title`}>The configuration changed on the provider</h3>
      <p id={`${id}-why`}>
        Someone changed this bucket&apos;s CORS configuration after your draft started{afterWrite ? `, so nothing was ${intent === 'save' ? 'saved' : 'deleted'}` : ''}. Compare both versions, then
        choose.
      </p>
      <div className="re-columns">
        <section aria-label="Theirs: on the provider now" className="re-column">
          <h4>Theirs: on the provider now</h4>
          <ConfigSummary config={current.config} format={format} />
        </section>
        <section aria-label={intent === 'save' ? 'Mine: your draft' : 'Mine: no configuration'} className="re-column">
          <h4>{intent === 'save' ? 'Mine: your draft' : 'Mine: no configuration'}</h4>
          <ConfigSummary config={intent === 'save' ? draft : null} format={format} />
        </section>
      </div>
      <ul className="re-choices">
        <li>
          <Button variant="primary" onClick={onKeepMine} autoFocus>
            Keep mine
          </Button>{' '}
          {intent === 'save' ? 'Review the change from theirs to your draft, then save it over theirs.' : 'Confirm again, then delete theirs.'}
        </li>
        <li>
          <Button onClick={onTakeTheirs}>Take theirs</Button>{' '}
          Load their configuration into the editor; Undo brings your draft back.
        </li>
        <li>
          <Button onClick={onMergeByHand}>Merge by hand</Button>{' '}
          Keep editing your draft with theirs shown beside it; saving then replaces theirs.
        </li>
      </ul>
    </Card>
  );
}
