import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arrangeBucket } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// Issue 17, the locale switcher in the header, in real Chromium: at phone width and in dark mode
// it fits the header (nothing scrolls sideways, the control is on screen and legible), choosing
// 中文 renders the shell in Chinese with <html lang="zh-CN">, the choice survives a reload, and
// English comes back the same way. Screenshots of the home and a bucket page in zh-CN, light and
// dark, 1440 and 390 px.

const run = Date.now().toString(36);

describe('the locale switcher in the header', () => {
  const { storage, session, shot } = useConsoleInChromium('s3rver', { width: 390, height: 844 });
  let consoleApp: TestConsole;
  let page: Page;
  const bucket = `locale-${run}`;

  beforeAll(async () => {
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })] });
  });
  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  const home = () => `${consoleApp.url}/p/${consoleApp.profileId}`;
  /** How far the page and the header scroll sideways, and where the switcher sits (0 and on screen when it fits). */
  const layout = () =>
    page.evaluate(() => {
      const header = document.querySelector('header')!;
      const select = document.querySelector<HTMLSelectElement>('.locale-switcher select')!;
      const box = select.getBoundingClientRect();
      const style = getComputedStyle(select);
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        header: header.scrollWidth - header.clientWidth,
        onScreen: box.left >= 0 && box.right <= window.innerWidth && box.width > 0,
        // The chosen language's name fits its box (a native select clips a name wider than itself).
        nameFits: select.scrollWidth <= select.clientWidth + 1,
        legible: style.color !== style.backgroundColor,
      };
    });
  const fits = { page: 0, header: 0, onScreen: true, nameFits: true, legible: true };

  it('fits the header at 360 and 390 px in dark mode, switches the shell to Chinese, keeps it across a reload, and back', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(home());
    await page.getByRole('button', { name: 'Buckets', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await layout()).toEqual(fits);

    await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '存储桶', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('heading', { level: 3, name: '可以对存储桶做什么' }).waitFor();
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await layout(), `${width} px`).toEqual(fits);
    }

    await page.reload();
    await page.getByRole('button', { name: '存储桶', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: '存储桶' });
    await drawer.getByRole('searchbox', { name: '筛选存储桶' }).fill(bucket);
    await drawer.getByText('1 个存储桶').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByRole('banner').getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh-CN');

    await page.getByRole('banner').getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByRole('button', { name: 'Buckets', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'What you can do with a bucket' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  }, 120_000);

  it('takes the zh-CN screenshots of the home and a bucket page in both themes at 1440 and 390 px', async () => {
    await page.goto(home());
    await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('heading', { level: 3, name: '可以对存储桶做什么' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
        await page.goto(home());
        await page.getByText(/\d+ 个存储桶$/).first().waitFor();
        expect(await layout(), `${width} px, ${scheme}`).toEqual(fits);
        await page.screenshot({ path: shot(`zh-CN-home-${width}-${scheme}`), fullPage: true });
        await page.goto(`${home()}/b/${bucket}`);
        await page.getByRole('region', { name: '规则 1', exact: true }).waitFor();
        expect(await layout(), `bucket page, ${width} px, ${scheme}`).toEqual(fits);
        await page.screenshot({ path: shot(`zh-CN-bucket-${width}-${scheme}`), fullPage: true });
      }
    }
    await page.getByRole('banner').getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByRole('button', { name: 'Buckets', exact: true }).waitFor();
  }, 180_000);
});
