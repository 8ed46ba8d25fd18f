import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { arrangeBucket as arrangeOn, openRule, pressUntilAnnounced as pressUntilAnnouncedOn, saveAndConfirm as saveOn, storedRules as storedOn, waitForStoredDraft } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// The console in real Chromium against the real server and each storage backend (s3rver, Ceph
// RGW): what a user does in the Rules tab must end up in the provider, and nothing the user
// typed may be lost.


describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend, { width: 1280, height: 900 });
  let consoleApp: TestConsole;
  let page: Page;

  const arrangeBucket = (name: string, config: CorsConfig | null) => arrangeOn(storage.current, name, config);
  const storedRules = (name: string) => storedOn(storage.current, name);

  const pressUntilAnnounced = (key: string, announcement: string) => pressUntilAnnouncedOn(page, key, announcement);

  async function openBucket(name: string): Promise<void> {
    await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/${name}`);
    await page.getByRole('region', { name: 'Rule 1' }).or(page.getByText('This bucket has no CORS configuration')).first().waitFor();
  }

  const saveAndConfirm = () => saveOn(page, shot('failed-save'));

  const rule1 = () => page.getByRole('region', { name: /^Rule 1\b/ });
  const ruleN = (n: number) => page.getByRole('region', { name: new RegExp(`^Rule ${n}\\b`) });

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  describe('the rule editor in Chromium', () => {
    it('shows the buckets and a deep-linked bucket after a reload', async () => {
      await arrangeBucket('e2e-list', { rules: [rule({}), rule({ allowedOrigins: ['*'] })] });
      await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/e2e-list`);
      await rule1().waitFor();
      await page.reload();
      await ruleN(2).waitFor();
      expect(await page.getByRole('navigation', { name: 'Buckets' }).getByRole('link', { name: /e2e-list/ }).textContent()).toContain('2 rules');
      await page.screenshot({ path: shot('rules-tab'), fullPage: true });
    });

    it('saves an edit, and the provider holds it', async () => {
      await arrangeBucket('e2e-save', { rules: [rule({ id: 'existing' })] });
      await openBucket('e2e-save');
      await page.getByRole('button', { name: 'Add rule' }).click();
      const added = ruleN(2);
      await added.getByLabel('Allowed origins').fill('https://new.example');
      await added.getByRole('checkbox', { name: 'PUT', exact: true }).check();
      await added.getByLabel('Expose headers').fill('ETag');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.screenshot({ path: shot('save-diff'), fullPage: true });
      await page.getByRole('button', { name: 'Confirm save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const rules = await storedRules('e2e-save');
      expect(rules.map((r) => r.allowedOrigins)).toEqual([['https://app.example.com'], ['https://new.example']]);
      expect(rules[1]).toMatchObject({ exposeHeaders: ['ETag'] });
      expect(rules[1]?.allowedMethods).toContain('PUT');
    });

    it('blocks Save for an origin without a protocol, with its message, and writes nothing', async () => {
      await arrangeBucket('e2e-invalid', { rules: [rule({})] });
      await openBucket('e2e-invalid');
      expect(await page.title()).toMatch(/^e2e-invalid · Rules · .+ · cors-console$/);
      await openRule(page, 1);
      await rule1().getByLabel('Allowed origins').fill('www.a.com');
      await rule1().getByText('Origin needs a protocol: https://www.a.com').waitFor();
      await page.screenshot({ path: shot('invalid-origin'), fullPage: true });
      const save = page.getByRole('button', { name: 'Save', exact: true });
      if (await save.isEnabled()) {
        await save.click();
        expect(await page.getByRole('button', { name: 'Confirm save' }).count()).toBe(0);
      }
      expect(await storedRules('e2e-invalid')).toEqual([rule({})]);
    });

    it('reorders by keyboard (Space, arrow, Space) and stores the new order', async () => {
      await arrangeBucket('e2e-keyboard', { rules: [rule({ id: 'first' }), rule({ id: 'second', allowedOrigins: ['https://two.example'] })] });
      await openBucket('e2e-keyboard');
      const handle = page.getByRole('button', { name: 'Reorder rule 2' });
      await handle.focus();
      // A person waits for each step; so does the test, on the screen reader's announcements.
      await page.keyboard.press('Space');
      await page.getByText('Picked up rule 2.').waitFor();
      await pressUntilAnnounced('ArrowUp', 'Rule 2 moved to position 1.');
      await page.keyboard.press('Space');
      await page.getByText('Rule 2 dropped at position 1.').waitFor();
      expect(await rule1().getByRole('heading').first().textContent()).toContain('second');
      await saveAndConfirm();
      expect((await storedRules('e2e-keyboard')).map((r) => r.id)).toEqual(['second', 'first']);
    });

    it('reorders by pointer drag and stores the new order', async () => {
      await arrangeBucket('e2e-drag', {
        rules: [rule({ id: 'a' }), rule({ id: 'b', allowedOrigins: ['https://b.example'] }), rule({ id: 'c', allowedOrigins: ['https://c.example'] })],
      });
      // Tall enough that all three cards, and both handles, are on screen at once.
      await page.setViewportSize({ width: 1280, height: 2400 });
      await openBucket('e2e-drag');
      const from = await page.getByRole('button', { name: 'Reorder rule 3' }).boundingBox();
      const to = await page.getByRole('button', { name: 'Reorder rule 1' }).boundingBox();
      if (!from || !to) throw new Error('drag handles are not visible');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 12; step++) {
        await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((to.y - from.y - 10) * step) / 12);
        await page.waitForTimeout(30);
      }
      await page.mouse.up();
      await page.getByText('Rule 3 dropped at position 1.').waitFor();
      // dnd-kit swallows document clicks for 50 ms after a pointer drop (its guard against the
      // drop's own click). A person cannot click Save that fast; a test can, so it waits.
      await page.waitForTimeout(150);
      expect(await rule1().getByRole('heading').first().textContent()).toContain('c');
      await saveAndConfirm();
      expect((await storedRules('e2e-drag')).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    });

    it('keeps an unsaved draft across a reload, with a banner', async () => {
      await arrangeBucket('e2e-draft', { rules: [rule({})] });
      await openBucket('e2e-draft');
      await openRule(page, 1);
      await rule1().getByLabel('Allowed origins').fill('https://app.example.com\nhttps://draft.example');
      await waitForStoredDraft(page, 'https://draft.example');
      await page.reload();
      await page.getByText(/Unsaved draft from \d\d:\d\d/).waitFor();
      await openRule(page, 1);
      expect(await rule1().getByLabel('Allowed origins').inputValue()).toContain('https://draft.example');
      await page.screenshot({ path: shot('draft-banner'), fullPage: true });
      expect(await storedRules('e2e-draft')).toEqual([rule({})]);
    });

    it('shows the conflict view when the configuration changed behind its back, losing neither version', async () => {
      await arrangeBucket('e2e-conflict', { rules: [rule({})] });
      await openBucket('e2e-conflict');
      await openRule(page, 1);
      await rule1().getByLabel('Allowed origins').fill('https://mine.example');
      const theirs: CorsConfig = { rules: [rule({ allowedOrigins: ['https://theirs.example'] })] };
      await storage.current.putCors('e2e-conflict', serializeCorsDocument(theirs, 's3-xml'));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('button', { name: 'Confirm save' }).click();
      await page.getByRole('button', { name: 'Keep mine' }).waitFor();
      expect(await page.getByText('https://theirs.example').count()).toBeGreaterThan(0);
      expect(await page.getByText('https://mine.example').count()).toBeGreaterThan(0);
      await page.screenshot({ path: shot('conflict'), fullPage: true });
      expect(await storedRules('e2e-conflict')).toEqual(theirs.rules);
      await page.getByRole('button', { name: 'Keep mine' }).click();
      await page.getByRole('button', { name: 'Confirm save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      expect((await storedRules('e2e-conflict'))[0]?.allowedOrigins).toEqual(['https://mine.example']);
    });
  });
});
