import { useId, useMemo, useState, type ReactNode } from 'react';
import { compareConfigs, dialectProfile, explanationText, sampleChangeText, wizardErrorText, type CorsConfig, type CorsRule, type Dialect, type SampleChange } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Button, Radio, RadioGroup } from '../../../components/ui';
import { placeRules, ruleRoom, type Placement } from '../insertion';
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

function Changes({ title, items }: { title: string; items: SampleChange[] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>
        {title}: {items.length}
      </summary>
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
    { value: 'effective', label: "Insert where first-match makes them effective, keeping the draft's rules" },
    ...(loosestIndex === -1 ? [] : [{ value: 'replace-loosest' as const, label: `Replace the diagnostic rule (rule ${loosestIndex + 1}) with them` }]),
    { value: 'replace-draft', label: 'Replace the whole draft with them' },
  ];

  const insert = () => {
    if (!placed.ok) return;
    setRefused(!onInsert(placed.config, { code: 'wizard-inserted', rules: what, count: rules.length, at: placement === 'replace-draft' ? 'whole-draft' : placed.index }));
  };

  return (
    <section className="rw-insertion" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Into the draft</h3>
      <RadioGroup label="Where the rules go">
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
          <ul className="rw-placement" aria-label="Placement">
            {placed.explanations.map((e, i) => (
              <li key={i}>{explanationText(e)}</li>
            ))}
          </ul>
          <ConfigDiff before={draft} after={placed.config} format={format} label="What the rule changes in the draft" />
          {checks?.(placed.config)}
          {change && (
            <div className="rw-change" aria-label="What changes">
              <Changes title="Sample requests newly allowed" items={change.newlyAllowed} />
              <Changes title="Sample requests newly blocked" items={change.newlyBlocked} />
              <Changes title="Responses with newly readable headers" items={change.newlyReadable} />
              <Changes title="Responses that no longer expose a header" items={change.noLongerReadable} />
            </div>
          )}
        </>
      )}
      <div className="rw-actions">
        <Button variant="primary" disabled={!placed.ok} onClick={insert}>
          {placement === 'replace-draft' ? 'Replace the draft' : 'Insert into the draft'}
        </Button>
        <span className="rw-muted">Changes the draft only; review and save it in the Rules tab.</span>
      </div>
      {refused && (
        <p role="alert" className="rw-error">
          The rule editor is not ready to take the change; wait for the rules to load and try again.
        </p>
      )}
    </section>
  );
}
