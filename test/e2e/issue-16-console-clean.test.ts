import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { rule } from '../support/builders';
import { collectConsoleProblems } from '../support/console-messages';
import { arrangeBucket } from '../support/console-page';
import { useConsoleInChromium, type TestConsole } from '../support/console-in-chromium';
import { STORAGE_BACKENDS } from '../support/storage-backends';
import { fillRequest, openTestTab, testCors } from '../support/test-pane-page';

// Issue 16, item 6: every bucket page logged a CSP error (the harness's frame-ancestors named
// http://[::1]:PORT, which no CSP source can express) and two postMessage warnings (the harness
// announced itself to every console origin, not only its parent's). Under the console's real CSP,
// from each loopback name the console answers to, a bucket page, its Test tab with a run through
// the harness, and its History log nothing.

describe.each(STORAGE_BACKENDS)('on %s', (backend) => {
  const { storage, session } = useConsoleInChromium(backend, { width: 1440, height: 900 });
  let app: TestConsole;
  let page: Page;

  beforeEach(() => {
    ({ app, page } = session);
  });

  it('bucket pages, a Test CORS run through the harness, and History log no error or warning, at 127.0.0.1 and at localhost', async () => {
    const bucket = `clean-${backend}`;
    const { problems } = collectConsoleProblems(page);
    const port = new URL(app.url).port;
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    await arrangeBucket(storage.current, bucket, { rules: [rule({ allowedOrigins: [...origins, app.harnessUrl], exposeHeaders: ['ETag'] })] });
    for (const origin of origins) {
      const at = { url: origin, profileId: app.profileId };
      await page.goto(`${origin}/p/${app.profileId}/b/${bucket}`);
      await page.getByRole('region', { name: /^Rule 1\b/ }).waitFor({ timeout: 30_000 });
      await openTestTab(page, at, bucket);
      await fillRequest(page, { from: 'harness', mustRead: 'ETag' });
      expect((await testCors(page)).level).toBe('allowed');
      await page.goto(`${origin}/p/${app.profileId}/b/${bucket}/history`);
      await page.getByRole('heading', { name: 'History' }).or(page.getByRole('heading', { level: 3 })).first().waitFor({ timeout: 30_000 });
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
