import type { SuiteTest } from '../contract/suite';
import {
  blockText,
  breakageText,
  corsErrorReasonText,
  corsFixText,
  fixChangeText,
  ruleReasonText,
  strictestFixFor,
  wizardErrorText,
  type BrowserPrediction,
  type CorsConfig,
} from '../core';
import type { EngineName } from '../engines/engine';
import { planOf, startPageServer } from '../server/engine-runs/page-server';
import { runInEngines, type EngineCase, type EngineState } from '../server/engine-runs/run-in-engines';
import type { ConnectedProfile } from '../server/profiles/connect';
import { cliText } from './messages';
import type { CaseResult, CaseTest, EngineReport } from './run-report';

export interface SuiteRun {
  profile: ConnectedProfile;
  bucket: string;
  config: CorsConfig | null;
  tests: readonly SuiteTest[];
  /** The origin of tests that name none (`--origin`, the suite's); the command's own page when absent. */
  defaultOrigin?: string;
  engines: readonly EngineName[];
  /** Whether the engines were named (`--engines`): a missing one is then an infrastructure failure, not a notice. */
  enginesNamed: boolean;
  webDir: string;
  onCase?: (result: CaseResult) => void;
  log?: (line: string) => void;
}

/** When no rule answered the blocked request: why each rule did not (an origin typo shows as a near miss). */
function rulesSay(prediction: BrowserPrediction): string[] {
  const block = prediction.blockedBy;
  const decision = block?.stage === 'preflight' ? prediction.preflight : block?.stage === 'actual' ? prediction.actual : undefined;
  if (!decision || decision.matchedRule !== null) return [];
  return decision.reasons.filter((reason) => reason.code === 'failed' || reason.code === 'stopped-search').map(ruleReasonText);
}

/**
 * Why a test missed its expectation, and what to change: Chromium's exact reason in the console's
 * words when it gave one; else the prediction's failed check, or what breaks the app, with the
 * strictest rule change that makes the request pass.
 */
function explainFailure(run: SuiteRun, one: EngineCase & { sent: { ok: true } }): { reason: string; fix?: string } {
  const { test, engine, prediction, predicted } = one;
  const { observed, explained } = one.sent;
  if (test.expect === 'blocked') return { reason: cliText({ code: 'expected-blocked', params: { engine, observed: observed.level } }) };
  if (explained) return { reason: [corsErrorReasonText(explained), ...rulesSay(prediction)].join(' '), fix: corsFixText(explained.fix) };
  let reason: string;
  if (observed.level === 'broken') reason = breakageText(observed.breakages[0]);
  else if (prediction.blockedBy) reason = [blockText(prediction.blockedBy), ...rulesSay(prediction)].join(' ');
  else reason = cliText({ code: 'engine-blocked', params: { engine, predicted: predicted.level } });
  // A request the browser refuses to send (mixed content, a forbidden method) is past any rule's help: the reason says what to change.
  if (prediction.blockedBy?.check === 'request-refused') return { reason };
  const fix = strictestFixFor(run.config ?? { rules: [] }, {
    origin: one.origin,
    method: test.request.method,
    headers: test.request.headers,
    credentials: test.request.credentials,
    needsReadableHeaders: test.request.mustRead,
  }, run.profile.summary.dialect);
  return { reason, fix: fix.ok ? fixChangeText(fix.change) : wizardErrorText(fix.error) };
}

function caseTest({ test, origin }: EngineCase): CaseTest {
  return { id: test.id, name: test.name, method: test.request.method, key: test.request.key, origin, expect: test.expect };
}

/** One engine's result for one test, worded for the reports. */
function caseResult(run: SuiteRun, one: EngineCase): CaseResult {
  const notes = one.probed.providerDiffers ? [cliText({ code: 'provider-differs', params: { dialect: run.profile.summary.dialect } })] : [];
  const base = { test: caseTest(one), engine: one.engine, predicted: one.predicted.level };
  const { sent } = one;
  if (!sent.ok) return { ...base, notes, status: 'error', reason: cliText({ code: 'request-failed', params: { engine: one.engine, error: sent.error } }), ms: sent.ms };
  const observed = sent.observed.level;
  const passed = observed === one.test.expect;
  if (observed !== one.predicted.level) notes.push(cliText({ code: 'prediction-differs', params: { predicted: one.predicted.level, observed } }));
  const explained = passed ? undefined : explainFailure(run, { ...one, sent });
  return {
    ...base,
    notes,
    status: passed ? 'passed' : 'failed',
    observed,
    ...(sent.outcome.corsError ? { corsError: sent.outcome.corsError } : {}),
    ...(explained ? { reason: explained.reason, ...(explained.fix ? { fix: explained.fix } : {}) } : {}),
    ms: sent.outcome.ms,
  };
}

/** An engine as the reports name it: one that did not run is skipped with a notice, unless it was named (then it is missing). */
function engineReport(run: SuiteRun, state: EngineState): EngineReport | undefined {
  const missing = (message: string): EngineReport => ({ name: state.name, state: run.enginesNamed ? 'missing' : 'skipped', message });
  switch (state.state) {
    case 'ran':
      return { name: state.name, state: 'ran', launchMs: state.launchMs };
    case 'not-installed':
      return missing(cliText({ code: 'engine-missing', params: { engine: state.name, missing: state.missing, installCommand: state.installCommand } }));
    case 'launch-failed':
      return { name: state.name, state: 'missing', message: cliText({ code: 'engine-launch-failed', params: { engine: state.name, error: state.error } }) };
    case 'cancelled':
      return undefined;
  }
}

/**
 * Runs every test in every engine asked for (src/server/engine-runs), from the harness page the
 * command serves at each test's origin, and words the results for the reporters.
 */
export async function runSuite(run: SuiteRun): Promise<{ cases: CaseResult[]; engines: EngineReport[]; notices: string[] }> {
  const pageServer = await startPageServer(run.webDir);
  try {
    const placed = run.tests.map((test) => ({ test, origin: test.origin ?? run.defaultOrigin ?? pageServer.ownOrigin }));
    const pages = planOf(await pageServer.place(placed.map((p) => p.origin)), pageServer.proxyPort);
    const ran = await runInEngines({
      profile: run.profile,
      bucket: run.bucket,
      config: run.config,
      tests: placed,
      pages,
      engines: run.engines,
      onCase: (one) => run.onCase?.(caseResult(run, one)),
      ...(run.log ? { log: run.log } : {}),
    });
    const engines = ran.engines.flatMap((state) => engineReport(run, state) ?? []);
    const notices = [
      ...engines.flatMap((e) => (e.state === 'skipped' && !run.enginesNamed && ran.engines.find((s) => s.name === e.name)?.state === 'not-installed' ? [e.message] : [])),
    ];
    return { cases: ran.cases.map((one) => caseResult(run, one)), engines, notices };
  } finally {
    await pageServer.close();
  }
}
