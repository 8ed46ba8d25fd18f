import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrangeBucket, openRule, saveAndConfirm, storedRules, waitForStoredDraft } from '../support/console-page';
import { useConsoleInChromium } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// Issue 15.5: two tabs on one bucket shared one stored draft, so a draft typed in one tab
// overwrote the other's and saving in one deleted it. Two real Chromium tabs (one browser
// context, so one localStorage) on one bucket: each keeps its own draft whatever the other does.
// The drafts live in the browser only, so one storage backend is enough.

describe('issue 15: two tabs on one bucket in Chromium', () => {
  const { storage, session, shot } = useConsoleInChromium('s3rver');
  const BUCKET = 'e2e-two-tabs';

  const open = async (page: Page) => {
    await page.goto(`${session.app.url}/p/${session.app.profileId}/b/${BUCKET}`);
    await openRule(page, 1);
  };
  const origins = (page: Page) => page.getByRole('region', { name: /^Rule 1\b/ }).getByLabel('Allowed origins');
  /** Every draft of the bucket this browser keeps, across tabs. */
  const storedDrafts = (page: Page) =>
    page.evaluate((bucket) => Object.keys(localStorage).filter((key) => key.startsWith(`cors-console:draft:`) && key.includes(`:${bucket}#`)).map((key) => localStorage.getItem(key) ?? ''), BUCKET);

  it("saving in one tab keeps the other tab's draft, which its reload restores", async () => {
    await arrangeBucket(storage.current, BUCKET, { rules: [rule({})] });
    const tabA = session.page;
    const tabB = await session.browser.context.newPage();
    try {
      await tabB.setViewportSize({ width: 1280, height: 1000 });
      await Promise.all([open(tabA), open(tabB)]);

      await origins(tabA).fill('https://app.example.com\nhttps://draft-of-tab-a.example');
      await waitForStoredDraft(tabA, 'draft-of-tab-a');
      await origins(tabB).fill('https://app.example.com\nhttps://saved-by-tab-b.example');
      await waitForStoredDraft(tabB, 'saved-by-tab-b');
      const both = await storedDrafts(tabA);
      expect(both).toHaveLength(2);
      expect(both.some((d) => d.includes('draft-of-tab-a'))).toBe(true);
      await tabB.screenshot({ path: shot('two-tabs-b-before-save'), fullPage: true });

      await saveAndConfirm(tabB, shot('two-tabs-failed-save'));
      expect((await storedRules(storage.current, BUCKET))[0]?.allowedOrigins).toEqual(['https://app.example.com', 'https://saved-by-tab-b.example']);
      const left = await storedDrafts(tabA);
      expect(left).toHaveLength(1);
      expect(left[0]).toContain('draft-of-tab-a');
    } finally {
      await tabB.close();
    }

    await tabA.reload();
    await tabA.getByText(/Unsaved draft from \d\d:\d\d/).waitFor();
    await openRule(tabA, 1);
    expect(await origins(tabA).inputValue()).toContain('https://draft-of-tab-a.example');
    await tabA.screenshot({ path: shot('two-tabs-a-after-reload'), fullPage: true });
  }, 120_000);
});
