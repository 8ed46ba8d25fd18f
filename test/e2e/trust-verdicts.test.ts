import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoBuckets } from '../../src/server/embedded/seeds';
import { arrangeBucket } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { fillRequest, openTestTab, testCors } from '../support/test-pane-page';

// Issue 14, item 2, in real Chromium on each backend: the multipart-upload ETag failure that the
// console exists to catch is shown as "allowed, but broken for the app", with its icon and the one
// line saying what the app will see fail, never in the colour and words of a pass; and a refusal
// leads with the console's reason, the provider's own text quoted under it.

const BUCKET = 'demo-shadowed-etag';
const ETAG_FAILS = "The app gets null for ETag, so a multipart upload cannot complete (each part's ETag is needed) and integrity checks fail.";

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  // Tall enough that the test verdict, the rules column and the upload verdict show in one screenshot.
  const { storage, session, shot } = useConsoleInChromium(backend, { width: 1280, height: 1800 });
  let consoleApp: TestConsole;
  let page: Page;

  beforeAll(async () => {
    const demo = demoBuckets([session.app.url]).find((bucket) => bucket.name === BUCKET)!;
    await arrangeBucket(storage.current, BUCKET, demo.cors);
  });
  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  it('an upload to demo-shadowed-etag is allowed but broken for the app: ETag hidden, said in one line, amber with an icon', async () => {
    await openTestTab(page, consoleApp, BUCKET);
    const uploads = page.getByRole('region', { name: 'Upload tests' });
    await uploads.getByRole('button', { name: 'Upload with a presigned PUT' }).click();
    const outcome = uploads.getByRole('status');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-level')).toBe('broken');
    const badge = outcome.locator('.tp-level');
    expect(await badge.textContent()).toBe('Allowed, but broken for the app');
    // The icon (lucide's triangle) is hidden from assistive technology: the words carry the meaning.
    expect(await badge.locator('svg[data-icon="broken"][aria-hidden="true"]').count()).toBe(1);
    const breakages = outcome.getByRole('list', { name: 'What breaks for the app' }).getByRole('listitem');
    expect(await breakages.first().textContent()).toBe(ETAG_FAILS);
    expect(await outcome.textContent()).toContain('The rules predicted: allowed, ETag not readable, as the browser found.');
    // Amber (the theme's warning colour), not the green of a pass.
    const [background, warning, success] = await outcome.evaluate((el) => {
      const swatch = (token: string) => {
        const probe = document.createElement('div');
        probe.style.backgroundColor = `var(${token})`;
        document.body.append(probe);
        const colour = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return colour;
      };
      return [getComputedStyle(el).backgroundColor, swatch('--color-warning-soft'), swatch('--color-success-soft')];
    });
    expect(background).toBe(warning);
    expect(background).not.toBe(success);

    // The same request in "Test CORS", with the header the app must read.
    await fillRequest(page, { method: 'PUT', headers: 'Content-Type: text/plain', mustRead: 'ETag' });
    const result = await testCors(page);
    expect(result.level).toBe('broken');
    expect(result.verdict).toBe(`Allowed, but broken for the app. ${ETAG_FAILS}`);
    expect(result.findings[0]).toMatch(/^header-unreadable: Script cannot read ETag: rule 1, which answers the actual request/);
    await page.screenshot({ path: shot('trust-verdict-broken'), fullPage: true });
  });

  it("a refused preflight leads with the console's reason; the provider's own text is a quote under it, labelled with its code", async () => {
    await openTestTab(page, consoleApp, BUCKET);
    await fillRequest(page, { method: 'PUT', headers: 'X-App-Trace: 1' });
    const result = await testCors(page);
    expect(result.level).toBe('blocked');
    expect(result.findings[0]).toMatch(/^header-not-allowed: /);
    expect(result.findings[0]).not.toContain('CORSResponse');
    const first = page.getByRole('list', { name: 'Diagnosis' }).getByRole('listitem').first();
    const quote = first.locator('figure.tp-provider-answer');
    if (backend === 's3rver') {
      expect(await quote.locator('figcaption').textContent()).toBe("The provider's answer (403 CORSResponse):");
      // s3rver's own words, typo included, quoted as evidence and nowhere else.
      expect(await quote.locator('blockquote').textContent()).toMatch(/^This CORS request is not allowed\. This is usually because the evalution of Origin/);
    } else {
      // RGW's refusal is a bare AccessDenied code: named, with nothing to quote.
      expect(await quote.locator('figcaption').textContent()).toBe("The provider's answer: 403 AccessDenied, with no message.");
      expect(await quote.locator('blockquote').count()).toBe(0);
    }
  });
});
