// Quick check (not a benchmark): time from navigation to the first bucket rows for 10 vs 10,000
// buckets, and the latency of a filter keystroke on 10,000, in Debian Chromium against the real
// console and s3rver. Needs `npm run build` first. Usage: node scripts/quick-check-bucket-list.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function startConsole() {
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-quick-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], { env: { ...process.env, PORT: '0', CORS_CONSOLE_DATA: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const ready = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /console ready: (\S+)/.exec(out)?.[1];
      const s3 = /embedded s3rver \(profile "local"\) on (\S+),/.exec(out)?.[1];
      if (url && s3) resolve({ url, s3 });
    });
    child.on('exit', (code) => reject(new Error(`console exited with ${code}`)));
  });
  return { ...ready, stop: async () => { child.kill('SIGINT'); await new Promise((r) => child.on('exit', r)); await rm(dataDir, { recursive: true, force: true }); } };
}

async function createBuckets(s3, count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${s3}/bucket-${String(i).padStart(5, '0')}`, { method: 'PUT' });
      if (res.status !== 200) throw new Error(`create bucket ${i}: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

async function firstRowsMs(browser, url, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(`${url}/p/local`);
    await page.waitForSelector('.bucket-list-scroller a');
    times.push(Date.now() - started);
    await page.close();
  }
  return times;
}

async function filterKeystrokes(browser, url, total) {
  const page = await browser.newPage();
  page.on('crash', () => console.error('the page crashed'));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${url}/p/local`);
  await page.waitForFunction((n) => document.querySelector('[aria-live="polite"]')?.textContent?.startsWith(`${n} buckets`), total, { timeout: 600_000 });
  const input = page.getByLabel('Filter buckets');
  await input.focus();
  const times = [];
  // Every step changes how many buckets match, so the count line shows when it has landed.
  for (const text of ['bucket-0', 'bucket-00', 'bucket-001', 'bucket-0012', 'bucket-00123', 'bucket-0012', 'bucket-001', 'bucket-00', 'bucket-0', '', '9', '99', '999', '9999', '999', '99', '9', '']) {
    times.push(
      await page.evaluate(async (value) => {
        const el = document.querySelector('input[type=search]');
        const status = document.querySelector('[aria-live="polite"]');
        const before = status.textContent;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const started = performance.now();
        setter.call(el, value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        // The keystroke has landed when the list's count has changed and a frame was painted.
        const deadline = started + 5000;
        while (status.textContent === before && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - started;
      }, text),
    );
  }
  await page.close();
  return times;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
const results = {};
for (const count of [10, 10_000]) {
  const app = await startConsole();
  const started = Date.now();
  await createBuckets(app.s3, count);
  console.log(`created ${count} buckets in ${Date.now() - started} ms`);
  results[count] = { firstRows: await firstRowsMs(browser, app.url) };
  if (count === 10_000) results[count].filter = await filterKeystrokes(browser, app.url, count + 3);
  await app.stop();
}
await browser.close();
const small = median(results[10].firstRows);
const large = median(results[10_000].firstRows);
console.log(`first rows, median of 5: 10 buckets ${small} ms, 10,000 buckets ${large} ms, ratio ${(large / small).toFixed(2)}`);
const f = results[10_000].filter;
console.log(`filter keystroke on 10,000 buckets: median ${median(f).toFixed(1)} ms, p95 ${p95(f).toFixed(1)} ms over ${f.length} keystrokes`);
