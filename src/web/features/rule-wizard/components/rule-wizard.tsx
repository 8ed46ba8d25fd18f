import { WandSparkles, X } from 'lucide-react';
import { useMemo, useRef, useState, type RefObject } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { loosestRule, type CorsConfig } from '../../../../core';
import { useBucketWorkspace, useWorkspaceDraft } from '../../../lib/bucket-workspace';
import { webText } from '../../../lib/i18n/feature-text';
import { findLoosestRule } from '../insertion';
import { LoosestPanel } from './loosest-panel';
import { Button, Dialog, SegmentedControl } from '../../../components/ui';
import { StrictestPanel } from './strictest-panel';
import './rule-wizard.css';
import type { DraftNote } from '../../../lib/messages';

type Mode = 'loosest' | 'strictest';

const modes = () =>
  [
    { value: 'strictest', label: webText('wizard.mode.strictest') },
    { value: 'loosest', label: webText('wizard.mode.loosest') },
  ] as const;

const EMPTY: CorsConfig = { rules: [] };

/**
 * "Rule wizard": a dialog that builds the loosest (diagnostic) rule or the strictest rules for a
 * described app, previews them against the editor's draft and hands the result to the editor.
 */
export function RuleWizard({ profile }: { profile: ProfileSummary }) {
  const workspace = useBucketWorkspace();
  const draft = useWorkspaceDraft();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!profile.capabilities.bucketCors) return null;
  return (
    <>
      <Button icon={WandSparkles} ref={opener} disabled={draft === undefined} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {webText('wizard.title')}
      </Button>
      {open && workspace && draft !== undefined && (
        <WizardDialog
          profile={profile}
          opener={opener}
          draft={draft ?? EMPTY}
          onInsert={(config, note) => {
            const taken = workspace.proposeDraft(config, note);
            if (taken) setOpen(false);
            return taken;
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

interface WizardDialogProps {
  profile: ProfileSummary;
  opener: RefObject<HTMLButtonElement | null>;
  draft: CorsConfig;
  onInsert: (config: CorsConfig, note: DraftNote) => boolean;
  onClose: () => void;
}

function WizardDialog({ profile, opener, draft, onInsert, onClose }: WizardDialogProps) {
  const dialect = profile.dialect;
  // The rule for the app comes first; the loosest one is a diagnostic, never a starting point.
  const [mode, setMode] = useState<Mode>('strictest');
  const [focusToken, setFocusToken] = useState(0);
  const loosestIndex = useMemo(() => findLoosestRule(draft, loosestRule(dialect).rule), [draft, dialect]);
  const tighten = () => {
    setMode('strictest');
    setFocusToken((n) => n + 1);
  };
  return (
    <Dialog title={webText('wizard.title')} onClose={onClose} returnFocusTo={opener} className="rw-dialog">
      <div className="rw-head">
        <SegmentedControl label={webText('wizard.mode')} options={modes()} value={mode} onChange={setMode} />
        <span className="rw-muted">{webText('wizard.for-profile', { profile: profile.label, count: draft.rules.length })}</span>
        <Button size="sm" variant="ghost" icon={X} className="rw-close" onClick={onClose}>
          {webText('wizard.close')}
        </Button>
      </div>
      <div hidden={mode !== 'loosest'}>
        <LoosestPanel draft={draft} dialect={dialect} loosestIndex={loosestIndex} onTighten={tighten} onInsert={onInsert} />
      </div>
      <div hidden={mode !== 'strictest'}>
        <StrictestPanel draft={draft} dialect={dialect} endpoint={profile.endpoint} loosestIndex={loosestIndex} focusToken={focusToken} onInsert={onInsert} />
      </div>
    </Dialog>
  );
}
