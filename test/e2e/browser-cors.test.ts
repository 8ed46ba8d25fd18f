import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blockText, headerReadability, predictBrowserFetch, serializeCorsDocument } from '../../src/core';
import { browserCases, expectedOn, type BrowserCase } from '../fixtures/browser-cases';
import { launchChromium, type Browser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { useStorageBackend, WITH_EMBEDDED_STORE } from '../support/storage-backends';

// Real Chromium, real storage (s3rver, Ceph RGW, and the embedded store behind its gate): a page on one loopback origin fetch()es
// objects on another port, and the browser's own verdict must equal the core's prediction.

interface Outcome {
  allowed: boolean;
  status?: number;
  etagReadable?: boolean;
  error?: string;
}

async function fetchFromPage(page: Page, url: string, c: BrowserCase): Promise<Outcome> {
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

describe.each(WITH_EMBEDDED_STORE)('the browser agrees with the core about %s', (backend) => {
  const storage = useStorageBackend(backend);
  let browser: Browser;
  let pageServer: PageServer;
  let otherServer: PageServer;
  let page: Page;

  beforeAll(async () => {
    [browser, pageServer, otherServer] = await Promise.all([launchChromium(), startPageServer('page'), startPageServer('other')]);
    page = await browser.context.newPage();
    await page.goto(`${pageServer.origin}/`);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), pageServer?.stop(), otherServer?.stop()]);
  });

  it('covers at least 10 configurations', () => {
    expect(browserCases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(browserCases.map((c, index) => ({ ...c, index })))('$name', async (c) => {
    const origins = { page: pageServer.origin, other: otherServer.origin };
    const config = c.config(origins);
    // One bucket per case: Chromium caches preflights per URL, so cases must not share one.
    const bucket = `browser-${c.index}`;
    const key = c.key ?? 'test.txt';
    await storage.current.createBucket(bucket);
    await storage.current.putObject(bucket, 'test.txt', 'hello');
    if (config) expect((await storage.current.putCors(bucket, serializeCorsDocument(config, 's3-xml'))).status).toBe(200);

    const outcome = await fetchFromPage(page, `${storage.current.endpoint}/${bucket}/${key}`, c);
    const prediction = predictBrowserFetch(
      config,
      { origin: pageServer.origin, method: c.method, headers: c.headers ?? {}, ...(c.credentials ? { credentials: c.credentials } : {}) },
      storage.current.dialect,
    );

    expect(outcome.allowed, `browser: ${outcome.error ?? outcome.status}; core: ${prediction.blockedBy ? blockText(prediction.blockedBy) : 'allowed'}`).toBe(prediction.allowed);
    // The embedded store is s3rver behind the gate: it answers reads and preflights as s3rver does.
    expect(outcome.allowed ? 'allowed' : 'blocked').toBe(expectedOn(c, backend === 'embedded' ? 's3rver' : backend));
    if (outcome.allowed) expect(outcome.etagReadable).toBe(headerReadability(prediction, ['etag']).readable.length === 1);
  });
});
