import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseCorsDocument, serializeCorsDocument, type CorsConfig, type CorsRule } from '../../src/core';
import type { StorageBackend } from './storage-backends';

// What the browser tests do to the console and its storage, shared by the suites.

export const SHOTS = 'test-output/screenshots';

/** Rule `n`'s card, opened for editing when it is a compact row (its Edit button, as a person would). */
export async function openRule(page: Page, n: number): Promise<Locator> {
  const card = page.getByRole('region', { name: new RegExp(`^Rule ${n}\\b`) });
  await card.waitFor();
  const edit = card.getByRole('button', { name: `Edit rule ${n}`, exact: true });
  if ((await edit.count()) > 0) await edit.click();
  await card.getByLabel('Allowed origins').waitFor();
  return card;
}

/** Changes a bucket's CORS behind the console's back, straight on the storage. */
export async function setStoredCors(storage: StorageBackend, name: string, config: CorsConfig): Promise<void> {
  expect((await storage.putCors(name, serializeCorsDocument(config, 's3-xml'))).status).toBe(200);
}

/** A bucket with a public `test.txt` and the given CORS configuration, written straight to the storage. */
export async function arrangeBucket(storage: StorageBackend, name: string, config: CorsConfig | null): Promise<void> {
  await storage.createBucket(name);
  await storage.putObject(name, 'test.txt', 'hello');
  if (config) await setStoredCors(storage, name, config);
}

/** What the storage holds, read straight from it. */
export async function storedRules(storage: StorageBackend, name: string): Promise<CorsRule[]> {
  const response = await storage.getCors(name);
  if (response.status === 404) return [];
  const parsed = parseCorsDocument(response.body, 's3-xml');
  if (!parsed.ok) throw new Error(`${storage.name} holds a document we cannot read: ${JSON.stringify(parsed.issues)}`);
  return parsed.config.rules;
}

/** Save in the Rules tab, through the diff, until the toast says it is stored. */
export async function saveAndConfirm(page: Page, failureShot: string): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  try {
    await page.getByRole('button', { name: 'Confirm save' }).waitFor({ timeout: 20_000 });
  } catch (error) {
    await page.screenshot({ path: failureShot, fullPage: true });
    throw error;
  }
  await page.getByRole('button', { name: 'Confirm save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** Waits until the editor has kept a draft holding `text` in the browser's storage. */
export async function waitForStoredDraft(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => Object.keys(localStorage).some((key) => key.startsWith('cors-console:draft:') && (localStorage.getItem(key) ?? '').includes(wanted)),
    text,
  );
}

/**
 * Presses `key` until the screen reader's `announcement` appears. dnd-kit's KeyboardSensor listens
 * for keys only from the task after the pick-up (@dnd-kit/core 6.3.1, KeyboardSensor.attach:
 * setTimeout(() => listeners.add('keydown'))) and moves only between positions it has measured
 * since; on a loaded machine the first arrow can come before either (CI, stop 13: 30 s with no
 * announcement). A person is never that quick. Pressing again is harmless: at the top, ArrowUp
 * finds no position above and changes nothing.
 */
export async function pressUntilAnnounced(page: Page, key: string, announcement: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press(key);
    try {
      await page.getByText(announcement).waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
