import { Wrench } from 'lucide-react';
import { useState } from 'react';
import { dialectProfile, explanationText, fixChangeText, sampleChangeText, strictestFixFor, wizardErrorText, type CorsConfig, type Dialect, type FixResult } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import type { TestRun } from '../run-test';
import type { DraftNote } from '../../../lib/messages';

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
      <button type="button" className="tp-button tp-button-primary" onClick={propose}>
        <Wrench aria-hidden="true" focusable="false" size={16} />
        Fix with the strictest rule
      </button>
    );
  }
  const { fix } = proposal;
  if (!fix.ok) {
    return (
      <div className="tp-fix" role="region" aria-label="Strictest fix">
        <p className="tp-error">No rule change can fix this: {wizardErrorText(fix.error)}</p>
      </div>
    );
  }
  const format = dialectProfile(dialect).documents.native;
  return (
    <div className="tp-fix" role="region" aria-label="Strictest fix">
      <p>
        <strong>{fixChangeText(fix.change)}</strong>
      </p>
      <ul>
        {fix.explanations.map((e, index) => (
          <li key={index}>{explanationText(e)}</li>
        ))}
      </ul>
      {fix.alsoAllows.length > 0 && <p className="tp-muted">It also lets through: {fix.alsoAllows.map(sampleChangeText).join('; ')}.</p>}
      <ConfigDiff before={proposal.base} after={fix.config} format={format} label="What the fix changes in the draft" />
      <button
        type="button"
        className="tp-button tp-button-primary"
        disabled={applied || !onApply}
        onClick={() => {
          onApply?.(fix.config, { code: 'fix-applied', change: fix.change });
          setApplied(true);
        }}
      >
        Apply to draft
      </button>
      {applied && <p role="status">Applied to the draft. Review and save it in the Rules tab; nothing is written to the bucket until you do.</p>}
    </div>
  );
}
