import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { callRoute, type CallInput } from '../../src/contract/client';
import type { RouteSpec } from '../../src/contract/route';
import { configIdentity, type CorsConfig } from '../../src/core';
import { startConsoleProcess, type ConsoleProcess } from '../support/console-process';
import { useStorageBackend } from '../support/storage-backends';

// Issue 15: `kill -9` of the console during saves, round after round. After each restart the
// bucket holds the old or the new rules, or the console reports drift and restores the last
// known rules from the history. Counted per outcome; no rule set may be unrecoverable.
// s3rver is the console's own embedded store (it dies with the console, mid-write: the case that
// emptied a bucket's CORS file in 3 of 145 tries); RGW is a profile, and outlives the console.

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 100);
/**
 * Each round restarts the console (a second on an idle machine, 8 s measured with five helpers'
 * tests on 2 cores), so the rounds stop when this budget is spent; the count run is logged.
 */
const BUDGET_MS = Number(process.env.KILL_BUDGET_MS ?? 75_000);

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

/** Runs the rounds on one console set-up and bucket, and counts their outcomes. */
async function killRounds(env: Record<string, string>, at: { profile: string; bucket: string }) {
  const counts: Record<Outcome, number> = { old: 0, new: 0, 'restored-from-history': 0, unrecoverable: 0 };
  let running = await startConsoleProcess(env);
  const started = performance.now();
  let rounds = 0;
  // One save not killed, to know how long a save takes here: the kills are spread over it.
  const calibration = performance.now();
  const first = clientOf(running);
  await first(routes.putCors, { params: at, body: { config: config(0) }, ifMatch: (await first(routes.getCors, { params: at })).version });
  const saveMs = performance.now() - calibration;
  let held: CorsConfig | null = config(0);
  try {
    for (let round = 1; round <= ROUNDS && performance.now() - started < BUDGET_MS; round++) {
      rounds = round;
      const api = clientOf(running);
      const { version } = await api(routes.getCors, { params: at });
      const next = config(round);
      // The save's request is on its way; the kill lands somewhere in it (before, during or after
      // the history's entry, the provider's write, the outcome and the answer).
      const save = api(routes.putCors, { params: at, body: { config: next }, ifMatch: version }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * saveMs * 1.2));
      await running.kill9();
      await save;
      running = await startConsoleProcess(env);
      const after = clientOf(running);
      const now = (await after(routes.getCors, { params: at })).config;
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
      held = (await after(routes.getCors, { params: at })).config;
    }
  } finally {
    await running.kill9();
  }
  return { rounds, saveMs: Math.round(saveMs), counts };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-kill-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('kill -9 during saves', () => {
  const rgw = useStorageBackend('rgw');

  it(`leaves no rule set unrecoverable in up to ${ROUNDS} rounds on the embedded s3rver`, async () => {
    // A seeded demo bucket of the console's own store.
    const { rounds, saveMs, counts } = await killRounds({ CORS_CONSOLE_DATA: join(root, 'embedded'), CORS_CONSOLE_S3_PORT: '0' }, { profile: 'local', bucket: 'demo-no-cors' });
    console.log(`kill -9 rounds on the embedded s3rver: ${rounds} rounds (a save took ${saveMs} ms): ${JSON.stringify(counts)}`);
    expect(counts.unrecoverable).toBe(0);
    expect(counts.old + counts.new + counts['restored-from-history']).toBe(rounds);
  }, BUDGET_MS + 60_000);

  it(`leaves no rule set unrecoverable in up to ${ROUNDS} rounds on RGW`, async () => {
    await rgw.current.createBucket('kill-rounds');
    const dataDir = join(root, 'rgw');
    const { path, env } = await rgw.current.writeProfilesFile(root, 'rgw');
    const { rounds, saveMs, counts } = await killRounds({ CORS_CONSOLE_DATA: dataDir, CORS_CONSOLE_CONFIG: path, ...env }, { profile: 'rgw', bucket: 'kill-rounds' });
    console.log(`kill -9 rounds on RGW: ${rounds} rounds (a save took ${saveMs} ms): ${JSON.stringify(counts)}`);
    expect(counts.unrecoverable).toBe(0);
    expect(counts.old + counts.new + counts['restored-from-history']).toBe(rounds);
  }, BUDGET_MS + 60_000);
});
