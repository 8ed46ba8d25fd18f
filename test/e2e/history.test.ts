import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../src/core';
import { arrangeBucket, openRule, saveAndConfirm, setStoredCors, storedRules } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// Issue 15.2 in real Chromium on each storage backend: a save through the console, a change
// behind its back, the drift banner at once, and the last known rules back in one click.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  it('saves, sees a change made outside the console as drift with the difference, restores it, and lists all of it in History', async () => {
    const bucket = 'drift-e2e';
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'start', allowedOrigins: ['https://start.example'] })] });
    await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/${bucket}`);
    const rule1 = await openRule(page, 1);
    await rule1.getByLabel('Allowed origins').fill('https://saved.example');
    await saveAndConfirm(page, shot('history-save-failed'));
    expect((await storedRules(storage.current, bucket))[0]?.allowedOrigins).toEqual(['https://saved.example']);

    const outside: CorsConfig = { rules: [rule({ id: 'outside', allowedOrigins: ['https://outside.example'] })] };
    await setStoredCors(storage.current, bucket, outside);
    await page.reload();
    const banner = page.getByRole('region', { name: 'Changed outside the console' });
    await banner.waitFor();
    expect(await banner.locator('del').allTextContents()).toContain('-     <AllowedOrigin>https://saved.example</AllowedOrigin>\n');
    expect(await banner.locator('ins').allTextContents()).toContain('+     <AllowedOrigin>https://outside.example</AllowedOrigin>\n');
    await page.screenshot({ path: shot('history-drift-banner'), fullPage: true });

    await banner.getByRole('button', { name: 'Restore the last known configuration' }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await storedRules(storage.current, bucket))[0]?.allowedOrigins).toEqual(['https://saved.example']);

    await page.getByRole('tab', { name: 'History' }).click();
    const entries = page.getByRole('list', { name: 'Changes made through the console' }).locator(':scope > li');
    await entries.first().getByRole('heading', { name: /^Restored from the drift banner/ }).waitFor();
    expect(await entries.count()).toBe(2);
    await page.screenshot({ path: shot('history-view'), fullPage: true });
  }, 90_000);
});
