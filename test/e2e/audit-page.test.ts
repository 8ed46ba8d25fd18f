import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../src/contract/audit';
import type { AuditCheckCode, CorsConfig, CorsRule } from '../../src/core';
import { startConsole } from '../../src/server/start';
import { runAxe, describeViolations } from '../support/axe';
import { rule } from '../support/builders';
import { runCli } from '../support/cli';
import { launchChromium, type Browser } from '../support/chromium';
import { arrangeBucket, SHOTS } from '../support/console-page';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// The Audit page (issue 20, item 1) in Chromium against s3rver and Ceph RGW: buckets seeded under
// a prefix of this run, audited from the page; each seeded finding is in the table, the filters
// narrow it, a finding's bucket opens that bucket; a project's policy file is loaded, changed,
// kept over a reload and downloaded, and the CLI given that file finds what the page found; an
// audit of 400 buckets is cancelled; axe finds nothing at 1440 and 390 px in light and dark (the
// policy's checks open, a refused file shown), and nothing scrolls the page sideways.

const RUN = Date.now().toString(36);
const UI_MS = 60_000;
const APP = 'https://app.example.com';

const config = (...rules: CorsRule[]): CorsConfig => ({ rules });
const SEEDED: Array<{ tail: string; config: CorsConfig | null; expect: AuditCheckCode[] }> = [
  { tail: 'clean', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 })), expect: [] },
  { tail: 'star-writes', config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })), expect: ['wildcard-origin-writes'] },
  { tail: 'etag-hidden', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] })), expect: ['upload-etag-hidden'] },
  { tail: 'max-age', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds: 3600 })), expect: ['max-age-over-cap'] },
  { tail: 'no-dot', config: config(rule({ allowedOrigins: ['https://*example.com'], allowedMethods: ['GET'] })), expect: ['wildcard-origin-no-dot'] },
];
/** Buckets without CORS under a prefix of their own, enough that Cancel lands while they are read. */
const BULK = 400;
const FINDINGS = SEEDED.flatMap((s) => s.expect.map((code) => [s.tail, code] as const));

describe.each(STORAGE_BACKENDS)('the Audit page in Chromium on %s', (backend) => {
  const storage = useStorageBackend(backend);
  const prefix = `audpg-${RUN}-`;
  const bulkPrefix = `audpgbulk-${RUN}-`;
  let dir: string;
  let profilesEnv: Record<string, string>;
  let app: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  /** With CSP bypassed, as axe's script needs (test/support/axe.ts); the other browser keeps the console's CSP. */
  let axeBrowser: Browser;
  const errorsOf = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-page-e2e-'));
    const written = await storage.current.writeProfilesFile(dir, backend);
    profilesEnv = { CORS_CONSOLE_CONFIG: written.path, CORS_CONSOLE_DATA: join(dir, 'data'), ...written.env };
    for (const seeded of SEEDED) await arrangeBucket(storage.current, `${prefix}${seeded.tail}`, seeded.config);
    for (let i = 0; i < BULK; i += 10) await Promise.all(Array.from({ length: Math.min(10, BULK - i) }, (_, j) => storage.current.createBucket(`${bulkPrefix}${String(i + j).padStart(3, '0')}`)));
    [app, browser, axeBrowser] = await Promise.all([
      startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: written.path }, processEnv: written.env, dataDir: join(dir, 'data'), webDir: resolve('dist/web'), log: () => {} }),
      launchChromium(),
      launchChromium({ bypassCSP: true }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), axeBrowser?.close(), app?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  async function openAudit({ on = browser, width = 1440 } = {}): Promise<Page> {
    const page = await on.context.newPage();
    const errors: string[] = [];
    errorsOf.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app.url}/p/${backend}`);
    // The header's link, as a person finds the page.
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit', level: 2 }).waitFor({ timeout: UI_MS });
    expect(new URL(page.url()).pathname).toBe(`/p/${backend}/audit`);
    return page;
  }

  async function auditSeeded(page: Page): Promise<void> {
    await page.getByLabel('Bucket name prefix').fill(prefix);
    await page.getByRole('button', { name: 'Start audit' }).click();
    await page.getByRole('status').filter({ hasText: `Audit finished: ${SEEDED.length} of ${SEEDED.length} buckets audited.` }).waitFor({ timeout: UI_MS });
  }

  const rows = (page: Page) =>
    page
      .getByRole('table', { name: 'Findings' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelectorAll('td')[1]?.textContent ?? '']));

  it('audits the seeded buckets from the page: each finding in its bucket, the filters narrow them, a finding opens its bucket', { timeout: UI_MS * 4 }, async () => {
    const page = await openAudit();
    await auditSeeded(page);
    expect((await rows(page)).sort()).toEqual(FINDINGS.map(([tail, code]) => [`${prefix}${tail}`, code]).sort());
    const summary = await page.getByRole('list', { name: 'Summary' }).getByRole('listitem').allTextContents();
    expect(summary).toEqual(['2 errors', '1 warning', '1 note', '1 bucket without findings']);
    await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-results.png`, fullPage: true });

    await page.getByLabel('Check').selectOption('upload-etag-hidden');
    expect(await rows(page)).toEqual([[`${prefix}etag-hidden`, 'upload-etag-hidden']]);
    await page.getByLabel('Check').selectOption('all');
    await page.getByLabel('Severity').selectOption('note');
    expect(await rows(page)).toEqual([[`${prefix}max-age`, 'max-age-over-cap']]);
    await page.getByLabel('Severity').selectOption('all');
    await page.getByLabel('Sort by').selectOption('bucket');
    expect((await rows(page)).map(([bucket]) => bucket)).toEqual(FINDINGS.map(([tail]) => `${prefix}${tail}`).sort());

    await page.getByRole('table', { name: 'Findings' }).getByRole('link', { name: `${prefix}star-writes` }).click();
    await page.waitForURL(`${app.url}/p/${backend}/b/${prefix}star-writes`, { timeout: UI_MS });
    await page.getByRole('heading', { name: `${prefix}star-writes` }).first().waitFor({ timeout: UI_MS });
    expect(errorsOf.get(page)).toEqual([]);
    await page.close();
  });

  it('audits with a policy file loaded, changed and kept in the page; a bad file is refused; the downloaded file gives the CLI the same findings', { timeout: UI_MS * 6 }, async () => {
    const page = await openAudit({ on: axeBrowser, width: 390 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const policyName = page.getByTestId('audit-policy-name');
    const teamPolicy = join(dir, 'team-cors-policy.json');
    await writeFile(teamPolicy, JSON.stringify({ version: 1, checks: { 'wildcard-origin-no-dot': { enabled: false }, 'max-age-over-cap': { severity: 'error' } } }, null, 2));
    await page.getByLabel('Load a policy file').setInputFiles(teamPolicy);
    await policyName.filter({ hasText: 'The policy file team-cors-policy.json.' }).waitFor({ timeout: UI_MS });
    expect(await page.getByRole('list', { name: 'How it differs from the default' }).getByRole('listitem').allTextContents()).toEqual(['1 check off', '1 severity changed']);
    // Kept in this browser: a reload finds it.
    await page.reload();
    await policyName.filter({ hasText: 'The policy file team-cors-policy.json.' }).waitFor({ timeout: UI_MS });

    const badPolicy = join(dir, 'bad-policy.json');
    await writeFile(badPolicy, '{\n  "checks": {\n    "upload-etag-hidden": { "severity": "fatal" }\n  }\n}\n');
    await page.getByLabel('Load a policy file').setInputFiles(badPolicy);
    const alert = page.getByRole('alert').filter({ hasText: 'bad-policy.json is not an audit policy' });
    await alert.waitFor({ timeout: UI_MS });
    expect(await alert.textContent()).toContain('Policy field checks.upload-etag-hidden.severity: Must be one of error, warning, note.');
    expect(await policyName.textContent()).toBe('The policy file team-cors-policy.json.');

    await page.getByRole('button', { name: 'Checks: 10 of 11 run' }).click();
    await page.getByLabel('How Uploads without ETag exposed runs').selectOption('off');
    await policyName.filter({ hasText: 'The policy file team-cors-policy.json, changed in this page.' }).waitFor({ timeout: UI_MS });
    const axePolicy = await runAxe(page, 'audit-page-policy@390-dark');
    expect(axePolicy.violations, describeViolations([axePolicy])).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Viewport shots scrolled to each part: the page scrolls inside the app's main area, which a full-page shot does not follow.
    await page.getByRole('heading', { name: 'Policy' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-policy-390-dark.png` });
    await page.getByRole('table', { name: 'Each check and how it runs' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-policy-checks-390-dark.png` });

    await auditSeeded(page);
    expect(await page.getByText('Checked against: The policy file team-cors-policy.json, changed in this page.').count()).toBe(1);
    const expected = [[`${prefix}max-age`, 'max-age-over-cap'], [`${prefix}star-writes`, 'wildcard-origin-writes']];
    expect((await rows(page)).sort()).toEqual(expected);
    expect(await page.getByRole('list', { name: 'Summary' }).getByRole('listitem').allTextContents()).toEqual(['2 errors', '0 warnings', '0 notes', '3 buckets without findings']);
    await page.getByRole('table', { name: 'Findings' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-with-policy-390-dark.png` });

    // The page's report names its policy; the policy file downloaded gives the command the same findings.
    const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const pageReport = auditReportSchema.parse(JSON.parse(await readFile((await reportDownload.path())!, 'utf8')));
    const [policyDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the policy file' }).click()]);
    expect(policyDownload.suggestedFilename()).toBe('team-cors-policy.json');
    const downloaded = join(dir, 'downloaded-policy.json');
    await policyDownload.saveAs(downloaded);
    const cli = await runCli(['audit', '--profile', backend, '--prefix', prefix, '--policy', downloaded, '--format', 'json', '--fail-on', 'never'], profilesEnv, UI_MS);
    expect(cli.code, cli.stderr).toBe(0);
    const cliReport = auditReportSchema.parse(JSON.parse(cli.stdout));
    expect(cliReport.policy).toEqual(pageReport.policy);
    const findingsOf = (report: typeof cliReport) => report.buckets.flatMap((b) => b.findings.map((f) => [b.bucket, f.code, f.severity].join(' '))).sort();
    expect(findingsOf(cliReport)).toEqual(findingsOf(pageReport));
    expect(findingsOf(cliReport)).toEqual([`${prefix}max-age max-age-over-cap error`, `${prefix}star-writes wildcard-origin-writes error`]);

    await page.getByRole('button', { name: 'Use the default policy' }).click();
    await policyName.filter({ hasText: /^The default policy:/ }).waitFor({ timeout: UI_MS });
    expect(errorsOf.get(page)).toEqual([]);
    await page.close();
  });

  it('cancels an audit: it stops, says so, and keeps the buckets audited', { timeout: UI_MS * 4 }, async () => {
    const page = await openAudit();
    await page.getByLabel('Bucket name prefix').fill(bulkPrefix);
    await page.getByRole('button', { name: 'Start audit' }).click();
    await page.getByRole('button', { name: 'Cancel audit' }).click({ timeout: UI_MS });
    const status = page.getByRole('status');
    await status.filter({ hasText: /^Audit (cancelled|finished):/ }).waitFor({ timeout: UI_MS });
    expect(await status.textContent()).toMatch(new RegExp(`^Audit cancelled: \\d+ of ${BULK} buckets audited; the results are for those\\.$`));
    await expect.poll(() => page.getByRole('button', { name: 'Cancel audit' }).count(), { timeout: UI_MS }).toBe(0);
    expect(await page.getByRole('button', { name: 'Start audit' }).isEnabled()).toBe(true);
    // Buckets without CORS have nothing to find: the summary counts the clean ones audited.
    expect(await page.getByRole('list', { name: 'Summary' }).getByRole('listitem').last().textContent()).toMatch(/^\d+ buckets? without findings$/);
    await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-cancelled.png` });
    expect(errorsOf.get(page)).toEqual([]);
    await page.close();
  });

  it('holds at 1440 and 390 px, light and dark, with results and the policy\'s checks shown: axe finds nothing, nothing overflows the page', { timeout: UI_MS * 6 }, async () => {
    for (const width of [1440, 390]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openAudit({ on: axeBrowser, width });
        await page.emulateMedia({ colorScheme: scheme });
        await auditSeeded(page);
        // The policy's checks open, so axe sees their table and selects too.
        await page.getByRole('button', { name: 'Checks: 11 of 11 run' }).click();
        const report = await runAxe(page, `audit-page@${width}-${scheme}`);
        expect(report.violations, describeViolations([report])).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-${width}-${scheme}.png` });
        await page.getByRole('table', { name: 'Each check and how it runs' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-policy-checks-${width}-${scheme}.png` });
        await page.getByRole('table', { name: 'Findings' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${backend}-audit-page-findings-${width}-${scheme}.png` });
        expect(errorsOf.get(page)).toEqual([]);
        await page.close();
      }
    }
  });
});
