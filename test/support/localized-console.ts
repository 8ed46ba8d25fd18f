import type { Page } from 'playwright-core';
import { CHINESE_CATALOGUE, localName, type DrivenLocale } from './locale-text';

// Driving the console in a locale other than English, by means that hold in every locale: the
// locale set as a person sets it (the switcher's stored choice, or the browser's languages), and
// controls found by their names in that locale (test/support/locale-text.ts).

/** public/locale.js and src/web/lib/i18n/locales.ts read the same key. */
const LOCALE_STORAGE_KEY = 'cors-console:locale';

/** Every load of `page` starts in `locale`, as chosen in the header's switcher on an earlier visit. */
export async function chooseStoredLocale(page: Page, locale: string): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [LOCALE_STORAGE_KEY, locale] as const);
}

/** Every load of `page` comes from a browser whose languages are `languages` and that never chose a locale. */
export async function useBrowserLanguages(page: Page, languages: readonly string[]): Promise<void> {
  await page.addInitScript((tags) => {
    Object.defineProperty(navigator, 'languages', { get: () => tags, configurable: true });
    Object.defineProperty(navigator, 'language', { get: () => tags[0], configurable: true });
  }, languages);
}

/** Chinese characters (CJK Unified Ideographs). */
export const HAN = /\p{Script=Han}/u;

/** The zh-CN message `id` as a pattern: its placeholders, plurals and selects match any text. */
export function chineseMessage(id: string): RegExp {
  const message = CHINESE_CATALOGUE[id];
  if (message === undefined) throw new Error(`no zh-CN message ${id}`);
  let source = '';
  let depth = 0;
  for (const char of message) {
    if (char === '{') {
      if (depth === 0) source += '.+?';
      depth++;
    } else if (char === '}') depth--;
    else if (depth === 0) source += char.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source);
}

export interface ConsoleAt {
  url: string;
  profileId: string;
}

/** The console on `page`, in `locale`: its controls by their local names, and the steps the suites take. */
export function localizedConsole(page: Page, locale: DrivenLocale, app: () => ConsoleAt) {
  const name = (english: string) => localName(locale, english);
  const button = (english: string) => page.getByRole('button', { name: name(english) });
  const bucketUrl = (bucket: string, tab = 'rules') => `${app().url}/p/${app().profileId}/b/${bucket}/${tab}`;
  const cards = () => page.locator('.re-card');

  /** Presses `key` until the page announces `announcement` (dnd-kit listens only a task after the pick-up: test/support/console-page.ts says why). */
  const pressUntilShown = async (key: string, announcement: RegExp) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.keyboard.press(key);
      try {
        await page.getByText(announcement).first().waitFor({ timeout: 2_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  };

  /** Save, review, Confirm save; answers the review's text. */
  const saveReviewed = async () => {
    await button('Save').click();
    const confirm = button('Confirm save');
    await confirm.waitFor({ timeout: 20_000 });
    const review = await page.locator('main').innerText();
    await confirm.click();
    await confirm.waitFor({ state: 'detached', timeout: 20_000 });
    return review;
  };

  const openRules = async (bucket: string) => {
    await page.goto(bucketUrl(bucket));
    await cards().first().waitFor();
  };

  /** Adds a rule for `origin` that allows PUT and saves it through the review; answers the review's text. */
  const addRuleAndSave = async (origin: string) => {
    const before = await cards().count();
    await button('Add rule').click();
    const added = cards().nth(before);
    await added.getByLabel(name('Allowed origins')).fill(origin);
    await added.getByRole('checkbox', { name: 'PUT', exact: true }).check();
    return saveReviewed();
  };

  const openTestTab = async (bucket: string) => {
    await page.goto(bucketUrl(bucket, 'test'));
    await button('Test CORS').and(page.locator(':enabled')).waitFor();
  };

  /** Clicks "Test CORS" and waits for the verdict. */
  const testCors = async () => {
    await button('Test CORS').and(page.locator(':enabled')).click();
    await page.locator('.tp-verdict').waitFor();
  };

  /**
   * Every main screen, each shown to `visit` in turn: the bucket list, the rule editor (after a
   * save, so its toast and History have something), the wizard, the import and export dialogs,
   * the Test tab with a verdict and a saved test run, and History.
   */
  const walkMainScreens = async (bucket: string, visit: (screen: string) => Promise<void>) => {
    await page.goto(`${app().url}/p/${app().profileId}`);
    // The bucket was made a moment ago, behind the console's back, and the server may serve a
    // listing under two seconds old (src/server/routes/buckets.routes.ts): Refresh lists it now.
    await button('Refresh the bucket list').click();
    await page.getByRole('link', { name: new RegExp(bucket) }).first().waitFor();
    await visit('bucket-list');

    await openRules(bucket);
    await addRuleAndSave('https://new.example');
    await visit('rule-editor');
    for (const [opener, screen] of [
      ['Rule wizard', 'wizard'],
      ['Import…', 'import'],
      ['Export…', 'export'],
    ] as const) {
      await button(opener).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await visit(screen);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    await openTestTab(bucket);
    // A saved test, run, so the saved tests' table shows its verdicts too.
    await button('Save test').click();
    await page.getByLabel(name('Test name')).fill('saved-check');
    await button('Save this test').click();
    const row = page.getByRole('row', { name: /saved-check/ });
    await row.waitFor();
    await page.locator('.tp-saved').getByRole('button', { name: name('Run all') }).click();
    await row.locator('.tp-pass, .tp-fail').waitFor();
    await testCors();
    await visit('test-tab');

    await page.goto(bucketUrl(bucket, 'history'));
    await page.getByRole('tabpanel').getByRole('heading').first().waitFor();
    await visit('history');
  };

  return { name, button, bucketUrl, cards, pressUntilShown, saveReviewed, openRules, addRuleAndSave, openTestTab, testCors, walkMainScreens };
}
