import type { EngineRun, EngineRunCase } from '../../../../contract/api';
import { corsErrorReasonText, corsFixText, type AppVerdict } from '../../../../core';
import { chromiumReasonText, engineAgreementText, engineRequestFailedText, engineRunProgressText, engineStateText, engineText } from '../../../lib/messages';
import { Table } from '../../../components/ui/table';
import { webText } from '../../../lib/i18n/feature-text';
import { Breakages, VerdictBadge } from './verdict-badge';

/** The table's column names, in the active locale; each cell's `data-label` repeats its column's. */
function engineRunColumns() {
  return {
    engine: webText('test-pane.engines.column-engine'),
    verdict: webText('test-pane.engines.column-verdict'),
    prediction: webText('test-pane.engines.column-prediction'),
    browser: webText('test-pane.engines.column-browser'),
    reason: webText('test-pane.engines.column-reason'),
  };
}

/** Chromium's exact reason for a refusal, in its own name and in the console's words, with the fix. */
function ChromiumReason({ result }: { result: Extract<EngineRunCase['result'], { ok: true }> }) {
  if (!result.corsError) return <>—</>;
  return (
    <div className="tp-engine-reason">
      <p className="tp-mono">{chromiumReasonText(result.corsError)}</p>
      {result.explained && (
        <>
          <p>{corsErrorReasonText(result.explained)}</p>
          <p>
            <strong>{webText('test-pane.engines.fix')}</strong> {corsFixText(result.explained.fix)}
          </p>
        </>
      )}
    </div>
  );
}

function Agreement({ compared, level, other }: { compared: 'prediction' | 'your-browser'; level: AppVerdict['level']; other: AppVerdict['level'] | undefined }) {
  const agrees = other === level;
  return (
    <span className={other === undefined ? 'tp-muted' : agrees ? 'tp-match' : 'tp-mismatch'} data-agrees={other === undefined ? undefined : String(agrees)}>
      {engineAgreementText(compared, level, other)}
    </span>
  );
}

function CaseRow({ one, yourBrowser }: { one: EngineRunCase; yourBrowser: AppVerdict | undefined }) {
  const { result } = one;
  const columns = engineRunColumns();
  return (
    <tr data-engine={one.engine} data-test={one.testId}>
      <th scope="row">{engineText(one.engine)}</th>
      {result.ok ? (
        <>
          <td data-label={columns.verdict} className="tp-engine-verdict">
            <VerdictBadge verdict={result.observed} />
            <Breakages verdict={result.observed} />
          </td>
          <td data-label={columns.prediction}>
            <VerdictBadge verdict={one.predicted} /> <Agreement compared="prediction" level={result.observed.level} other={one.predicted.level} />
          </td>
          <td data-label={columns.browser}>
            <Agreement compared="your-browser" level={result.observed.level} other={yourBrowser?.level} />
          </td>
          <td data-label={columns.reason}>
            <ChromiumReason result={result} />
          </td>
        </>
      ) : (
        <td colSpan={4} className="tp-error">
          {engineRequestFailedText(result.error)}
        </td>
      )}
    </tr>
  );
}

/** A run's progress (n of m, announced politely) and, per test, each engine's verdict beside the prediction and the user's browser. */
export function EngineRunResults({ run, yourBrowser }: { run: EngineRun; yourBrowser: ReadonlyMap<string, AppVerdict> }) {
  const tests = [...new Map(run.cases.map((one) => [one.testId, one.testName])).entries()];
  // Engines in the order asked for, whichever answered first.
  const order = (one: EngineRunCase) => run.engines.findIndex((engine) => engine.engine === one.engine);
  const idle = run.engines.flatMap((engine) => {
    const text = engineStateText(engine);
    return text === null ? [] : [{ engine: engine.engine, text }];
  });
  return (
    <div className="tp-engine-run" data-run={run.id} data-state={run.state}>
      <p role="status" aria-live="polite" className="tp-engine-progress">
        {engineRunProgressText(run)}
      </p>
      <progress className="tp-engine-bar" max={Math.max(run.total, 1)} value={run.done} aria-label={webText('test-pane.engines.results-in')} />
      {run.error && <p className="tp-error">{run.error}</p>}
      {idle.length > 0 && (
        <ul className="tp-engine-states" aria-label={webText('test-pane.engines.idle')}>
          {idle.map(({ engine, text }) => (
            <li key={engine} data-engine={engine}>
              <strong>{webText('test-pane.engines.idle-engine', { engine: engineText(engine) })}</strong> {text}
            </li>
          ))}
        </ul>
      )}
      {tests.map(([testId, testName]) => (
        <section key={testId} className="tp-engine-test" aria-label={webText('test-pane.engines.test', { test: testName })}>
          <h4>{testName}</h4>
          <Table label={webText('test-pane.engines.table', { test: testName })} columns={Object.values(engineRunColumns())}>
            {run.cases
              .filter((one) => one.testId === testId)
              .sort((a, b) => order(a) - order(b))
              .map((one) => (
                <CaseRow key={one.engine} one={one} yourBrowser={yourBrowser.get(testId)} />
              ))}
          </Table>
        </section>
      ))}
    </div>
  );
}
