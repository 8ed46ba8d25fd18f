import { useMemo, useState } from 'react';
import { issueText, loosestRule, type CorsConfig, type Dialect } from '../../../../core';
import { Button } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import type { Placement } from '../insertion';
import { InsertionPreview } from './insertion-preview';
import { RulePreview } from './rule-preview';
import type { DraftNote } from '../../../lib/messages';

export interface LoosestPanelProps {
  draft: CorsConfig;
  dialect: Dialect;
  loosestIndex: number;
  onTighten: () => void;
  onInsert: (config: CorsConfig, note: DraftNote) => boolean;
}

/** The loosest rule, for diagnosis only: its warning first, then each value and why, then the draft. */
export function LoosestPanel({ draft, dialect, loosestIndex, onTighten, onInsert }: LoosestPanelProps) {
  const loosest = useMemo(() => loosestRule(dialect), [dialect]);
  const rules = useMemo(() => [loosest.rule], [loosest]);
  const [placement, setPlacement] = useState<Placement>('effective');
  return (
    <div className="rw-panel">
      <section className="rw-warning" aria-label={webText('wizard.loosest.security')}>
        <h3>{webText('wizard.loosest.title')}</h3>
        {loosest.warnings.map((warning) => {
          const { message, hint } = issueText(warning);
          return (
            <p key={warning.code}>
              {message} {hint}
            </p>
          );
        })}
        <Button size="sm" variant="primary" onClick={onTighten}>
          {webText('wizard.loosest.tighten')}
        </Button>
        <span className="rw-muted"> {webText('wizard.loosest.tighten-note')}</span>
      </section>
      <p>{webText('wizard.loosest.still-fails')}</p>
      <RulePreview rule={loosest.rule} explanations={loosest.explanations} caption={webText('wizard.loosest.caption')} />
      <InsertionPreview
        draft={draft}
        rules={rules}
        dialect={dialect}
        placement={placement}
        onPlacementChange={setPlacement}
        loosestIndex={-1}
        what="loosest"
        onInsert={onInsert}
      />
      {loosestIndex !== -1 && <p className="rw-muted">{webText('wizard.loosest.in-draft', { number: loosestIndex + 1 })}</p>}
    </div>
  );
}
