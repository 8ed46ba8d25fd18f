import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineRun, SavedTest } from '../../src/contract/api';
import { enginesAvailability } from '../../src/engines/availability';
import { ENGINE_MARKER_VARIABLE, markedProcesses } from '../../src/engines/processes';
import { rule } from '../support/builders';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { arrangeBucket } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { fillRequest, openTestTab, testCors } from '../support/test-pane-page';

// Issue 18, item 3, with real parts: the console (built SPA + API) on s3rver and Ceph RGW, real
// Chromium driving the Test tab, and the real engines installed on this host (Chromium, Firefox
// ESR, WebKitGTK) run by the console: the current request in each engine beside the user's own
// browser and each engine's prediction, with Chromium's exact reason; "Run all" cancelled midway
// (the run ends cancelled and the engines' processes are gone); a second start refused with its code.

/** Engines take seconds to launch on a loaded machine; three of them, with a page each, longer. */
const RUN_MS = 180_000;
const TEST_MS = 420_000;
const INSTALLED = enginesAvailability().flatMap((a) => (a.available ? [a.engine] : []));
const SAVED_TESTS = 30;

/** Engine processes started under a marker, by this process's descendants: the console runs in this process. */
function ourEngineMarkers(): Set<string> {
  const parents = new Map<number, number>();
  const markers = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const marker = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').find((line) => line.startsWith(`${ENGINE_MARKER_VARIABLE}=`));
      if (marker) markers.set(Number(entry), marker.slice(ENGINE_MARKER_VARIABLE.length + 1));
    } catch {
      // Gone meanwhile, or not ours.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  return new Set([...markers].filter(([pid]) => descends(pid)).map(([, marker]) => marker));
}

/** A call of the console's API from its own page (same origin: the guard lets it through). */
async function callApi(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: { error?: { code: string; params: Record<string, unknown> } } & Partial<EngineRun> }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

const panel = (page: Page) => page.getByRole('region', { name: 'Other engines on this host' });

/** The run the panel shows, if any. */
async function shownRunId(page: Page): Promise<string | null> {
  const shown = panel(page).locator('.tp-engine-run');
  return (await shown.count()) ? shown.getAttribute('data-run') : null;
}

/**
 * Waits until the panel shows a run other than `previous` that has ended; answers its progress line.
 * (Right after a click the panel may still show the previous run's "Finished".)
 */
async function runEnded(page: Page, previous: string | null = null): Promise<string> {
  const ended = panel(page).locator(`.tp-engine-run${previous ? `:not([data-run="${previous}"])` : ''}:not([data-state="running"])`);
  await ended.waitFor({ timeout: RUN_MS });
  return (await ended.locator('.tp-engine-progress').textContent()) ?? '';
}

/** Each engine's row for a test: its verdict level, and the agreement cells' text. */
async function engineRows(page: Page, testName: string) {
  const table = panel(page).getByRole('region', { name: `Engines: ${testName}` });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      engine: row.getAttribute('data-engine'),
      level: row.querySelector('td[data-label="Verdict"] [data-level]')?.getAttribute('data-level'),
      prediction: row.querySelector('td[data-label="Prediction for this engine"] [data-agrees]')?.getAttribute('data-agrees'),
      yourBrowser: row.querySelector('td[data-label="Your browser"] [data-agrees]')?.getAttribute('data-agrees'),
      reason: row.querySelector('td[data-label="Chromium\'s reason"]')?.textContent ?? '',
    })),
  );
}

describe.each(STORAGE_BACKENDS)('engines on the host, from the Test tab, on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let app: TestConsole;
  let page: Page;
  const suffix = `${Date.now().toString(36)}-${backend}`;

  beforeEach(() => {
    ({ app, page } = session);
  });

  it('runs the current request in every installed engine: each verdict beside your browser and the prediction, and Chromium says exactly why it refuses', { timeout: TEST_MS }, async () => {
    expect(INSTALLED).toEqual(expect.arrayContaining(['chromium', 'firefox']));
    const bucket = `ce-current-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [app.url], allowedMethods: ['GET'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 })] });
    await openTestTab(page, app, bucket);
    // Installed engines are chosen by default.
    for (const engine of INSTALLED) expect(await panel(page).getByRole('checkbox', { name: { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' }[engine] }).isChecked()).toBe(true);

    await fillRequest(page, { mustRead: 'ETag' });
    expect((await testCors(page)).level).toBe('allowed');
    await panel(page).getByRole('button', { name: 'Run in engines' }).click();
    expect(await runEnded(page)).toBe(`Finished: ${INSTALLED.length} results.`);
    const allowed = await engineRows(page, 'Current request');
    expect(allowed.map((row) => row.engine)).toEqual(INSTALLED);
    for (const row of allowed) expect(row).toMatchObject({ level: 'allowed', prediction: 'true', yourBrowser: 'true', reason: '—' });

    // A header no rule allows: S3 (and RGW) refuse the whole preflight, without CORS headers, so
    // every engine refuses there, and Chromium names exactly that check.
    await fillRequest(page, { headers: 'x-trace-id: 1', mustRead: 'ETag' });
    expect((await testCors(page)).level).toBe('blocked');
    const allowedRun = await shownRunId(page);
    expect(allowedRun).toBeTruthy();
    await panel(page).getByRole('button', { name: 'Run in engines' }).click();
    expect(await runEnded(page, allowedRun)).toBe(`Finished: ${INSTALLED.length} results.`);
    const blocked = await engineRows(page, 'Current request');
    for (const row of blocked) expect(row).toMatchObject({ level: 'blocked', prediction: 'true', yourBrowser: 'true' });
    const chromium = blocked.find((row) => row.engine === 'chromium')!;
    expect(chromium.reason).toContain('PreflightMissingAllowOriginHeader');
    expect(chromium.reason).toContain('The preflight response has no Access-Control-Allow-Origin header.');
    expect(chromium.reason).toContain(`Fix: Add a rule that allows origin ${app.url}`);
    for (const row of blocked.filter((r) => r.engine !== 'chromium')) expect(row.reason).toBe('—');
    await page.screenshot({ path: `test-output/screenshots/${backend}-engines-current-request.png`, fullPage: true });
  });

  it('"Run all saved tests" cancelled midway: the run ends cancelled, fewer results than asked, and no engine process is left', { timeout: TEST_MS }, async () => {
    const bucket = `ce-cancel-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [app.url], allowedMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'] })] });
    await openTestTab(page, app, bucket);
    const tests: SavedTest[] = Array.from({ length: SAVED_TESTS }, (_, n) => ({
      id: `t${n}`,
      name: `Download ${n}`,
      request: { key: 'test.txt', method: n % 2 ? 'HEAD' : 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch' },
      expect: 'allowed',
    }));
    expect((await callApi(page, 'PUT', `/api/profiles/${app.profileId}/buckets/${bucket}/tests`, { tests })).status).toBe(200);
    await page.reload();
    await panel(page).getByRole('button', { name: 'Run all saved tests in engines' }).and(page.locator(':enabled')).waitFor();

    // Browsers this test runs itself (the one driving the page) are not the console's engines.
    const before = ourEngineMarkers();
    await panel(page).getByRole('button', { name: 'Run all saved tests in engines' }).click();
    const progress = panel(page).locator('.tp-engine-progress');
    await progress.filter({ hasText: new RegExp(`^Running in the engines: [1-9]\\d* of ${SAVED_TESTS * INSTALLED.length} results in\\.$`) }).waitFor({ timeout: RUN_MS });
    const markers = new Set([...ourEngineMarkers()].filter((marker) => !before.has(marker)));
    expect(markers.size).toBeGreaterThan(0);
    const engines = await callApi(page, 'GET', '/api/engines');
    const runId = (engines.json as { running: string | null }).running!;
    expect(runId).toBeTruthy();

    await panel(page).getByRole('button', { name: 'Cancel engine run' }).click();
    const ended = await runEnded(page);
    expect(ended).toMatch(/^Cancelled: \d+ results? before it stopped; the engines are closed\.$/);
    const run = await callApi(page, 'GET', `/api/engine-runs/${runId}`);
    expect(run.json.state).toBe('cancelled');
    expect(run.json.done).toBeLessThan(SAVED_TESTS * INSTALLED.length);
    expect(run.json.done).toBe(run.json.cases!.length);
    for (const marker of markers) expect(markedProcesses(marker), `engine processes under ${marker}`).toEqual([]);
    expect([...ourEngineMarkers()].filter((marker) => !before.has(marker))).toEqual([]);
    expect((await callApi(page, 'GET', '/api/engines')).json).toMatchObject({ running: null });
  });

  it('refuses a second start while a run goes on (409 engine-run-busy, naming the running run), and starts again once it is cancelled', { timeout: TEST_MS }, async () => {
    const bucket = `ce-busy-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [app.url], allowedMethods: ['GET'] })] });
    await openTestTab(page, app, bucket);
    const path = `/api/profiles/${app.profileId}/buckets/${bucket}/engine-runs`;
    const body = { tests: [{ id: 'get', name: 'GET', request: { key: 'test.txt', method: 'GET' } }], engines: ['chromium'] };
    const [first, second] = await Promise.all([callApi(page, 'POST', path, body), callApi(page, 'POST', path, body)]);
    const started = [first, second].find((answer) => answer.status === 200)!;
    const refused = [first, second].find((answer) => answer.status !== 200)!;
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'engine-run-busy', params: { running: started.json.id } });
    const cancelled = await callApi(page, 'DELETE', `/api/engine-runs/${started.json.id}`);
    expect(cancelled.status).toBe(200);
    expect(['cancelled', 'finished']).toContain(cancelled.json.state);
    const again = await callApi(page, 'POST', path, body);
    expect(again.status).toBe(200);
    expect((await callApi(page, 'DELETE', `/api/engine-runs/${again.json.id}`)).status).toBe(200);
    expect((await callApi(page, 'GET', '/api/engine-runs/no-such-run')).json.error).toMatchObject({ code: 'engine-run-not-found', params: { run: 'no-such-run' } });
  });
});
