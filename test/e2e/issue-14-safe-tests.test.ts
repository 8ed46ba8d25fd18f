import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCRATCH_PREFIX } from '../../src/contract/api';
import { DEFAULT_UPLOAD_BODY } from '../../src/web/features/test-pane/run-test';
import { arrangeBucket } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { WITH_EMBEDDED_STORE } from '../support/storage-backends';
import { rule } from '../support/builders';
import { expectAgreement, fillRequest, openTestTab, testCors } from '../support/test-pane-page';

// Issue 14, item 3, in real Chromium on each backend (s3rver, Ceph RGW), through the UI alone:
// a writing test on the default key touches only a scratch object, and writing the user's own
// object happens only after a confirmation that names it. The bucket is read straight from the
// storage to show what was (not) touched.

describe.each(WITH_EMBEDDED_STORE)('on %s', (backend) => {
  const { storage, session, shot } = useConsoleInChromium(backend);
  let consoleApp: TestConsole;
  let page: Page;
  // The RGW peer is shared by concurrent runs: bucket names of their own.
  const suffix = Math.random().toString(36).slice(2, 7);
  beforeEach(() => {
    ({ app: consoleApp, page } = session);
  });

  const object = async (bucket: string, key: string) => {
    const got = await storage.current.http.signed('GET', `/${bucket}/${key}`);
    return { status: got.status, body: got.body, type: got.headers['content-type'] };
  };
  const scratchKeys = async (bucket: string) => {
    const listing = await storage.current.http.signed('GET', `/${bucket}?list-type=2&prefix=${encodeURIComponent(SCRATCH_PREFIX)}`);
    return [...listing.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
  };
  const arrange = (bucket: string) => arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['GET', 'PUT', 'DELETE'] })] });

  it('a DELETE test on the default key leaves test.txt untouched, and no scratch object behind', async () => {
    const bucket = `trust-delete-${suffix}`;
    await arrange(bucket);
    const before = await object(bucket, 'test.txt');
    expect(before).toMatchObject({ status: 200, body: 'hello' });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { method: 'DELETE' });
    expect(await page.getByLabel('Object key', { exact: true }).inputValue()).toBe('test.txt');
    const result = await testCors(page);
    await expectAgreement(page, result, 'allowed');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Browser' }).textContent()).toContain(`/${bucket}/${SCRATCH_PREFIX}`);
    expect(await object(bucket, 'test.txt')).toEqual(before);
    expect(await scratchKeys(bucket)).toEqual([]);
  });

  it('a DELETE the browser stops at the preflight is not sent by the server either, and says so', async () => {
    const bucket = `trust-refused-${suffix}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [consoleApp.url], allowedMethods: ['GET'] })] });
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { method: 'DELETE' });
    await page.getByRole('radio', { name: /^The object key above/ }).check();
    await page.getByRole('button', { name: 'Test CORS' }).click();
    await page.getByRole('dialog', { name: 'Delete test.txt?' }).getByRole('button', { name: 'Delete test.txt' }).click();
    await page.locator('.tp-verdict').waitFor();
    expect(await page.getByRole('region', { name: 'Server probe' }).textContent()).toContain('Not sent: the browser stops at the preflight (the preflight was refused)');
    expect(await object(bucket, 'test.txt')).toMatchObject({ status: 200, body: 'hello' });
  });

  it('a PUT test on test.txt asks for confirmation naming it, and once confirmed writes it', async () => {
    const bucket = `trust-put-${suffix}`;
    await arrange(bucket);
    await openTestTab(page, consoleApp, bucket);
    await fillRequest(page, { method: 'PUT' });
    await page.getByRole('radio', { name: /^The object key above/ }).check();
    await page.getByRole('button', { name: 'Test CORS' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write to test.txt?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`test.txt in bucket ${bucket} will be replaced with ${new TextEncoder().encode(DEFAULT_UPLOAD_BODY).length} bytes of test body`);
    // Nothing is sent while the question is open.
    expect(await object(bucket, 'test.txt')).toMatchObject({ status: 200, body: 'hello' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.screenshot({ path: shot('trust-write-confirm'), fullPage: true });
    await dialog.getByRole('button', { name: 'Replace test.txt' }).click();
    await page.locator('.tp-verdict').waitFor();
    expect(await page.locator('.tp-verdict').textContent()).toMatch(/^Allowed/);
    expect(await object(bucket, 'test.txt')).toMatchObject({ status: 200, body: DEFAULT_UPLOAD_BODY });
  });
}, 120_000);
