import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arrangeBucket, SHOTS } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// Issue 16, the app shell in real Chromium on each storage backend (s3rver, Ceph RGW): no
// horizontal scroll at the five widths the issue names, toasts that never move the page, the
// theme remembered across a reload, and the screenshots of the shell in both themes.

const WIDTHS = [360, 390, 768, 1024, 1440] as const;
// The RGW peer is shared by every suite and helper: names unique to this run.
const run = Date.now().toString(36);

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let consoleApp: TestConsole;
  let page: Page;
  let files: string;
  const bucket = `design-${run}-${backend}`;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'cors-console-design-'));
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'] })] });
  });
  afterAll(async () => {
    await rm(files, { recursive: true, force: true });
  });
  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  const home = () => `${consoleApp.url}/p/${consoleApp.profileId}`;
  const bucketPage = () => `${home()}/b/${bucket}`;
  const openBucket = async () => {
    await page.goto(bucketPage());
    await page.getByRole('region', { name: /^Rule 1\b/ }).waitFor();
  };
  /** How far the page, and the main content area, scroll sideways (0 when nothing overflows). */
  const sidewaysOverflow = () =>
    page.evaluate(() => {
      const main = document.getElementById('main-content')!;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, main: main.scrollWidth - main.clientWidth };
    });

  it('never scrolls sideways at 360, 390, 768, 1024 and 1440 px, on the home page and on a bucket page', async () => {
    const overflow: Record<string, unknown> = {};
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(home());
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.getByText(/\d+ buckets?$/).first().waitFor();
      overflow[`home@${width}`] = await sidewaysOverflow();
      await openBucket();
      overflow[`bucket@${width}`] = await sidewaysOverflow();
    }
    expect(overflow).toEqual(Object.fromEntries(WIDTHS.flatMap((w) => [[`home@${w}`, { page: 0, main: 0 }], [`bucket@${w}`, { page: 0, main: 0 }]])));
  });

  it('shows a toast over the page: the content does not move when it appears', async () => {
    const source = join(files, 'cors.json');
    await writeFile(source, JSON.stringify({ CORSRules: [{ AllowedOrigins: ['https://a.example.com'], AllowedMethods: ['GET'] }] }));
    await openBucket();
    const top = async () => (await page.locator('#main-content').boundingBox())!.y + (await page.locator('#bucket-title').boundingBox())!.y;
    const before = await top();

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import rules into the draft' });
    await dialog.getByLabel('Import from file').setInputFiles(source);
    await dialog.getByText('Read from cors.json.').waitFor();
    await dialog.getByRole('button', { name: 'Replace draft' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Imported 1 rule from cors.json' });
    await toast.waitFor();

    expect(await top()).toBe(before);
    const box = (await toast.boundingBox())!;
    const viewport = page.viewportSize()!;
    // In the viewport's bottom corner, whatever the scroll.
    expect(box.y + box.height).toBeGreaterThan(viewport.height - 120);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.ui-toast-viewport')!).position)).toBe('fixed');
  });

  it('remembers the theme across a reload, set before the app runs', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(home());
    const toggle = page.getByRole('radiogroup', { name: 'Theme' });
    expect(await toggle.getByRole('radio', { name: 'System theme' }).getAttribute('aria-checked')).toBe('true');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();

    await toggle.getByRole('radio', { name: 'Dark theme' }).click();
    const dark = await background();
    expect(dark).not.toBe(light);

    // The head's script sets the theme before the module bundle (and React) run.
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    expect(await background()).toBe(dark);
    expect(await page.getByRole('radio', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('true');

    // "System" follows the system: dark when the system prefers it.
    await page.getByRole('radio', { name: 'System theme' }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe(light);
  });

  it('below 1024 px opens the bucket list as a drawer, and choosing a bucket closes it and focuses the bucket', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(home());
    expect(await page.getByRole('navigation', { name: 'Buckets' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Buckets', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Buckets' });
    await drawer.getByLabel('Filter buckets').fill(bucket);
    await drawer.getByRole('link', { name: new RegExp(bucket) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Rule 1\b/ }).waitFor();
    expect(await drawer.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bucket-title');
  });

  // The screenshots of the shell (issue 16: light and dark, 1440 and 390 px), once per run.
  it.runIf(backend === 's3rver')('takes the shell screenshots in both themes at 1440 and 390 px', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
        await page.goto(home());
        await page.getByText(/\d+ buckets?$/).first().waitFor();
        await page.screenshot({ path: `${SHOTS}/design-home-${width}-${scheme}.png`, fullPage: true });
        await openBucket();
        await page.screenshot({ path: `${SHOTS}/design-bucket-${width}-${scheme}.png`, fullPage: true });
        if (width < 1000) {
          await page.getByRole('button', { name: 'Buckets', exact: true }).click();
          await page.getByRole('dialog', { name: 'Buckets' }).getByRole('link').first().waitFor();
          await page.screenshot({ path: `${SHOTS}/design-drawer-${width}-${scheme}.png` });
          await page.keyboard.press('Escape');
        }
      }
    }
  });
});
