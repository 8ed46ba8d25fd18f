import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type HistoryEntry } from '../../src/contract/api';
import { callRoute, type CallInput } from '../../src/contract/client';
import type { RouteSpec } from '../../src/contract/route';
import { configIdentity, type CorsConfig } from '../../src/core';
import { expectConsoleRefusal, startConsoleProcess, type ConsoleProcess } from '../support/console-process';
import { useStorageBackend } from '../support/storage-backends';

// Issue 15.3 with two console processes (`node dist/server/main.js`, as `npm start` runs it), each
// with its own data folder and port, sharing one S3 state backend on the Ceph RGW peer: both see
// both histories; saves racing from the two consoles, where PutBucketCors has no condition, leave
// the losing rule set in the shared history, restorable in one call; and a second console on a
// data folder in use refuses to start, naming the process that holds it.

const RACES = Number(process.env.RACE_ROUNDS ?? 10);

const rule = (origin: string): CorsConfig => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });
const same = (a: CorsConfig | null, b: CorsConfig | null) => configIdentity(a) === configIdentity(b);

function clientOf(running: ConsoleProcess) {
  return async <R extends RouteSpec>(route: R, input: CallInput<R>) => {
    const result = await callRoute((path, init) => fetch(`${running.url}${path}`, init), route, input);
    if (!result.ok) throw Object.assign(new Error(`${route.method} ${route.path}: ${result.error.message}`), { code: result.error.code });
    return result.answer;
  };
}

let root: string;
const running: ConsoleProcess[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cors-console-two-processes-'));
});
afterAll(async () => {
  await Promise.all(running.map((c) => c.kill9()));
  await rm(root, { recursive: true, force: true });
});

describe('two console processes on one S3 state backend (RGW)', () => {
  const rgw = useStorageBackend('rgw');

  async function start(env: Record<string, string>): Promise<ConsoleProcess> {
    const started = await startConsoleProcess(env);
    running.push(started);
    return started;
  }

  it('shows both histories to both, keeps the loser of each race restorable in one call, and refuses a second console on a locked data folder', async () => {
    const run = randomUUID().slice(0, 8);
    const [stateBucket, target] = [`state-${run}`, `target-${run}`];
    await rgw.current.createBucket(stateBucket);
    await rgw.current.createBucket(target);
    const profiles = await rgw.current.writeProfilesFile(root, 'team');
    const shared = { CORS_CONSOLE_CONFIG: profiles.path, CORS_CONSOLE_STATE: `s3://team/${stateBucket}/consoles-${run}`, ...profiles.env };
    const [oneProcess, twoProcess] = await Promise.all([start({ ...shared, CORS_CONSOLE_DATA: join(root, 'one') }), start({ ...shared, CORS_CONSOLE_DATA: join(root, 'two') })]);
    expect(oneProcess.child.pid).not.toBe(twoProcess.child.pid);
    const [one, two] = [clientOf(oneProcess), clientOf(twoProcess)];
    const at = { profile: 'team', bucket: target };

    // Each console saves once; each sees both entries, each naming the process that made it.
    const first = await one(routes.putCors, { params: at, body: { config: rule('https://one.example') }, ifMatch: (await one(routes.getCors, { params: at })).version });
    await two(routes.putCors, { params: at, body: { config: rule('https://two.example') }, ifMatch: first.version });
    const [seenByOne, seenByTwo] = [await one(routes.listHistory, { params: at }), await two(routes.listHistory, { params: at })];
    const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);
    expect(ids(seenByOne.entries)).toEqual(ids(seenByTwo.entries));
    expect(seenByOne.entries.map((e) => [e.console.pid, e.after.config])).toEqual([
      [twoProcess.child.pid, rule('https://two.example')],
      [oneProcess.child.pid, rule('https://one.example')],
    ]);

    // Races: both consoles read one version and save different rules at once. A save that lost
    // (accepted, then overwritten) is in the history and comes back with one guarded restore.
    const outcomes = { bothAccepted: 0, oneRefused: 0, restored: 0 };
    for (let race = 1; race <= RACES; race++) {
      const { version } = await one(routes.getCors, { params: at });
      const [mine, theirs] = [rule(`https://one-${race}.example`), rule(`https://two-${race}.example`)];
      const results = await Promise.allSettled([
        one(routes.putCors, { params: at, body: { config: mine }, ifMatch: version }),
        two(routes.putCors, { params: at, body: { config: theirs }, ifMatch: version }),
      ]);
      const accepted = results.filter((r) => r.status === 'fulfilled').length;
      for (const refused of results.filter((r) => r.status === 'rejected')) expect((refused.reason as { code?: string }).code).toBe('version-conflict');
      expect(accepted).toBeGreaterThanOrEqual(1);
      if (accepted === 1) {
        outcomes.oneRefused++;
        continue;
      }
      outcomes.bothAccepted++;
      const current = await two(routes.getCors, { params: at });
      const page = await two(routes.listHistory, { params: at });
      const racing = page.entries.filter((e) => same(e.after.config, mine) || same(e.after.config, theirs));
      expect(racing.map((e) => e.console.pid).sort()).toEqual([oneProcess.child.pid, twoProcess.child.pid].sort());
      const lost = racing.find((e) => !same(e.after.config, current.config));
      expect(lost, 'the provider holds one of the two racing rule sets; the other is the lost one').toBeDefined();
      // One call, from the console whose save did not lose or did: it does not matter which.
      const restored = await one(routes.restoreHistory, { params: { ...at, entry: lost!.id }, body: {}, ifMatch: current.version });
      expect(restored.config).toEqual(lost!.after.config);
      const after = await two(routes.listHistory, { params: at });
      expect(after.entries[0]).toMatchObject({ action: 'restore', restoredFrom: lost!.id, console: { pid: oneProcess.child.pid } });
      expect(after.drift).toBeNull();
      outcomes.restored++;
    }
    console.log(`racing saves from two console processes on RGW: ${RACES} races, ${JSON.stringify(outcomes)}`);
    expect(outcomes.bothAccepted + outcomes.oneRefused).toBe(RACES);
    expect(outcomes.restored).toBe(outcomes.bothAccepted);

    // A data folder in use (history kept in it): a second console on it refuses to start.
    const lockedEnv = { CORS_CONSOLE_CONFIG: profiles.path, ...profiles.env, CORS_CONSOLE_DATA: join(root, 'locked') };
    const holder = await start(lockedEnv);
    const refused = await expectConsoleRefusal(lockedEnv);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      new RegExp(`cors-console cannot start: The data folder ${join(root, 'locked')} is in use by another console: pid ${holder.child.pid} on ${hostname()}, started \\d{4}-\\d\\d-\\d\\dT[^ ]+ \\(.*console\\.lock\\)\\. Stop that console, or set CORS_CONSOLE_DATA to another folder\\.`),
    );
    // The holder is untouched by the refused start.
    expect((await clientOf(holder)(routes.listProfiles, {})).profiles.map((p) => p.id)).toEqual(['team']);
  }, 180_000);
});
