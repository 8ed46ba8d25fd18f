import type { Browser, Page } from 'playwright-core';
import { createBuckets, startConsoleProcess } from '../lib/console-process';
import type { Figure } from '../lib/report';
import { median, p95, round } from '../lib/stats';

declare global {
  interface Window {
    __firstRowsAt?: number;
  }
}

/** Navigation start to the first bucket row in the DOM, read from the page's own clock. */
async function firstRows(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.bucket-list-scroller a')) {
        window.__firstRowsAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${url}/p/local`);
  await page.waitForFunction(() => window.__firstRowsAt !== undefined, undefined, { timeout: 60_000 });
  const at = await page.evaluate(() => window.__firstRowsAt!);
  await page.close();
  return at;
}

/** Keystrokes in the filter, each from its input event to the list's count line changing in the DOM. */
async function filterKeystrokes(page: Page): Promise<number[]> {
  const steps = ['bucket-0', 'bucket-00', 'bucket-001', 'bucket-0012', 'bucket-00123', 'bucket-0012', 'bucket-001', 'bucket-00', 'bucket-0', '', '9', '99', '999', '9999', '999', '99', '9', ''];
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const value of steps) {
      times.push(
        await page.evaluate(async (text) => {
          const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
          const status = document.querySelector('[aria-live="polite"]')!;
          const before = status.textContent;
          const landed = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (status.textContent === before) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
          });
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const started = performance.now();
          setValue.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const at = await landed;
          // Let the frame paint before the next keystroke, as a typist's pace would.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return at - started;
        }, value),
      );
    }
  }
  return times;
}

const RUNS = 7;

/** First rows for 10 vs 10,000 buckets (ratio), and filter keystrokes on 10,000. */
export async function measureBucketList(browser: Browser, log: (line: string) => void): Promise<Figure[]> {
  const small: number[] = [];
  const large: number[] = [];
  const consoles = await Promise.all([startConsoleProcess(), startConsoleProcess()]);
  const [few, many] = consoles;
  try {
    await createBuckets(few!.storage, 10);
    const started = performance.now();
    await createBuckets(many!.storage, 10_000);
    log(`created 10,000 buckets in ${Math.round(performance.now() - started)} ms`);
    // Alternate the two consoles, so both see the same machine load.
    for (let i = 0; i < RUNS; i++) {
      small.push(await firstRows(browser, few!.url));
      large.push(await firstRows(browser, many!.url));
    }
    const page = await browser.newPage();
    await page.goto(`${many!.url}/p/local`);
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent === '10,003 buckets', undefined, { timeout: 300_000 });
    const keys = await filterKeystrokes(page);
    await page.close();
    return [
      { id: 'first-rows-10', label: 'First rows, 10 buckets', value: round(median(small)), unit: 'ms', detail: `median of ${RUNS}, navigation start to the first row in the DOM` },
      { id: 'first-rows-10000', label: 'First rows, 10,000 buckets', value: round(median(large)), unit: 'ms', detail: `median of ${RUNS}, interleaved with the 10-bucket runs` },
      { id: 'first-rows-ratio', label: 'First rows, 10,000 vs 10 buckets', value: round(median(large) / median(small), 2), unit: '×', goal: { op: '<=', value: 1.3 }, detail: 'ratio of the medians above' },
      { id: 'filter-keystroke-p95', label: 'Filter keystroke, 10,000 buckets, p95', value: round(p95(keys)), unit: 'ms', goal: { op: '<', value: 16 }, detail: `${keys.length} keystrokes, input event to the updated list in the DOM; median ${round(median(keys))} ms` },
    ];
  } finally {
    await Promise.all(consoles.map((c) => c.stop()));
  }
}
