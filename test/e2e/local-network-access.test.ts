import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { enginesAvailability } from '../../src/engines/availability';
import { rule } from '../support/builders';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { arrangeBucket } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { fillRequest, openTestTab, testCors } from '../support/test-pane-page';

// Issue 19, item 3, with real parts: the console (built SPA + API) on s3rver and on the Ceph RGW
// peer (both on loopback), and the console's own Chromium run ("Other engines on this host") with
// its test page on the public address space (--ip-address-space-overrides): Chrome's Local Network
// Access refuses the fetch whatever the bucket's CORS rules (LocalNetworkAccessPermissionDenied,
// explained as such, predicted as such), and with the permission granted the same fetch succeeds.

/** Chromium takes seconds to launch on a loaded machine. */
const RUN_MS = 180_000;
const TEST_MS = 420_000;
const OTHER_ENGINES = { firefox: 'Firefox ESR', webkit: 'WebKitGTK' } as const;

const panel = (page: Page) => page.getByRole('region', { name: 'Other engines on this host' });

/** Runs the current request in Chromium alone, its page placed as `place` says; answers Chromium's row once the run ended. */
async function runInChromium(page: Page, place: string, previous: string | null) {
  await panel(page).getByRole('radio', { name: place }).check();
  await panel(page).getByRole('button', { name: 'Run in engines' }).click();
  const ended = panel(page).locator(`.tp-engine-run${previous ? `:not([data-run="${previous}"])` : ''}:not([data-state="running"])`);
  await ended.waitFor({ timeout: RUN_MS });
  expect(await ended.locator('.tp-engine-progress').textContent()).toBe('Finished: 1 result.');
  const row = ended.locator('tr[data-engine="chromium"]');
  return {
    run: await ended.getAttribute('data-run'),
    level: await row.locator('td[data-label="Verdict"] [data-level]').getAttribute('data-level'),
    predictionAgrees: await row.locator('td[data-label="Prediction for this engine"] [data-agrees]').getAttribute('data-agrees'),
    reason: (await row.locator('td[data-label="Chromium\'s reason"]').textContent()) ?? '',
  };
}

describe.each(STORAGE_BACKENDS)('Local Network Access in Chromium, through the console, on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let app: TestConsole;
  let page: Page;

  beforeEach(() => {
    ({ app, page } = session);
  });

  it('refuses a public page reaching the bucket on loopback, names Local Network Access (no CORS rule), and succeeds once permitted', { timeout: TEST_MS }, async () => {
    expect(enginesAvailability().find((a) => a.engine === 'chromium')?.available).toBe(true);
    const bucket = `lna-${Date.now().toString(36)}-${backend}`;
    // Rules that allow the request: whatever Chromium refuses is not CORS.
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })] });
    await openTestTab(page, app, bucket);
    await fillRequest(page, {});
    // From the console's own page on loopback, the user's browser reads the answer: no Local Network Access there.
    expect((await testCors(page)).level).toBe('allowed');
    await expect.poll(() => page.getByRole('complementary', { name: "Chrome's Local Network Access: not a CORS problem" }).count()).toBe(0);
    // Chromium alone: the other engines are not part of Local Network Access (src/core/engines.ts).
    for (const label of Object.values(OTHER_ENGINES)) {
      const box = panel(page).getByRole('checkbox', { name: label });
      if ((await box.count()) && (await box.isChecked())) await box.uncheck();
    }
    // Default: the page as served (loopback), as every run before this option.
    expect(await panel(page).getByRole('radio', { name: 'On this host, as served' }).isChecked()).toBe(true);

    const refused = await runInChromium(page, 'On a public address (reproduces Local Network Access: refused)', null);
    expect(refused).toMatchObject({ level: 'blocked', predictionAgrees: 'true' });
    expect(refused.reason).toContain('LocalNetworkAccessPermissionDenied');
    expect(refused.reason).toContain(`The page is on a public origin (${app.url}) and the bucket URL`);
    expect(refused.reason).toContain("Chrome's Local Network Access asks the user for permission first, and refuses the request if it is not granted. No CORS rule can change this.");
    expect(refused.reason).toContain('Fix: No CORS rule can fix this: Chrome asks the user');
    expect(refused.reason).not.toContain('Add a rule');
    await page.screenshot({ path: shot('local-network-access-refused'), fullPage: true });

    const permitted = await runInChromium(page, "On a public address, with the user's permission granted", refused.run);
    expect(permitted).toMatchObject({ level: 'allowed', predictionAgrees: 'true', reason: '—' });

    const asServed = await runInChromium(page, 'On this host, as served', permitted.run);
    expect(asServed).toMatchObject({ level: 'allowed', predictionAgrees: 'true', reason: '—' });
  });
});
