import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../src/server/start';
import { startCachingProxy, type CacheProxySetup, type CachingProxy } from '../support/caching-proxy';
import { launchChromium, type Browser } from '../support/chromium';
import { runAxe, describeViolations } from '../support/axe';
import { SHOTS } from '../support/console-page';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';
import { openTestTab } from '../support/test-pane-page';

// Issue 19 in Chromium, through the UI: a bucket behind a real Varnish (scripts/cache-proxy.sh),
// set as its public URL in the profiles file. With the cache as shipped (poison-no-vary), the
// Test tab's "Load as <img>, then fetch()" has the page's real fetch() blocked by the answer the
// <img> left in the cache, and the cache check names why and what to change; with the proxy
// honouring Vary: Origin (correct-vary) the same fetch passes and the check finds nothing.

const KEY = 'photo.png';
const RUN = Date.now().toString(36);
const UI_MS = 60_000;

const corsXml = (origins: string[]) =>
  `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`;

const section = (page: Page): Locator => page.getByRole('region', { name: 'Through the CDN' });

describe.each(STORAGE_BACKENDS)('"Through the CDN" in the Test tab, Chromium, Varnish in front of %s', (backend) => {
  const storage = useStorageBackend(backend);
  const buckets: Record<'poisoned' | 'fixed' | 'bothPoisoned', { name: string; setup: CacheProxySetup }> = {
    poisoned: { name: `cdn-ui-poisoned-${RUN}`, setup: 'poison-no-vary' },
    fixed: { name: `cdn-ui-fixed-${RUN}`, setup: 'correct-vary' },
    // Its own cache entry: the side-by-side test poisons it itself, whatever the other tests left.
    bothPoisoned: { name: `cdn-ui-both-${RUN}`, setup: 'poison-no-vary' },
  };
  let proxy: CachingProxy;
  let dir: string;
  let app: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  /** With CSP bypassed, as axe's script needs (test/support/axe.ts); the other browser keeps the console's CSP. */
  let axeBrowser: Browser;

  beforeAll(async () => {
    proxy = await startCachingProxy(storage.current.endpoint);
    dir = await mkdtemp(join(tmpdir(), 'cdn-ui-e2e-'));
    const written = await storage.current.writeProfilesFile(dir, backend);
    const file = JSON.parse(await readFile(written.path, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    file.profiles[0]!['publicUrls'] = Object.fromEntries(Object.values(buckets).map(({ name, setup }) => [name, `${proxy.endpoints[setup]}/{bucket}/{key}`]));
    await writeFile(written.path, JSON.stringify(file, null, 2));
    [app, browser] = await Promise.all([
      startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: written.path }, processEnv: written.env, dataDir: dir, webDir: resolve('dist/web'), log: () => {} }),
      launchChromium(),
    ]);
    axeBrowser = await launchChromium({ bypassCSP: true });
    for (const { name } of Object.values(buckets)) {
      await storage.current.createBucket(name);
      await storage.current.putObject(name, KEY, 'not really a png', 'image/png');
      // The console's page is origin A; the harness origin (B) too.
      expect((await storage.current.putCors(name, corsXml([app.url, app.harnessUrl]))).status).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), axeBrowser?.close(), app?.stop(), proxy?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  /** The console's errors on the page, as the browser logs them (a CORS refusal included). */
  const consoleErrors = new WeakMap<Page, string[]>();

  async function openSection(bucket: string, { on = browser, width = 1440 } = {}): Promise<Page> {
    const page = await on.context.newPage();
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width, height: 900 });
    await openTestTab(page, { url: app.url, profileId: backend }, bucket);
    await section(page).getByRole('textbox', { name: 'Object key (an object that exists)' }).fill(KEY);
    return page;
  }

  async function imageThenFetch(page: Page): Promise<string> {
    await section(page).getByRole('button', { name: 'Load as <img>, then fetch() here' }).click();
    const seen = section(page).locator('.tp-cdn-browser');
    await seen.waitFor({ timeout: UI_MS });
    return (await seen.textContent()) ?? '';
  }

  async function cacheCheck(page: Page): Promise<{ status: string; findings: string[]; fixes: string[] }> {
    await section(page).getByRole('button', { name: 'Run the cache check' }).click();
    const result = section(page).locator('.tp-cdn-result');
    await result.waitFor({ timeout: UI_MS });
    return {
      status: (await result.getByRole('status').textContent()) ?? '',
      findings: await result.locator('.tp-cdn-findings > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? '')),
      fixes: await result.locator('.tp-cdn-findings li li').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? '')),
    };
  }

  it('poisoned: the page\'s fetch() fails after an <img> of the same URL, and the cache check names the cache as the cause', { timeout: UI_MS * 4 }, async () => {
    const page = await openSection(buckets.poisoned.name);
    const seen = await imageThenFetch(page);
    expect(seen).toContain('<img src=');
    expect(seen).toMatch(/2\. fetch\(\) of the same URL .*: blocked \(TypeError/);
    const check = await cacheCheck(page);
    expect(check.findings).toContain('cache.no-vary-origin');
    expect(check.fixes).toContain('varnish-hash-origin');
    expect(check.status).toMatch(/The cache in front of the bucket changes what browsers get/);
    await expect.poll(() => section(page).locator('.tp-cdn-findings').textContent()).toContain(app.url);
    await page.screenshot({ path: `${SHOTS}/${backend}-cdn-check-poisoned.png`, fullPage: true });
    // The CSP let the <img> and the fetch() reach the public URL: the one error is the browser's CORS refusal.
    const errors = consoleErrors.get(page)!;
    expect(errors.some((text) => /blocked by CORS policy/.test(text))).toBe(true);
    expect(errors.filter((text) => !/blocked by CORS policy|Failed to load resource|ERR_BLOCKED_BY_ORB|ERR_FAILED/.test(text))).toEqual([]);
    await page.close();
  });

  it('fixed (Vary: Origin honoured): the same <img> then fetch() passes, and the cache check finds nothing', { timeout: UI_MS * 4 }, async () => {
    const page = await openSection(buckets.fixed.name);
    const seen = await imageThenFetch(page);
    expect(seen).toMatch(/2\. fetch\(\) of the same URL .*: allowed, HTTP 200/);
    const check = await cacheCheck(page);
    expect(check.findings).toEqual([]);
    expect(check.status).toContain('No cache problem');
    expect(check.status).toContain('cache: varnish');
    // Not an image (the object is text), which Chromium's ORB may log; nothing else, no CSP refusal.
    expect(consoleErrors.get(page)!.filter((text) => !/ERR_BLOCKED_BY_ORB|Failed to load resource/.test(text))).toEqual([]);
    await page.close();
  });

  /** "Test CORS" sent to the endpoint and the public URL, side by side: each route's verdict and what the console makes of the difference. */
  async function testBothWays(page: Page): Promise<{ endpoint: string | null; public: string | null; differs: string | null; meaning: string; results: number }> {
    await page.getByLabel('Object key', { exact: true }).fill(KEY);
    await page.getByRole('radio', { name: 'Both, side by side' }).check();
    await page.getByRole('button', { name: 'Test CORS' }).click();
    const routes = page.getByRole('region', { name: 'The endpoint and the public URL, side by side' });
    const meaning = routes.locator('.tp-routes-meaning');
    await meaning.waitFor({ timeout: UI_MS });
    const levelOf = (through: string) => routes.locator(`td[data-through="${through}"] [data-level]`).getAttribute('data-level');
    return {
      endpoint: await levelOf('endpoint'),
      public: await levelOf('public'),
      differs: await meaning.getAttribute('data-differs'),
      meaning: (await meaning.textContent()) ?? '',
      results: await page.locator('.tp-verdict').count(),
    };
  }

  it('"Test CORS" both ways, side by side: after an <img> poisoned the cache, the endpoint allows and the public URL blocks, and the console says the cache changes the answer', { timeout: UI_MS * 4 }, async () => {
    const page = await openSection(buckets.bothPoisoned.name);
    expect(await imageThenFetch(page)).toMatch(/2\. fetch\(\) of the same URL .*: blocked/);
    const both = await testBothWays(page);
    expect(both).toMatchObject({ endpoint: 'allowed', public: 'blocked', differs: 'verdict', results: 2 });
    expect(both.meaning).toContain("the endpoint's verdict is allowed, the public URL's is blocked");
    expect(both.meaning).toContain('Run the cache check below');
    // Each route's full result under its own heading, the public URL's answered by Varnish.
    await expect.poll(() => page.getByRole('region', { name: 'Through the public URL' }).getByRole('region', { name: /^Browser, / }).textContent()).toContain(proxy.endpoints['poison-no-vary']);
    expect(await page.getByRole('region', { name: "Through the bucket's endpoint" }).getByRole('region', { name: /^Browser, / }).textContent()).toContain(storage.current.endpoint);
    await page.screenshot({ path: `${SHOTS}/${backend}-test-both-ways-poisoned.png`, fullPage: true });
    await page.close();
  });

  it('"Test CORS" both ways through a cache that honours Vary: Origin: the same verdict both ways, and the console says so', { timeout: UI_MS * 4 }, async () => {
    const page = await openSection(buckets.fixed.name);
    await imageThenFetch(page);
    const both = await testBothWays(page);
    expect(both).toMatchObject({ endpoint: 'allowed', public: 'allowed', differs: 'no', results: 2 });
    expect(both.meaning).toContain('Both ways give the same verdict');
    await page.close();
  });

  it('refuses a presigned request through the public URL at the form, and sends nothing', { timeout: UI_MS * 2 }, async () => {
    const page = await openSection(buckets.fixed.name);
    await page.getByRole('radio', { name: /^The public URL/ }).check();
    await page.getByRole('checkbox', { name: /^Signed URL/ }).check();
    await page.getByRole('button', { name: 'Test CORS' }).click();
    await expect.poll(() => page.getByText(/A presigned URL belongs to the bucket's endpoint/).count()).toBe(1);
    expect(await page.locator('.tp-verdict').count()).toBe(0);
    await page.close();
  });

  it('holds at 390 px and in dark mode with its results and the side-by-side test shown: axe finds nothing, nothing overflows the page', { timeout: UI_MS * 6 }, async () => {
    for (const width of [1440, 390]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openSection(buckets.poisoned.name, { on: axeBrowser, width });
        await page.emulateMedia({ colorScheme: scheme });
        await imageThenFetch(page);
        await cacheCheck(page);
        await testBothWays(page);
        const report = await runAxe(page, `cdn-check@${width}-${scheme}`);
        expect(report.violations, describeViolations([report])).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        // What a person sees, scrolled to each part: a screenshot taller than the viewport (element or full page) came out blank below it at 390 px.
        await section(page).locator('.tp-cdn-result').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${backend}-cdn-check-${width}-${scheme}.png` });
        await page.locator('.tp-routes').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${backend}-test-both-ways-${width}-${scheme}.png` });
        await page.close();
      }
    }
  });
});
