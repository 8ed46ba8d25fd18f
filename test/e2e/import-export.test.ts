import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportToCode, loadCodeParsers, parseCorsDocument } from '../../src/core';
import { arrangeBucket, openRule, saveAndConfirm, storedRules } from '../support/console-page';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { rule } from '../support/builders';

// Import and export of the draft in real Chromium against the whole console on each storage
// backend (s3rver, Ceph RGW): a file picked in the file input goes through the draft and a save,
// and comes back as a download.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'cors-console-import-'));
  });
  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });
  afterAll(async () => {
    await rm(files, { recursive: true, force: true });
  });

  async function openRules(bucket: string): Promise<void> {
    await page.goto(`${consoleApp.url}/p/${consoleApp.profileId}/b/${bucket}`);
    await page.getByRole('region', { name: /^Rule 1\b/ }).or(page.getByText('This bucket has no CORS configuration')).first().waitFor();
  }

  // As someone keeps it for `aws s3api put-bucket-cors --cors-configuration file://cors.json`.
  const awsDocument = {
    CORSRules: [
      { ID: 'uploads', AllowedOrigins: ['https://app.example.com'], AllowedMethods: ['PUT', 'POST'], AllowedHeaders: ['content-type', 'x-amz-meta-*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 },
      { ID: 'public-read', AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'] },
    ],
  };

  describe('Import and export, in Chromium', () => {
    it('round-trips an AWS JSON file: file input → draft → save → export downloads an equivalent AWS JSON document', async () => {
      await arrangeBucket(storage.current, 'ie-roundtrip', { rules: [rule({ id: 'old' })] });
      const source = join(files, 'cors.json');
      await writeFile(source, JSON.stringify(awsDocument, null, 2));
      await openRules('ie-roundtrip');

      await page.getByRole('button', { name: 'Import…' }).click();
      const importDialog = page.getByRole('dialog', { name: 'Import rules into the draft' });
      await importDialog.getByLabel('Import from file').setInputFiles(source);
      await importDialog.getByText('Read from cors.json.').waitFor();
      expect(await importDialog.getByLabel('Format').locator('option:checked').textContent()).toBe('Detect automatically (AWS JSON)');
      await importDialog.locator('ins', { hasText: '<ID>public-read</ID>' }).waitFor();
      await page.screenshot({ path: shot('import-preview'), fullPage: true });
      await importDialog.getByRole('button', { name: 'Replace draft' }).click();
      await page.getByRole('status').filter({ hasText: 'Imported 2 rules from cors.json (AWS JSON) into the draft.' }).waitFor();
      expect(await (await openRule(page, 2)).getByLabel('ID').inputValue()).toBe('public-read');

      await saveAndConfirm(page, shot('failed-save'));
      const expected = parseCorsDocument(JSON.stringify(awsDocument), 'aws-json');
      expect(expected.ok).toBe(true);
      expect(await storedRules(storage.current, 'ie-roundtrip')).toEqual(expected.ok && expected.config.rules);
      // The history records the save as an import's (issue 15.2), under its own words.
      await page.getByRole('tab', { name: 'History' }).click();
      const entries = page.getByRole('list', { name: 'Changes made through the console' }).locator(':scope > li');
      await entries.first().getByRole('heading', { name: /^Saved from an import · / }).waitFor();
      await page.getByRole('tab', { name: 'Rules' }).click();

      await page.getByRole('button', { name: 'Export…' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export the draft' });
      await exportDialog.getByLabel('Format').selectOption('aws-json');
      await exportDialog.getByText('AWS JSON carries everything in this draft.').waitFor();
      await page.screenshot({ path: shot('import-export-dialog'), fullPage: true });
      const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toBe('ie-roundtrip-cors.json');
      const exported = await readFile((await download.path())!, 'utf8');
      expect(JSON.parse(exported)).toEqual(awsDocument);
      await exportDialog.getByRole('status').filter({ hasText: 'Downloaded ie-roundtrip-cors.json.' }).waitFor();
    });

    it('shows an imported document\'s problems at rule, field and line, and what an export format loses, by keyboard alone', async () => {
      await arrangeBucket(storage.current, 'ie-keyboard', { rules: [rule({ id: 'main', allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] })] });
      await openRules('ie-keyboard');

      await page.getByRole('button', { name: 'Import…' }).focus();
      await page.keyboard.press('Enter');
      const importDialog = page.getByRole('dialog', { name: 'Import rules into the draft' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');
      await page.keyboard.press('Tab');
      const xml = ['<CORSConfiguration>', '  <CORSRule>', '    <AllowedOrigin>https://a.example.com</AllowedOrigin>', '    <AllowedMethod>GET</AllowedMethod>', '  </CORSRule>', '  <CORSRule>', '    <AllowedOrigin>https://b.example.com</AllowedOrigin>', '    <AllowedMethod>FETCH</AllowedMethod>', '  </CORSRule>', '</CORSConfiguration>'].join('\n');
      await page.keyboard.insertText(xml);
      const problem = importDialog.getByRole('list', { name: 'Problems in the document' }).getByRole('listitem').first();
      expect(await problem.textContent()).toMatch(/^Error: Rule 2 · Allowed methods · line 8: .*FETCH/);
      expect(await importDialog.getByRole('button', { name: 'Replace draft' }).isDisabled()).toBe(true);
      await page.screenshot({ path: shot('import-issues'), fullPage: true });
      await page.keyboard.press('Escape');
      await importDialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import…');

      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const exportDialog = page.getByRole('dialog', { name: 'Export the draft' });
      await exportDialog.getByLabel('Format').selectOption('gcs-json');
      const losses = exportDialog.getByRole('list', { name: 'What GCS JSON loses' });
      expect(await losses.getByRole('listitem').allTextContents()).toEqual([
        'Warning: Rule 1 · ID: Rule 1 (main) loses its ID: GCS JSON rules have no ID.',
        'Warning: Rule 1: Rule 1 (main): GCS JSON has one responseHeader list for allowed and exposed headers, so content-type also becomes exposed and ETag also becomes allowed.',
      ]);
      await page.screenshot({ path: shot('import-export-losses'), fullPage: true });
      await page.keyboard.press('Escape');
      await exportDialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export…');
    });

    it('a Terraform file dropped on the bucket page opens the import, read and compared with what the bucket holds: the * rule first is named as changing requests', async () => {
      const uploads = rule({ id: 'uploads', allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
      const reads = rule({ id: 'reads', allowedOrigins: ['*'], allowedMethods: ['GET'] });
      await arrangeBucket(storage.current, 'ie-drop', { rules: [uploads, reads] });
      await openRules('ie-drop');
      const parsers = await loadCodeParsers(['hcl']);
      const terraform = exportToCode({ rules: [reads, uploads] }, 'terraform-aws', 'ie-drop', parsers).text;
      // A real drag and drop of a file, as the browser delivers it: a DataTransfer holding a File.
      const dataTransfer = await page.evaluateHandle((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'cors.tf', { type: 'text/plain' }));
        return transfer;
      }, terraform);
      await page.dispatchEvent('main', 'dragover', { dataTransfer });
      expect(await page.evaluate(() => document.body.classList.contains('ie-drop-target'))).toBe(true);
      await page.dispatchEvent('main', 'drop', { dataTransfer });
      const importDialog = page.getByRole('dialog', { name: 'Import rules into the draft' });
      await importDialog.getByText('Read from cors.tf.').waitFor();
      const drift = importDialog.getByRole('region', { name: 'Against what the bucket holds now' });
      await drift.waitFor({ timeout: 30_000 });
      expect(await drift.getAttribute('data-verdict')).toBe('reordered-with-effect');
      expect(await drift.getByRole('status').textContent()).toMatch(/^Different Different: the same rules in another order, and first match wins, so \d+ requests fare differently\.$/);
      expect(await drift.getByRole('list', { name: 'Requests that would fare differently' }).getByRole('listitem').first().textContent()).toContain('GET from https://app.example.com');
      await page.screenshot({ path: shot('import-drift-dropped'), fullPage: true });
      await page.keyboard.press('Escape');
      await importDialog.waitFor({ state: 'detached' });
    });
  });
});
