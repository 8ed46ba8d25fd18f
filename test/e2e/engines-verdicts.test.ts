import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAnswers } from '../../src/core';
import { ENGINE_NAMES, type Engine, type EngineName, type EnginePage } from '../../src/engines/engine';
import { launch } from '../../src/engines/launch';
import { asBrowserFetch, asReceived, casePath, ENGINE_CORS_CASES } from '../fixtures/engine-cors-cases';
import { startCorsAnswerServer, type CorsAnswerServer } from '../support/cors-answer-server';
import { startPageServer, type PageServer } from '../support/page-server';

// Issue 18: each engine's verdict on the loopback cases equals the core's prediction for that
// engine, and the preflight cache differs where shared/design/browser-engines.md says it does.

const LAUNCH_MS = 120_000;
const FETCH_MS = 30_000;
const REJECTION_TEXT: Record<EngineName, string> = {
  chromium: 'Failed to fetch',
  firefox: 'NetworkError when attempting to fetch resource.',
  webkit: 'Load failed',
};

let page: PageServer;
let server: CorsAnswerServer;

beforeAll(async () => {
  page = await startPageServer('app');
  server = await startCorsAnswerServer();
});

afterAll(async () => {
  await page?.stop();
  await server?.stop();
});

for (const name of ENGINE_NAMES) {
  describe(`${name}`, () => {
    let engine: Engine | undefined;
    let tab: EnginePage;

    beforeAll(async () => {
      engine = await launch(name, { timeoutMs: LAUNCH_MS });
      tab = await engine.open(`${page.origin}/`, { timeoutMs: LAUNCH_MS });
    }, LAUNCH_MS * 2);

    afterAll(async () => {
      await engine?.close();
    }, LAUNCH_MS);

    it(`gives the verdict the ${name} prediction gives, on all ${ENGINE_CORS_CASES.length} cases`, { timeout: FETCH_MS * ENGINE_CORS_CASES.length }, async () => {
      const differences: string[] = [];
      for (const testCase of ENGINE_CORS_CASES) {
        const answers = testCase.answers(page.origin, server.origin);
        const url = server.script(casePath(name, testCase.name), answers);
        const outcome = await tab.fetch({ ...testCase.request, url, cache: 'no-store' }, { timeoutMs: FETCH_MS });
        const received = { ...(answers.preflight ? { preflight: asReceived(answers.preflight) } : {}), actual: asReceived(answers.actual) };
        const judgement = judgeAnswers(asBrowserFetch(page.origin, testCase.request), received, name);
        if (outcome.readable !== judgement.allowed) differences.push(`${testCase.name}: ${name} ${outcome.readable ? 'allowed' : 'blocked'}, predicted ${judgement.allowed ? 'allowed' : 'blocked'}`);
        if (outcome.readable) {
          const scripted = new Set(Object.keys(received.actual.headers));
          const readable = Object.keys(outcome.readableHeaders ?? {}).filter((header) => scripted.has(header)).sort();
          if (JSON.stringify(readable) !== JSON.stringify([...judgement.readableHeaders].sort())) differences.push(`${testCase.name}: ${name} reads ${readable.join(',')}, predicted ${judgement.readableHeaders.join(',')}`);
        } else {
          expect(outcome.error).toBe(REJECTION_TEXT[name]);
          // Only Chromium can say why.
          expect(outcome.corsError !== undefined).toBe(name === 'chromium');
        }
      }
      expect(differences).toEqual([]);
    });

    it('sends the preflight of three PUTs with a body as often as the engine model says, and once for three without a body', { timeout: FETCH_MS * 8 }, async () => {
      const grant = [['access-control-allow-origin', page.origin], ['access-control-allow-methods', 'PUT'], ['access-control-allow-headers', 'content-type'], ['access-control-max-age', '600']] as [string, string][];
      const answers = { preflight: { status: 204, headers: grant }, actual: { status: 200, headers: [['access-control-allow-origin', page.origin]] as [string, string][] } };
      const counts: Record<string, number> = {};
      for (const hasBody of [true, false]) {
        const path = casePath(name, `cache-put-${hasBody ? 'body' : 'empty'}`);
        const url = server.script(path, answers);
        const request = { url, method: 'PUT', headers: { 'content-type': 'application/json' }, ...(hasBody ? { body: '{"part":1}' } : {}), credentials: 'omit' as const, cache: 'default' as const };
        for (let i = 0; i < 3; i++) expect((await tab.fetch(request, { timeoutMs: FETCH_MS })).readable).toBe(true);
        const judgement = judgeAnswers({ origin: page.origin, method: 'PUT', headers: request.headers, hasBody }, { preflight: asReceived(answers.preflight), actual: asReceived(answers.actual) }, name);
        expect(server.preflights(path)).toBe(judgement.preflightCacheSeconds === 0 ? 3 : 1);
        expect(server.requests(path)).toBe(3);
        counts[hasBody ? 'withBody' : 'withoutBody'] = server.preflights(path);
      }
      console.log(`${name} preflights for 3 PUTs, Max-Age 600: ${JSON.stringify(counts)}`);
      expect(counts).toEqual({ withBody: name === 'firefox' ? 3 : 1, withoutBody: 1 });
    });
  });
}
