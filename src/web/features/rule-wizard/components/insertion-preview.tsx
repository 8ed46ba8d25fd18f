import { useId, useMemo, useState, type ReactNode } from 'react';
import { compareConfigs, dialectProfile, explanationText, sampleChangeText, wizardErrorText, type CorsConfig, type CorsRule, type Dialect, type SampleChange } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button, Radio, RadioGroup } from '../../../components/ui';
import { placeRules, ruleRoom, type Placement } from '../insertion';
import { webText } from '../../../lib/i18n/feature-text';
import { formatNumber } from '../../../lib/i18n/format';
import { ruleRoomText, type DraftNote } from '../../../lib/messages';

export interface InsertionPreviewProps {
  draft: CorsConfig;
  rules: CorsRule[];
  dialect: Dialect;
  placement: Placement;
  onPlacementChange: (placement: Placement) => void;
  /** The draft's diagnostic rule, or -1. */
  loosestIndex: number;
  /** Which of the wizard's rules these are, as the editor's toast names them. */
  what: 'loosest' | 'strictest';
  /** Hands the new draft to the editor; false when no editor takes it. */
  onInsert: (config: CorsConfig, note: DraftNote) => boolean;
  /** More about the new draft, shown under the diff (e.g. the app's requests under it). */
  checks?: (config: CorsConfig) => ReactNode;
}

type ChangesTitle = 'wizard.changes.allowed' | 'wizard.changes.blocked' | 'wizard.changes.readable' | 'wizard.changes.unreadable';

function Changes({ title, items }: { title: ChangesTitle; items: SampleChange[] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>{webText(title, { count: formatNumber(items.length) })}</summary>
      <ul>
        {items.map(sampleChangeText).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Where the rules go and what that does to the draft: the placement and why, the draft before and
 * after as a diff, and which sample requests change verdict. Inserting changes the draft only.
 */
export function InsertionPreview({ draft, rules, dialect, placement, onPlacementChange, loosestIndex, what, onInsert, checks }: InsertionPreviewProps) {
  const id = useId();
  const [refused, setRefused] = useState(false);
  const room = ruleRoom(draft, dialect, placement, loosestIndex);
  const placed = useMemo(() => placeRules(draft, rules, dialect, placement, loosestIndex), [draft, rules, dialect, placement, loosestIndex]);
  const change = useMemo(() => (placed.ok ? compareConfigs(draft, placed.config, dialect) : null), [draft, placed, dialect]);
  const format = dialectProfile(dialect).documents.native;
  const choices: { value: Placement; label: string }[] = [
    { value: 'effective', label: webText('wizard.placement.effective') },
    ...(loosestIndex === -1 ? [] : [{ value: 'replace-loosest' as const, label: webText('wizard.placement.choice.replace-loosest', { number: loosestIndex + 1 }) }]),
    { value: 'replace-draft', label: webText('wizard.placement.choice.replace-draft') },
  ];

  const insert = () => {
    if (!placed.ok) return;
    setRefused(!onInsert(placed.config, { code: 'wizard-inserted', rules: what, count: rules.length, at: placement === 'replace-draft' ? 'whole-draft' : placed.index }));
  };

  return (
    <section className="rw-insertion" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{webText('wizard.insert.title')}</h3>
      <RadioGroup label={webText('wizard.insert.where')}>
        {choices.map((choice) => (
          <Radio key={choice.value} name={`${id}-placement`} value={choice.value} checked={placement === choice.value} onChange={() => onPlacementChange(choice.value)} label={choice.label} />
        ))}
      </RadioGroup>
      {room.room !== null && room.limit !== null && (
        <p className="rw-muted">{ruleRoomText({ dialect, limit: room.limit, kept: room.kept, room: room.room, replacesDraft: placement === 'replace-draft' })}</p>
      )}
      {!placed.ok ? (
        <p role="alert" className="rw-error">
          {wizardErrorText(placed.error)}
        </p>
      ) : (
        <>
          <ul className="rw-placement" aria-label={webText('wizard.insert.placement')}>
            {placed.explanations.map((e, i) => (
              <li key={i}>{explanationText(e)}</li>
            ))}
          </ul>
          <ConfigDiff before={draft} after={placed.config} format={format} label={webText('wizard.insert.diff')} />
          {checks?.(placed.config)}
          {change && (
            <div className="rw-change" aria-label={webText('wizard.insert.changes')}>
              <Changes title="wizard.changes.allowed" items={change.newlyAllowed} />
              <Changes title="wizard.changes.blocked" items={change.newlyBlocked} />
              <Changes title="wizard.changes.readable" items={change.newlyReadable} />
              <Changes title="wizard.changes.unreadable" items={change.noLongerReadable} />
            </div>
          )}
        </>
      )}
      <div className="rw-actions">
        <Button variant="primary" disabled={!placed.ok} onClick={insert}>
          {placement === 'replace-draft' ? webText('wizard.insert.replace') : webText('wizard.insert.insert')}
        </Button>
        <span className="rw-muted">{webText('wizard.insert.note')}</span>
      </div>
      {refused && (
        <p role="alert" className="rw-error">
          {webText('wizard.insert.not-ready')}
        </p>
      )}
    </section>
  );
}
