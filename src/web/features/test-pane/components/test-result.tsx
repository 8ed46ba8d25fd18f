import { useId, type ReactNode } from 'react';
import type { ProbeExchange } from '../../../../contract/api';
import { blockText, cautionText, decidingRule, decidingRuleText, predictedVerdict, ruleReasonText, summaryText, verdictLevelText, type BrowserPrediction } from '../../../../core';
import { probeFailureText, probeNotSentText, TEST_TAB_TEXT } from '../../../lib/messages';
import { browserFetchText, probeCurlText, type SentRequests } from '../copy-request';
import type { Diagnosis } from '../diagnose';
import { testBody, type TestRun } from '../run-test';
import { CopyButton } from './copy-button';
import { HeaderList } from './header-list';
import { VerdictCard } from './verdict-card';
import { Breakages } from './verdict-badge';

function ProbeExchangeView({ title, exchange, sent }: { title: string; exchange: ProbeExchange | undefined; sent: SentRequests }) {
  if (!exchange) return null;
  return (
    <div className="tp-exchange">
      <h5>
        {title}: {exchange.response ? exchange.response.status : exchange.error && probeFailureText(exchange.error)}
        {exchange.matchesPrediction === false && <span className="tp-mismatch"> — differs from the prediction</span>}
        {exchange.matchesPrediction === true && <span className="tp-match"> — as predicted</span>}
      </h5>
      <p className="tp-request-line">
        <span className="tp-method">{exchange.request.method}</span> · {exchange.timing.totalMs} ms
      </p>
      <HeaderList headers={exchange.request.headers} label={`${title}: headers sent`} />
      {exchange.response && <HeaderList headers={exchange.response.headers} label={`${title}: headers answered`} />}
      <CopyButton label={`Copy the ${title.toLowerCase()} as curl`} text={probeCurlText(exchange.request, sent)} />
    </div>
  );
}

function PredictionView({ title, prediction, run }: { title: string; prediction: BrowserPrediction; run: TestRun }) {
  const decisions = [prediction.preflight, prediction.actual].filter((d) => d !== undefined);
  const verdict = predictedVerdict(prediction, run.request.mustRead, run.probe.dialect, { pageOrigin: run.origin, url: run.url });
  return (
    <div className="tp-prediction">
      <h5>
        {title}: {verdictLevelText(verdict.level).toLowerCase()}
      </h5>
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

function sentRequests(run: TestRun): SentRequests {
  const body = testBody(run.request);
  const { method, headers, credentials } = run.request;
  return { origin: run.origin, url: run.url, presigned: run.probe.signedUrl !== undefined, method, headers, credentials, ...(body !== undefined ? { body } : {}) };
}

/**
 * A test's result: the verdict card (with the fix, `fix`, right under the verdict), then the
 * three witnesses: the browser, the server's raw probe, and the rules' prediction.
 */
export function TestResult({ run, diagnosis, fix }: { run: TestRun; diagnosis: Diagnosis; fix?: ReactNode }) {
  const { browser, prediction } = run;
  const sent = sentRequests(run);
  const detailsId = useId();
  return (
    <div className="tp-result">
      <VerdictCard run={run} diagnosis={diagnosis}>
        {fix}
      </VerdictCard>
      <section className="tp-details" aria-labelledby={detailsId}>
        <h3 id={detailsId}>Details</h3>
        <div className="tp-columns">
          <section className="tp-witness" aria-label="Browser">
            <h4>Your browser, from {run.origin}</h4>
            {browser.readable ? (
              <>
                <p>
                  Allowed · status {browser.status} · {browser.bodyBytes} bytes · {browser.ms} ms
                </p>
                <HeaderList headers={browser.readableHeaders ?? {}} label="Headers script can read" />
              </>
            ) : (
              <p>
                Blocked · {browser.error} · {browser.ms} ms. The browser tells script nothing more; the server probe and the rules explain why.
              </p>
            )}
            <p className="tp-request-line">
              <span className="tp-method">{run.request.method}</span> <span className="tp-url">{run.url}</span>
            </p>
            {sent.presigned && <p className="tp-muted">{TEST_TAB_TEXT.presignedUrlExpires}</p>}
            <CopyButton label="Copy as fetch()" text={browserFetchText(sent)} />
          </section>
          <section className="tp-witness" aria-label="Server probe">
            <h4>Raw probe, from the console&apos;s server</h4>
            <ProbeExchangeView title="Preflight" exchange={run.probe.preflight} sent={sent} />
            <ProbeExchangeView title="Actual request" exchange={run.probe.actual} sent={sent} />
            {run.probe.actualNotSent && <p className="tp-not-sent">{probeNotSentText(run.probe.actualNotSent)}</p>}
          </section>
          <section className="tp-witness" aria-label="Prediction">
            <h4>Prediction, from the rules ({run.probe.dialect})</h4>
            <PredictionView title="Saved configuration" prediction={prediction.saved} run={run} />
            {prediction.draft && <PredictionView title="Your draft" prediction={prediction.draft} run={run} />}
          </section>
        </div>
      </section>
    </div>
  );
}
