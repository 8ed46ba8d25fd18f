import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseCorsDocument, serializeCorsDocument, type CorsConfig, type CorsRule } from '../../src/core';
import type { startTestConsole } from './console-server';

// What the browser tests do to the console and its storage, shared by the suites.

export type TestConsole = Awaited<ReturnType<typeof startTestConsole>>;

export const SHOTS = 'test-output/screenshots';

export const rule = (partial: Partial<CorsRule>): CorsRule => ({ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], ...partial });

/** A bucket with `test.txt` and the given CORS configuration, written straight to the storage. */
export async function arrangeBucket(app: TestConsole, name: string, config: CorsConfig | null): Promise<void> {
  expect((await app.s3('PUT', `/${name}`)).status).toBe(200);
  await app.s3('PUT', `/${name}/test.txt`, 'hello', { 'content-type': 'text/plain' });
  if (config) await setStoredCors(app, name, config);
}

/** Changes a bucket's CORS behind the console's back, straight on the storage. */
export async function setStoredCors(app: TestConsole, name: string, config: CorsConfig): Promise<void> {
  expect((await app.s3('PUT', `/${name}?cors`, serializeCorsDocument(config, 's3-xml'))).status).toBe(200);
}

/** What the storage holds, read straight from it. */
export async function storedRules(app: TestConsole, name: string): Promise<CorsRule[]> {
  const response = await app.s3('GET', `/${name}?cors`);
  if (response.status === 404) return [];
  const parsed = parseCorsDocument(await response.text(), 's3-xml');
  if (!parsed.ok) throw new Error(`The storage holds a document we cannot read: ${JSON.stringify(parsed.issues)}`);
  return parsed.config.rules;
}

/** Save in the Rules tab, through the diff, until the toast says it is stored. */
export async function saveAndConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  try {
    await page.getByRole('button', { name: 'Confirm save' }).waitFor({ timeout: 5000 });
  } catch (error) {
    await page.screenshot({ path: `${SHOTS}/failed-save.png`, fullPage: true });
    throw error;
  }
  await page.getByRole('button', { name: 'Confirm save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}
