import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ProbeExchange, ProfileSummary } from '../../../../contract/api';
import type { CorsConfig } from '../../../../core';
import { ErrorMessage } from '../../../components/error-message';
import { runTest, type TestRequest } from '../run-test';
import './test-pane.css';

const METHODS: TestRequest['method'][] = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function Exchange({ title, exchange }: { title: string; exchange: ProbeExchange | undefined }) {
  if (!exchange) return null;
  return (
    <div className="exchange">
      <h4>
        {title}: {exchange.response ? exchange.response.status : exchange.error?.message}
        {exchange.matchesPrediction === false && <span className="mismatch"> — differs from the prediction</span>}
      </h4>
      <pre>{exchange.response ? Object.entries(exchange.response.headers).map(([k, v]) => `${k}: ${v}`).join('\n') : ''}</pre>
    </div>
  );
}

/** `config` is what the provider holds now; the prediction is made against it. */
export function TestPane({ profile, bucket, config }: { profile: ProfileSummary; bucket: string; config: CorsConfig | null | undefined }) {
  const [key, setKey] = useState('test.txt');
  const [method, setMethod] = useState<TestRequest['method']>('GET');
  const [headerText, setHeaderText] = useState('');
  const [credentials, setCredentials] = useState<TestRequest['credentials']>('omit');
  const ids = { key: useId(), method: useId(), headers: useId(), credentials: useId() };
  const test = useMutation({
    mutationFn: () => runTest(profile.id, bucket, profile.dialect, config ?? null, { key, method, headers: parseHeaders(headerText), credentials }),
  });
  const run = test.data;

  return (
    <section className="test-pane" aria-label="Test CORS">
      <p>Sends the real request from this page ({window.location.origin}) to the bucket, so the browser itself judges, beside the server's raw probe and the core's prediction.</p>
      <div className="test-form">
        <label htmlFor={ids.key}>Object key</label>
        <input id={ids.key} value={key} onChange={(e) => setKey(e.target.value)} />
        <label htmlFor={ids.method}>Method</label>
        <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value as TestRequest['method'])}>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <label htmlFor={ids.headers}>Request headers</label>
        <textarea id={ids.headers} value={headerText} onChange={(e) => setHeaderText(e.target.value)} placeholder="content-type: application/json" rows={3} />
        <label htmlFor={ids.credentials}>Credentials</label>
        <select id={ids.credentials} value={credentials} onChange={(e) => setCredentials(e.target.value as TestRequest['credentials'])}>
          <option value="omit">omit</option>
          <option value="include">include</option>
        </select>
      </div>
      <button type="button" onClick={() => test.mutate()} disabled={test.isPending || config === undefined}>
        Test CORS
      </button>
      {test.isError && <ErrorMessage error={test.error} title="The test could not run." />}
      {run && (
        <div className="test-result" role="status">
          <p className={run.browser.allowed ? 'verdict allowed' : 'verdict blocked'}>
            Browser: {run.browser.allowed ? `allowed (${run.browser.status}, ${run.browser.ms} ms)` : `blocked by CORS policy (${run.browser.ms} ms)`}
          </p>
          <p>
            Prediction: {run.prediction.allowed ? 'allowed' : `blocked — ${run.prediction.blockedBy?.message ?? ''}`}
            {run.prediction.allowed !== run.browser.allowed && <strong> The browser disagrees with the prediction: something between the page and the bucket changes the answer.</strong>}
          </p>
          <p>Preflight: {run.prediction.request.preflight ? run.prediction.request.reasons.join(' ') : 'none needed. ' + run.prediction.request.reasons.join(' ')}</p>
          <Exchange title="Server probe, preflight" exchange={run.probe.preflight} />
          <Exchange title="Server probe, actual request" exchange={run.probe.actual} />
        </div>
      )}
    </section>
  );
}
