import { useId, type ReactNode } from 'react';
import type { ProbeExchange } from '../../../../contract/api';
import { blockText, cautionText, decidingRule, decidingRuleText, predictedVerdict, ruleReasonText, summaryText, verdictLevelText, type BrowserPrediction } from '../../../../core';
import { probeFailureText, probeNotSentText, TEST_TAB_TEXT } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';
import { browserFetchText, probeCurlText, type SentRequests } from '../copy-request';
import type { Diagnosis } from '../diagnose';
import { testBody, type TestRun } from '../run-test';
import { CopyButton } from './copy-button';
import { HeaderList } from './header-list';
import { VerdictCard } from './verdict-card';
import { Breakages } from './verdict-badge';

/** Which of the probe's two requests: the preflight (OPTIONS) or the actual request. */
type ExchangeKind = 'preflight' | 'actual';

function ProbeExchangeView({ kind, exchange, sent }: { kind: ExchangeKind; exchange: ProbeExchange | undefined; sent: SentRequests }) {
  if (!exchange) return null;
  const outcome = exchange.response ? String(exchange.response.status) : exchange.error ? probeFailureText(exchange.error) : '';
  return (
    <div className="tp-exchange">
      <h5>
        {webText('test-pane.probe.heading', { exchange: kind, outcome })}
        {exchange.matchesPrediction === false && <span className="tp-mismatch"> {webText('test-pane.probe.differs')}</span>}
        {exchange.matchesPrediction === true && <span className="tp-match"> {webText('test-pane.probe.as-predicted')}</span>}
      </h5>
      <p className="tp-request-line">
        <span className="tp-method">{exchange.request.method}</span> · {webText('test-pane.probe.timing', { ms: exchange.timing.totalMs })}
      </p>
      <HeaderList headers={exchange.request.headers} label={webText('test-pane.probe.headers-sent', { exchange: kind })} />
      {exchange.response && <HeaderList headers={exchange.response.headers} label={webText('test-pane.probe.headers-answered', { exchange: kind })} />}
      <CopyButton label={webText('test-pane.probe.copy-curl', { exchange: kind })} text={probeCurlText(exchange.request, sent)} />
    </div>
  );
}

function PredictionView({ config, prediction, run }: { config: 'saved' | 'draft'; prediction: BrowserPrediction; run: TestRun }) {
  const decisions = [prediction.preflight, prediction.actual].filter((d) => d !== undefined);
  const verdict = predictedVerdict(prediction, run.request.mustRead, run.probe.dialect, { pageOrigin: run.origin, url: run.url });
  return (
    <div className="tp-prediction">
      <h5>{webText('test-pane.prediction.heading', { config, level: verdictLevelText(verdict.level).toLowerCase() })}</h5>
      {prediction.blockedBy && <p>{blockText(prediction.blockedBy)}</p>}
      <Breakages verdict={verdict} />
      {prediction.cautions.length > 0 && (
        <ul className="tp-cautions" aria-label={webText('test-pane.prediction.cautions')}>
          {prediction.cautions.map((caution) => (
            <li key={caution.code}>{cautionText(caution)}</li>
          ))}
        </ul>
      )}
      {decisions.map((decision) => (
        <details key={decision.kind}>
          <summary>{webText('test-pane.prediction.decision', { kind: decision.kind, rule: decidingRuleText(decidingRule(decision)) })}</summary>
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
 * three witnesses: the browser, the server's raw probe, and the rules' prediction. With `route`
 * (one of two results side by side), each region's name says which route it belongs to, so the
 * page's landmarks stay distinct.
 */
export function TestResult({ run, diagnosis, fix, route }: { run: TestRun; diagnosis: Diagnosis; fix?: ReactNode; route?: string }) {
  const { browser, prediction } = run;
  const sent = sentRequests(run);
  const detailsId = useId();
  const regionName = (label: string) => (route === undefined ? label : webText('test-pane.via.region', { region: label, route }));
  return (
    <div className="tp-result">
      <VerdictCard run={run} diagnosis={diagnosis} regionName={regionName}>
        {fix}
      </VerdictCard>
      <section className="tp-details" {...(route === undefined ? { 'aria-labelledby': detailsId } : { 'aria-label': regionName(webText('test-pane.result.details')) })}>
        <h3 id={detailsId}>{webText('test-pane.result.details')}</h3>
        <div className="tp-columns">
          <section className="tp-witness" aria-label={regionName(webText('test-pane.result.browser'))}>
            <h4>{webText('test-pane.result.browser-title', { origin: run.origin })}</h4>
            {browser.readable ? (
              <>
                <p>{webText('test-pane.result.browser-allowed', { status: browser.status ?? 0, bytes: browser.bodyBytes ?? 0, ms: browser.ms })}</p>
                <HeaderList headers={browser.readableHeaders ?? {}} label={webText('test-pane.result.readable-headers')} />
              </>
            ) : (
              <p>{webText('test-pane.result.browser-blocked', { error: browser.error ?? '', ms: browser.ms })}</p>
            )}
            <p className="tp-request-line">
              <span className="tp-method">{run.request.method}</span> <span className="tp-url">{run.url}</span>
            </p>
            {sent.presigned && <p className="tp-muted">{TEST_TAB_TEXT.presignedUrlExpires}</p>}
            <CopyButton label={webText('test-pane.result.copy-fetch')} text={browserFetchText(sent)} />
          </section>
          <section className="tp-witness" aria-label={regionName(webText('test-pane.result.probe'))}>
            <h4>{webText('test-pane.result.probe-title')}</h4>
            <ProbeExchangeView kind="preflight" exchange={run.probe.preflight} sent={sent} />
            <ProbeExchangeView kind="actual" exchange={run.probe.actual} sent={sent} />
            {run.probe.actualNotSent && <p className="tp-not-sent">{probeNotSentText(run.probe.actualNotSent)}</p>}
          </section>
          <section className="tp-witness" aria-label={regionName(webText('test-pane.result.prediction'))}>
            <h4>{webText('test-pane.result.prediction-title', { dialect: run.probe.dialect })}</h4>
            <PredictionView config="saved" prediction={prediction.saved} run={run} />
            {prediction.draft && <PredictionView config="draft" prediction={prediction.draft} run={run} />}
          </section>
        </div>
      </section>
    </div>
  );
}
