import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { rule } from '../support/builders';
import { collectConsoleProblems } from '../support/console-messages';
import { arrangeBucket, pressUntilAnnounced as pressUntilAnnouncedOn, storedRules } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';

// Issue 16, item 7: the three main flows (edit rules and save, reorder, Test CORS) with the
// keyboard alone, in real Chromium under the console's real CSP, on each storage backend; focus is
// asserted after undo, redo, save, dialog close and bucket selection, and the console must stay
// free of errors and warnings throughout.

const WAIT = { timeout: 30_000 };

/** What has the focus, as a person would name it: `BUTTON "Save"`, `TEXTAREA "Allowed origins"`, or `BODY`. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'BODY';
    const labelled = element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null);
    return `${element.tagName} "${(labelled ?? element.textContent ?? '').trim().slice(0, 60)}"`;
  });
}

const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a person reaches a control; fails if it never does. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 120 } = {}): Promise<void> {
  await target.waitFor(WAIT);
  for (let presses = 0; presses < limit; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}; focus is on ${await focused(page)}`);
}

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let app: TestConsole;
  let page: Page;
  let problems: string[];

  beforeEach(() => {
    ({ app, page } = session);
    problems = collectConsoleProblems(page).problems;
  });

  const bucketUrl = (bucket: string, tab = '') => `${app.url}/p/${app.profileId}/b/${bucket}${tab}`;
  const ruleRegion = (n: number) => page.getByRole('region', { name: new RegExp(`^Rule ${n}\\b`) });
  const main = () => page.locator('main');

  const pressUntilAnnounced = (key: string, announcement: string) => pressUntilAnnouncedOn(page, key, announcement);

  /** Save, through the review, by keyboard; answers what had the focus once the review opened and once saved. */
  async function saveByKeyboard(): Promise<{ inReview: string; afterSave: string; afterSaveInMain: boolean }> {
    await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Confirm save' });
    await confirm.waitFor(WAIT);
    const inReview = await focused(page);
    await tabTo(page, confirm);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor(WAIT);
    return { inReview, afterSave: await focused(page), afterSaveInMain: await main().evaluate((m) => m.contains(document.activeElement)) };
  }

  it('edits a rule, undoes and redoes by shortcut and by button, and saves, keyboard only, with focus kept each time', async () => {
    const bucket = `kb-edit-${backend}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'app', allowedOrigins: ['https://app.example.com'] })] });
    await page.goto(bucketUrl(bucket));
    // Rules show as compact rows: open rule 1 for editing first.
    await tabTo(page, page.getByRole('button', { name: 'Edit rule 1' }));
    await page.keyboard.press('Enter');
    const origins = ruleRegion(1).getByLabel('Allowed origins');
    await tabTo(page, origins);
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nhttps://kb.example');
    expect(await origins.inputValue()).toContain('https://kb.example');

    // Each shortcut must leave the focus in the field. Where it does not, the failure is recorded
    // (soft) and the person's way back (Tab to the field) is taken, so the rest is still checked.
    const shortcut = async (keys: string, added: boolean) => {
      await page.keyboard.press(keys);
      await expect.poll(async () => (await origins.inputValue()).includes('https://kb.example'), WAIT).toBe(added);
      const kept = await hasFocus(origins);
      expect.soft(kept, `focus after ${keys}: ${await focused(page)}`).toBe(true);
      if (!kept) await tabTo(page, origins);
    };
    await shortcut('Control+Z', false);
    await shortcut('Control+Shift+Z', true);
    await shortcut('Control+Z', false);
    await shortcut('Control+Y', true);

    // The toolbar's buttons: the last undo disables Undo, and the focus must not fall to <body>.
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await tabTo(page, undo, { backwards: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => origins.inputValue(), WAIT).not.toContain('https://kb.example');
    expect.soft(await focused(page), 'focus after the Undo button').not.toBe('BODY');
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    await tabTo(page, redo);
    await page.keyboard.press('Enter');
    await expect.poll(() => origins.inputValue(), WAIT).toContain('https://kb.example');
    expect.soft(await focused(page), 'focus after the Redo button').not.toBe('BODY');

    const saved = await saveByKeyboard();
    expect.soft(saved.inReview, 'focus when the save review opens').toMatch(/^BUTTON "Confirm save"|^(SECTION|DIV|H\d)/);
    expect.soft(saved.afterSave, 'focus after the save').not.toBe('BODY');
    expect.soft(saved.afterSaveInMain, `focus after the save is in the page's main content (${saved.afterSave})`).toBe(true);
    expect((await storedRules(storage.current, bucket))[0]?.allowedOrigins).toEqual(['https://app.example.com', 'https://kb.example']);

    // Dialogs give the focus back to what opened them.
    for (const [opener, dialog] of [
      ['Import…', 'Import rules into the draft'],
      ['Export…', 'Export the draft'],
      ['Rule wizard', 'Rule wizard'],
    ] as const) {
      const button = page.getByRole('button', { name: opener, exact: true });
      await tabTo(page, button, { backwards: true });
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: dialog }).waitFor(WAIT);
      expect(await page.getByRole('dialog', { name: dialog }).evaluate((d) => d.contains(document.activeElement)), `focus inside ${dialog}`).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: dialog }).waitFor({ state: 'detached', ...WAIT });
      expect.soft(await hasFocus(button), `focus after closing ${dialog}: ${await focused(page)}`).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('selects another bucket from the list by keyboard, and the focus moves to that bucket\'s page', async () => {
    const [from, to] = [`kb-from-${backend}`, `kb-to-${backend}`];
    await arrangeBucket(storage.current, from, { rules: [rule({})] });
    await arrangeBucket(storage.current, to, { rules: [rule({ id: 'destination' })] });
    await page.goto(bucketUrl(from));
    await ruleRegion(1).waitFor(WAIT);
    const link = page.getByRole('navigation', { name: 'Buckets' }).getByRole('link', { name: new RegExp(`^${to}\\b`) });
    await tabTo(page, link, { backwards: true, limit: 200 });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/b/${to}`, WAIT);
    await ruleRegion(1).getByText('destination').first().waitFor(WAIT);
    const where = await focused(page);
    expect.soft(await main().evaluate((m) => m.contains(document.activeElement)), `focus after choosing a bucket: ${where}`).toBe(true);
    expect(problems).toEqual([]);
  }, 180_000);

  it('reorders by keyboard with a visible lifted state, keeps the focus on the moved rule, and saves the order', async () => {
    const bucket = `kb-order-${backend}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ id: 'first' }), rule({ id: 'second', allowedOrigins: ['https://two.example'] })] });
    await page.goto(bucketUrl(bucket));
    const handle = page.getByRole('button', { name: 'Reorder rule 2' });
    await tabTo(page, handle);
    // Lifted must show: in the row's look or its words (either is enough).
    const look = () =>
      page.getByRole('button', { name: /^Reorder rule \d/ }).and(page.locator(':focus')).evaluate((handle) => {
        const card = handle.closest('section') ?? handle;
        const style = getComputedStyle(card);
        return [style.boxShadow, style.outlineStyle, style.transform, style.backgroundColor, style.borderColor, style.opacity, (card as HTMLElement).innerText].join(' | ');
      });
    const resting = await look();
    await page.keyboard.press('Space');
    await page.getByText('Picked up rule 2.').waitFor(WAIT);
    expect.soft(await look(), 'a picked-up rule looks lifted').not.toBe(resting);
    await pressUntilAnnounced('ArrowUp', 'Rule 2 moved to position 1.');
    await page.keyboard.press('Space');
    await page.getByText('Rule 2 dropped at position 1.').waitFor(WAIT);
    // The announcement can come a render before the list shows the new order (seen once on RGW in a clean-clone CI run): wait for it.
    await expect.poll(() => ruleRegion(1).textContent(), WAIT).toContain('second');
    expect.soft(await hasFocus(page.getByRole('button', { name: 'Reorder rule 1' })), `focus after the drop: ${await focused(page)}`).toBe(true);
    const saved = await saveByKeyboard();
    expect.soft(saved.afterSave, 'focus after the save').not.toBe('BODY');
    expect((await storedRules(storage.current, bucket)).map((r) => r.id)).toEqual(['second', 'first']);
    expect(problems).toEqual([]);
  }, 300_000);

  it('runs a Test CORS request by keyboard and keeps the focus on the form', async () => {
    const bucket = `kb-test-${backend}`;
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [app.url], allowedMethods: ['GET', 'HEAD'] })] });
    await page.goto(bucketUrl(bucket));
    await ruleRegion(1).waitFor(WAIT);
    // Tabs are one stop in the tab order (the selected one); the arrow keys move between them.
    await tabTo(page, page.getByRole('tab', { name: 'Rules', selected: true }), { backwards: true });
    const testTab = page.getByRole('tab', { name: 'Test' });
    for (let presses = 0; presses < 5 && !(await hasFocus(testTab)); presses++) await page.keyboard.press('ArrowRight');
    expect(await hasFocus(testTab)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/b/${bucket}/test`, WAIT);
    const method = page.getByLabel('Method', { exact: true });
    await tabTo(page, method);
    // A closed <select> takes arrow keys as a choice, one option at a time.
    for (let presses = 0; presses < 10 && (await method.inputValue()) !== 'HEAD'; presses++) await page.keyboard.press('ArrowDown');
    expect(await method.inputValue()).toBe('HEAD');
    const run = page.getByRole('button', { name: 'Test CORS' });
    await run.and(page.locator(':enabled')).waitFor(WAIT);
    await tabTo(page, run);
    await page.keyboard.press('Enter');
    // The verdict as the shared Test-tab helper finds it (test/support/test-pane-page.ts).
    const verdict = page.locator('.tp-verdict');
    await verdict.waitFor(WAIT);
    expect(await verdict.textContent()).toMatch(/^Allowed/);
    const where = await focused(page);
    expect.soft(where, 'focus after the run').not.toBe('BODY');
    expect(problems).toEqual([]);
  }, 300_000);
});
