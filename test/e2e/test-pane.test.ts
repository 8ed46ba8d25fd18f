import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialectProfile, type CorsConfig } from '../../src/core';
import { launchChromium, type Browser } from '../support/chromium';
import { arrangeBucket as arrangeOn, rule, saveAndConfirm, setStoredCors as setOn, SHOTS, storedRules as storedOn } from '../support/console-page';
import { startTestConsole } from '../support/console-server';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// The test pane in real Chromium against the real server and each storage backend (s3rver, Ceph
// RGW), through the UI alone: the browser's own verdict, the diagnosis, and the prediction agreeing
// with the browser every time.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const storage = useStorageBackend(backend);
  let consoleApp: Awaited<ReturnType<typeof startTestConsole>>;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => `${SHOTS}/${backend}-${name}.png`;
  const arrangeBucket = (name: string, config: CorsConfig | null) => arrangeOn(storage.current, name, config);
  const setStoredCors = (name: string, config: CorsConfig) => setOn(storage.current, name, config);
  const storedRules = (name: string) => storedOn(storage.current, name);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [consoleApp, browser] = await Promise.all([startTestConsole(storage.current), launchChromium()]);
  });
  beforeEach(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
  });
  afterEach(async () => {
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await consoleApp?.stop();
  });

  async function openTestTab(bucket: string): Promise<void> {
    await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/${bucket}/test`);
    await page.getByRole('button', { name: 'Test CORS' }).and(page.locator(':enabled')).waitFor();
  }

  interface RequestFields {
    method?: string;
    headers?: string;
    credentials?: 'omit' | 'include';
    from?: 'console' | 'harness';
    mustRead?: string;
  }

  async function fillRequest({ method = 'GET', headers = '', credentials = 'omit', from = 'console', mustRead = '' }: RequestFields): Promise<void> {
    await page.getByLabel('Method').selectOption(method);
    await page.getByLabel('Request headers').fill(headers);
    await page.getByLabel('Credentials').selectOption(credentials);
    await page.getByRole('radio', { name: from === 'console' ? /^This console/ : /^Second origin/ }).check();
    await page.getByLabel('Headers the app must read').fill(mustRead);
  }

  const verdict = () => page.locator('.tp-verdict');

  /** Clicks "Test CORS" and waits for this run's verdict; answers it with the diagnosis codes. */
  async function testCors(): Promise<{ verdict: string; findings: string[] }> {
    const before = await verdict().count();
    const button = page.getByRole('button', { name: 'Test CORS' });
    if (before) await page.evaluate(() => document.querySelector('.tp-verdict')?.classList.add('tp-stale'));
    await button.click();
    await page.locator('.tp-verdict:not(.tp-stale)').waitFor();
    const text = (await verdict().textContent()) ?? '';
    const findings = await page.getByRole('list', { name: 'Diagnosis' }).locator('li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code')}: ${li.textContent}`));
    return { verdict: text, findings };
  }

  /** The rules' prediction for the saved configuration, as the Prediction column shows it. */
  async function predictedVerdict(): Promise<'allowed' | 'blocked'> {
    const heading = (await page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /^Saved configuration/ }).textContent()) ?? '';
    return heading.endsWith('allowed') ? 'allowed' : 'blocked';
  }

  async function expectAgreement(result: { verdict: string; findings: string[] }, expected: 'allowed' | 'blocked'): Promise<void> {
    expect(result.verdict.startsWith(expected === 'allowed' ? 'Allowed' : 'Blocked'), result.verdict).toBe(true);
    expect(await predictedVerdict()).toBe(expected);
    expect(result.findings.filter((f) => f.startsWith('browser-differs') || f.startsWith('server-differs'))).toEqual([]);
  }

  describe('Test pane, in Chromium', () => {
    it('shows an allowed GET with the headers script can read, and highlights the answering rule', async () => {
      await arrangeBucket('tp-allowed', { rules: [rule({ id: 'reads', allowedOrigins: [consoleApp.url], exposeHeaders: ['ETag'] })] });
      await openTestTab('tp-allowed');
      await fillRequest({ mustRead: 'ETag' });
      const result = await testCors();
      await expectAgreement(result, 'allowed');
      expect(result.verdict).toContain('Allowed: script can read the response (200)');
      expect(await page.getByRole('region', { name: 'Browser' }).textContent()).toContain('etag:');
      await page.screenshot({ path: shot('test-pane-allowed'), fullPage: true });
      await page.getByRole('tab', { name: 'Rules' }).getByRole('link').click();
      expect(await page.getByRole('region', { name: /^Rule 1\b/ }).textContent()).toContain('Answers the last test: GET test.txt');
    });

    it('diagnoses a request from an unlisted origin (the harness) and names the closest listed origin; listing it lets the harness in', async () => {
      await arrangeBucket('tp-origins', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab('tp-origins');
      await fillRequest({ from: 'harness' });
      const blocked = await testCors();
      await expectAgreement(blocked, 'blocked');
      expect(blocked.verdict).toBe(`Blocked: origin ${consoleApp.harnessUrl} is not listed in any rule.`);
      expect(blocked.findings[0]).toContain(`The closest listed origin is ${consoleApp.url} (rule 1)`);
      await page.screenshot({ path: shot('test-pane-unlisted-origin'), fullPage: true });

      await setStoredCors('tp-origins', { rules: [rule({ allowedOrigins: [consoleApp.url, consoleApp.harnessUrl] })] });
      await openTestTab('tp-origins');
      await fillRequest({ from: 'harness' });
      await expectAgreement(await testCors(), 'allowed');
      expect(await page.getByRole('region', { name: 'Browser' }).textContent()).toContain(`from ${consoleApp.harnessUrl}`);
    });

    it('blocks a JSON PUT with a custom header at the preflight, fixes it with the strictest rule, saves, and then allows it', async () => {
      await arrangeBucket('tp-fix', { rules: [rule({ id: 'app', allowedOrigins: [consoleApp.url], allowedMethods: ['GET', 'PUT'] })] });
      await openTestTab('tp-fix');
      await fillRequest({ method: 'PUT', headers: 'Content-Type: application/json\nX-App-Trace: 42' });
      const blocked = await testCors();
      await expectAgreement(blocked, 'blocked');
      expect(blocked.verdict).toBe('Blocked at the preflight: a request header is not allowed.');
      expect(blocked.findings[0]).toMatch(/^header-not-allowed: Headers content-type, x-app-trace are not allowed/);
      expect(await page.getByText('A preflight was required').count()).toBe(1);

      await page.getByRole('button', { name: 'Fix with the strictest rule' }).click();
      const fix = page.getByRole('region', { name: 'Strictest fix' });
      await fix.getByRole('button', { name: 'Apply to draft' }).click();
      await page.screenshot({ path: shot('test-pane-strictest-fix'), fullPage: true });
      await page.getByRole('tab', { name: 'Rules' }).getByRole('link').click();
      await saveAndConfirm(page, shot('failed-save'));
      const stored = await storedRules('tp-fix');
      const allowedHeaders = stored.flatMap((r) => r.allowedHeaders.map((h) => h.toLowerCase()));
      expect(allowedHeaders).toEqual(expect.arrayContaining(['content-type', 'x-app-trace']));
      expect(allowedHeaders).not.toContain('*');

      await page.getByRole('tab', { name: 'Test' }).getByRole('link').click();
      await expectAgreement(await testCors(), 'allowed');
    });

    it('diagnoses a credentialed request answered by a * rule', async () => {
      await arrangeBucket('tp-star', { rules: [rule({ allowedOrigins: ['*'] })] });
      await openTestTab('tp-star');
      await fillRequest({ credentials: 'include' });
      const result = await testCors();
      await expectAgreement(result, 'blocked');
      expect(result.findings.some((f) => f.startsWith('wildcard-with-credentials'))).toBe(true);
      await fillRequest({ credentials: 'omit' });
      await expectAgreement(await testCors(), 'allowed');
    });

    it('uploads with a presigned PUT; script reads ETag only once a rule exposes it', async () => {
      await arrangeBucket('tp-upload', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'] })] });
      await openTestTab('tp-upload');
      const uploads = page.getByRole('region', { name: 'Upload tests' });
      await uploads.getByRole('button', { name: 'Upload with a presigned PUT' }).click();
      const hidden = uploads.getByRole('status');
      await hidden.waitFor();
      expect(await hidden.textContent()).toContain('Script cannot read ETag');
      expect(await hidden.textContent()).toContain('as the browser found');

      await setStoredCors('tp-upload', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] });
      await openTestTab('tp-upload');
      await page.getByRole('region', { name: 'Upload tests' }).getByRole('button', { name: 'Upload with a presigned PUT' }).click();
      const readable = page.getByRole('region', { name: 'Upload tests' }).getByRole('status');
      await readable.waitFor();
      expect(await readable.textContent()).toMatch(/Script can read ETag: "?[0-9a-f]{32}"?/);
      expect(await readable.textContent()).toContain('as the browser found');
      await page.screenshot({ path: shot('test-pane-upload'), fullPage: true });
    });

    it('uploads with a POST form (signed policy); the upload rule must allow POST and expose ETag', async () => {
      await arrangeBucket('tp-form', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] });
      await openTestTab('tp-form');
      const uploads = page.getByRole('region', { name: 'Upload tests' });
      await uploads.getByRole('button', { name: 'Upload with a POST form' }).click();
      await uploads.getByRole('status').waitFor();
      expect(await uploads.getByRole('status').textContent()).toMatch(/POST form: blocked by CORS.*The rules predicted: blocked, as the browser found/);

      await setStoredCors('tp-form', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT', 'POST'], exposeHeaders: ['ETag'] })] });
      await openTestTab('tp-form');
      await page.getByRole('region', { name: 'Upload tests' }).getByRole('button', { name: 'Upload with a POST form' }).click();
      const done = page.getByRole('region', { name: 'Upload tests' }).getByRole('status');
      await done.waitFor();
      // Whether the provider's answer to a form upload has an ETag at all is dialect data.
      const sendsEtag = dialectProfile(storage.current.dialect).response.formUploadHasEtag;
      expect(await done.textContent()).toMatch(sendsEtag ? /POST form: uploaded \(20\d.*Script can read ETag.*as the browser found/ : /POST form: uploaded \(20\d.*without any ETag header.*as the browser found/);
    });

    it('saves tests with the bucket and runs them all against the draft and the live bucket', async () => {
      await arrangeBucket('tp-saved', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab('tp-saved');
      const saveTest = async (name: string, expect: 'allowed' | 'blocked') => {
        await page.getByRole('button', { name: 'Save test' }).click();
        await page.getByLabel('Test name').fill(name);
        await page.getByLabel('The app needs it').selectOption(expect);
        await page.getByRole('button', { name: 'Save this test' }).click();
        await page.getByRole('row', { name: new RegExp(name) }).waitFor();
      };
      await fillRequest({});
      await saveTest('console reads', 'allowed');
      await fillRequest({ from: 'harness' });
      await saveTest('harness is kept out', 'blocked');
      await fillRequest({ method: 'DELETE' });
      await saveTest('console deletes', 'allowed');

      await page.reload();
      await page.getByRole('button', { name: 'Run all' }).click();
      const summary = page.getByRole('region', { name: 'Saved tests' }).getByRole('status');
      await summary.waitFor();
      expect(await summary.textContent()).toBe('2 of 3 passed.');
      expect(await page.getByRole('row', { name: /console deletes/ }).textContent()).toContain('fail');
      await page.screenshot({ path: shot('test-pane-saved-tests'), fullPage: true });
    });
  });

  describe('Cache demo, in Chromium', () => {
    it('reproduces the stale cached answer that a missing Vary: Origin causes, and names the fix', async () => {
      await arrangeBucket('tp-cache', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab('tp-cache');
      const demo = page.getByRole('region', { name: 'Cache demo' });
      await demo.getByRole('button', { name: 'Run the cache demo' }).click();
      const conclusion = demo.getByRole('status');
      await conclusion.waitFor();
      const text = (await conclusion.textContent()) ?? '';
      expect(text).toContain('Reproduced');
      expect(text).toContain('no Vary header');
      expect(text).toContain('crossorigin attribute');
      await page.screenshot({ path: shot('test-pane-cache-demo'), fullPage: true });
    });
  });
});
