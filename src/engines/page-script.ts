// The fetch() a page runs for a test, as plain JavaScript source, so every engine runs the same
// code whatever its driver (Playwright and Puppeteer evaluate a function, WebDriver a script body).
import type { EngineRequest } from './engine';

/** What the page reports back; `timedOut` is an infrastructure failure, not a verdict. */
export interface PageFetchResult {
  readable: boolean;
  status?: number;
  headers?: Record<string, string>;
  error?: string;
  timedOut?: boolean;
  ms: number;
}

export interface PageFetchInput extends EngineRequest {
  timeoutMs: number;
}

/**
 * An async function expression of one argument (a PageFetchInput). Only headers the engine lets
 * script read appear in `headers`, since `Response.headers` is CORS-filtered.
 */
export const PAGE_FETCH_FUNCTION = `async (input) => {
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, input.timeoutMs);
  try {
    const init = { method: input.method, headers: input.headers, credentials: input.credentials, cache: input.cache, mode: 'cors', signal: controller.signal };
    if (input.body !== undefined) init.body = input.body;
    const response = await fetch(input.url, init);
    const headers = {};
    response.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
    await response.arrayBuffer();
    return { readable: true, status: response.status, headers, ms: performance.now() - started };
  } catch (error) {
    return { readable: false, error: String(error && error.message || error), timedOut, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}`;

/** A WebDriver "execute async script" body: the last argument is the callback. */
export const WEBDRIVER_FETCH_SCRIPT = `const done = arguments[arguments.length - 1];
(${PAGE_FETCH_FUNCTION})(arguments[0]).then(done, (error) => done({ readable: false, error: String(error), ms: 0 }));`;

export class EngineTimeoutError extends Error {}
