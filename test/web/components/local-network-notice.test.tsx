import { i18n } from '@lingui/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ProbeResult, TestRequest } from '../../../src/contract/api';
import type { CorsConfig } from '../../../src/core';
import { LocalNetworkNotice } from '../../../src/web/components/local-network-notice';
import { TestResult } from '../../../src/web/features/test-pane/components/test-result';
import { diagnose } from '../../../src/web/features/test-pane/diagnose';
import { predictFor, type TestRun } from '../../../src/web/features/test-pane/run-test';
import { activateLocale } from '../../../src/web/lib/i18n/activate';
import { chooseStrictest, describeApp, openWizard, renderWizard } from '../features/rule-wizard/wizard-harness';

// Issue 19, item 3: where a public page meets a bucket on a private or loopback address, the console
// says Chrome's Local Network Access asks or refuses, that no CORS rule changes it, and what works.

const OPEN: CorsConfig = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };
const request: TestRequest = { key: 'cat.jpg', method: 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'named' };

function runFrom(origin: string, url: string, readable: boolean): TestRun {
  const probe: ProbeResult = { dialect: 'rgw', objectUrl: url, predictedWith: { config: OPEN, version: 'v1' } };
  return { request, through: 'endpoint', origin, url, browser: readable ? { readable: true, status: 200, readableHeaders: {}, ms: 3 } : { readable: false, error: 'Failed to fetch', ms: 3 }, probe, prediction: { saved: predictFor(OPEN, request, origin, 'rgw', url) } };
}

function showRun(run: TestRun) {
  return render(<TestResult run={run} diagnosis={diagnose(run, OPEN)} />);
}

afterEach(async () => {
  if (i18n.locale !== 'en') await activateLocale('en');
});

describe('the Local Network Access notice', () => {
  it("sits in the Test tab's verdict when the tested origin is public and the bucket on a private address", () => {
    showRun(runFrom('https://app.example.com', 'https://192.168.1.20:7480/photos/cat.jpg', false));
    const verdict = screen.getByRole('region', { name: 'Verdict' });
    const notice = within(verdict).getByRole('complementary', { name: "Chrome's Local Network Access: not a CORS problem" });
    expect(notice.textContent).toContain("Chrome's Local Network Access asks the user for permission first, and refuses the request if it is not granted. No CORS rule can change this.");
    expect([...notice.querySelectorAll('li')].map((li) => li.getAttribute('data-fix'))).toEqual(['https-and-permission', 'public-endpoint', 'permission-policy']);
    expect(notice.textContent).toContain('allow="local-network-access"');
    // The prediction (any browser) carries it as a caution naming Chromium.
    expect(screen.getByRole('list', { name: 'May break' }).textContent).toContain('Chromium will ask the user for permission first (Local Network Access)');
  });

  it('says an insecure public page is refused outright', () => {
    render(<LocalNetworkNotice access={{ pageOrigin: 'http://app.example.com', url: 'http://127.0.0.1:8000/b/k', addressSpace: 'loopback', secure: false }} />);
    expect(screen.getByRole('complementary').textContent).toContain("Chrome's Local Network Access refuses requests from insecure public pages outright, before any CORS check.");
  });

  it('is absent when the page is on this machine or the bucket public', () => {
    showRun(runFrom('http://127.0.0.1:5173', 'http://127.0.0.1:8000/photos/cat.jpg', true));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('speaks Chinese in the zh-CN locale', async () => {
    await activateLocale('zh-CN');
    render(<LocalNetworkNotice access={{ pageOrigin: 'https://app.example.com', url: 'https://10.0.0.5/b/k', addressSpace: 'private', secure: true }} />);
    const notice = screen.getByRole('complementary', { name: 'Chrome 的 Local Network Access：不是 CORS 问题' });
    expect(notice.textContent).toContain('任何 CORS 规则都无法改变这一点。');
  });

  it('appears in the wizard when a described app origin is public and the profile endpoint on loopback', async () => {
    renderWizard('s3', { rules: [] }, { endpoint: 'http://127.0.0.1:7480' });
    openWizard();
    chooseStrictest();
    describeApp({ origins: 'http://localhost:5173\nhttps://app.example.com', operations: ['Download (GET)'] });
    const notice = await waitFor(() => screen.getByRole('complementary', { name: "Chrome's Local Network Access: not a CORS problem" }));
    expect(notice.textContent).toContain('The page is on a public origin (https://app.example.com) and the bucket URL (http://127.0.0.1:7480) is a loopback address on the user');
  });
});
