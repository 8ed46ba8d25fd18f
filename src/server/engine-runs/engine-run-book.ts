import { randomUUID } from 'node:crypto';
import type { EngineRun, EngineRunCase, EngineRunEngine } from '../../contract/api';
import { runInEngines, type EngineCase, type EngineRunInput, type EngineState } from './run-in-engines';

/** A run longer than this is stopped as `timed-out` (50 tests in three engines take well under a minute). */
const RUN_TIMEOUT_MS = 10 * 60_000;
/** How long a cancellation waits for the engines to close before it answers anyway. */
const CANCEL_WAIT_MS = 20_000;
/** Ended runs kept readable (the page polls a run once more after it ends). */
const KEPT_RUNS = 10;

/** What to run; the book adds the cancellation, the progress and the log. */
export type EngineRunRequest = Omit<EngineRunInput, 'signal' | 'onCase' | 'onEngine' | 'log'>;

/** Runs in the engines of this console's host: one at a time, bounded in time, always torn down. */
export interface EngineRunBook {
  /** Starts a run, or names the one going on. */
  start(request: EngineRunRequest): { ok: true; run: EngineRun } | { ok: false; running: string };
  get(id: string): EngineRun | undefined;
  /** Cancels a run and answers it once its engines are closed; an ended run is answered as it ended. */
  cancel(id: string): Promise<EngineRun | undefined>;
  running(): string | null;
  /** Cancels the run going on and waits for its engines to close (the console is stopping). */
  stopAll(): Promise<void>;
}

function caseOf(one: EngineCase): EngineRunCase {
  const { sent } = one;
  return {
    testId: one.test.id,
    testName: one.test.name,
    engine: one.engine,
    origin: one.origin,
    expect: one.test.expect,
    predicted: one.predicted,
    result: sent.ok
      ? { ok: true, observed: sent.observed, ...(sent.outcome.corsError ? { corsError: sent.outcome.corsError } : {}), ...(sent.explained ? { explained: sent.explained } : {}), ms: sent.outcome.ms }
      : { ok: false, error: sent.error, ms: sent.ms },
    providerDiffers: one.probed.providerDiffers,
  };
}

function engineOf(state: EngineState): EngineRunEngine {
  switch (state.state) {
    case 'ran':
      return { engine: state.name, state: 'ran', launchMs: state.launchMs };
    case 'not-installed':
      return { engine: state.name, state: 'not-installed', missing: state.missing, installCommand: state.installCommand };
    case 'launch-failed':
      return { engine: state.name, state: 'launch-failed', error: state.error };
    case 'cancelled':
      return { engine: state.name, state: 'cancelled' };
  }
}

export function createEngineRunBook(log: (line: string) => void = () => {}): EngineRunBook {
  const runs = new Map<string, EngineRun>();
  let current: { id: string; abort: AbortController; ended: Promise<void>; why?: 'cancelled' | 'timed-out' } | null = null;

  const keepFew = () => {
    for (const id of runs.keys()) {
      if (runs.size <= KEPT_RUNS) break;
      if (id !== current?.id) runs.delete(id);
    }
  };

  function start(request: EngineRunRequest): ReturnType<EngineRunBook['start']> {
    if (current) return { ok: false, running: current.id };
    const id = randomUUID();
    const perEngine = request.tests.length;
    const run: EngineRun = {
      id,
      profile: request.profile.summary.id,
      bucket: request.bucket,
      state: 'running',
      total: perEngine * request.engines.length,
      done: 0,
      engines: request.engines.map((engine) => ({ engine, state: 'starting' })),
      cases: [],
      startedAt: new Date().toISOString(),
    };
    runs.set(id, run);
    keepFew();
    const abort = new AbortController();
    const timer = setTimeout(() => {
      if (current?.id === id) current.why = 'timed-out';
      abort.abort();
    }, RUN_TIMEOUT_MS);
    log(`engine run ${id}: ${request.tests.length} test(s) of ${request.profile.summary.id}/${request.bucket} in ${request.engines.join(', ')}`);
    const ended = runInEngines({
      ...request,
      signal: abort.signal,
      log,
      onCase: (one) => {
        run.cases.push(caseOf(one));
        run.done = run.cases.length;
      },
      onEngine: (state) => {
        const engine = engineOf(state);
        run.engines = run.engines.map((e) => (e.engine === engine.engine ? engine : e));
        if (engine.state !== 'ran') run.total -= perEngine;
      },
    }).then(
      () => {
        run.state = current?.why ?? 'finished';
      },
      (error: unknown) => {
        run.state = 'failed';
        run.error = error instanceof Error ? error.message : String(error);
        log(`engine run ${id} failed: ${run.error}`);
      },
    ).finally(() => {
      clearTimeout(timer);
      // Engines that had not started when the run ended never will.
      run.engines = run.engines.map((e) => (e.state === 'starting' ? { engine: e.engine, state: 'cancelled' } : e));
      if (run.state !== 'finished') run.total = run.done;
      run.endedAt = new Date().toISOString();
      if (current?.id === id) current = null;
      log(`engine run ${id} ${run.state}: ${run.done} result(s)`);
    });
    current = { id, abort, ended };
    return { ok: true, run };
  }

  async function cancel(id: string): Promise<EngineRun | undefined> {
    const run = runs.get(id);
    if (!run) return undefined;
    if (current?.id === id) {
      const { ended, abort } = current;
      current.why ??= 'cancelled';
      abort.abort();
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())]);
    }
    return run;
  }

  return {
    start,
    get: (id) => runs.get(id),
    cancel,
    running: () => current?.id ?? null,
    stopAll: async () => {
      if (current) await cancel(current.id);
    },
  };
}
