// One interface for the three browser engines that judge a CORS request for real: Chromium
// (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver
// under Xvfb). Facts and recipes: shared/design/browser-engines.md. The command (src/cli) and,
// later, the console's server run tests through this interface only; each engine's launch, page,
// fetch and teardown live behind it.

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Whether an engine can run on this host, and if not, what to install. */
export type EngineAvailability =
  | { engine: EngineName; available: true; executable: string }
  | { engine: EngineName; available: false; missing: string[]; installCommand: string };

/** A request for a page to send with fetch(); the same shape the console's test pane sends. */
export interface EngineRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** A text body (PUT/POST); none for GET/HEAD/DELETE. */
  body?: string;
  credentials: 'omit' | 'include';
  /** `no-store` for a clean verdict; `default` lets the engine's caches answer (preflight-cache checks). */
  cache: 'no-store' | 'default';
}

/** Chromium's exact reason for a CORS refusal (DevTools `Network.loadingFailed.corsErrorStatus`). */
export interface CorsErrorStatus {
  corsError: string;
  failedParameter: string;
}

/** What the page's script learnt, plus what the engine alone can tell. */
export interface EngineOutcome {
  engine: EngineName;
  /** Script could read the response (CORS allowed it, whatever the status). */
  readable: boolean;
  status?: number;
  /** Response headers script can read, names lowercased. */
  readableHeaders?: Record<string, string>;
  /** fetch()'s rejection text when blocked (`Failed to fetch`, `NetworkError when…`, `Load failed`). */
  error?: string;
  /** Chromium only: the exact CORS failure. Other engines give no more than `error`. */
  corsError?: CorsErrorStatus;
  /** Preflights the engine sent for this request (when the engine can observe them; else absent). */
  preflights?: number;
  ms: number;
}

/** A page open on one origin (the "app" origin the test names); requests run from it. */
export interface EnginePage {
  readonly origin: string;
  fetch(request: EngineRequest, options: { timeoutMs: number }): Promise<EngineOutcome>;
  close(): Promise<void>;
}

/** A launched engine. `open` navigates a fresh page to `pageUrl`, a page served on the app origin. */
export interface Engine {
  readonly name: EngineName;
  /** How many pages can be open at once: WebKitWebDriver refuses a second session ("Maximum number of active sessions"). */
  readonly pagesAtOnce: number;
  open(pageUrl: string, options: { timeoutMs: number }): Promise<EnginePage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  timeoutMs: number;
}
