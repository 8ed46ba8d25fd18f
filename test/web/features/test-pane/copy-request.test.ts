import { execFileSync } from 'node:child_process';
import { curlCommand, fetchCall, shellQuote } from '../../../../src/web/features/test-pane/copy-request';

// "Copy as curl" and "Copy as fetch()": the strings are run for real, by /bin/sh and by a JS
// function, and must hand over exactly the request the test sent, whatever the values contain.

/** The words /bin/sh makes of a curl command, with `curl` swapped for a printer of its arguments. */
function shellWords(command: string): string[] {
  const script = command.replace(/^curl /m, `printf '%s\\0' `);
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

/** What a fetch() snippet calls fetch with, run with a recording fetch. */
async function fetchArguments(snippet: string): Promise<[string, RequestInit]> {
  let seen: [string, RequestInit] | undefined;
  const run = new Function('fetch', `return (async () => { ${snippet} })();`) as (fetch: (url: string, init: RequestInit) => Promise<void>) => Promise<void>;
  await run(async (url, init) => void (seen = [url, init]));
  return seen!;
}

const AWKWARD = `it's "quoted" $HOME \`id\` \\ back; echo no`;

describe('shellQuote', () => {
  it('single-quotes a word and escapes the single quotes inside', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellWords(`curl ${shellQuote(AWKWARD)} ${shellQuote('')}`)).toEqual([AWKWARD, '']);
  });
});

describe('curlCommand', () => {
  it('sends a preflight as OPTIONS with the Origin and Access-Control-Request-* headers, one option a line', () => {
    const command = curlCommand({
      method: 'OPTIONS',
      url: 'http://127.0.0.1:9000/b/test.txt',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-app-trace' },
    });
    expect(command).toBe(
      [
        "curl -i -X OPTIONS 'http://127.0.0.1:9000/b/test.txt' \\",
        "  -H 'origin: http://127.0.0.1:5173' \\",
        "  -H 'access-control-request-method: PUT' \\",
        "  -H 'access-control-request-headers: content-type,x-app-trace'",
      ].join('\n'),
    );
    expect(shellWords(command)).toEqual([
      '-i',
      '-X',
      'OPTIONS',
      'http://127.0.0.1:9000/b/test.txt',
      '-H',
      'origin: http://127.0.0.1:5173',
      '-H',
      'access-control-request-method: PUT',
      '-H',
      'access-control-request-headers: content-type,x-app-trace',
    ]);
  });

  it('sends a GET without -X and a HEAD with --head', () => {
    expect(curlCommand({ method: 'GET', url: 'http://s3/b/k', headers: {} })).toBe("curl -i 'http://s3/b/k'");
    expect(curlCommand({ method: 'HEAD', url: 'http://s3/b/k', headers: {} })).toBe("curl -i --head 'http://s3/b/k'");
  });

  it('keeps a body byte for byte, quotes, dollars and the trailing line break included, and removes the form Content-Type curl would add', () => {
    const body = `${AWKWARD}\n`;
    const words = shellWords(curlCommand({ method: 'PUT', url: "http://s3/b/it's?X-Amz-Signature=abc&a=1", headers: { origin: 'http://app', 'x-note': AWKWARD }, body }));
    expect(words).toEqual(['-i', '-X', 'PUT', "http://s3/b/it's?X-Amz-Signature=abc&a=1", '-H', 'origin: http://app', '-H', `x-note: ${AWKWARD}`, '-H', 'Content-Type:', '--data-binary', body]);
    const typed = shellWords(curlCommand({ method: 'POST', url: 'http://s3/b/k', headers: { 'Content-Type': 'text/plain' }, body: '' }));
    expect(typed).toEqual(['-i', '-X', 'POST', 'http://s3/b/k', '-H', 'Content-Type: text/plain', '--data-binary', '']);
  });

  it('puts notes first, as shell comments', () => {
    const command = curlCommand({ method: 'GET', url: 'http://s3/b/k', headers: {} }, ['The URL is presigned: it expires.']);
    expect(command).toBe("# The URL is presigned: it expires.\ncurl -i 'http://s3/b/k'");
    expect(shellWords(command)).toEqual(['-i', 'http://s3/b/k']);
  });
});

describe('fetchCall', () => {
  it('writes the exact fetch the page runs: method, headers, credentials, mode, cache and body, every value a JSON string', async () => {
    const snippet = fetchCall({ url: 'http://s3/b/k?a="1"', method: 'PUT', headers: { 'Content-Type': 'application/json', 'x-note': AWKWARD }, credentials: 'include', mode: 'cors', cache: 'no-store', body: `{"a":"it's"}\n` }, [
      'From a page on http://app',
    ]);
    expect(snippet.split('\n')[0]).toBe('// From a page on http://app');
    expect(snippet).toContain('  credentials: "include",\n  mode: "cors",\n  cache: "no-store",\n');
    expect(await fetchArguments(snippet)).toEqual([
      'http://s3/b/k?a="1"',
      { method: 'PUT', headers: { 'Content-Type': 'application/json', 'x-note': AWKWARD }, credentials: 'include', mode: 'cors', cache: 'no-store', body: `{"a":"it's"}\n` },
    ]);
  });

  it('leaves out headers and body when the request has none', async () => {
    const snippet = fetchCall({ url: 'http://s3/b/k', method: 'GET', headers: {}, credentials: 'omit', mode: 'cors', cache: 'no-store' });
    expect(snippet).toBe('await fetch("http://s3/b/k", {\n  method: "GET",\n  credentials: "omit",\n  mode: "cors",\n  cache: "no-store",\n});');
    expect(await fetchArguments(snippet)).toEqual(['http://s3/b/k', { method: 'GET', credentials: 'omit', mode: 'cors', cache: 'no-store' }]);
  });
});
