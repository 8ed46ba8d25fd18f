import { CircleHelp, X } from 'lucide-react';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { firstMatchHelp, type Dialect } from '../../../../core';
import { Button } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';

/** Remembered in this browser: once dismissed, the note stays away on every bucket. */
export const NOTE_DISMISSED_KEY = 'cors-console:first-match-note-dismissed';

function readDismissed(): boolean {
  try {
    return localStorage.getItem(NOTE_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The first-match rule in one line, dismissible, and the fuller explanation for the provider's
 * dialect behind "How matching works" (which stays when the note is dismissed).
 */
export function FirstMatchNote({ dialect }: { dialect: Dialect }) {
  const panelId = useId();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [helpOpen, setHelpOpen] = useState(false);
  const help = firstMatchHelp(dialect);
  const helpToggle = useRef<HTMLButtonElement>(null);
  const focusHelp = useRef(false);
  // Dismiss removes the button that had focus: focus goes to the help button that stays.
  useLayoutEffect(() => {
    if (!focusHelp.current) return;
    focusHelp.current = false;
    helpToggle.current?.focus();
  });

  const dismiss = () => {
    focusHelp.current = true;
    setDismissed(true);
    try {
      localStorage.setItem(NOTE_DISMISSED_KEY, '1');
    } catch {
      // Storage refused (private mode, quota): the note stays away for this page only.
    }
  };

  const helpButton = (
    <Button size="sm" variant="ghost" icon={CircleHelp} ref={helpToggle} aria-expanded={helpOpen} aria-controls={panelId} onClick={() => setHelpOpen((open) => !open)}>
      {webText('editor.matching.help')}
    </Button>
  );

  return (
    <div className="re-first-match">
      {dismissed ? (
        helpButton
      ) : (
        <div className="re-note" role="note">
          <p>{help.note}</p>
          {helpButton}
          <Button size="sm" variant="ghost" icon={X} onClick={dismiss}>
            {webText('editor.matching.dismiss')} <span className="re-sr">{webText('editor.matching.dismiss-what')}</span>
          </Button>
        </div>
      )}
      <div id={panelId} className="re-help" role="region" aria-label={webText('editor.matching.help')} hidden={!helpOpen}>
        {help.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>{webText('editor.matching.reorder')}</p>
      </div>
    </div>
  );
}
