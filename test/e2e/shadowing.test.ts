import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../src/core';
import { demoBuckets } from '../../src/server/embedded/seeds';
import { arrangeBucket as arrangeOn, saveAndConfirm, storedRules as storedOn } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { openTestTab } from '../support/test-pane-page';

// Issue 14: shadowing advice that can be followed blindly, in real Chromium against s3rver and
// Ceph RGW. The demo buckets' rules (with the console's origin as the app's): the direct-upload
// setup shows no shadowing warning; the shadowed-ETag one shows one warning on both cards, and its
// offered fix, applied with one click and saved, turns the failing upload test green.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend, { width: 1280, height: 1000 });
  let consoleApp: TestConsole;
  let page: Page;

  const demo = (name: string): CorsConfig => demoBuckets([consoleApp.url]).find((b) => b.name === name)!.cors!;
  const arrangeBucket = (name: string, config: CorsConfig) => arrangeOn(storage.current, name, config);
  const ruleCard = (n: number) => page.getByRole('region', { name: new RegExp(`^Rule ${n}\\b`) });
  const shadowWarnings = () => page.getByText(/takes requests that|never matches/);

  /** Opens the bucket's rules with every rule expanded: a compact row shows an issue's badge, not its text. */
  async function openRules(bucket: string): Promise<void> {
    await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/${bucket}`);
    await ruleCard(1).waitFor();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await ruleCard(1).getByLabel('Allowed origins').waitFor();
  }

  /** Runs the Test tab's presigned-PUT upload test and answers what it says about ETag. */
  async function uploadTest(bucket: string): Promise<string> {
    await openTestTab(page, consoleApp, bucket);
    const uploads = page.getByRole('region', { name: 'Upload tests' });
    await uploads.getByRole('button', { name: 'Upload with a presigned PUT' }).click();
    const status = uploads.getByRole('status');
    await status.filter({ hasText: /read ETag/ }).waitFor();
    return (await status.textContent()) ?? '';
  }

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  it('demo-direct-upload shows no shadowing warning', async () => {
    await arrangeBucket('trust-direct-upload', demo('demo-direct-upload'));
    await openRules('trust-direct-upload');
    // The first render of the editor already holds the analysis across rules (useDeferredValue
    // defers only later drafts).
    await ruleCard(2).waitFor();
    expect(await shadowWarnings().count()).toBe(0);
    await page.screenshot({ path: shot('trust-direct-upload'), fullPage: true });
  });

  it('demo-shadowed-etag: one warning on both cards; its one-click fix, saved, makes the upload read ETag and leaves no warning', async () => {
    const bucket = 'trust-shadowed-etag';
    await arrangeBucket(bucket, demo('demo-shadowed-etag'));
    expect(await uploadTest(bucket)).toContain('Script cannot read ETag');

    await openRules(bucket);
    const warning = /^Rule 1 \(everyone-reads-and-writes\) takes requests that rule 2 \(uploads-need-etag\) was written for \(PUT from /;
    await ruleCard(2).getByText(warning).waitFor();
    expect(await ruleCard(1).getByText(warning).count()).toBe(1);
    expect(await page.getByText(warning).count()).toBe(2);
    await ruleCard(2).getByRole('link', { name: 'Loses requests to rule 1' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rule 1/);

    const apply = ruleCard(2).getByRole('button', { name: /^Apply fix: / }).first();
    const fix = ruleCard(2).getByRole('group', { name: /^Fix: / }).first();
    expect(await fix.locator('ins').count()).toBeGreaterThan(0);
    await fix.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('trust-shadowed'), fullPage: true });

    await apply.click();
    await page.getByRole('status').filter({ hasText: /^Applied: / }).waitFor();
    await expect.poll(() => shadowWarnings().count(), { timeout: 20_000 }).toBe(0);
    await saveAndConfirm(page, shot('trust-failed-save'));
    const stored = await storedOn(storage.current, bucket);
    expect(stored[0]!.exposeHeaders).toContain('ETag');

    await openRules(bucket);
    await expect.poll(() => shadowWarnings().count(), { timeout: 20_000 }).toBe(0);
    const result = await uploadTest(bucket);
    expect(result).toMatch(/Script can read ETag: "?[0-9a-f]{32}"?/);
    expect(result).toContain('as the browser found');
    await page.screenshot({ path: shot('trust-fixed'), fullPage: true });
  });
});
