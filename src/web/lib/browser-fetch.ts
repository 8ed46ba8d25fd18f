// The one way the console sends a test request from a browser page: used by the test pane on the
// console's own origin and by the harness page on the second origin, so both judge alike.

/** A request to send with fetch(); everything in it survives postMessage's structured clone. */
export interface FetchSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** A text or file body (PUT), or a form upload (POST policy): fields first, the file last. */
  body?: string | Blob;
  form?: { fields: Record<string, string>; file: Blob; fileName: string };
  credentials: 'omit' | 'include';
  /** `no-store` for a clean verdict; `default` lets the browser cache answer (the cache demo). */
  cache: RequestCache;
  /** `cors` (default); `no-cors` sends no Origin on a GET, as an `<img>` without `crossorigin` does. */
  mode?: 'cors' | 'no-cors';
}

/** What script on the page could learn: a CORS-blocked response is an opaque TypeError. */
export interface FetchOutcome {
  /** The browser let script read the response (CORS allowed it, whatever the status). */
  readable: boolean;
  /** A `no-cors` request completed: the page may use the response (an image) but script sees nothing. */
  opaque?: boolean;
  status?: number;
  /** Response headers script can read, names lowercased. */
  readableHeaders?: Record<string, string>;
  bodyBytes?: number;
  /** The browser's own error message when it blocked the request (or the network failed). */
  error?: string;
  ms: number;
}

function bodyOf(spec: FetchSpec): BodyInit | undefined {
  if (spec.form) {
    const form = new FormData();
    for (const [name, value] of Object.entries(spec.form.fields)) form.append(name, value);
    form.append('file', spec.form.file, spec.form.fileName);
    return form;
  }
  return spec.body;
}

export async function performFetch(spec: FetchSpec): Promise<FetchOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const body = bodyOf(spec);
    const response = await fetch(spec.url, { method: spec.method, headers: spec.headers, credentials: spec.credentials, mode: spec.mode ?? 'cors', cache: spec.cache, ...(body !== undefined ? { body } : {}) });
    if (response.type === 'opaque') return { readable: false, opaque: true, ms: ms() };
    const readableHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (readableHeaders[name.toLowerCase()] = value));
    const bodyBytes = (await response.arrayBuffer()).byteLength;
    return { readable: true, status: response.status, readableHeaders, bodyBytes, ms: ms() };
  } catch (error) {
    // The browser tells script nothing more than this; the probe and the prediction explain why.
    return { readable: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms: ms() };
  }
}

// The harness's postMessage protocol.
export const HARNESS_READY = 'cors-console:harness-ready';
/** Asks the harness to say it is ready (its first `ready` may have come before anyone listened). */
export const HARNESS_PING = 'cors-console:harness-ping';
export const HARNESS_RUN = 'cors-console:harness-run';
export const HARNESS_RESULT = 'cors-console:harness-result';

export interface HarnessRun {
  type: typeof HARNESS_RUN;
  id: string;
  spec: FetchSpec;
}

export interface HarnessResult {
  type: typeof HARNESS_RESULT;
  id: string;
  outcome: FetchOutcome;
}

export function isHarnessRun(data: unknown): data is HarnessRun {
  const run = data as Partial<HarnessRun> | null;
  return typeof run === 'object' && run !== null && run.type === HARNESS_RUN && typeof run.id === 'string' && typeof run.spec?.url === 'string';
}

export function isHarnessResult(data: unknown): data is HarnessResult {
  const result = data as Partial<HarnessResult> | null;
  return typeof result === 'object' && result !== null && result.type === HARNESS_RESULT && typeof result.id === 'string' && typeof result.outcome?.readable === 'boolean';
}
