// Chromium through playwright-core and Debian's /usr/bin/chromium. A DevTools session per page
// reads what only Chromium tells: the exact CORS failure (`Network.loadingFailed.corsErrorStatus`)
// and the preflights it sends (requests whose initiator is of type `preflight`).
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { engineBinaries } from './availability';
import type { CorsErrorStatus, Engine, EngineOutcome, EnginePage, EngineRequest, LaunchOptions } from './engine';
import { pageFetchExpression, type PageFetchResult } from './page-script';
import { closeThenKill, killMarked, markedEnvironment, rememberMarker } from './processes';
import { outcomeOf } from './outcome';

// Without the background-networking flags Chromium keeps dialling Google's hosts.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

interface NetworkEvents {
  urls: Map<string, string>;
  failures: Map<string, CorsErrorStatus>;
  preflights: { requestId: string; url: string }[];
}

/** How long to wait for the DevTools event that names a refusal after fetch() rejected. */
const CORS_ERROR_GRACE_MS = 2_000;

class ChromiumPage implements EnginePage {
  constructor(
    readonly origin: string,
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly events: NetworkEvents,
  ) {}

  async fetch(request: EngineRequest, options: { timeoutMs: number }): Promise<EngineOutcome> {
    this.events.preflights.length = 0;
    const seenBefore = new Set(this.events.urls.keys());
    const result = await this.page.evaluate(pageFetchExpression(request, options.timeoutMs)) as PageFetchResult;
    const preflights = this.events.preflights.filter((preflight) => preflight.url === request.url).length;
    let corsError: CorsErrorStatus | undefined;
    if (!result.readable && !result.timedOut) corsError = await this.corsErrorFor(request.url, seenBefore);
    return { ...outcomeOf('chromium', result, options.timeoutMs), ...(corsError ? { corsError } : {}), preflights };
  }

  /** The corsErrorStatus of this fetch's request (not a preflight), waiting briefly for the event. */
  private async corsErrorFor(url: string, seenBefore: Set<string>): Promise<CorsErrorStatus | undefined> {
    const deadline = Date.now() + CORS_ERROR_GRACE_MS;
    for (;;) {
      for (const [requestId, failure] of this.events.failures) {
        if (!seenBefore.has(requestId) && this.events.urls.get(requestId) === url) return failure;
      }
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.context.close();
  }
}

class ChromiumEngine implements Engine {
  readonly name = 'chromium' as const;
  readonly pagesAtOnce = Infinity;

  constructor(
    private readonly browser: Browser,
    private readonly marker: string,
    private readonly permissions: readonly string[],
  ) {
    rememberMarker(this, marker);
  }

  async open(pageUrl: string, options: { timeoutMs: number }): Promise<EnginePage> {
    const context = await this.browser.newContext();
    try {
      if (this.permissions.length) await context.grantPermissions([...this.permissions]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const events: NetworkEvents = { urls: new Map(), failures: new Map(), preflights: [] };
      cdp.on('Network.requestWillBeSent', (event) => {
        if (event.initiator.type === 'preflight' || event.type === 'Preflight') events.preflights.push({ requestId: event.requestId, url: event.request.url });
        else events.urls.set(event.requestId, event.request.url);
      });
      cdp.on('Network.loadingFailed', (event) => {
        if (event.corsErrorStatus) events.failures.set(event.requestId, { corsError: event.corsErrorStatus.corsError, failedParameter: event.corsErrorStatus.failedParameter });
      });
      await cdp.send('Network.enable');
      await page.goto(pageUrl, { timeout: options.timeoutMs, waitUntil: 'load' });
      return new ChromiumPage(new URL(pageUrl).origin, context, page, cdp, events);
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await closeThenKill(() => this.browser.close(), this.marker);
  }
}

/** Extra options Chromium alone takes (e.g. `--ip-address-space-overrides` for Local Network Access). */
export interface ChromiumLaunchOptions extends LaunchOptions {
  args?: string[];
  /** Permissions every page is granted, as if the user had said yes (e.g. `local-network-access`). */
  permissions?: string[];
}

export async function launchChromium(options: ChromiumLaunchOptions): Promise<Engine> {
  const { marker, env } = markedEnvironment();
  try {
    const browser = await chromium.launch({
      executablePath: engineBinaries('chromium')[0]!.path,
      headless: true,
      args: [...ARGS, ...(options.args ?? [])],
      env,
      timeout: options.timeoutMs,
    });
    return new ChromiumEngine(browser, marker, options.permissions ?? []);
  } catch (error) {
    await killMarked(marker);
    throw error;
  }
}
