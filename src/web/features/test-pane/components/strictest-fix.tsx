import { Wrench } from 'lucide-react';
import { useState } from 'react';
import { dialectProfile, explanationText, fixChangeText, sampleChangeText, strictestFixFor, wizardErrorText, type CorsConfig, type Dialect, type FixResult } from '../../../../core';
import { Button } from '../../../components/ui';
import { ConfigDiff } from '../../../components/config-diff';
import type { TestRun } from '../run-test';
import type { DraftNote } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';

const EMPTY: CorsConfig = { rules: [] };

/**
 * "Fix with the strictest rule": the smallest change to the draft that lets this request through
 * (and lets script read the headers the app must read), previewed as a diff, applied to the draft
 * only — saving stays a separate, reviewed step in the Rules tab.
 */
export function StrictestFix({ run, dialect, base, onApply }: { run: TestRun; dialect: Dialect; base: CorsConfig | null; onApply: ((config: CorsConfig | null, note: DraftNote) => void) | undefined }) {
  // Computed once, on request, against the draft of that moment: once applied, the draft allows
  // the request, and computing again would only say that nothing is left to fix.
  const [proposal, setProposal] = useState<{ fix: FixResult; base: CorsConfig | null } | null>(null);
  const [applied, setApplied] = useState(false);
  const { request } = run;
  if (!proposal) {
    const propose = () =>
      setProposal({
        base,
        fix: strictestFixFor(base ?? EMPTY, { origin: run.origin, method: request.method, headers: request.headers, credentials: request.credentials, needsReadableHeaders: request.mustRead }, dialect),
      });
    return (
      <Button variant="primary" onClick={propose} icon={Wrench}>
        {webText('test-pane.fix.propose')}
      </Button>
    );
  }
  const { fix } = proposal;
  if (!fix.ok) {
    return (
      <div className="tp-fix" role="region" aria-label={webText('test-pane.fix.label')}>
        <p className="tp-error">{webText('test-pane.fix.impossible', { error: wizardErrorText(fix.error) })}</p>
      </div>
    );
  }
  const format = dialectProfile(dialect).documents.native;
  return (
    <div className="tp-fix" role="region" aria-label={webText('test-pane.fix.label')}>
      <p>
        <strong>{fixChangeText(fix.change)}</strong>
      </p>
      <ul>
        {fix.explanations.map((e, index) => (
          <li key={index}>{explanationText(e)}</li>
        ))}
      </ul>
      {fix.alsoAllows.length > 0 && <p className="tp-muted">{webText('test-pane.fix.also-allows', { samples: fix.alsoAllows.map(sampleChangeText).join(webText('test-pane.fix.also-allows-separator')) })}</p>}
      <ConfigDiff before={proposal.base} after={fix.config} format={format} label={webText('test-pane.fix.diff')} />
      <Button
        variant="primary"
        disabled={applied || !onApply}
        onClick={() => {
          onApply?.(fix.config, { code: 'fix-applied', change: fix.change });
          setApplied(true);
        }}
      >
        {webText('test-pane.fix.apply')}
      </Button>
      {applied && <p role="status">{webText('test-pane.fix.applied')}</p>}
    </div>
  );
}
