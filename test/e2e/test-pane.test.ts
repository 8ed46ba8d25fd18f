import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { suiteSchema } from '../../src/contract/suite';
import { dialectProfile, type CorsConfig } from '../../src/core';
import { arrangeBucket as arrangeOn, saveAndConfirm, setStoredCors as setOn, storedRules as storedOn } from '../support/console-page';
import { WITH_EMBEDDED_STORE } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { browserCouldRead, expectAgreement, fillRequest, openTestTab, testCors } from '../support/test-pane-page';
import { rule } from '../support/builders';

// The test pane in real Chromium against the real server and each storage backend (s3rver, Ceph
// RGW), through the UI alone: the browser's own verdict, the diagnosis, and the prediction agreeing
// with the browser every time.

describe.each(WITH_EMBEDDED_STORE)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;
  const arrangeBucket = (name: string, config: CorsConfig | null) => arrangeOn(storage.current, name, config);
  const setStoredCors = (name: string, config: CorsConfig) => setOn(storage.current, name, config);
  const storedRules = (name: string) => storedOn(storage.current, name);

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  describe('Test pane, in Chromium', () => {
    it('shows an allowed GET with the headers script can read, and highlights the answering rule', async () => {
      await arrangeBucket('tp-allowed', { rules: [rule({ id: 'reads', allowedOrigins: [consoleApp.url], exposeHeaders: ['ETag'] })] });
      await openTestTab(page, consoleApp, 'tp-allowed');
      await fillRequest(page, { mustRead: 'ETag' });
      const result = await testCors(page);
      await expectAgreement(page, result, 'allowed');
      expect(result.verdict).toContain('Allowed: script can read the response (200)');
      expect(await browserCouldRead(page, 'ETag')).toBe(true);
      await page.screenshot({ path: shot('test-pane-allowed'), fullPage: true });
      await page.getByRole('tab', { name: 'Rules' }).click();
      expect(await page.getByRole('region', { name: /^Rule 1\b/ }).textContent()).toContain('Answers the last test: GET test.txt');
    });

    it('diagnoses a request from an unlisted origin (the harness) and names the closest listed origin; listing it lets the harness in', async () => {
      await arrangeBucket('tp-origins', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab(page, consoleApp, 'tp-origins');
      await fillRequest(page, { from: 'harness' });
      const blocked = await testCors(page);
      await expectAgreement(page, blocked, 'blocked');
      expect(blocked.verdict).toBe(`Blocked: origin ${consoleApp.harnessUrl} is not listed in any rule.`);
      expect(blocked.findings[0]).toContain(`The closest listed origin is ${consoleApp.url} (rule 1)`);
      await page.screenshot({ path: shot('test-pane-unlisted-origin'), fullPage: true });

      await setStoredCors('tp-origins', { rules: [rule({ allowedOrigins: [consoleApp.url, consoleApp.harnessUrl] })] });
      await openTestTab(page, consoleApp, 'tp-origins');
      await fillRequest(page, { from: 'harness' });
      await expectAgreement(page, await testCors(page), 'allowed');
      expect(await page.getByRole('region', { name: 'Browser' }).textContent()).toContain(`from ${consoleApp.harnessUrl}`);
    });

    it('blocks a JSON PUT with a custom header at the preflight, fixes it with the strictest rule, saves, and then allows it', async () => {
      await arrangeBucket('tp-fix', { rules: [rule({ id: 'app', allowedOrigins: [consoleApp.url], allowedMethods: ['GET', 'PUT'] })] });
      await openTestTab(page, consoleApp, 'tp-fix');
      await fillRequest(page, { method: 'PUT', headers: 'Content-Type: application/json\nX-App-Trace: 42' });
      const blocked = await testCors(page);
      await expectAgreement(page, blocked, 'blocked');
      expect(blocked.verdict).toBe('Blocked at the preflight: a request header is not allowed.');
      // Both backends stop at rule 1 (s3rver: origin and method match; RGW: origin matches), and the finding says so.
      expect(blocked.findings[0]).toMatch(
        /^header-not-allowed: Rule 1 \(app\) refuses it: .+ uses only the first rule that .+, and there headers content-type, x-app-trace are not allowed \(this rule allows no request headers; add them to AllowedHeaders\)\.$/,
      );
      expect(await page.getByText('A preflight was required').count()).toBe(1);

      await page.getByRole('button', { name: 'Fix with the strictest rule' }).click();
      const fix = page.getByRole('region', { name: 'Strictest fix' });
      await fix.getByRole('button', { name: 'Apply to draft' }).click();
      // The proposal stays as it was applied; it is not recomputed against the fixed draft.
      expect(await fix.getByRole('status').textContent()).toContain('Applied to the draft');
      expect(await page.getByText('No rule change can fix this').count()).toBe(0);
      await page.screenshot({ path: shot('test-pane-strictest-fix'), fullPage: true });
      await page.getByRole('tab', { name: 'Rules' }).click();
      await saveAndConfirm(page, shot('failed-save'));
      const stored = await storedRules('tp-fix');
      const allowedHeaders = stored.flatMap((r) => r.allowedHeaders.map((h) => h.toLowerCase()));
      expect(allowedHeaders).toEqual(expect.arrayContaining(['content-type', 'x-app-trace']));
      expect(allowedHeaders).not.toContain('*');

      await page.getByRole('tab', { name: 'Test' }).click();
      await expectAgreement(page, await testCors(page), 'allowed');
      // The GET the rule allowed before the fix still works (on RGW a rule inserted above would take it).
      await fillRequest(page, {});
      await expectAgreement(page, await testCors(page), 'allowed');
    });

    it('diagnoses a credentialed request answered by a * rule', async () => {
      await arrangeBucket('tp-star', { rules: [rule({ allowedOrigins: ['*'] })] });
      await openTestTab(page, consoleApp, 'tp-star');
      await fillRequest(page, { credentials: 'include' });
      const result = await testCors(page);
      await expectAgreement(page, result, 'blocked');
      expect(result.findings.some((f) => f.startsWith('wildcard-with-credentials'))).toBe(true);
      await fillRequest(page, { credentials: 'omit' });
      await expectAgreement(page, await testCors(page), 'allowed');
    });

    it('uploads with a presigned PUT; script reads ETag only once a rule exposes it', async () => {
      await arrangeBucket('tp-upload', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'] })] });
      await openTestTab(page, consoleApp, 'tp-upload');
      const uploads = page.getByRole('region', { name: 'Upload tests' });
      await uploads.getByRole('button', { name: 'Upload with a presigned PUT' }).click();
      const hidden = uploads.getByRole('status');
      await hidden.waitFor();
      expect(await hidden.textContent()).toContain('Script cannot read ETag');
      expect(await hidden.textContent()).toContain('as the browser found');

      await setStoredCors('tp-upload', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] });
      await openTestTab(page, consoleApp, 'tp-upload');
      await page.getByRole('region', { name: 'Upload tests' }).getByRole('button', { name: 'Upload with a presigned PUT' }).click();
      const readable = page.getByRole('region', { name: 'Upload tests' }).getByRole('status');
      await readable.waitFor();
      expect(await readable.textContent()).toMatch(/Script can read ETag: "?[0-9a-f]{32}"?/);
      expect(await readable.textContent()).toContain('as the browser found');
      await page.screenshot({ path: shot('test-pane-upload'), fullPage: true });
    });

    it('uploads with a POST form (signed policy); the upload rule must allow POST and expose ETag', async () => {
      await arrangeBucket('tp-form', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })] });
      await openTestTab(page, consoleApp, 'tp-form');
      const uploads = page.getByRole('region', { name: 'Upload tests' });
      await uploads.getByRole('button', { name: 'Upload with a POST form' }).click();
      await uploads.getByRole('status').waitFor();
      expect(await uploads.getByRole('status').textContent()).toMatch(/POST form: blocked by CORS.*The rules predicted: blocked, as the browser found/);

      await setStoredCors('tp-form', { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['PUT', 'POST'], exposeHeaders: ['ETag'] })] });
      await openTestTab(page, consoleApp, 'tp-form');
      await page.getByRole('region', { name: 'Upload tests' }).getByRole('button', { name: 'Upload with a POST form' }).click();
      const done = page.getByRole('region', { name: 'Upload tests' }).getByRole('status');
      await done.waitFor();
      // Whether the provider's answer to a form upload has an ETag at all is dialect data.
      const sendsEtag = dialectProfile(storage.current.dialect).response.formUploadHasEtag;
      expect(await done.textContent()).toMatch(sendsEtag ? /POST form: uploaded \(20\d.*Script can read ETag.*as the browser found/ : /POST form: uploaded \(20\d.*without any ETag header.*as the browser found/);
    });

    it('saves tests with the bucket and runs them all against the draft and the live bucket', async () => {
      await arrangeBucket('tp-saved', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab(page, consoleApp, 'tp-saved');
      const saveTest = async (name: string, expect: 'allowed' | 'blocked') => {
        await page.getByRole('button', { name: 'Save test' }).click();
        await page.getByLabel('Test name').fill(name);
        await page.getByLabel('The app needs it').selectOption(expect);
        await page.getByRole('button', { name: 'Save this test' }).click();
        await page.getByRole('row', { name: new RegExp(name) }).waitFor();
      };
      await fillRequest(page, {});
      await saveTest('console reads', 'allowed');
      await fillRequest(page, { from: 'harness' });
      await saveTest('harness is kept out', 'blocked');
      await fillRequest(page, { method: 'DELETE' });
      await saveTest('console deletes', 'allowed');

      await page.reload();
      await page.getByRole('region', { name: 'Saved tests' }).getByRole('button', { name: 'Run all', exact: true }).click();
      const summary = page.getByRole('region', { name: 'Saved tests' }).getByRole('status');
      await summary.waitFor();
      expect(await summary.textContent()).toBe('2 of 3 passed.');
      expect(await page.getByRole('row', { name: /console deletes/ }).textContent()).toContain('fail');
      await page.screenshot({ path: shot('test-pane-saved-tests'), fullPage: true });

      // Export suite: the file `cors-console test --suite` reads, each test sent from where the console sent it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export suite' }).click()]);
      expect(download.suggestedFilename()).toBe('tp-saved.cors-suite.json');
      const suite = suiteSchema.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
      const harnessOrigin = /^Second origin \((.+)\)$/.exec((await page.getByText(/^Second origin \(/).textContent())!)![1];
      expect(suite).toMatchObject({ version: 1, bucket: 'tp-saved', origin: consoleApp.url });
      expect(suite.tests.map((t) => [t.name, t.expect, t.origin])).toEqual([
        ['console reads', 'allowed', undefined],
        ['harness is kept out', 'blocked', harnessOrigin],
        ['console deletes', 'allowed', undefined],
      ]);
      expect(harnessOrigin).not.toBe(consoleApp.url);
    });
  });

  describe('Cache demo, in Chromium', () => {
    it('reproduces the stale cached answer that a missing Vary: Origin causes, and names the fix', async () => {
      await arrangeBucket('tp-cache', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await openTestTab(page, consoleApp, 'tp-cache');
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
