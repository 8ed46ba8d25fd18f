import { newScratchKey, probeBodySchema, writesObject } from '../contract/api';
import type { SuiteTest } from '../contract/suite';
import {
  blockText,
  breakageText,
  corsErrorReasonText,
  corsFixText,
  explainCorsError,
  fixChangeText,
  observedVerdict,
  predictBrowserFetch,
  predictedVerdict,
  ruleReasonText,
  strictestFixFor,
  wizardErrorText,
  type AppVerdict,
  type BrowserPrediction,
  type CorsConfig,
  type Dialect,
} from '../core';
import type { Engine, EngineName, EngineOutcome, EnginePage } from '../engines/engine';
import { fromStorageError } from '../server/http/api-error';
import { runProbe } from '../server/probe/probe';
import { createScratchObjects, type ScratchTarget } from '../server/probe/scratch-objects';
import type { ConnectedProfile } from '../server/profiles/connect';
import { engineAvailable, launchEngine, routesOrigins } from './engine-drivers';
import { cliText } from './messages';
import { startPageServer, type PagePlace } from './page-server';
import type { CaseResult, CaseTest, EngineReport } from './run-report';

const PROBE_TIMEOUT_MS = 10_000;
const FETCH_TIMEOUT_MS = 20_000;
const LAUNCH_TIMEOUT_MS = 60_000;
const SIGNED_FOR_SECONDS = 300;
const DEFAULT_BODY = 'cors-console test upload\n';

/** A test with the page origin it runs from. */
export interface PlacedTest {
  test: SuiteTest;
  origin: string;
}

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

const bodyOf = (test: SuiteTest) => (test.request.method === 'PUT' || test.request.method === 'POST' ? (test.request.body ?? DEFAULT_BODY) : undefined);

/** What the rules predict for a test, and the verdict that makes. */
interface Judged {
  prediction: BrowserPrediction;
  predicted: AppVerdict;
  notes: string[];
}

/** What the raw probe learnt: whether the bucket answers as modelled, and its real preflight answer. */
interface Probed {
  notes: string[];
  preflight?: { status: number | null; headers: Record<string, string> };
}

/** The raw probe (the console's own) beside the prediction: does the bucket answer as the console models it? */
async function probeTest(run: SuiteRun, placed: PlacedTest, dialect: Dialect, scratch: ReturnType<typeof createScratchObjects>): Promise<Probed> {
  const { adapter } = run.profile;
  const { request } = placed.test;
  const onScratch = writesObject(request.method) && request.target === 'scratch';
  const key = onScratch ? newScratchKey() : request.key;
  const objectUrl = adapter.objectUrl(run.bucket, key);
  if (!objectUrl.ok) return { notes: [fromStorageError(objectUrl.error).error.message] };
  const body = bodyOf(placed.test);
  const probe = probeBodySchema.parse({ key, origin: placed.origin, method: request.method, headers: request.headers, credentials: request.credentials, ...(body !== undefined ? { body } : {}) });
  const target: ScratchTarget = { profile: run.profile.summary.id, adapter, bucket: run.bucket, key };
  if (onScratch && request.method === 'DELETE') await scratch.create(target);
  const probed = await runProbe({ objectUrl: objectUrl.value }, probe, async () => ({ ok: true, value: { config: run.config, version: '' } }), dialect, PROBE_TIMEOUT_MS);
  if (onScratch) await scratch.remove(target);
  if (!probed.ok) return { notes: [] };
  const differs = [probed.result.preflight, probed.result.actual].some((exchange) => exchange?.matchesPrediction === false);
  const answer = probed.result.preflight?.response;
  return { notes: differs ? [cliText({ code: 'provider-differs', params: { dialect } })] : [], ...(answer ? { preflight: { status: answer.status, headers: answer.headers } } : {}) };
}

/** Sends the test's request from the engine's page, on a scratch object of its own when it writes one. */
async function sendFromEngine(run: SuiteRun, page: EnginePage, test: SuiteTest, scratch: ReturnType<typeof createScratchObjects>): Promise<{ ok: true; outcome: EngineOutcome; url: string } | { ok: false; error: string }> {
  const { adapter } = run.profile;
  const { request } = test;
  const onScratch = writesObject(request.method) && request.target === 'scratch';
  const key = onScratch ? newScratchKey() : request.key;
  const target: ScratchTarget = { profile: run.profile.summary.id, adapter, bucket: run.bucket, key };
  let url: string;
  if (request.signed && request.method !== 'POST') {
    const signed = await adapter.presign(run.bucket, key, { method: request.method, expiresSeconds: SIGNED_FOR_SECONDS });
    if (!signed.ok) return { ok: false, error: fromStorageError(signed.error).error.message };
    url = signed.value;
  } else {
    const plain = adapter.objectUrl(run.bucket, key);
    if (!plain.ok) return { ok: false, error: fromStorageError(plain.error).error.message };
    url = plain.value.toString();
  }
  if (onScratch && request.method === 'DELETE') {
    const created = await scratch.create(target);
    if (!created.ok) return { ok: false, error: fromStorageError(created.error).error.message };
  }
  try {
    const body = bodyOf(test);
    const outcome = await page.fetch({ url, method: request.method, headers: request.headers, credentials: request.credentials, cache: 'no-store', ...(body !== undefined ? { body } : {}) }, { timeoutMs: FETCH_TIMEOUT_MS });
    return { ok: true, outcome, url };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    if (onScratch) await scratch.remove(target);
  }
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
function explainFailure(run: SuiteRun, placed: PlacedTest, judged: Judged, probed: Probed, observed: AppVerdict, outcome: EngineOutcome): { reason: string; fix?: string } {
  const { test } = placed;
  const engine = outcome.engine;
  if (test.expect === 'blocked') return { reason: cliText({ code: 'expected-blocked', params: { engine, observed: observed.level } }) };
  if (observed.level === 'blocked' && outcome.corsError) {
    const explained = explainCorsError(outcome.corsError, { origin: placed.origin, method: test.request.method, ...(probed.preflight ? { preflight: probed.preflight } : {}) });
    return { reason: [corsErrorReasonText(explained), ...rulesSay(judged.prediction)].join(' '), fix: corsFixText(explained.fix) };
  }
  let reason: string;
  if (observed.level === 'broken') reason = breakageText(observed.breakages[0]);
  else if (judged.prediction.blockedBy) reason = [blockText(judged.prediction.blockedBy), ...rulesSay(judged.prediction)].join(' ');
  else reason = cliText({ code: 'engine-blocked', params: { engine, predicted: judged.predicted.level } });
  const fix = strictestFixFor(run.config ?? { rules: [] }, {
    origin: placed.origin,
    method: test.request.method,
    headers: test.request.headers,
    credentials: test.request.credentials,
    needsReadableHeaders: test.request.mustRead,
  }, run.profile.summary.dialect);
  return { reason, fix: fix.ok ? fixChangeText(fix.change) : wizardErrorText(fix.error) };
}

function caseTest(placed: PlacedTest): CaseTest {
  const { test, origin } = placed;
  return { id: test.id, name: test.name, method: test.request.method, key: test.request.key, origin, expect: test.expect };
}

/** Pages are opened once per origin and engine, and reused by every test from that origin. */
function pagesOf(engine: Engine, pageUrlOf: (origin: string) => string) {
  const pages = new Map<string, Promise<EnginePage>>();
  return {
    get(origin: string): Promise<EnginePage> {
      let page = pages.get(origin);
      if (!page) {
        page = engine.open(pageUrlOf(origin), { timeoutMs: LAUNCH_TIMEOUT_MS });
        pages.set(origin, page);
      }
      return page;
    },
  };
}

/** The rules' prediction for a test in one engine (engines differ: preflight caches, Firefox's PUT). */
function judge(run: SuiteRun, { test, origin }: PlacedTest, engine: EngineName, probed: Probed): Judged {
  const dialect = run.profile.summary.dialect;
  const prediction = predictBrowserFetch(run.config, { origin, method: test.request.method, headers: test.request.headers, credentials: test.request.credentials }, dialect, engine);
  const url = run.profile.adapter.objectUrl(run.bucket, test.request.key);
  const target = url.ok ? { pageOrigin: origin, url: url.value.toString() } : undefined;
  return { prediction, predicted: predictedVerdict(prediction, test.request.mustRead, dialect, target), notes: [...probed.notes] };
}

async function runInEngine(run: SuiteRun, engine: Engine, placed: readonly PlacedTest[], probes: readonly Probed[], scratch: ReturnType<typeof createScratchObjects>): Promise<CaseResult[]> {
  const dialect = run.profile.summary.dialect;
  const pages = pagesOf(engine, (origin) => `${origin}/`);
  const results: CaseResult[] = [];
  for (const [index, one] of placed.entries()) {
    const probed = probes[index]!;
    const judgement = judge(run, one, engine.name, probed);
    const started = performance.now();
    const base = { test: caseTest(one), engine: engine.name, predicted: judgement.predicted.level, notes: judgement.notes };
    let result: CaseResult;
    let sent: Awaited<ReturnType<typeof sendFromEngine>>;
    try {
      sent = await sendFromEngine(run, await pages.get(one.origin), one.test, scratch);
    } catch (error) {
      sent = { ok: false, error: (error as Error).message };
    }
    if (!sent.ok) {
      result = { ...base, status: 'error', reason: cliText({ code: 'request-failed', params: { engine: engine.name, error: sent.error } }), ms: Math.round(performance.now() - started) };
    } else {
      const { outcome, url } = sent;
      const target = { pageOrigin: one.origin, url };
      const observed = observedVerdict(outcome, one.test.request.mustRead, { of: judgement.prediction, dialect }, target);
      const passed = observed.level === one.test.expect;
      const notes = observed.level !== judgement.predicted.level ? [...base.notes, cliText({ code: 'prediction-differs', params: { predicted: judgement.predicted.level, observed: observed.level } })] : base.notes;
      const explained = passed ? undefined : explainFailure(run, one, judgement, probed, observed, outcome);
      result = {
        ...base,
        notes,
        status: passed ? 'passed' : 'failed',
        observed: observed.level,
        ...(outcome.corsError ? { corsError: outcome.corsError } : {}),
        ...(explained ? { reason: explained.reason, ...(explained.fix ? { fix: explained.fix } : {}) } : {}),
        ms: outcome.ms,
      };
    }
    results.push(result);
    run.onCase?.(result);
  }
  return results;
}

/** Why an engine did not run (not installed, or a launch that failed): skipped with a notice unless it was named. */
function notRun(run: SuiteRun, name: EngineName, message: string, reports: EngineReport[], notices: string[]): CaseResult[] {
  reports.push({ name, state: run.enginesNamed ? 'missing' : 'skipped', message });
  if (!run.enginesNamed) notices.push(message);
  return [];
}

/**
 * Runs every test in every engine asked for: the raw probe once per test, then per engine the
 * prediction and the real request from a page at the test's origin, one launch per engine, the
 * engines side by side.
 */
export async function runSuite(run: SuiteRun): Promise<{ cases: CaseResult[]; engines: EngineReport[]; notices: string[] }> {
  const dialect = run.profile.summary.dialect;
  const scratch = createScratchObjects(run.log);
  const pageServer = await startPageServer(run.webDir);
  try {
    const placed = run.tests.map((test) => ({ test, origin: test.origin ?? run.defaultOrigin ?? pageServer.ownOrigin }));
    const places = await pageServer.place(placed.map((p) => p.origin));
    const routes = [...places.values()].flatMap((place: PagePlace) => (place.kind === 'routed' ? [place.route] : []));
    const probes = await Promise.all(placed.map((one) => probeTest(run, one, dialect, scratch)));

    const engineReports: EngineReport[] = [];
    const notices: string[] = [];
    const runs = run.engines.map(async (name): Promise<CaseResult[]> => {
      const availability = engineAvailable(name);
      if (!availability.available) return notRun(run, name, cliText({ code: 'engine-missing', params: { engine: name, missing: availability.missing, installCommand: availability.installCommand } }), engineReports, notices);
      // An engine that cannot be given an origin runs only the tests whose page the command serves at its own address.
      const reachable = routesOrigins(name) ? placed : placed.filter((p) => places.get(p.origin)?.kind === 'direct');
      const unreachable = [...new Set(placed.filter((p) => !reachable.includes(p)).map((p) => p.origin))];
      if (unreachable.length) notices.push(cliText({ code: 'origins-not-routable', params: { engine: name, origins: unreachable, tests: placed.length - reachable.length } }));
      if (reachable.length === 0) {
        engineReports.push({ name, state: 'skipped', message: cliText({ code: 'origins-not-routable', params: { engine: name, origins: unreachable, tests: placed.length } }) });
        return [];
      }
      const started = performance.now();
      let engine: Engine;
      try {
        engine = await launchEngine(name, routes, LAUNCH_TIMEOUT_MS);
      } catch (error) {
        engineReports.push({ name, state: 'missing', message: cliText({ code: 'engine-launch-failed', params: { engine: name, error: (error as Error).message } }) });
        return [];
      }
      engineReports.push({ name, state: 'ran', launchMs: Math.round(performance.now() - started) });
      try {
        return await runInEngine(run, engine, reachable, reachable.map((p) => probes[placed.indexOf(p)]!), scratch);
      } finally {
        await engine.close();
      }
    });
    const cases = (await Promise.all(runs)).flat();
    engineReports.sort((a, b) => run.engines.indexOf(a.name) - run.engines.indexOf(b.name));
    return { cases, engines: engineReports, notices };
  } finally {
    await pageServer.close();
    await scratch.removeAll();
  }
}
