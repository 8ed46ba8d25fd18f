import type { ProbeExchange } from '../../../../contract/api';
import { blockText, cautionText, decidingRule, decidingRuleText, predictedVerdict, requestReasonsText, ruleReasonText, summaryText, verdictLevelText, type BrowserPrediction } from '../../../../core';
import { findingText, headlineText, probeFailureText, probeNotSentText } from '../../../lib/messages';
import type { Diagnosis } from '../diagnose';
import type { TestRun } from '../run-test';
import { ProviderAnswerQuote } from './provider-answer';
import { Breakages } from './verdict-badge';

function HeaderList({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="tp-muted">(none)</p>;
  return <pre className="tp-headers" tabIndex={0} /* it scrolls sideways: keyboard users must reach it */>{entries.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>;
}

function ProbeExchangeView({ title, exchange }: { title: string; exchange: ProbeExchange | undefined }) {
  if (!exchange) return null;
  return (
    <div className="tp-exchange">
      <h4>
        {title}: {exchange.response ? exchange.response.status : exchange.error && probeFailureText(exchange.error)}
        {exchange.matchesPrediction === false && <span className="tp-mismatch"> — differs from the prediction</span>}
        {exchange.matchesPrediction === true && <span className="tp-match"> — as predicted</span>}
      </h4>
      <p className="tp-muted">
        {exchange.request.method} with {Object.entries(exchange.request.headers).map(([n, v]) => `${n}: ${v}`).join(', ') || 'no headers'} · {exchange.timing.totalMs} ms
      </p>
      {exchange.response && <HeaderList headers={exchange.response.headers} />}
    </div>
  );
}

function PredictionView({ title, prediction, run }: { title: string; prediction: BrowserPrediction; run: TestRun }) {
  const decisions = [prediction.preflight, prediction.actual].filter((d) => d !== undefined);
  const verdict = predictedVerdict(prediction, run.request.mustRead, run.probe.dialect, { pageOrigin: run.origin, url: run.url });
  return (
    <div className="tp-prediction">
      <h4>
        {title}: {verdictLevelText(verdict.level).toLowerCase()}
      </h4>
      {prediction.blockedBy && <p>{blockText(prediction.blockedBy)}</p>}
      <Breakages verdict={verdict} />
      {prediction.cautions.length > 0 && (
        <ul className="tp-cautions" aria-label="May break">
          {prediction.cautions.map((caution) => (
            <li key={caution.code}>{cautionText(caution)}</li>
          ))}
        </ul>
      )}
      {decisions.map((decision) => (
        <details key={decision.kind}>
          <summary>
            {decision.kind === 'preflight' ? 'Preflight' : 'Actual request'}: {decidingRuleText(decidingRule(decision))}
          </summary>
          <p>{summaryText(decision.summary)}</p>
          <ol className="tp-reasons">
            {decision.reasons.map((reason) => (
              <li key={reason.rule} className={reason.outcome === 'matched' ? 'tp-reason-matched' : undefined}>
                {ruleReasonText(reason)}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

/** The verdict in plain language, then the three witnesses side by side: browser, server, rules. */
export function TestResult({ run, diagnosis }: { run: TestRun; diagnosis: Diagnosis }) {
  const { browser, prediction } = run;
  const preflight = prediction.saved.request;
  return (
    <div className="tp-result">
      <p role="status" className={`tp-verdict tp-${diagnosis.level.level}`} data-level={diagnosis.level.level}>
        {headlineText(diagnosis.headline)}
      </p>
      {diagnosis.findings.length > 0 && (
        <ul className="tp-findings" aria-label="Diagnosis">
          {diagnosis.findings.map((finding, index) => (
            <li key={index} data-code={finding.code}>
              <span className="tp-finding-text">{findingText(finding)}</span>
              {index === 0 && diagnosis.providerAnswer && <ProviderAnswerQuote answer={diagnosis.providerAnswer} />}
            </li>
          ))}
        </ul>
      )}
      <p className="tp-muted">
        {preflight.preflight ? 'A preflight was required: ' : 'No preflight: '}
        {requestReasonsText(preflight.reasons)}
      </p>
      <div className="tp-columns">
        <section aria-label="Browser">
          <h3>Browser, from {run.origin}</h3>
          {browser.readable ? (
            <>
              <p>
                Allowed · status {browser.status} · {browser.bodyBytes} bytes · {browser.ms} ms
              </p>
              <p className="tp-muted">Headers script can read:</p>
              <HeaderList headers={browser.readableHeaders ?? {}} />
            </>
          ) : (
            <p>
              Blocked · {browser.error} · {browser.ms} ms. The browser tells script nothing more; the server probe and the rules explain why.
            </p>
          )}
          <p className="tp-muted tp-url">{run.url}</p>
        </section>
        <section aria-label="Server probe">
          <h3>Server probe (raw, unfiltered)</h3>
          <ProbeExchangeView title="Preflight" exchange={run.probe.preflight} />
          <ProbeExchangeView title="Actual request" exchange={run.probe.actual} />
          {run.probe.actualNotSent && <p className="tp-not-sent">{probeNotSentText(run.probe.actualNotSent)}</p>}
        </section>
        <section aria-label="Prediction">
          <h3>Rules ({run.probe.dialect})</h3>
          <PredictionView title="Saved configuration" prediction={prediction.saved} run={run} />
          {prediction.draft && <PredictionView title="Your draft" prediction={prediction.draft} run={run} />}
        </section>
      </div>
    </div>
  );
}
