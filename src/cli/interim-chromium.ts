import { existsSync } from 'node:fs';
import { chromium as playwrightChromium, type CDPSession, type Page } from 'playwright-core';
import type { CorsErrorStatus, Engine, EngineAvailability, EngineOutcome, EnginePage, EngineRequest } from '../engines/engine';
import type { EngineDriver, PageRoute } from './engine-drivers';

// A minimal Chromium behind the engine interface, so the command runs before the engines slice's
// three drivers land in src/engines (they replace this file). Debian's Chromium through
// playwright-core; the exact CORS failure from the DevTools protocol
// (Network.loadingFailed.corsErrorStatus, shared/design/browser-engines.md).

const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Each test origin's host and port resolve to the page server's listener: Chromium then sends that origin. */
function hostResolverRules(routes: readonly PageRoute[]): string {
  return routes
    .map(({ origin, port }) => {
      const url = new URL(origin);
      const defaultPort = url.protocol === 'https:' ? '443' : '80';
      return `MAP ${url.hostname}:${url.port || defaultPort} 127.0.0.1:${port}`;
    })
    .join(',');
}

/** The page's own fetch(), as the test pane's performFetch does it (src/web/lib/browser-fetch.ts). */
async function fetchInPage(request: EngineRequest): Promise<Omit<EngineOutcome, 'engine' | 'corsError'>> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      credentials: request.credentials,
      cache: request.cache,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    const readableHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (readableHeaders[name.toLowerCase()] = value));
    await response.arrayBuffer();
    return { readable: true, status: response.status, readableHeaders, ms: ms() };
  } catch (error) {
    return { readable: false, error: error instanceof Error ? error.message : String(error), ms: ms() };
  }
}

interface LoadingFailed {
  requestId: string;
  corsErrorStatus?: CorsErrorStatus;
}

async function openPage(page: Page, session: CDPSession, origin: string): Promise<EnginePage> {
  let failures: CorsErrorStatus[] = [];
  session.on('Network.loadingFailed', (event: LoadingFailed) => {
    if (event.corsErrorStatus) failures.push(event.corsErrorStatus);
  });
  return {
    origin,
    async fetch(request, { timeoutMs }) {
      failures = [];
      const outcome = await Promise.race([
        page.evaluate(fetchInPage, request),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Chromium's fetch did not end in ${timeoutMs} ms`)), timeoutMs).unref()),
      ]);
      // The DevTools event can trail the page's rejection by a moment.
      if (!outcome.readable && failures.length === 0) await page.waitForTimeout(50);
      const corsError = failures.at(-1);
      return { engine: 'chromium', ...outcome, ...(!outcome.readable && corsError ? { corsError } : {}) };
    },
    close: () => page.close(),
  };
}

export const interimChromium: EngineDriver = {
  name: 'chromium',
  availability(): EngineAvailability {
    return existsSync(EXECUTABLE)
      ? { engine: 'chromium', available: true, executable: EXECUTABLE }
      : { engine: 'chromium', available: false, missing: [EXECUTABLE], installCommand: 'sudo apt-get install -y chromium' };
  },
  async launch({ timeoutMs, routes }): Promise<Engine> {
    const rules = hostResolverRules(routes);
    const browser = await playwrightChromium.launch({
      executablePath: EXECUTABLE,
      headless: true,
      timeout: timeoutMs,
      args: [...ARGS, ...(rules ? [`--host-resolver-rules=${rules}`] : [])],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    return {
      name: 'chromium',
      async open(pageUrl, { timeoutMs: openTimeout }) {
        const page = await context.newPage();
        const session = await context.newCDPSession(page);
        await session.send('Network.enable');
        await page.goto(pageUrl, { timeout: openTimeout });
        return openPage(page, session, new URL(pageUrl).origin);
      },
      close: () => browser.close(),
    };
  },
};
