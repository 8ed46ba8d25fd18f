import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { arrangeBucket } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';
import { chooseStoredLocale, localizedConsole } from '../support/localized-console';
import { dataOnScreen, shownTexts, untranslated } from '../support/untranslated-text';

// Issue 17, item 5, in real Chromium on each storage backend (s3rver, Ceph RGW): the main screens
// in the pseudo-locale en-XA (every catalogue text accented and about a third longer) at 390 and
// 1440 px. Any text still plain English was not drawn from a catalogue (hard-coded), and any label
// the longer text pushes out of its box (clipped, or overflowing it) or a page that scrolls
// sideways is a layout that will not hold in a longer language.

const run = Date.now().toString(36);
const APP_ORIGIN = 'https://app.example.com';
const WIDTHS = [390, 1440] as const;

/** Text-bearing elements whose text does not fit their box, and how far the page scrolls sideways. */
async function overflowing(page: Page): Promise<{ page: number; labels: string[] }> {
  return page.evaluate(() => {
    const labels: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!own || !element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const style = getComputedStyle(element);
      // Inline boxes have no width of their own (their block is measured); scrolling boxes and
      // form fields scroll by design; visually hidden text (sr-only) is clipped by design.
      if (style.display === 'inline' || style.display === 'contents' || /auto|scroll/.test(style.overflowX)) continue;
      if (element.matches('input, textarea, select, option, .sr-only') || element.clientWidth <= 1) continue;
      // Inside a box that scrolls sideways (a diff, a wide table): it is seen by scrolling.
      let scrolls = false;
      for (let at = element.parentElement; at && !scrolls; at = at.parentElement) scrolls = /auto|scroll/.test(getComputedStyle(at).overflowX);
      // Cut short on purpose, with the whole text offered as its title (a long bucket name).
      if (scrolls || element.title === (element.textContent ?? '').trim()) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        const label = element.getAttribute('aria-label');
        labels.push(`${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join('.')}${label ? `[${label.slice(0, 30)}]` : ''} "${(element.textContent ?? '').trim().slice(0, 60)}" needs ${element.scrollWidth} px, has ${element.clientWidth}`);
      }
    }
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, labels };
  });
}

describe.each(STORAGE_BACKENDS)('in the pseudo-locale on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let consoleApp: TestConsole;
  let page: Page;

  beforeEach(async () => {
    ({ app: consoleApp, page } = session);
    await chooseStoredLocale(page, 'en-XA');
  });

  it('shows only catalogue text on the main screens, and no label clips or overflows at 390 and 1440 px', async () => {
    const bucket = `xa-screens-${run}-${backend}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'uploads', allowedOrigins: [APP_ORIGIN], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] }), rule({ id: 'console', allowedOrigins: [consoleApp.url] })] });
    const ui = localizedConsole(page, 'en-XA', () => consoleApp);
    const hardCoded: string[] = [];
    const clipped: string[] = [];

    await ui.walkMainScreens(bucket, async (screen) => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
      const data = await dataOnScreen(page, [APP_ORIGIN, consoleApp.url, new URL(consoleApp.url).host, 'https://new.example', 'uploads', 'console', 'test.txt', 'saved-check', consoleApp.profileId, storage.current.dialect, storage.current.endpoint]);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        hardCoded.push(...untranslated(`${screen}@${width}`, await shownTexts(page), data));
        const overflow = await overflowing(page);
        if (overflow.page > 0) clipped.push(`${screen}@${width} | the page scrolls ${overflow.page} px sideways`);
        clipped.push(...overflow.labels.map((label) => `${screen}@${width} | ${label}`));
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    if (hardCoded.length) console.log(`Text not from a catalogue in en-XA on ${backend} (${hardCoded.length}):\n${hardCoded.join('\n')}`);
    if (clipped.length) console.log(`Clipped or overflowing in en-XA on ${backend} (${clipped.length}):\n${clipped.join('\n')}`);
    expect({ hardCoded, clipped }).toEqual({ hardCoded: [], clipped: [] });
  }, 300_000);
});
