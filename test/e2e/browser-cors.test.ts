import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { predictBrowserFetch, serializeCorsDocument } from '../../src/core';
import { browserCases, type BrowserCase } from '../fixtures/browser-cases';
import { launchChromium, type Browser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { startLocalS3, type LocalS3 } from '../support/s3rver';

// Real Chromium, real s3rver: a page on one loopback origin fetch()es objects on another port,
// and the browser's own verdict must equal the core's prediction.

let s3: LocalS3;
let browser: Browser;
let pageServer: PageServer;
let otherServer: PageServer;
let page: Page;

interface Outcome {
  allowed: boolean;
  status?: number;
  etagReadable?: boolean;
  error?: string;
}

async function fetchFromPage(url: string, c: BrowserCase): Promise<Outcome> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, { ...init, mode: 'cors', cache: 'no-store' });
        return { allowed: true, status: response.status, etagReadable: response.headers.get('etag') !== null };
      } catch (e) {
        return { allowed: false, error: String(e) };
      }
    },
    { url, init: { method: c.method, headers: c.headers ?? {}, credentials: c.credentials ?? 'same-origin', ...(c.body !== undefined ? { body: c.body } : {}) } },
  );
}

beforeAll(async () => {
  [s3, browser, pageServer, otherServer] = await Promise.all([startLocalS3(), launchChromium(), startPageServer('page'), startPageServer('other')]);
  page = await browser.context.newPage();
  await page.goto(`${pageServer.origin}/`);
});

afterAll(async () => {
  await Promise.all([browser?.close(), s3?.stop(), pageServer?.stop(), otherServer?.stop()]);
});

describe('the browser agrees with the core about s3rver', () => {
  it('covers at least 10 configurations', () => {
    expect(browserCases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(browserCases.map((c, index) => ({ ...c, index })))('$name', async (c) => {
    const origins = { page: pageServer.origin, other: otherServer.origin };
    const config = c.config(origins);
    // One bucket per case: Chromium caches preflights per URL, so cases must not share one.
    const bucket = `browser-${c.index}`;
    const key = c.key ?? 'test.txt';
    await s3.createBucket(bucket);
    await s3.putObject(bucket, 'test.txt', 'hello');
    if (config) expect((await s3.putCors(bucket, serializeCorsDocument(config, 's3-xml'))).status).toBe(200);

    const outcome = await fetchFromPage(`${s3.endpoint}/${bucket}/${key}`, c);
    const prediction = predictBrowserFetch(
      config,
      { origin: pageServer.origin, method: c.method, headers: c.headers ?? {}, ...(c.credentials ? { credentials: c.credentials } : {}) },
      's3rver',
    );

    expect(outcome.allowed, `browser: ${outcome.error ?? outcome.status}; core: ${prediction.blockedBy?.message ?? 'allowed'}`).toBe(prediction.allowed);
    expect(outcome.allowed ? 'allowed' : 'blocked').toBe(c.expected);
    if (outcome.allowed) expect(outcome.etagReadable).toBe(prediction.exposedHeaders.includes('etag'));
  });
});
