// WebKitGTK through WebKitWebDriver (Debian's webkit2gtk-driver) spoken to over plain W3C WebDriver
// HTTP, driving MiniBrowser, which has no headless mode: it runs on an Xvfb display this engine
// starts itself. WebKit tells no more than the page sees (`Load failed`): its verdict only.
// Capabilities and recipe: shared/design/browser-engines.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { engineBinaries, miniBrowserPath } from './availability';
import type { Engine, EngineOutcome, EnginePage, EngineRequest, LaunchOptions } from './engine';
import { outcomeOf } from './outcome';
import { WEBDRIVER_FETCH_SCRIPT, type PageFetchInput, type PageFetchResult } from './page-script';
import { killMarked, markedEnvironment, rememberMarker } from './processes';

/** A WebDriver endpoint answering JSON; errors carry the WebDriver error code and message. */
class WebDriverClient {
  constructor(private readonly base: string) {}

  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, timeoutMs: number): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${payload.value.error ?? response.status} ${payload.value.message ?? ''}`.trim());
    return payload.value;
  }
}

class WebKitPage implements EnginePage {
  private closed = false;

  constructor(
    readonly origin: string,
    private readonly driver: WebDriverClient,
    private readonly sessionId: string,
    private readonly onClose: (page: WebKitPage) => void,
  ) {}

  async fetch(request: EngineRequest, options: { timeoutMs: number }): Promise<EngineOutcome> {
    const input: PageFetchInput = { ...request, timeoutMs: options.timeoutMs };
    // The WebDriver script timeout is set above the page's own, so the page reports a timeout first.
    const result = await this.driver.call<PageFetchResult>('POST', `/session/${this.sessionId}/execute/async`, { script: WEBDRIVER_FETCH_SCRIPT, args: [input] }, options.timeoutMs + 10_000);
    return outcomeOf('webkit', result, options.timeoutMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    await this.driver.call('DELETE', `/session/${this.sessionId}`, undefined, 30_000);
  }
}

/** Extra options WebKit alone takes: MiniBrowser's own command-line arguments (e.g. `--proxy`). */
export interface WebKitLaunchOptions extends LaunchOptions {
  browserArgs?: string[];
}

class WebKitEngine implements Engine {
  readonly name = 'webkit' as const;
  // Each page is a WebDriver session, and WebKitWebDriver runs one at a time.
  readonly pagesAtOnce = 1;
  private readonly pages = new Set<WebKitPage>();

  constructor(
    private readonly browserArgs: readonly string[],
    private readonly driver: WebDriverClient,
    private readonly processes: ChildProcess[],
    private readonly marker: string,
  ) {
    rememberMarker(this, marker);
  }

  /** Each page is its own WebDriver session, so its own MiniBrowser (and preflight cache). */
  async open(pageUrl: string, options: { timeoutMs: number }): Promise<EnginePage> {
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation', ...this.browserArgs] },
    };
    const session = await this.driver.call<{ sessionId: string }>('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, options.timeoutMs);
    const page = new WebKitPage(new URL(pageUrl).origin, this.driver, session.sessionId, (closed) => this.pages.delete(closed));
    this.pages.add(page);
    try {
      await this.driver.call('POST', `/session/${session.sessionId}/timeouts`, { script: 600_000, pageLoad: options.timeoutMs }, options.timeoutMs);
      await this.driver.call('POST', `/session/${session.sessionId}/url`, { url: pageUrl }, options.timeoutMs);
      // MiniBrowser shows its own error page (origin "null") for a page that cannot load, and
      // WebDriver reports the navigation as done: a dead harness must be an error here too.
      const origin = await this.driver.call<string>('POST', `/session/${session.sessionId}/execute/sync`, { script: 'return location.origin', args: [] }, options.timeoutMs);
      if (origin !== page.origin) throw new Error(`webkit: the page ${pageUrl} cannot be opened (MiniBrowser shows ${origin === 'null' ? 'its error page' : origin})`);
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      await Promise.allSettled([...this.pages].map((page) => page.close()));
    } finally {
      for (const child of this.processes) killGroup(child);
      await killMarked(this.marker);
    }
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** An X display number Xvfb chose itself (`-displayfd`), so parallel runs never collide. */
async function startXvfb(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ child: ChildProcess; display: string }> {
  const xvfb = engineBinaries('webkit').find((binary) => binary.debianPackage === 'xvfb')!.path;
  const child = spawn(xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not report a display within ${timeoutMs} ms: ${errors.trim()}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-2_000);
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${output.trim()}`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before reporting a display: ${errors.trim()}`));
    });
  });
  return { child, display };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForDriver(driver: WebDriverClient, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) while starting`);
    try {
      const status = await driver.call<{ ready?: boolean }>('GET', '/status', undefined, 2_000);
      if (status.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchWebKit(options: WebKitLaunchOptions): Promise<Engine> {
  const { marker, env } = markedEnvironment();
  const children: ChildProcess[] = [];
  try {
    const xvfb = await startXvfb(env, options.timeoutMs);
    children.push(xvfb.child);
    const displayEnv: NodeJS.ProcessEnv = { ...env, DISPLAY: xvfb.display };
    delete displayEnv['WAYLAND_DISPLAY'];
    const port = await freePort();
    const driverPath = engineBinaries('webkit')[0]!.path;
    const driverProcess = spawn(driverPath, [`--port=${port}`, '--host=127.0.0.1'], { env: displayEnv, detached: true, stdio: 'ignore' });
    children.push(driverProcess);
    const driver = new WebDriverClient(`http://127.0.0.1:${port}`);
    await waitForDriver(driver, driverProcess, options.timeoutMs);
    return new WebKitEngine(options.browserArgs ?? [], driver, children, marker);
  } catch (error) {
    for (const child of children) killGroup(child);
    await killMarked(marker);
    throw error;
  }
}
