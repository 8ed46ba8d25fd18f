import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { engineRunSchema, type EngineRun, type EngineRunCase, type HostEngine } from '../../../../src/contract/api';
import { explainCorsError, type AppVerdict, type BrowserEngine } from '../../../../src/core';
import { EngineChooser } from '../../../../src/web/features/test-pane/components/engine-chooser';
import { EngineRunResults } from '../../../../src/web/features/test-pane/components/engine-run-results';

// "Other engines on this host" (issue 18, item 3): the engine chooser (installed engines chosen,
// missing ones disabled with their install command) and a run's states: progress n of m announced
// politely, each engine's verdict beside its prediction and the user's own browser, Chromium's
// exact reason with the console's explanation and fix, requests that failed, and how a run ended.
// The data is the route's answer shape, parsed by its schema.

const ORIGIN = 'http://127.0.0.1:5173';
const allowed: AppVerdict = { level: 'allowed', breakages: [] };
const blocked: AppVerdict = { level: 'blocked', breakages: [] };
const broken: AppVerdict = { level: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag'] } }] };

function oneCase(engine: BrowserEngine, observed: AppVerdict, extra: Partial<EngineRunCase> = {}): EngineRunCase {
  return { testId: 'upload', testName: 'Upload reads the ETag', engine, origin: ORIGIN, expect: 'allowed', predicted: observed, result: { ok: true, observed, ms: 12 }, providerDiffers: false, ...extra };
}

function runOf(fields: Partial<EngineRun>): EngineRun {
  // The component is given what the route answers: checked by the contract's schema here too.
  return engineRunSchema.parse({
    id: 'r1',
    profile: 'local',
    bucket: 'demo',
    state: 'running',
    total: 3,
    done: 0,
    engines: [
      { engine: 'chromium', state: 'ran', launchMs: 900 },
      { engine: 'firefox', state: 'ran', launchMs: 2100 },
      { engine: 'webkit', state: 'ran', launchMs: 800 },
    ],
    cases: [],
    startedAt: '2026-12-02T03:00:00.000Z',
    ...fields,
  });
}

const rowOf = (engine: string) => document.querySelector(`tr[data-engine="${engine}"]`) as HTMLElement;

describe('EngineChooser', () => {
  const engines: HostEngine[] = [
    { engine: 'chromium', available: true },
    { engine: 'firefox', available: true },
    { engine: 'webkit', available: false, missing: ['webkit2gtk-driver', 'xvfb'], installCommand: 'sudo apt-get install -y webkit2gtk-driver xvfb' },
  ];

  it('checks the chosen installed engines, and shows a missing one disabled with the command that installs it', () => {
    const changes: BrowserEngine[][] = [];
    render(<EngineChooser engines={engines} chosen={['chromium', 'firefox']} onChange={(chosen) => changes.push(chosen)} disabled={false} />);
    expect((screen.getByRole('checkbox', { name: 'Chromium' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Firefox ESR' }) as HTMLInputElement).checked).toBe(true);
    const webkit = screen.getByRole('checkbox', { name: 'WebKitGTK' });
    expect((webkit as HTMLInputElement).checked).toBe(false);
    expect((webkit as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('sudo apt-get install -y webkit2gtk-driver xvfb').tagName).toBe('CODE');
    expect(screen.getByText(/Not installed on this host \(missing webkit2gtk-driver, xvfb\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Firefox ESR' }));
    expect(changes).toEqual([['chromium']]);
  });

  it('cannot be changed while a run goes on', () => {
    render(<EngineChooser engines={engines} chosen={['chromium']} onChange={() => {}} disabled />);
    expect((screen.getByRole('group', { name: 'Engines' }) as HTMLFieldSetElement).disabled).toBe(true);
  });
});

describe('EngineRunResults', () => {
  it('announces progress n of m politely while running, with a progress bar, and the engines still starting', () => {
    const run = runOf({ done: 1, total: 3, engines: [{ engine: 'chromium', state: 'ran', launchMs: 900 }, { engine: 'firefox', state: 'starting' }, { engine: 'webkit', state: 'starting' }], cases: [oneCase('chromium', allowed)] });
    render(<EngineRunResults run={run} yourBrowser={new Map()} />);
    const status = screen.getByRole('status');
    expect(status?.textContent).toContain('Running in the engines: 1 of 3 results in.');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    const bar = screen.getByRole('progressbar', { name: 'Results in' });
    expect(bar?.getAttribute('value')).toBe('1');
    expect(bar?.getAttribute('max')).toBe('3');
    expect(within(screen.getByRole('list', { name: 'Engines without results' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Firefox ESR: Starting…', 'WebKitGTK: Starting…']);
  });

  it("shows each engine's verdict in the verdict card's words, agreeing with or differing from its prediction and your browser, and Chromium's exact reason with the fix", () => {
    const corsError = { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-amz-meta-owner' };
    const explained = explainCorsError(corsError, { origin: ORIGIN, method: 'PUT', preflight: { status: 200, headers: { 'access-control-allow-headers': 'content-type' } } });
    const run = runOf({
      state: 'finished',
      done: 3,
      cases: [
        oneCase('chromium', blocked, { predicted: allowed, result: { ok: true, observed: blocked, corsError, explained, ms: 30 } }),
        oneCase('firefox', broken),
        oneCase('webkit', allowed),
      ],
    });
    render(<EngineRunResults run={run} yourBrowser={new Map([['upload', broken]])} />);
    expect(screen.getByRole('status')?.textContent).toContain('Finished: 3 results.');
    expect(screen.getByRole('heading', { name: 'Upload reads the ETag', level: 4 })).toBeTruthy();

    const chromium = rowOf('chromium');
    expect(within(chromium).getByRole('rowheader')?.textContent).toContain('Chromium');
    expect(chromium.querySelector('td[data-label="Verdict"] [data-level]')?.textContent).toContain('Blocked');
    expect(chromium.querySelector('td[data-label="Prediction for this engine"]')?.textContent).toContain('Differs from the prediction for this engine (allowed).');
    expect(chromium.querySelector('td[data-label="Your browser"]')?.textContent).toContain('Differs from your browser (allowed, but broken for the app).');
    const reason = chromium.querySelector('td[data-label="Chromium\'s reason"]')!;
    expect(reason?.textContent).toContain('HeaderDisallowedByPreflightResponse');
    expect(reason?.textContent).toContain('Chromium says HeaderDisallowedByPreflightResponse (x-amz-meta-owner).');
    expect(reason.textContent).toMatch(/x-amz-meta-owner/i);
    expect(reason?.textContent).toMatch(/Fix: .+/);

    const firefox = rowOf('firefox');
    expect(firefox.querySelector('td[data-label="Verdict"]')?.textContent).toMatch(/Allowed, but broken for the app/);
    expect(within(firefox).getByRole('list', { name: 'What breaks for the app' })?.textContent).toMatch(/ETag/);
    expect(firefox.querySelector('td[data-label="Your browser"] [data-agrees]')?.getAttribute('data-agrees')).toBe('true');
    expect(firefox.querySelector('td[data-label="Chromium\'s reason"]')?.textContent).toContain('—');

    const webkit = rowOf('webkit');
    expect(webkit.querySelector('td[data-label="Prediction for this engine"]')?.textContent).toContain('Agrees with the prediction for this engine.');
    expect(webkit.querySelector('td[data-label="Your browser"] [data-agrees]')?.getAttribute('data-agrees')).toBe('false');
  });

  it("says when your browser has not run the test, and shows a request an engine could not make as no verdict", () => {
    const run = runOf({ state: 'finished', done: 2, total: 2, engines: [{ engine: 'chromium', state: 'ran', launchMs: 900 }, { engine: 'firefox', state: 'ran', launchMs: 900 }], cases: [oneCase('chromium', allowed), oneCase('firefox', allowed, { result: { ok: false, error: 'firefox: the page did not load within 60000 ms', ms: 60000 } })] });
    render(<EngineRunResults run={run} yourBrowser={new Map()} />);
    expect(rowOf('chromium').querySelector('td[data-label="Your browser"]')?.textContent).toContain('Your browser has not run this test yet.');
    expect(rowOf('firefox')?.textContent).toContain('The engine could not make the request: firefox: the page did not load within 60000 ms');
    expect(rowOf('firefox').querySelector('[data-level]')).toBeNull();
  });

  it.each([
    ['cancelled', 'Cancelled: 4 results before it stopped; the engines are closed.'],
    ['timed-out', 'Stopped after the time limit: 4 results; the engines are closed.'],
    ['failed', 'The run failed after 4 results; the engines are closed.'],
  ] as const)('says how a %s run ended, and which engines never ran', (state, text) => {
    const run = runOf({ state, done: 4, total: 4, engines: [{ engine: 'chromium', state: 'ran', launchMs: 900 }, { engine: 'firefox', state: 'cancelled' }, { engine: 'webkit', state: 'launch-failed', error: 'WebKitWebDriver exited' }], cases: [0, 1, 2, 3].map((n) => oneCase('chromium', allowed, { testId: `t${n}`, testName: `Test ${n}` })) });
    render(<EngineRunResults run={run} yourBrowser={new Map()} />);
    expect(screen.getByRole('status')?.textContent).toContain(text);
    expect(screen.getAllByRole('heading', { level: 4 })).toHaveLength(4);
    expect(within(screen.getByRole('list', { name: 'Engines without results' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Firefox ESR: Not run: the run was cancelled.', 'WebKitGTK: Did not start: WebKitWebDriver exited']);
  });
});
