import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../src/core';
import { arrangeBucket as arrangeOn, saveAndConfirm as saveOn, storedRules as storedOn } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { browserCouldRead, expectAgreement, fillRequest, openTestTab, testCors } from '../support/test-pane-page';
import { rule } from '../support/builders';

// The rule wizard in real Chromium against the real server and each storage backend (s3rver, Ceph
// RGW), through the UI alone: the rules it generates, once saved, are judged by the browser itself
// in the Test tab, with the rules' prediction agreeing every time.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;
  const arrangeBucket = (name: string, config: CorsConfig | null) => arrangeOn(storage.current, name, config);
  const storedRules = (name: string) => storedOn(storage.current, name);
  const saveAndConfirm = () => saveOn(page, shot('wizard-failed-save'));
  const rulesTab = (bucket: string) => `${consoleApp.url}/p/${consoleApp.profileId}/b/${bucket}/rules`;

  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  async function toTab(name: 'Rules' | 'Test'): Promise<void> {
    await page.getByRole('tab', { name }).click();
  }

  function wizard() {
    return page.getByRole('dialog', { name: 'Rule wizard' });
  }

  async function openWizard(): Promise<void> {
    await page.getByRole('button', { name: 'Rule wizard' }).click();
    await wizard().waitFor();
  }

  /** The whole dialog, which scrolls inside its backdrop: a tall viewport for the shot, then back. */
  async function shootDialog(name: string): Promise<void> {
    const height = await wizard().evaluate((dialog) => Math.ceil(dialog.getBoundingClientRect().height) + 120);
    await page.setViewportSize({ width: 1280, height: Math.max(1000, height) });
    await page.screenshot({ path: shot(name) });
    await page.setViewportSize({ width: 1280, height: 1000 });
  }

  /** The verdict column of a table of requests in the wizard, by request text. */
  async function verdicts(caption: string): Promise<Record<string, string>> {
    const rows = await wizard()
      .getByRole('table', { name: caption })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent ?? '', tr.children[1]!.textContent ?? ''] as const));
    return Object.fromEntries(rows);
  }

  describe('Rule wizard, in Chromium', () => {
    it('opens and closes by keyboard alone, giving focus back', async () => {
      await arrangeBucket('wz-keys', { rules: [rule({ allowedOrigins: [consoleApp.url] })] });
      await page.goto(rulesTab('wz-keys'));
      const opener = page.getByRole('button', { name: 'Rule wizard' });
      await opener.and(page.locator(':enabled')).waitFor();
      await opener.focus();
      await page.keyboard.press('Enter');
      await wizard().waitFor();
      expect(await wizard().evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await wizard().evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await wizard().count()).toBe(0);
      expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
    });

    it('the loosest rule makes a previously blocked request pass; its warning shows, and "Tighten now" leads to the strictest form', async () => {
      await arrangeBucket('wz-loosest', { rules: [rule({ id: 'reads', allowedOrigins: [consoleApp.url] })] });
      await openTestTab(page, consoleApp, 'wz-loosest');
      await fillRequest(page, { method: 'PUT', headers: 'X-App-Trace: 42' });
      const blocked = await testCors(page);
      await expectAgreement(page, blocked, 'blocked');
      expect(blocked.verdict).toBe('Blocked at the preflight: PUT is not allowed for this origin.');

      await toTab('Rules');
      await openWizard();
      expect(await wizard().getByRole('button', { name: 'Strictest (for your app)' }).getAttribute('aria-pressed')).toBe('true');
      await wizard().getByRole('button', { name: 'Loosest (diagnostic)' }).click();
      const warning = wizard().getByRole('region', { name: 'Security warning' });
      expect(await warning.textContent()).toContain('Diagnostic setting: not for production');
      expect(await warning.textContent()).toContain('lets any website send any request with any header');
      expect(await wizard().getByRole('list', { name: 'Placement' }).textContent()).toContain('The new rule goes at position 1, above rule 1 (reads)');
      await shootDialog('wizard-loosest');

      await wizard().getByRole('button', { name: 'Tighten now' }).click();
      const origins = wizard().getByLabel('Origins the app is served from');
      await expect.poll(() => origins.evaluate((field) => field === document.activeElement)).toBe(true);
      expect(await wizard().getByRole('button', { name: 'Generate the strictest rules' }).isVisible()).toBe(true);
      await wizard().getByRole('button', { name: 'Loosest (diagnostic)' }).click();

      await wizard().getByRole('button', { name: 'Insert into the draft' }).click();
      expect(await wizard().count()).toBe(0);
      await saveAndConfirm();
      expect((await storedRules('wz-loosest')).map((r) => r.id)).toEqual(['loosest-diagnostic', 'reads']);

      await toTab('Test');
      const allowed = await testCors(page);
      await expectAgreement(page, allowed, 'allowed');
      expect(allowed.verdict).toContain('Allowed');
      await page.screenshot({ path: shot('wizard-loosest-tested'), fullPage: true });
    });

    it('the strictest rules for a described app allow exactly its requests; its other requests stay blocked', async () => {
      await arrangeBucket('wz-strictest', { rules: [rule({ id: 'partner', allowedOrigins: ['https://partner.example'] })] });
      await page.goto(rulesTab('wz-strictest'));
      await openWizard();
      await wizard().getByRole('button', { name: 'Strictest (for your app)' }).click();
      await wizard().getByLabel('Origins the app is served from').fill(consoleApp.url);
      await wizard().getByRole('checkbox', { name: 'Download (GET)' }).check();
      await wizard().getByRole('checkbox', { name: 'Upload with PUT (PutObject, presigned PUT)' }).check();
      await wizard().getByRole('button', { name: 'Add a header the app sends' }).click();
      await wizard().getByLabel('Header 1 name').fill('Content-Type');
      await wizard().getByLabel('Header 1 typical value').fill('application/json');
      await wizard().getByLabel('Header 1 sent on').selectOption('upload');
      await wizard().getByRole('button', { name: 'Add a header the app must read' }).click();
      await wizard().getByLabel('Readable header 1 name').fill('ETag');
      await wizard().getByRole('button', { name: 'Generate the strictest rules' }).click();

      const generated = wizard().getByRole('region', { name: 'Generated rules' });
      await generated.waitFor();
      // Ceph RGW answers with the first rule listing the origin, whatever the method: one rule there.
      const oneRule = backend === 'rgw';
      expect(await generated.getByRole('heading', { level: 3 }).first().textContent()).toBe(oneRule ? 'One rule for the app' : '2 rules for the app');
      expect(await verdicts("The app's requests under the new draft")).toEqual({
        [`GET from ${consoleApp.url}`]: 'allowed (rule 2)',
        [`PUT from ${consoleApp.url} with content-type: application/json`]: oneRule ? 'allowed (rule 2)' : 'allowed (rule 3)',
      });
      const others = await verdicts('Requests the app does not make');
      expect(Object.values(others).every((v) => v === 'blocked'), JSON.stringify(others)).toBe(true);
      await shootDialog('wizard-strictest');

      await generated.getByRole('button', { name: 'Insert into the draft' }).click();
      await saveAndConfirm();
      const stored = await storedRules('wz-strictest');
      expect(stored.map((r) => [r.id, r.allowedMethods, r.allowedHeaders.map((h) => h.toLowerCase()), r.exposeHeaders])).toEqual(
        oneRule
          ? [
              ['partner', ['GET'], [], []],
              ['app-get-put', ['GET', 'PUT'], ['content-type'], ['ETag']],
            ]
          : [
              ['partner', ['GET'], [], []],
              ['app-get', ['GET'], [], ['ETag']],
              ['app-put', ['PUT'], ['content-type'], ['ETag']],
            ],
      );

      await toTab('Test');
      await page.getByRole('button', { name: 'Test CORS' }).and(page.locator(':enabled')).waitFor();
      const judge = async (fields: Parameters<typeof fillRequest>[1], expected: 'allowed' | 'blocked') => {
        await fillRequest(page, fields);
        const result = await testCors(page);
        await expectAgreement(page, result, expected);
        return result;
      };
      // The app's own requests.
      const download = await judge({ method: 'GET', mustRead: 'ETag' }, 'allowed');
      expect(download.verdict).toContain('Allowed: script can read the response');
      expect(await browserCouldRead(page, 'ETag')).toBe(true);
      const upload = await judge({ method: 'PUT', headers: 'Content-Type: application/json', mustRead: 'ETag' }, 'allowed');
      expect(upload.findings.filter((f) => f.includes('cannot read'))).toEqual([]);
      // Requests it does not make.
      const del = await judge({ method: 'DELETE' }, 'blocked');
      expect(del.verdict).toBe('Blocked at the preflight: DELETE is not allowed for this origin.');
      const otherHeader = await judge({ method: 'PUT', headers: 'X-Other-Header: 1' }, 'blocked');
      expect(otherHeader.verdict).toBe('Blocked at the preflight: a request header is not allowed.');
      const fromElsewhere = await judge({ method: 'GET', from: 'harness' }, 'blocked');
      expect(fromElsewhere.verdict).toBe(`Blocked: origin ${consoleApp.harnessUrl} is not listed in any rule.`);
      await page.screenshot({ path: shot('wizard-strictest-tested'), fullPage: true });
    });
  });
});
