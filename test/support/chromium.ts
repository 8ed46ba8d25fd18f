import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING_MESSAGE =
  `Chromium was not found at ${CHROMIUM_PATH}; the browser tests need it and are never skipped.\n` +
  'Install it with: sudo apt-get update && sudo apt-get install -y chromium\n' +
  '(or point CHROMIUM_PATH at a Chromium binary).';

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING_MESSAGE);
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// closed network refuses.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh, throw-away user-data dir; `bypassCSP` only for the accessibility suite (test/support/axe.ts says why). */
export async function launchChromium({ bypassCSP = false }: { bypassCSP?: boolean } = {}): Promise<Browser> {
  assertChromiumInstalled();
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-console-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, bypassCSP });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
