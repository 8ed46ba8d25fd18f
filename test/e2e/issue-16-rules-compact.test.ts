import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../src/server/start';
import { rule } from '../support/builders';
import { launchChromium, type Browser } from '../support/chromium';
import { arrangeBucket, saveAndConfirm, SHOTS, storedRules } from '../support/console-page';
import { useConsoleInChromium } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';

// Issue 16, item 3: rules readable at a glance. Each rule is one compact row, opened for editing;
// the keyboard still reorders the compact rows, with a visible lifted state; three rules fit on a
// 1440×900 screen; a demo bucket's page says what it teaches.

const E2E_MS = 180_000;

const row = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Rule ${n}\\b`) });

/** The same wait as console.test.ts: dnd-kit listens for keys only from the task after the pick-up. */
async function pressUntilAnnounced(page: Page, key: string, announcement: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press(key);
    try {
      await page.getByText(announcement).waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

describe.each(STORAGE_BACKENDS)('compact rule rows on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend, { width: 1440, height: 900 });

  it('shows three rules as compact rows on one 1440×900 screen, and reorders them by keyboard with a visible lifted state', { timeout: E2E_MS }, async () => {
    const bucket = `e2e-compact-${backend}`;
    await arrangeBucket(storage.current, bucket, {
      rules: [
        rule({ id: 'everyone-reads', allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], maxAgeSeconds: 600 }),
        rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 3000 }),
        rule({ id: 'admin', allowedOrigins: ['https://admin.example.com'], allowedMethods: ['DELETE'] }),
      ],
    });
    const { page, app } = session;
    await page.goto(`${app.url}/p/${app.profileId}/b/${bucket}`);
    await row(page, 3).waitFor();

    // Compact: no field is shown, and all three rows are inside the first screen.
    expect(await page.getByLabel('Allowed origins').count()).toBe(0);
    const first = (await row(page, 1).boundingBox())!;
    const third = (await row(page, 3).boundingBox())!;
    const height = third.y + third.height - first.y;
    console.log(`[rules-compact] ${backend}: 3 compact rules take ${Math.round(height)} px; the third ends at ${Math.round(third.y + third.height)} px of 900`);
    expect(third.y + third.height).toBeLessThanOrEqual(900);
    expect(await row(page, 2).getByRole('definition').allTextContents()).toEqual(['https://app.example.com', 'PUT, POST', 'content-type', 'ETag', '3000 s']);

    // Rule 3 up to position 1 by keyboard, on its compact row: lifted, said on the row, and dropped.
    await page.getByRole('button', { name: 'Reorder rule 3' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Picked up rule 3.').waitFor();
    await row(page, 3).getByText('Lifted: arrow keys move it, Space drops it').waitFor();
    await page.screenshot({ path: shot('rules-lifted') });
    await pressUntilAnnounced(page, 'ArrowUp', 'Rule 3 moved to position 2.');
    await pressUntilAnnounced(page, 'ArrowUp', 'Rule 3 moved to position 1.');
    await page.keyboard.press('Space');
    await page.getByText('Rule 3 dropped at position 1.').waitFor();
    expect(await page.getByText('Lifted: arrow keys move it, Space drops it').count()).toBe(0);
    expect(await row(page, 1).getByRole('heading').textContent()).toBe('Rule 1 admin');
    await saveAndConfirm(page, shot('rules-compact-failed-save'));
    expect((await storedRules(storage.current, bucket)).map((r) => r.id)).toEqual(['admin', 'everyone-reads', 'uploads']);
  });
});

describe('a demo bucket page (the embedded store)', () => {
  let browser: Browser;
  let dataDir: string;
  let running: RunningConsole;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cors-console-e2e-rules-'));
    [browser, running] = await Promise.all([
      launchChromium(),
      startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: resolve('dist/web'), log: () => {} }),
    ]);
  }, E2E_MS);
  afterAll(async () => {
    await Promise.all([browser?.close(), running?.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says what the bucket teaches above its rules, compact or open, in both themes at 1440 and 390 px', { timeout: E2E_MS }, async () => {
    const page = await browser.context.newPage();
    try {
      for (const theme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.goto(`${running.url}/p/local/b/demo-direct-upload`);
        await row(page, 2).waitFor();
        await page.getByLabel(theme === 'light' ? 'Light theme' : 'Dark theme').click();
        await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
        const lesson = page.getByRole('region', { name: 'What this demo bucket teaches' });
        await lesson.getByText('A realistic direct-upload setup').waitFor();
        expect(await lesson.textContent()).toContain('Order matters: the app rule comes before the public-read rule');
        for (const width of [1440, 390]) {
          await page.setViewportSize({ width, height: width === 1440 ? 900 : 844 });
          await page.getByRole('button', { name: 'Collapse all' }).click();
          expect(await page.getByLabel('Allowed origins').count()).toBe(0);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await row(page, 1).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/rules-compact-${width}-${theme}.png`, fullPage: true });
          await page.getByRole('button', { name: 'Expand all' }).click();
          expect(await page.getByLabel('Allowed origins').count()).toBe(2);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await row(page, 1).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/rules-expanded-${width}-${theme}.png`, fullPage: true });
        }
      }
    } finally {
      await page.close();
    }
  });
});
