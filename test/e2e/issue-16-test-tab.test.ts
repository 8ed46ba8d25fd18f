import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { arrangeBucket, SHOTS } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { fillRequest, openTestTab, testCors } from '../support/test-pane-page';
import { rule } from '../support/builders';

// Issue 16, item 5, in real Chromium on s3rver and Ceph RGW: the Test tab leads with the verdict
// card (icon, the level's name, the one-line consequence) and the fix right under it, then the
// details, at every width without horizontal scroll and in both themes; the copied curl and
// fetch() are the requests the test sent (they are run here and answer alike); the form survives
// a reload.

const WIDTHS = [360, 390, 768, 1024, 1440];
const SHOT_WIDTHS = [1440, 390] as const;
const SCHEMES = ['light', 'dark'] as const;

/** How far anything in the page sticks out to the right of the viewport (0: no horizontal scroll), and what does. */
async function horizontalOverflow(page: Page): Promise<{ scroll: number; sticking: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll('.test-pane *')]
      .filter((el) => !el.closest('.tp-harness') && !el.closest('.sr-only'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
    return { scroll: document.documentElement.scrollWidth - width, sticking };
  });
}

/** The Test tab's heading levels in document order: they start at 3 (under the bucket's h2) and never skip one. */
async function headingLevels(page: Page): Promise<number[]> {
  return page.locator('.test-pane').evaluate((pane) => [...pane.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
}

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let consoleApp: TestConsole;
  let page: Page;
  const suffix = Date.now().toString(36);
  // The set the issue asks for is named test-tab-*; the second backend's copies carry its name.
  const shotPath = (name: string) => `${SHOTS}/${backend === 's3rver' ? '' : `${backend}-`}${name}.png`;

  beforeEach(async () => {
    ({ app: consoleApp, page } = session);
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleApp.url });
  });

  /** The verdict card comes first, the fix (when offered) inside it, and the details after; headings never skip a level. */
  async function expectVerdictFirst(level: 'allowed' | 'broken' | 'blocked') {
    const card = page.getByRole('region', { name: 'Verdict' });
    expect(await card.getAttribute('data-level')).toBe(level);
    expect(await card.locator(`svg[data-icon="${level}"][aria-hidden="true"]`).count()).toBe(1);
    const cardBox = (await card.boundingBox())!;
    const detailsBox = (await page.getByRole('heading', { name: 'Details', level: 3 }).boundingBox())!;
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(detailsBox.y);
    const levels = await headingLevels(page);
    expect(levels[0]).toBe(3);
    levels.forEach((heading, index) => index > 0 && expect(heading).toBeLessThanOrEqual(levels[index - 1]! + 1));
  }

  /** No horizontal scroll at any width; screenshots at 1440 and 390 px in both themes. */
  async function expectResponsiveAndShoot(level: 'allowed' | 'broken' | 'blocked') {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width >= 1024 ? 900 : 844 });
        expect(await horizontalOverflow(page), `${width} px, ${scheme}`).toEqual({ scroll: 0, sticking: [] });
        if ((SHOT_WIDTHS as readonly number[]).includes(width)) {
          await page.getByRole('region', { name: 'Verdict' }).scrollIntoViewIfNeeded();
          await page.screenshot({ path: shotPath(`test-tab-${level}-${width}-${scheme}`), fullPage: true });
        }
      }
    }
    await page.emulateMedia({ colorScheme: null });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  /** Clicks a copy button, waits for "Copied" beside it, and answers what the clipboard holds. */
  async function copied(scope: ReturnType<Page['getByRole']>, button: string): Promise<string> {
    await scope.getByRole('button', { name: button }).click();
    await scope.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  }

  /** Runs a copied fetch() in the console's page, as a developer pasting it in the console would. */
  async function runFetch(snippet: string): Promise<string> {
    return page.evaluate(`(async () => { try { ${snippet} return 'sent'; } catch (error) { return String(error); } })()`);
  }

  /**
   * Runs a copied curl command in a POSIX shell; answers the response's status and headers (names
   * lowercased). Asynchronously: s3rver answers from this very process.
   */
  async function runCurl(command: string): Promise<{ status: number; headers: Record<string, string> }> {
    const { stdout: output } = await promisify(execFile)('/bin/sh', ['-c', command.replace(/^curl -i/m, 'curl -sS -i -o /dev/null -D -')], { encoding: 'utf8', timeout: 30_000 });
    const [statusLine, ...lines] = output.trim().split(/\r?\n/);
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    return { status: Number(statusLine!.split(' ')[1]), headers };
  }

  it('allowed: the card says so first; Copy as fetch() is the request the page ran, and it runs the same', async () => {
    const bucket = `tt-allowed-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [consoleApp.url], exposeHeaders: ['ETag'] })] });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { mustRead: 'ETag' });
    const result = await testCors(page);
    expect(result.level).toBe('allowed');
    expect(result.verdict).toMatch(/^Allowed: script can read the response \(\d+\)\.$/);
    await expectVerdictFirst('allowed');

    const browser = page.getByRole('region', { name: 'Browser' });
    const snippet = await copied(browser, 'Copy as fetch()');
    expect(snippet.split('\n')[0]).toBe(`// Run from a page on ${consoleApp.url}: the browser sends that page's origin as Origin.`);
    expect(snippet).toContain(`/${bucket}/test.txt", {\n  method: "GET",\n  credentials: "omit",\n  mode: "cors",\n  cache: "no-store",\n});`);
    expect(await runFetch(snippet)).toBe('sent');
    await expectResponsiveAndShoot('allowed');
  });

  it('broken: ETag unreadable; Copy as curl is the probe request, and curl gets the answer the probe got', async () => {
    const bucket = `tt-broken-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { mustRead: 'ETag' });
    const result = await testCors(page);
    expect(result.level).toBe('broken');
    expect(result.verdict).toMatch(/^Allowed, but broken for the app\. The app gets null for ETag/);
    await expectVerdictFirst('broken');

    const probe = page.getByRole('region', { name: 'Server probe' });
    const command = await copied(probe, 'Copy the actual request as curl');
    expect(command).toBe(`curl -i '${storage.current.endpoint}/${bucket}/test.txt' \\\n  -H 'origin: ${consoleApp.url}'`);
    const answer = await runCurl(command);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(consoleApp.url);
    expect(answer.headers['access-control-expose-headers'] ?? '').not.toMatch(/etag/i);
    // The probe's own record of the answer says the same.
    const answered = probe.getByLabel('Actual request: headers answered');
    expect(await answered.locator('dt', { hasText: /^access-control-allow-origin$/ }).locator('xpath=following-sibling::dd').textContent()).toBe(consoleApp.url);
    await expectResponsiveAndShoot('broken');
  });

  it('blocked: the fix sits right under the verdict; the copied preflight is refused by curl as in the probe, and the copied fetch() is blocked', async () => {
    const bucket = `tt-blocked-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'app', allowedOrigins: [consoleApp.url], allowedMethods: ['GET', 'PUT'] })] });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { method: 'PUT', headers: 'Content-Type: application/json\nX-App-Trace: 42' });
    const result = await testCors(page);
    expect(result.level).toBe('blocked');
    expect(result.verdict).toBe('Blocked at the preflight: a request header is not allowed.');
    const card = page.getByRole('region', { name: 'Verdict' });
    await card.getByRole('button', { name: 'Fix with the strictest rule' }).click();
    await card.getByRole('region', { name: 'Strictest fix' }).waitFor();
    await expectVerdictFirst('blocked');

    const probe = page.getByRole('region', { name: 'Server probe' });
    const command = await copied(probe, 'Copy the preflight as curl');
    expect(command.split(' \\\n  ')).toEqual([
      `curl -i -X OPTIONS '${storage.current.endpoint}/${bucket}/${command.match(/\/(\.cors-console\/tests\/[^']+)'/)![1]}'`,
      `-H 'origin: ${consoleApp.url}'`,
      "-H 'access-control-request-method: PUT'",
      "-H 'access-control-request-headers: content-type,x-app-trace'",
    ]);
    const answer = await runCurl(command);
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const snippet = await copied(page.getByRole('region', { name: 'Browser' }), 'Copy as fetch()');
    expect(snippet).toContain('  headers: {\n    "Content-Type": "application/json",\n    "X-App-Trace": "42",\n  },');
    expect(snippet).toContain('  body: "cors-console test upload\\n",');
    expect(await runFetch(snippet)).toMatch(/^TypeError: Failed to fetch/);
    await expectResponsiveAndShoot('blocked');
  });

  it('keeps the request form for the bucket across a reload', async () => {
    const bucket = `tt-kept-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { method: 'PUT', headers: 'Content-Type: text/plain', credentials: 'include', from: 'harness', mustRead: 'ETag' });
    await page.getByLabel('Body', { exact: true }).fill('kept body');
    await page.reload();
    await page.getByRole('button', { name: 'Test CORS' }).and(page.locator(':enabled')).waitFor();
    expect(await page.getByLabel('Method', { exact: true }).inputValue()).toBe('PUT');
    expect(await page.getByLabel('Request headers', { exact: true }).inputValue()).toBe('Content-Type: text/plain');
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe('kept body');
    expect(await page.getByLabel('Credentials', { exact: true }).inputValue()).toBe('include');
    expect(await page.getByRole('radio', { name: /^Second origin/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Headers the app must read', { exact: true }).inputValue()).toBe('ETag');
  });
});
