import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsErrorReasonText, corsFixText, explainCorsError, judgeAnswers } from '../../src/core';
import type { Engine, EnginePage } from '../../src/engines/engine';
import { launch } from '../../src/engines/launch';
import { asBrowserFetch, asReceived, casePath, ENGINE_CORS_CASES } from '../fixtures/engine-cors-cases';
import { startCorsAnswerServer, type CorsAnswerServer } from '../support/cors-answer-server';
import { startPageServer, type PageServer } from '../support/page-server';

// Issue 18: Chromium's exact reason for each refusal (DevTools corsErrorStatus), reproduced on
// loopback with a server that answers as scripted, and explained by the console's own words.

const LAUNCH_MS = 120_000;
const FETCH_MS = 30_000;

let page: PageServer;
let server: CorsAnswerServer;
let engine: Engine | undefined;
let tab: EnginePage;

beforeAll(async () => {
  page = await startPageServer('app');
  server = await startCorsAnswerServer();
  engine = await launch('chromium', { timeoutMs: LAUNCH_MS });
  tab = await engine.open(`${page.origin}/`, { timeoutMs: LAUNCH_MS });
}, LAUNCH_MS * 2);

afterAll(async () => {
  await engine?.close();
  await page?.stop();
  await server?.stop();
}, LAUNCH_MS);

const seen = new Map<string, string>();

describe('Chromium names the exact reason, and the console explains it as its prediction does', () => {
  for (const testCase of ENGINE_CORS_CASES.filter((c) => c.corsError)) {
    it(`${testCase.corsError}: ${testCase.name}`, { timeout: FETCH_MS * 2 }, async () => {
      const answers = testCase.answers(page.origin, server.origin);
      const url = server.script(casePath('chromium', testCase.name), answers);
      const outcome = await tab.fetch({ ...testCase.request, url, cache: 'no-store' }, { timeoutMs: FETCH_MS });
      expect(outcome).toMatchObject({ engine: 'chromium', readable: false, error: 'Failed to fetch' });
      expect(outcome.corsError?.corsError).toBe(testCase.corsError);
      const fetch = asBrowserFetch(page.origin, testCase.request);
      const received = { ...(answers.preflight ? { preflight: asReceived(answers.preflight) } : {}), actual: asReceived(answers.actual) };
      const explanation = explainCorsError(outcome.corsError!, { origin: page.origin, method: testCase.request.method, ...(received.preflight ? { preflight: received.preflight } : {}) });
      const judgement = judgeAnswers(fetch, received, 'chromium');
      expect(judgement.allowed).toBe(false);
      if (explanation.block?.check === 'header-not-allowed' && judgement.blockedBy?.check === 'header-not-allowed') {
        // Chromium names the first header it refuses; the core lists every one refused.
        const { headers, ...rest } = explanation.block.params;
        expect({ ...explanation.block, params: rest }).toEqual({ ...judgement.blockedBy, params: { ...judgement.blockedBy.params, headers: undefined } } as unknown);
        expect(judgement.blockedBy.params.headers).toEqual(expect.arrayContaining(headers));
      } else {
        expect(explanation.block).toEqual(judgement.blockedBy);
      }
      expect(corsErrorReasonText(explanation)).not.toMatch(/^Chromium refused/);
      expect(explanation.fix.code).not.toBe('unknown');
      seen.set(testCase.corsError!, `${testCase.name} (failedParameter ${JSON.stringify(outcome.corsError!.failedParameter)}) → ${corsFixText(explanation.fix)}`);
    });
  }

  it('reads the allowed cases as the core judges them, with the headers script may read', { timeout: FETCH_MS * 4 }, async () => {
    for (const testCase of ENGINE_CORS_CASES.filter((c) => !c.corsError)) {
      const answers = testCase.answers(page.origin, server.origin);
      const url = server.script(casePath('chromium', testCase.name), answers);
      const outcome = await tab.fetch({ ...testCase.request, url, cache: 'no-store' }, { timeoutMs: FETCH_MS });
      const judgement = judgeAnswers(asBrowserFetch(page.origin, testCase.request), { ...(answers.preflight ? { preflight: asReceived(answers.preflight) } : {}), actual: asReceived(answers.actual) }, 'chromium');
      expect({ name: testCase.name, readable: outcome.readable, corsError: outcome.corsError }).toEqual({ name: testCase.name, readable: true, corsError: undefined });
      expect(judgement.allowed).toBe(true);
      // Only the headers the case scripts: Node adds date, connection… which ACEH * exposes too.
      const scripted = new Set(Object.keys(asReceived(answers.actual).headers));
      expect(Object.keys(outcome.readableHeaders ?? {}).filter((name) => scripted.has(name)).sort()).toEqual([...judgement.readableHeaders].sort());
    }
  });

  it('covers at least ten distinct corsError values', () => {
    console.log([...seen].map(([value, text]) => `${value}: ${text}`).join('\n'));
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });
});

describe('Local Network Access (Chrome)', () => {
  it('refuses a public page reaching a loopback server with LocalNetworkAccessPermissionDenied, which no CORS rule fixes', { timeout: LAUNCH_MS * 2 }, async () => {
    const pagePort = new URL(page.origin).port;
    const publicPage = await launch('chromium', { timeoutMs: LAUNCH_MS, args: [`--ip-address-space-overrides=127.0.0.1:${pagePort}=public`] });
    try {
      const publicTab = await publicPage.open(`${page.origin}/`, { timeoutMs: LAUNCH_MS });
      const url = server.script('/lna', { actual: { status: 200, headers: [['access-control-allow-origin', page.origin]], body: 'ok' } });
      const outcome = await publicTab.fetch({ url, method: 'GET', headers: {}, credentials: 'omit', cache: 'no-store' }, { timeoutMs: FETCH_MS });
      expect(outcome.readable).toBe(false);
      expect(outcome.corsError?.corsError).toBe('LocalNetworkAccessPermissionDenied');
      const explanation = explainCorsError(outcome.corsError!, { origin: page.origin, method: 'GET' });
      expect(explanation.block).toBeUndefined();
      expect(corsFixText(explanation.fix)).toMatch(/^No CORS rule can fix this/);
      // The same answer is allowed when the page is not public: it is the permission, not CORS.
      expect(judgeAnswers({ origin: page.origin, method: 'GET' }, { actual: { status: 200, headers: { 'access-control-allow-origin': page.origin } } }).allowed).toBe(true);
      seen.set('LocalNetworkAccessPermissionDenied', `a page on a public address space fetching loopback → ${corsFixText(explanation.fix)}`);
    } finally {
      await publicPage.close();
    }
  });
});
