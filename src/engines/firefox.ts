// Firefox ESR through puppeteer-core over WebDriver BiDi with Debian's /usr/bin/firefox-esr
// (Playwright needs its own patched Firefox; Debian 12 has no geckodriver). Firefox tells no more
// than the page sees (`NetworkError when attempting to fetch resource.`): its verdict only.
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { engineBinaries } from './availability';
import type { Engine, EngineOutcome, EnginePage, EngineRequest, LaunchOptions } from './engine';
import { outcomeOf } from './outcome';
import { pageFetchExpression, type PageFetchResult } from './page-script';
import { closeThenKill, killMarked, markedEnvironment, rememberMarker } from './processes';

// A closed network: no update checks, telemetry, captive-portal or safe-browsing calls.
const PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
};

class FirefoxPage implements EnginePage {
  constructor(
    readonly origin: string,
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  async fetch(request: EngineRequest, options: { timeoutMs: number }): Promise<EngineOutcome> {
    const result = await this.page.evaluate(pageFetchExpression(request, options.timeoutMs)) as PageFetchResult;
    return outcomeOf('firefox', result, options.timeoutMs);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

class FirefoxEngine implements Engine {
  readonly name = 'firefox' as const;
  readonly pagesAtOnce = Infinity;

  constructor(
    private readonly browser: Browser,
    private readonly marker: string,
  ) {
    rememberMarker(this, marker);
  }

  async open(pageUrl: string, options: { timeoutMs: number }): Promise<EnginePage> {
    const context = await this.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(pageUrl, { timeout: options.timeoutMs, waitUntil: 'load' });
      return new FirefoxPage(new URL(pageUrl).origin, context, page);
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await closeThenKill(() => this.browser.close(), this.marker);
  }
}

/** Extra options Firefox alone takes: preferences (e.g. a proxy for test origins) and whether to accept any certificate. */
export interface FirefoxLaunchOptions extends LaunchOptions {
  prefs?: Record<string, unknown>;
  acceptInsecureCerts?: boolean;
}

export async function launchFirefox(options: FirefoxLaunchOptions): Promise<Engine> {
  const { marker, env } = markedEnvironment();
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: engineBinaries('firefox')[0]!.path,
      headless: true,
      env,
      timeout: options.timeoutMs,
      protocolTimeout: options.timeoutMs,
      extraPrefsFirefox: { ...PREFS, ...options.prefs },
      ...(options.acceptInsecureCerts ? { acceptInsecureCerts: true } : {}),
    });
    return new FirefoxEngine(browser, marker);
  } catch (error) {
    await killMarked(marker);
    throw error;
  }
}
