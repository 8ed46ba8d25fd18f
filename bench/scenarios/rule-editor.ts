import type { Browser, Page } from 'playwright-core';
import { serializeCorsDocument, type CorsConfig } from '../../src/core';
import { startConsoleProcess } from '../lib/console-process';
import type { Figure } from '../lib/report';
import { median, p95, round } from '../lib/stats';

const RULES = 100;
const TARGET = 50;

/** S3's limit of 100 rules, each different so none is shadowed. */
function hundredRules(): CorsConfig {
  return {
    rules: Array.from({ length: RULES }, (_, i) => ({
      id: `rule-${i + 1}`,
      allowedOrigins: [`https://app-${i + 1}.example.com`],
      allowedMethods: ['GET', 'PUT'] as const,
      allowedHeaders: ['content-type'],
      exposeHeaders: ['ETag'],
      maxAgeSeconds: 600,
    })),
  } as CorsConfig;
}

/**
 * Keystrokes in rule 50's origins that alternately break and mend it ("needs a protocol"): from the
 * input event to the validation message appearing or leaving the card in the DOM.
 */
async function validationKeystrokes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const broken = i % 2 === 0;
    times.push(
      await page.evaluate(
        async ({ target, broken }) => {
          const card = document.querySelector(`section[aria-label="Rule ${target}"]`)!;
          const field = [...card.querySelectorAll('label')].find((l) => l.textContent === 'Allowed origins')!;
          const input = document.getElementById(field.htmlFor) as HTMLTextAreaElement;
          const shown = () => card.textContent!.includes('needs a protocol');
          const landed = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (shown() !== broken) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(card, { childList: true, characterData: true, subtree: true });
          });
          const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
          const started = performance.now();
          setValue.call(input, broken ? `app-${target}.example.com` : `https://app-${target}.example.com`);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const at = await landed;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return at - started;
        },
        { target: TARGET, broken },
      ),
    );
  }
  return times;
}

/** Space on rule 50's handle, ArrowUp, then Space: from the dropping keystroke to the new order in the DOM. */
async function keyboardReorder(page: Page, round: number): Promise<number> {
  const position = TARGET - round;
  await page.getByRole('button', { name: `Reorder rule ${position}`, exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByText(`Picked up rule ${position}.`).waitFor();
  // dnd-kit listens for keys only from the task after the pick-up (test/e2e/console.test.ts):
  // on a loaded machine the first arrow can come too early, so it is pressed until announced.
  for (let tries = 0; ; tries++) {
    await page.keyboard.press('ArrowUp');
    try {
      await page.getByText(`Rule ${position} moved to position ${position - 1}.`).waitFor({ timeout: 2_000 });
      break;
    } catch (error) {
      if (tries >= 10) throw error;
    }
  }
  await page.evaluate(({ target, movedId }) => {
    const state = { start: 0, end: 0 };
    (window as unknown as { __reorder: typeof state }).__reorder = state;
    document.addEventListener('keydown', () => (state.start = performance.now()), { capture: true, once: true });
    // The announcement can be gone again before the cards settle, so each is noted when seen.
    let announced = false;
    const observer = new MutationObserver(() => {
      announced ||= document.body.textContent!.includes(`dropped at position ${target - 1}`);
      const heading = document.querySelector(`section[aria-label="Rule ${target - 1}"] h3`);
      if (!announced || !heading?.textContent?.endsWith(`rule-${movedId}`)) return;
      observer.disconnect();
      state.end = performance.now();
    });
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  }, { target: position, movedId: TARGET });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => (window as unknown as { __reorder: { end: number } }).__reorder.end > 0);
  return page.evaluate(() => {
    const { start, end } = (window as unknown as { __reorder: { start: number; end: number } }).__reorder;
    return end - start;
  });
}

export async function measureRuleEditor(browser: Browser): Promise<Figure[]> {
  const app = await startConsoleProcess();
  try {
    await app.storage.signed('PUT', '/hundred-rules');
    const put = await app.storage.signed('PUT', '/hundred-rules?cors', {}, serializeCorsDocument(hundredRules(), 's3-xml'));
    if (put.status !== 200) throw new Error(`Storing 100 rules failed: ${put.status}`);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}/p/local/b/hundred-rules`);
    await page.getByRole('region', { name: `Rule ${RULES}`, exact: true }).waitFor({ timeout: 60_000 });
    // Rules are compact rows: rule 50 is opened for editing, as a person would, the 99 others stay compact.
    await page.getByRole('button', { name: `Edit rule ${TARGET}`, exact: true }).click();
    await page.getByRole('region', { name: `Rule ${TARGET}`, exact: true }).getByLabel('Allowed origins').waitFor();
    const keys = await validationKeystrokes(page);
    await page.getByRole('button', { name: `Close rule ${TARGET}`, exact: true }).click();
    const reorders: number[] = [];
    for (let i = 0; i < 7; i++) reorders.push(await keyboardReorder(page, i));
    await page.close();
    return [
      {
        id: 'editor-validation-keystroke-p95',
        label: 'Rule editor, 100 rules: keystroke to validation, p95',
        value: round(p95(keys)),
        unit: 'ms',
        goal: { op: '<', value: 16 },
        detail: `${keys.length} keystrokes in rule ${TARGET}'s origins, input event to the message in the DOM; median ${round(median(keys))} ms`,
      },
      { id: 'editor-keyboard-reorder', label: 'Rule editor, 100 rules: keyboard reorder settles', value: round(median(reorders)), unit: 'ms', detail: `median of ${reorders.length}, the dropping Space to the new order in the DOM` },
    ];
  } finally {
    await app.stop();
  }
}
