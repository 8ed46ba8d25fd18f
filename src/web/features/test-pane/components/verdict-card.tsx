import type { ReactNode } from 'react';
import { localNetworkFetch, requestReasonsText } from '../../../../core';
import { LocalNetworkNotice } from '../../../components/local-network-notice';
import { findingText, headlineParts } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';
import type { Diagnosis } from '../diagnose';
import type { TestRun } from '../run-test';
import { ProviderAnswerQuote } from './provider-answer';
import { VerdictIcon } from './verdict-icon';

/**
 * The verdict first: one of the three levels (allowed; allowed, but broken for the app; blocked)
 * with its icon, its name and the one-line consequence, the diagnosis under it, and the fix
 * (`children`) right below, before any detail.
 */
export function VerdictCard({ run, diagnosis, children, regionName = (label) => label }: { run: TestRun; diagnosis: Diagnosis; children?: ReactNode; regionName?: (label: string) => string }) {
  const { level } = diagnosis.level;
  const { level: name, rest } = headlineParts(diagnosis.headline);
  const preflight = run.prediction.saved.request;
  const localNetwork = localNetworkFetch(run.origin, run.url);
  return (
    <section className={`tp-verdict-card tp-card-${level}`} aria-label={regionName(webText('test-pane.verdict.label'))} data-level={level}>
      <div role="status" className="tp-verdict-head">
        <VerdictIcon level={level} size={28} />
        <h3 className={`tp-verdict tp-${level}`} data-level={level}>
          <strong className="tp-verdict-level">{name}</strong>
          {rest}
        </h3>
      </div>
      {diagnosis.findings.length > 0 && (
        <ul className="tp-findings" aria-label={webText('test-pane.verdict.diagnosis')}>
          {diagnosis.findings.map((finding, index) => (
            <li key={index} data-code={finding.code}>
              <span className="tp-finding-text">{findingText(finding)}</span>
              {index === 0 && diagnosis.providerAnswer && <ProviderAnswerQuote answer={diagnosis.providerAnswer} />}
            </li>
          ))}
        </ul>
      )}
      {localNetwork && <LocalNetworkNotice access={localNetwork} />}
      <p className="tp-muted">
        {webText(preflight.preflight ? 'test-pane.verdict.preflight-required' : 'test-pane.verdict.no-preflight', { reasons: requestReasonsText(preflight.reasons) })}
      </p>
      {children}
    </section>
  );
}
