import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type CorsState } from '../../src/contract/api';
import type { CorsConfig } from '../../src/core';
import { createApp } from '../../src/server/app';
import { createProfileRegistry } from '../../src/server/profiles/registry';
import { answered, typedClient } from '../support/api-client';
import { rule } from '../support/builders';
import { s3rverProfile } from '../support/console-app';
import { startLocalS3, type LocalS3 } from '../support/s3rver';

// Eight clients, each doing 25 read-modify-write rounds on one bucket's CORS through the API
// over HTTP, against real s3rver. Every write bumps a shared counter rule and the client's own
// rule, so an update that was accepted and then overwritten shows as a counter short of the
// number of accepted writes, or a client's rule short of its own count.

const CLIENTS = 8;
const ROUNDS = 25;
const BUCKET = 'contended';
const COUNTER = 'counter';

let s3: LocalS3;
let server: ServerType;
/** The typed client, over HTTP to the listening server: concurrent requests really interleave on the socket. */
let api: ReturnType<typeof typedClient>;

const clientRule = (i: number) => `client-${i}`;
const countingRule = (id: string, count: number) => rule({ id, allowedOrigins: [`https://${id}.example`], maxAgeSeconds: count });
const countOf = (config: CorsConfig | null, id: string) => config?.rules.find((r) => r.id === id)?.maxAgeSeconds ?? -1;

function bumped(config: CorsConfig, ids: string[]): CorsConfig {
  return { rules: config.rules.map((r) => (r.id !== undefined && ids.includes(r.id) ? { ...r, maxAgeSeconds: (r.maxAgeSeconds ?? 0) + 1 } : r)) };
}

const at = { profile: 'local', bucket: BUCKET };

async function read(): Promise<CorsState> {
  return answered(await api(routes.getCors, { params: at }));
}

interface ClientReport {
  accepted: number;
  conflicts: number;
  /** Rounds in which this client's own earlier writes were missing from what it read. */
  ownWritesMissing: number;
  /** Accepted writes whose answer (the provider's read-back) did not hold the write. */
  effectMissing: number;
}

async function runClient(i: number): Promise<ClientReport> {
  const report: ClientReport = { accepted: 0, conflicts: 0, ownWritesMissing: 0, effectMissing: 0 };
  let state = await read();
  while (report.accepted < ROUNDS) {
    if (countOf(state.config, clientRule(i)) !== report.accepted) report.ownWritesMissing++;
    const next = bumped(state.config!, [COUNTER, clientRule(i)]);
    const res = await api(routes.putCors, { params: at, body: { config: next }, ifMatch: state.version });
    if (res.ok) {
      report.accepted++;
      state = res.answer;
      if (countOf(state.config, COUNTER) !== countOf(next, COUNTER) || countOf(state.config, clientRule(i)) !== report.accepted) report.effectMissing++;
    } else if (res.error.code === 'version-conflict' && res.current) {
      report.conflicts++;
      // The refusal carries what the provider holds now: the retry starts from there.
      state = res.current;
    } else {
      throw new Error(`client ${i}: PUT answered ${res.status} ${res.error.code}: ${res.error.message}`);
    }
  }
  return report;
}

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket(BUCKET);
  const app = createApp({ profiles: createProfileRegistry([s3rverProfile(s3.endpoint)]) });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = typedClient({ request: (path, init) => fetch(`${base}${path}`, init) });
  const initial = await read();
  const seeded: CorsConfig = { rules: [countingRule(COUNTER, 0), ...Array.from({ length: CLIENTS }, (_, i) => countingRule(clientRule(i), 0))] };
  answered(await api(routes.putCors, { params: at, body: { config: seeded }, ifMatch: initial.version }));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await s3?.stop();
});

describe(`${CLIENTS} concurrent writers × ${ROUNDS} read-modify-write rounds on one bucket`, () => {
  it('loses no update: every accepted write is in the final configuration, every other was refused with 409', async () => {
    const reports = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i)));
    const final = (await read()).config;
    const accepted = reports.reduce((sum, r) => sum + r.accepted, 0);
    const conflicts = reports.reduce((sum, r) => sum + r.conflicts, 0);
    const lostUpdates = accepted - countOf(final, COUNTER) + reports.reduce((sum, r, i) => sum + Math.abs(r.accepted - countOf(final, clientRule(i))), 0);
    console.info(`concurrent writers: ${CLIENTS} × ${ROUNDS} rounds, ${accepted} accepted writes, ${conflicts} refused with 409 and retried, ${lostUpdates} lost updates`);

    expect(accepted).toBe(CLIENTS * ROUNDS);
    expect(countOf(final, COUNTER)).toBe(CLIENTS * ROUNDS);
    for (let i = 0; i < CLIENTS; i++) expect(countOf(final, clientRule(i))).toBe(ROUNDS);
    expect(lostUpdates).toBe(0);
    expect(reports.map((r) => r.ownWritesMissing + r.effectMissing)).toEqual(Array(CLIENTS).fill(0));
    // The clients really did contend: some writes were refused and retried.
    expect(conflicts).toBeGreaterThan(0);
  }, 180_000);
});
