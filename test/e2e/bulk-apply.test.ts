import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../src/core';
import { arrangeBucket, setStoredCors, storedRules } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// "Apply to other buckets" in real Chromium against the whole console on each storage backend
// (s3rver, Ceph RGW): the preview reads each bucket's version, and a bucket changed after it is
// reported and left as it is.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  const rowsOf = (name: string) =>
    page
      .getByRole('dialog')
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));

  describe('Apply to other buckets, in Chromium', () => {
    it('applies the draft to three buckets and reports each one: two saved, one changed after the preview left untouched as a conflict', async () => {
      const shared: CorsConfig = { rules: [rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] };
      await arrangeBucket(storage.current, 'fleet-source', shared);
      await arrangeBucket(storage.current, 'fleet-a', { rules: [rule({ id: 'legacy' }), rule({ id: 'legacy-2', allowedOrigins: ['*'] })] });
      await arrangeBucket(storage.current, 'fleet-b', null);
      await arrangeBucket(storage.current, 'fleet-c', { rules: [rule({ id: 'c-own' })] });

      await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/fleet-source`);
      await page.getByRole('region', { name: /^Rule 1\b/ }).waitFor();
      await page.getByRole('button', { name: 'Apply to other buckets…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Apply the draft to other buckets' });
      await dialog.getByLabel('Name contains').fill('fleet-');
      for (const bucket of ['fleet-a', 'fleet-b', 'fleet-c']) await dialog.getByLabel(bucket, { exact: true }).check();
      expect(await dialog.getByLabel('fleet-source', { exact: true }).count()).toBe(0);
      await page.screenshot({ path: shot('apply-select'), fullPage: true });
      await dialog.getByRole('button', { name: 'Preview 3 buckets' }).click();

      await dialog.getByRole('table', { name: 'Preview' }).waitFor();
      const preview = await rowsOf('Preview');
      expect(preview.map((cells) => cells.slice(0, 3))).toEqual([
        ['fleet-a', '2 rules', '1 rule'],
        ['fleet-b', '0 rules', '1 rule'],
        ['fleet-c', '1 rule', '1 rule'],
      ]);
      expect(preview.every((cells) => cells[3]!.startsWith('Will be written'))).toBe(true);
      await dialog.getByText('Changes in fleet-a').click();
      await page.screenshot({ path: shot('apply-preview'), fullPage: true });

      // After the preview, someone else changes fleet-c straight on the storage.
      const theirs: CorsConfig = { rules: [rule({ id: 'someone-else', allowedOrigins: ['https://other-team.example.com'] })] };
      await setStoredCors(storage.current, 'fleet-c', theirs);

      await dialog.getByRole('button', { name: 'Apply to 3 buckets' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Done: 2 saved, 1 changed since the preview (not written).' }).waitFor();
      expect(await rowsOf('Results')).toEqual([
        ['fleet-a', 'Saved', 'Now holds 1 rule.'],
        ['fleet-b', 'Saved', 'Now holds 1 rule.'],
        ['fleet-c', 'Conflict: changed since the preview, not written', "Someone else's change is kept: it holds 1 rule. Preview again to apply on top of it."],
      ]);
      await page.screenshot({ path: shot('apply-results'), fullPage: true });

      expect(await storedRules(storage.current, 'fleet-a')).toEqual(shared.rules);
      expect(await storedRules(storage.current, 'fleet-b')).toEqual(shared.rules);
      expect(await storedRules(storage.current, 'fleet-c')).toEqual(theirs.rules);

      // The bucket list behind the dialog refreshed: fleet-a now shows 1 rule.
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('navigation', { name: 'Buckets' }).getByRole('link', { name: /^fleet-a\s*1 rule$/ }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply to other buckets…');
    });
  });
});
