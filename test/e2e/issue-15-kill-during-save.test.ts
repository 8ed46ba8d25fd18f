import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { callRoute, type CallInput } from '../../src/contract/client';
import type { RouteSpec } from '../../src/contract/route';
import { configIdentity, type CorsConfig } from '../../src/core';
import { createConsoleLauncher, type ConsoleProcess } from '../support/console-process';
import { useStorageBackend } from '../support/storage-backends';

// Issue 15: `kill -9` of the console during saves, round after round. After each restart the
// bucket holds the old or the new rules, or the console reports drift and restores the last
// known rules from the history. Counted per outcome; no rule set may be unrecoverable.
// s3rver is the console's own embedded store (it dies with the console, mid-write: the case that
// emptied a bucket's CORS file in 3 of 145 tries); RGW is a profile, and outlives the console.

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 100);
/**
 * A safety bound per backend: the rounds stop when it is spent. A round is a restart (from a
 * process that has already loaded the console's modules, see `createConsoleLauncher`), a save cut
 * by the kill, and two to four calls: about 1 s on an idle machine, 9-12 s measured with the load
 * average at 16-18 on 2 cores (a save then takes 3-5 s, and the embedded store's own process,
 * whose s3rver import alone takes 1.2-1.5 s, 2-3 s to start). Within the budget all ROUNDS must
 * run; past it the rounds run are checked and the figures logged as the reason. 300 s: a clean
 * CI clone beside other work ran 72 (s3rver) and 71 (RGW) rounds in 180 s, 2.3-2.5 s a round.
 */
const BUDGET_MS = Number(process.env.KILL_BUDGET_MS ?? 300_000);

type Outcome = 'old' | 'new' | 'restored-from-history' | 'unrecoverable';

const config = (round: number): CorsConfig => ({ rules: [{ id: `round-${round}`, allowedOrigins: [`https://round-${round}.example`], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'] }] });
const same = (a: CorsConfig | null, b: CorsConfig | null) => configIdentity(a) === configIdentity(b);

function clientOf(running: ConsoleProcess) {
  return async <R extends RouteSpec>(route: R, input: CallInput<R>) => {
    const result = await callRoute((path, init) => fetch(`${running.url}${path}`, init), route, input);
    if (!result.ok) throw new Error(`${route.method} ${route.path}: ${result.error.message}\n${running.output()}`);
    return result.answer;
  };
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0);

/** Runs the rounds on one console set-up and bucket, and counts their outcomes and where the time went. */
async function killRounds(env: Record<string, string>, at: { profile: string; bucket: string }) {
  const counts: Record<Outcome, number> = { old: 0, new: 0, 'restored-from-history': 0, unrecoverable: 0 };
  const launcher = createConsoleLauncher(env);
  const restartMs: number[] = [];
  const roundMs: number[] = [];
  let running = await launcher.start();
  const started = performance.now();
  let rounds = 0;
  // One save not killed, to know how long a save takes here: the kills are spread over it.
  const calibration = performance.now();
  const first = clientOf(running);
  await first(routes.putCors, { params: at, body: { config: config(0) }, ifMatch: (await first(routes.getCors, { params: at })).version });
  const saveMs = performance.now() - calibration;
  let held: CorsConfig | null = config(0);
  let { version } = await first(routes.getCors, { params: at });
  try {
    for (let round = 1; round <= ROUNDS && performance.now() - started < BUDGET_MS; round++) {
      rounds = round;
      const roundStart = performance.now();
      const api = clientOf(running);
      const next = config(round);
      // The save's request is on its way; the kill lands somewhere in it (before, during or after
      // the history's entry, the provider's write, the outcome and the answer).
      const save = api(routes.putCors, { params: at, body: { config: next }, ifMatch: version }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * saveMs * 1.2));
      await running.kill9();
      await save;
      const restart = performance.now();
      running = await launcher.start();
      restartMs.push(performance.now() - restart);
      const after = clientOf(running);
      const read = await after(routes.getCors, { params: at });
      const now = read.config;
      let outcome: Outcome;
      if (same(now, next)) outcome = 'new';
      else if (same(now, held)) outcome = 'old';
      else {
        // Neither: the console must say so (drift) and put back what its history last knew.
        const { drift } = await after(routes.listHistory, { params: at });
        if (drift) {
          const restored = await after(routes.restoreHistory, { params: { ...at, entry: drift.entry }, body: { side: drift.side }, ifMatch: drift.current.version });
          outcome = same(restored.config, next) || same(restored.config, held) ? 'restored-from-history' : 'unrecoverable';
        } else outcome = 'unrecoverable';
      }
      counts[outcome]++;
      if (outcome === 'old' || outcome === 'new') ({ config: held, version } = read);
      else ({ config: held, version } = await after(routes.getCors, { params: at }));
      roundMs.push(performance.now() - roundStart);
      if (round % 10 === 0) console.log(`kill -9 rounds on ${at.profile}: ${round} rounds in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}`);
    }
  } finally {
    await running.kill9();
    await launcher.close();
  }
  const elapsedMs = Math.round(performance.now() - started);
  return { rounds, elapsedMs, saveMs: Math.round(saveMs), restartMs: median(restartMs), roundMs: median(roundMs), counts };
}

/** The figures a run logs, and the checks every backend meets. */
function expectRecoverable(where: string, result: Awaited<ReturnType<typeof killRounds>>) {
  const { rounds, elapsedMs, saveMs, restartMs, roundMs, counts } = result;
  console.log(`kill -9 rounds on ${where}: ${rounds} rounds in ${elapsedMs} ms (median round ${roundMs} ms, of which restart ${restartMs} ms; a save took ${saveMs} ms): ${JSON.stringify(counts)}`);
  expect(counts.unrecoverable).toBe(0);
  expect(counts.old + counts.new + counts['restored-from-history']).toBe(rounds);
  if (rounds < ROUNDS) {
    // Only the budget stops the rounds early; say so with the figures that explain it.
    expect(elapsedMs).toBeGreaterThanOrEqual(BUDGET_MS);
    console.warn(`kill -9 rounds on ${where}: the ${BUDGET_MS} ms budget was spent after ${rounds} of ${ROUNDS} rounds (median round ${roundMs} ms here; about 1 s on an idle machine)`);
  } else expect(rounds).toBe(ROUNDS);
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-kill-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('kill -9 during saves', () => {
  const rgw = useStorageBackend('rgw');

  it(`leaves no rule set unrecoverable in ${ROUNDS} rounds on the embedded s3rver`, async () => {
    // A seeded demo bucket of the console's own store.
    expectRecoverable('the embedded s3rver', await killRounds({ CORS_CONSOLE_DATA: join(root, 'embedded'), CORS_CONSOLE_S3_PORT: '0' }, { profile: 'local', bucket: 'demo-no-cors' }));
  }, BUDGET_MS + 60_000);

  it(`leaves no rule set unrecoverable in ${ROUNDS} rounds on RGW`, async () => {
    // A bucket of this run's own: the RGW peer is shared with other runs.
    const bucket = `kill-rounds-${randomUUID().slice(0, 8)}`;
    await rgw.current.createBucket(bucket);
    const dataDir = join(root, 'rgw');
    const { path, env } = await rgw.current.writeProfilesFile(root, 'rgw');
    expectRecoverable('RGW', await killRounds({ CORS_CONSOLE_DATA: dataDir, CORS_CONSOLE_CONFIG: path, ...env }, { profile: 'rgw', bucket }));
  }, BUDGET_MS + 60_000);
});
