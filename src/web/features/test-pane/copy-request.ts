// "Copy as curl" and "Copy as fetch()": the exact requests a test sent, as text someone can paste
// into a POSIX shell or a browser console. Pure, so the quoting is unit-tested.
import { fetchFromPageText, TEST_TAB_TEXT } from '../../lib/messages';

/** A raw request as the server's probe sent it (see ProbeExchange['request']). */
export interface RawRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  /** The body of an actual PUT or POST. */
  body?: string;
}

/** A fetch() as the page ran it (see performFetch in lib/browser-fetch). */
export interface PageFetch {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  credentials: 'omit' | 'include';
  mode: 'cors' | 'no-cors';
  cache: RequestCache;
  body?: string;
}

/**
 * One word for a POSIX shell: single quotes keep every character as it is, except `'` itself,
 * which closes the quote, is escaped, and reopens it (`'\''`).
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Comment lines above a copied request (`#` for the shell, `//` for JS); none when `notes` is empty. */
function commented(prefix: string, notes: readonly string[], text: string): string {
  return [...notes.map((note) => `${prefix} ${note}`), text].join('\n');
}

/**
 * The probe's request as a curl command: the same method, URL, headers and body. `-i` prints the
 * response headers, which is what CORS is about. curl adds a form Content-Type to a body unless
 * told otherwise, and the probe sends none of its own, so an empty `Content-Type:` removes it.
 */
export function curlCommand(request: RawRequest, notes: readonly string[] = []): string {
  const opening = ['curl', '-i'];
  if (request.method === 'HEAD') opening.push('--head');
  else if (request.method !== 'GET' || request.body !== undefined) opening.push('-X', request.method);
  opening.push(shellQuote(request.url));
  const options = Object.entries(request.headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) {
    if (!Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type')) options.push(`-H ${shellQuote('Content-Type:')}`);
    options.push(`--data-binary ${shellQuote(request.body)}`);
  }
  // One option per line; the shell joins the lines back at each trailing backslash.
  return commented('#', notes, [opening.join(' '), ...options].join(' \\\n  '));
}

/** The page's request as a fetch() call, every value written as a JSON string literal. */
export function fetchCall(request: PageFetch, notes: readonly string[] = []): string {
  const init: string[] = [`  method: ${JSON.stringify(request.method)},`];
  const headers = Object.entries(request.headers);
  if (headers.length) init.push('  headers: {', ...headers.map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`), '  },');
  init.push(`  credentials: ${JSON.stringify(request.credentials)},`, `  mode: ${JSON.stringify(request.mode)},`, `  cache: ${JSON.stringify(request.cache)},`);
  if (request.body !== undefined) init.push(`  body: ${JSON.stringify(request.body)},`);
  return commented('//', notes, `await fetch(${JSON.stringify(request.url)}, {\n${init.join('\n')}\n});`);
}

/** What a test run sent, as the copy actions need it. */
export interface SentRequests {
  /** The page's origin, the URL it fetched and whether that URL is presigned. */
  origin: string;
  url: string;
  presigned: boolean;
  method: string;
  headers: Readonly<Record<string, string>>;
  credentials: 'omit' | 'include';
  /** The body a PUT or POST test sent. */
  body?: string;
}

const presignedNotes = (sent: SentRequests) => (sent.presigned ? [TEST_TAB_TEXT.presignedUrlExpires] : []);

/** "Copy as fetch()": the request the page ran, as performFetch ran it (CORS mode, no cache). */
export function browserFetchText(sent: SentRequests): string {
  const { url, method, headers, credentials, body } = sent;
  return fetchCall({ url, method, headers, credentials, mode: 'cors', cache: 'no-store', ...(body !== undefined ? { body } : {}) }, [fetchFromPageText(sent.origin), ...presignedNotes(sent)]);
}

/** "Copy as curl": one of the probe's raw requests (a preflight has no body; an actual PUT or POST has the test's). */
export function probeCurlText(request: Omit<RawRequest, 'body'>, sent: SentRequests): string {
  const body = request.method === 'PUT' || request.method === 'POST' ? sent.body : undefined;
  return curlCommand({ ...request, ...(body !== undefined ? { body } : {}) }, presignedNotes(sent));
}
