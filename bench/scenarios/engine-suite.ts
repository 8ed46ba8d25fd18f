import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SuiteTest } from '../../src/contract/suite';
import type { CorsConfig } from '../../src/core';
import { ENGINE_NAMES, type EngineName } from '../../src/engines/engine';
import { startEmbeddedS3 } from '../../src/server/embedded/local-s3';
import { planOf, startPageServer } from '../../src/server/engine-runs/page-server';
import { runInEngines } from '../../src/server/engine-runs/run-in-engines';
import type { Figure } from '../lib/report';
import { round } from '../lib/stats';

// Issue 18's figure: a 20-test suite run as `cors-console test` and the Test tab's engine runs
// run it (src/server/engine-runs: the raw probe per test, then per engine the prediction and the
// real fetch from the harness page), on the embedded s3rver, launch and teardown included, in the
// three engines at once and in Chromium alone. Wall time, one run each. Uploads are signed: the
// embedded store takes no anonymous writes.

const TESTS = 20;
const BUCKET = 'demo-direct-upload';

function suite(): SuiteTest[] {
  return Array.from({ length: TESTS }, (_, n): SuiteTest => {
    const upload = n % 2 === 1;
    return {
      id: `t${n}`,
      name: upload ? `Upload ${n} reads the ETag` : `Download ${n} reads the ETag`,
      request: { key: 'test.txt', method: upload ? 'PUT' : 'GET', headers: upload ? { 'content-type': 'text/plain' } : {}, credentials: 'omit', signed: upload, from: 'console', mustRead: ['ETag'], target: 'scratch' },
      expect: 'allowed',
    };
  });
}

export async function measureEngineSuite(log: (line: string) => void): Promise<Figure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-bench-suite-'));
  const pages = await startPageServer(resolve('dist/web'));
  const store = await startEmbeddedS3({ dataDir, port: 0, appOrigins: [pages.ownOrigin], log: () => {} });
  const figures: Figure[] = [];
  try {
    const config: CorsConfig = { rules: [{ allowedOrigins: [pages.ownOrigin], allowedMethods: ['GET', 'PUT', 'HEAD'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }] };
    const stored = await store.profile.adapter.putCors(BUCKET, config);
    if (!stored.ok) throw new Error(`cannot set the rules of ${BUCKET}: ${stored.error.code}`);
    const tests = suite().map((test) => ({ test, origin: pages.ownOrigin }));
    const plan = planOf(await pages.place([pages.ownOrigin]), pages.proxyPort);
    const runWith = async (engines: readonly EngineName[]) => {
      const started = performance.now();
      const ran = await runInEngines({ profile: store.profile, bucket: BUCKET, config, tests, pages: plan, engines });
      const seconds = round((performance.now() - started) / 1000);
      const wrong = ran.cases.filter((c) => !c.sent.ok || c.sent.observed.level !== 'allowed');
      if (ran.cases.length !== TESTS * engines.length || wrong.length) throw new Error(`${engines.join('+')}: ${ran.cases.length} results, ${wrong.length} not allowed`);
      log(`${TESTS}-test suite in ${engines.join(', ')}: ${seconds} s (${ran.engines.map((e) => (e.state === 'ran' ? `${e.name} launched in ${e.launchMs} ms` : `${e.name} ${e.state}`)).join('; ')})`);
      return seconds;
    };
    const three = await runWith(ENGINE_NAMES);
    figures.push({ id: 'suite-three-engines', label: `${TESTS}-test suite in three engines (probes, launch and teardown included)`, value: three, unit: 's', goal: { op: '<', value: 45 }, detail: 'one run, wall time, through src/server/engine-runs as cors-console test runs it, on the embedded s3rver' });
    const one = await runWith(['chromium']);
    figures.push({ id: 'suite-one-engine', label: `${TESTS}-test suite in Chromium alone (probes, launch and teardown included)`, value: one, unit: 's', detail: 'one run, wall time, same runner and store' });
  } finally {
    await pages.close();
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return figures;
}
