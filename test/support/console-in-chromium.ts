import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium, type Browser } from './chromium';
import { SHOTS } from './console-page';
import { startTestConsole } from './console-server';
import { useStorageBackend, type BackendName } from './storage-backends';

export type TestConsole = Awaited<ReturnType<typeof startTestConsole>>;

/**
 * For a browser suite on one storage backend: the backend, one console on it and one Chromium for
 * the enclosing describe block, and a fresh page per test (one at a time: a page left open
 * behind another loses keyboard focus). `session` holds the live objects once the hooks ran.
 */
export function useConsoleInChromium(backend: BackendName, viewport = { width: 1280, height: 1000 }, browserOptions: Parameters<typeof launchChromium>[0] = {}) {
  const storage = useStorageBackend(backend);
  const session = {} as { app: TestConsole; browser: Browser; page: Page };
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [session.app, session.browser] = await Promise.all([startTestConsole(storage.current), launchChromium(browserOptions)]);
  });
  beforeEach(async () => {
    session.page = await session.browser.context.newPage();
    await session.page.setViewportSize(viewport);
  });
  afterEach(async () => {
    await session.page?.close();
  });
  afterAll(async () => {
    await Promise.all([session.browser?.close(), session.app?.stop()]);
  });
  return { storage, session, shot: (name: string) => `${SHOTS}/${backend}-${name}.png` };
}
