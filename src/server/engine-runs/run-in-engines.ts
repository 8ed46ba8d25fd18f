// Runs tests in real browser engines on this host, as `cors-console test` and the Test tab's
// "Other engines on this host" do: per test the raw probe (the console's own) once, then per engine
// the prediction for that engine and the real request from a page at the test's origin. Results are
// values (verdicts, Chromium's corsError explained by the core); the command and the web app word them.
import { newScratchKey, probeBodySchema, writesObject } from '../../contract/api';
import type { SuiteTest } from '../../contract/suite';
import { explainCorsError, hostAddressSpace, observedVerdict, predictBrowserFetch, predictedVerdict, type AppVerdict, type BrowserFetch, type BrowserPrediction, type CorsConfig, type CorsErrorExplanation } from '../../core';
import type { Engine, EngineName, EngineOutcome, EnginePage } from '../../engines/engine';
import { fromStorageError } from '../http/api-error';
import { runProbe } from '../probe/probe';
import { createScratchObjects, type ScratchObjects, type ScratchTarget } from '../probe/scratch-objects';
import type { ConnectedProfile } from '../profiles/connect';
import { isStorageTarget, storageOriginsOf } from '../security/storage-origins';
import { engineAvailable, launchEngine, type PublicPages, type Routing } from './engine-drivers';
import type { PagePlan } from './page-server';

const PROBE_TIMEOUT_MS = 10_000;
const FETCH_TIMEOUT_MS = 20_000;
export const LAUNCH_TIMEOUT_MS = 60_000;
const SIGNED_FOR_SECONDS = 300;
const DEFAULT_BODY = 'cors-console test upload\n';

/** A test with the page origin it runs from. */
export interface PlacedTest {
  test: SuiteTest;
  origin: string;
}

/** What the raw probe learnt: whether the bucket answers as modelled, and its real preflight answer. */
export interface Probed {
  providerDiffers: boolean;
  preflight?: { status: number | null; headers: Record<string, string> };
}

/** The engine's answer to one test, or why it could not be had (an infrastructure problem, not a verdict). */
export type EngineSent =
  | { ok: true; outcome: EngineOutcome; observed: AppVerdict; url: string; explained?: CorsErrorExplanation }
  | { ok: false; error: string; ms: number };

/** One test × one engine. */
export interface EngineCase {
  /** The test's place in the run's list. */
  index: number;
  test: SuiteTest;
  origin: string;
  engine: EngineName;
  /** The rules' prediction for this engine, for the live configuration, and the verdict it makes. */
  prediction: BrowserPrediction;
  predicted: AppVerdict;
  probed: Probed;
  sent: EngineSent;
}

/** What became of an engine asked for. */
export type EngineState =
  | { name: EngineName; state: 'ran'; launchMs: number }
  | { name: EngineName; state: 'not-installed'; missing: string[]; installCommand: string }
  | { name: EngineName; state: 'launch-failed'; error: string }
  | { name: EngineName; state: 'cancelled' };

export interface EngineRunInput {
  profile: ConnectedProfile;
  bucket: string;
  config: CorsConfig | null;
  tests: readonly PlacedTest[];
  pages: PagePlan;
  engines: readonly EngineName[];
  /**
   * Chromium takes the pages as public (Local Network Access, src/core/local-network.ts), and
   * grants them the permission when `permission`; absent, pages are where they are (this host).
   */
  publicPages?: { permission: boolean };
  /** Aborting closes every engine at once (its pending fetches end) and runs no further test. */
  signal?: AbortSignal;
  onCase?: (result: EngineCase) => void;
  onEngine?: (state: EngineState) => void;
  log?: (line: string) => void;
}

export interface EngineRunResult {
  cases: EngineCase[];
  engines: EngineState[];
}

const bodyOf = (test: SuiteTest) => (test.request.method === 'PUT' || test.request.method === 'POST' ? (test.request.body ?? DEFAULT_BODY) : undefined);

/** A failure's own text, as data (an engine's or the console's API message). */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The raw probe beside the prediction: does the bucket answer as the console models it? */
async function probeTest(run: EngineRunInput, placed: PlacedTest, scratch: ScratchObjects): Promise<Probed> {
  const { adapter, summary } = run.profile;
  const { request } = placed.test;
  const onScratch = writesObject(request.method) && request.target === 'scratch';
  const key = onScratch ? newScratchKey() : request.key;
  const objectUrl = adapter.objectUrl(run.bucket, key);
  if (!objectUrl.ok) return { providerDiffers: false };
  const body = bodyOf(placed.test);
  const probe = probeBodySchema.parse({ key, origin: placed.origin, method: request.method, headers: request.headers, credentials: request.credentials, ...(body !== undefined ? { body } : {}) });
  const target: ScratchTarget = { profile: summary.id, adapter, bucket: run.bucket, key };
  if (onScratch && request.method === 'DELETE') await scratch.create(target);
  const probed = await runProbe({ objectUrl: objectUrl.value }, probe, async () => ({ ok: true, value: { config: run.config, version: '' } }), summary.dialect, PROBE_TIMEOUT_MS);
  if (onScratch) await scratch.remove(target);
  if (!probed.ok) return { providerDiffers: false };
  const providerDiffers = [probed.result.preflight, probed.result.actual].some((exchange) => exchange?.matchesPrediction === false);
  const answer = probed.result.preflight?.response;
  return { providerDiffers, ...(answer ? { preflight: { status: answer.status, headers: answer.headers } } : {}) };
}

/** The URL a test's request goes to: signed or plain, and only ever on the profile's own storage (no open proxy). */
async function urlFor(run: EngineRunInput, test: SuiteTest, key: string): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const { adapter, summary } = run.profile;
  let url: string;
  if (test.request.signed && test.request.method !== 'POST') {
    const signed = await adapter.presign(run.bucket, key, { method: test.request.method, expiresSeconds: SIGNED_FOR_SECONDS });
    if (!signed.ok) return { ok: false, error: fromStorageError(signed.error).error.message };
    url = signed.value;
  } else {
    const plain = adapter.objectUrl(run.bucket, key);
    if (!plain.ok) return { ok: false, error: fromStorageError(plain.error).error.message };
    url = plain.value.toString();
  }
  if (!isStorageTarget(new URL(url), storageOriginsOf(summary))) return { ok: false, error: `${new URL(url).origin} is not the storage endpoint of ${summary.label}` };
  return { ok: true, url };
}

/** Sends the test's request from the engine's page, on a scratch object of its own when it writes one. */
async function sendFromEngine(run: EngineRunInput, page: EnginePage, placed: PlacedTest, prediction: BrowserPrediction, probed: Probed, scratch: ScratchObjects): Promise<EngineSent> {
  const started = performance.now();
  const failed = (error: string): EngineSent => ({ ok: false, error, ms: Math.round(performance.now() - started) });
  const { adapter, summary } = run.profile;
  const { request } = placed.test;
  const onScratch = writesObject(request.method) && request.target === 'scratch';
  const key = onScratch ? newScratchKey() : request.key;
  const target: ScratchTarget = { profile: summary.id, adapter, bucket: run.bucket, key };
  const addressed = await urlFor(run, placed.test, key);
  if (!addressed.ok) return failed(addressed.error);
  const { url } = addressed;
  if (onScratch && request.method === 'DELETE') {
    const created = await scratch.create(target);
    if (!created.ok) return failed(fromStorageError(created.error).error.message);
  }
  try {
    const body = bodyOf(placed.test);
    const outcome = await page.fetch({ url, method: request.method, headers: request.headers, credentials: request.credentials, cache: 'no-store', ...(body !== undefined ? { body } : {}) }, { timeoutMs: FETCH_TIMEOUT_MS });
    const dialect = summary.dialect;
    const observed = observedVerdict(outcome, request.mustRead, { of: prediction, dialect }, { pageOrigin: placed.origin, url });
    const explained =
      observed.level === 'blocked' && outcome.corsError
        ? explainCorsError(outcome.corsError, { origin: placed.origin, method: request.method, url, ...(probed.preflight ? { preflight: probed.preflight } : {}) })
        : undefined;
    return { ok: true, outcome, observed, url, ...(explained ? { explained } : {}) };
  } catch (error) {
    return failed(errorText(error));
  } finally {
    if (onScratch) await scratch.remove(target);
  }
}

/** The rules' prediction for a test in one engine (engines differ: preflight caches, Firefox's PUT). */
function judge(run: EngineRunInput, { test, origin }: PlacedTest, engine: EngineName): { prediction: BrowserPrediction; predicted: AppVerdict } {
  const dialect = run.profile.summary.dialect;
  const url = run.profile.adapter.objectUrl(run.bucket, test.request.key);
  const target = url.ok ? { pageOrigin: origin, url: url.value.toString() } : undefined;
  // With the URL, the prediction knows an https page's fetch of an http bucket is mixed content (WebKit refuses it even on loopback).
  const fetch = { origin, method: test.request.method, headers: test.request.headers, credentials: test.request.credentials, ...(target ? { url: target.url } : {}), ...pagePlace(run, origin, engine) };
  const prediction = predictBrowserFetch(run.config, fetch, dialect, engine);
  return { prediction, predicted: predictedVerdict(prediction, test.request.mustRead, dialect, target) };
}

/**
 * Where the engine's page really is, for Local Network Access: every page is served from this host
 * (an origin named by host is routed to loopback), unless Chromium is told they are public.
 */
function pagePlace(run: EngineRunInput, origin: string, engine: EngineName): Pick<BrowserFetch, 'pageAddressSpace' | 'localNetworkPermission'> {
  if (run.publicPages && engine === 'chromium') return { pageAddressSpace: 'public', localNetworkPermission: run.publicPages.permission };
  return { pageAddressSpace: hostAddressSpace(new URL(origin).hostname) ?? 'loopback' };
}

/** The ports of this host the tests' pages are served from, which Chromium is told are public. */
function pagePorts(run: EngineRunInput): number[] {
  const ports = run.tests.map(({ origin }) => {
    const routed = run.pages.routes.find((route) => route.origin === origin);
    if (routed) return routed.port;
    const url = new URL(run.pages.urlOf(origin));
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  });
  return [...new Set(ports)];
}

/** The bucket's hosts as proxy settings name them: routing leaves them direct. */
function storageHosts(profile: ConnectedProfile): string[] {
  return storageOriginsOf(profile.summary).map((origin) => `${origin.anySubdomain ? '*.' : ''}${origin.host}${origin.port ? `:${origin.port}` : ''}`);
}

/**
 * Pages are opened once per origin and engine, and reused by every test from that origin; an engine
 * that holds fewer pages at once (WebKit: one) closes the oldest before opening another.
 */
function pagesOf(engine: Engine, pages: PagePlan) {
  const opened = new Map<string, Promise<EnginePage>>();
  return async (origin: string): Promise<EnginePage> => {
    let page = opened.get(origin);
    if (!page) {
      for (const [oldest, oldPage] of opened) {
        if (opened.size < engine.pagesAtOnce) break;
        opened.delete(oldest);
        await (await oldPage.catch(() => null))?.close();
      }
      page = engine.open(pages.urlOf(origin), { timeoutMs: LAUNCH_TIMEOUT_MS });
      opened.set(origin, page);
    }
    return page;
  };
}

async function runInEngine(run: EngineRunInput, engine: Engine, placed: readonly { one: PlacedTest; index: number; probed: Probed }[], scratch: ScratchObjects): Promise<EngineCase[]> {
  const pageAt = pagesOf(engine, run.pages);
  const results: EngineCase[] = [];
  for (const { one, index, probed } of placed) {
    if (run.signal?.aborted) break;
    const { prediction, predicted } = judge(run, one, engine.name);
    let sent: EngineSent;
    try {
      sent = await sendFromEngine(run, await pageAt(one.origin), one, prediction, probed, scratch);
    } catch (error) {
      sent = { ok: false, error: errorText(error), ms: 0 };
    }
    // A fetch ended by the cancellation is no result.
    if (run.signal?.aborted) break;
    const result: EngineCase = { index, test: one.test, origin: one.origin, engine: engine.name, prediction, predicted, probed, sent };
    results.push(result);
    run.onCase?.(result);
  }
  return results;
}

/**
 * Runs every test in every engine asked for: the raw probe once per test, then per engine the
 * prediction and the real request from a page at the test's origin, one launch per engine, the
 * engines side by side. Every engine launched is closed (its processes ended) before this returns,
 * also when the run is cancelled; scratch objects are removed.
 */
export async function runInEngines(run: EngineRunInput): Promise<EngineRunResult> {
  const scratch = createScratchObjects(run.log);
  // Each engine is closed once, by whichever comes first: its own end, the cancellation, or the run's end.
  const closing = new Map<Engine, Promise<void>>();
  const close = (engine: Engine) => {
    let closed = closing.get(engine);
    if (!closed) {
      closed = engine.close().catch((error: unknown) => run.log?.(`${engine.name} did not close cleanly: ${errorText(error)}`));
      closing.set(engine, closed);
    }
    return closed;
  };
  const launched = new Set<Engine>();
  const closeAll = () => Promise.all([...launched].map(close));
  const onAbort = () => void closeAll();
  run.signal?.addEventListener('abort', onAbort, { once: true });
  const states: EngineState[] = [];
  const settle = (state: EngineState) => {
    states.push(state);
    run.onEngine?.(state);
  };
  const storageHostsDirect = storageHosts(run.profile);
  try {
    const probes = await Promise.all(run.tests.map((one) => probeTest(run, one, scratch)));
    const placed = run.tests.map((one, index) => ({ one, index, probed: probes[index]! }));
    const runs = run.engines.map(async (name): Promise<EngineCase[]> => {
      const availability = engineAvailable(name);
      if (!availability.available) {
        settle({ name, state: 'not-installed', missing: availability.missing, installCommand: availability.installCommand });
        return [];
      }
      if (run.signal?.aborted) {
        settle({ name, state: 'cancelled' });
        return [];
      }
      const started = performance.now();
      let engine: Engine;
      try {
        // Every engine is given every test's origin (engine-drivers.ts); an https page's fetch of an http
        // bucket is then judged as each engine judges mixed content, and predicted so (src/core/mixed-content.ts).
        const routing: Routing = { routes: run.pages.routes, proxyPort: run.pages.proxyPort, directHosts: storageHostsDirect };
        const publicPages: PublicPages | undefined = run.publicPages && { ports: pagePorts(run), permission: run.publicPages.permission };
        engine = await launchEngine(name, routing, LAUNCH_TIMEOUT_MS, publicPages);
      } catch (error) {
        settle({ name, state: 'launch-failed', error: errorText(error) });
        return [];
      }
      launched.add(engine);
      try {
        if (run.signal?.aborted) {
          settle({ name, state: 'cancelled' });
          return [];
        }
        settle({ name, state: 'ran', launchMs: Math.round(performance.now() - started) });
        return await runInEngine(run, engine, placed, scratch);
      } finally {
        await close(engine);
      }
    });
    const cases = (await Promise.all(runs)).flat();
    states.sort((a, b) => run.engines.indexOf(a.name) - run.engines.indexOf(b.name));
    return { cases, engines: states };
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
    await closeAll();
    await scratch.removeAll();
  }
}
