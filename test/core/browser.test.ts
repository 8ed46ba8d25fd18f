import { describe, expect, it } from 'vitest';
import type { BrowserRequest, BrowserRequestClass, RequestReason } from '../../src/core/browser';
import {
  SAFELISTED_RESPONSE_HEADERS,
  classifyBrowserRequest,
  isCorsSafelistedMethod,
  isCorsSafelistedRequestHeader,
  readableResponseHeaders,
} from '../../src/core/browser';

const A120 = 'a'.repeat(120);
const NORMALIZED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const SAFE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Nine header-name spellings of Accept: `new Headers(record)` appends each as its own entry. */
function acceptVariants(count: number, value: string): Record<string, string> {
  const names = ['accept', 'Accept', 'ACCEPT', 'aCCEPT', 'AcCePt', 'aCcEpT', 'ACcept', 'acCEPT', 'accEPT', 'AccePT'];
  return Object.fromEntries(names.slice(0, count).map((name) => [name, value]));
}

interface ClassifyCase {
  title: string;
  request: BrowserRequest;
  /** The fields checked; `preflightHeaders` absent here means it must be absent from the result. */
  expected: Omit<BrowserRequestClass, 'reasons' | 'droppedHeaders' | 'sendsCredentials' | 'refused'> &
    Partial<Pick<BrowserRequestClass, 'droppedHeaders' | 'sendsCredentials' | 'refused'>>;
}

const classifyCases: ClassifyCase[] = [
  {
    title: 'sends a GET without headers directly',
    request: { method: 'GET', headers: {} },
    expected: { method: 'GET', preflight: false, unsafeHeaders: [] },
  },
  {
    title: 'upper-cases a lower-case post and keeps it simple',
    request: { method: 'post', headers: { 'Content-Type': 'text/plain' } },
    expected: { method: 'POST', preflight: false, unsafeHeaders: [] },
  },
  {
    title: 'upper-cases a lower-case put and preflights it',
    request: { method: 'put', headers: {} },
    expected: { method: 'PUT', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'PUT' } },
  },
  {
    title: 'keeps a lower-case patch verbatim in Access-Control-Request-Method',
    request: { method: 'patch', headers: {} },
    expected: { method: 'patch', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'patch' } },
  },
  {
    title: 'keeps PATCH as written',
    request: { method: 'PATCH', headers: {} },
    expected: { method: 'PATCH', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'PATCH' } },
  },
  {
    title: 'preflights DELETE',
    request: { method: 'Delete', headers: {} },
    expected: { method: 'DELETE', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'DELETE' } },
  },
  {
    title: 'sends HEAD with Accept, Accept-Language, Content-Language and a Range directly',
    request: {
      method: 'HEAD',
      headers: { Accept: 'application/json', 'Accept-Language': 'en-US,en;q=0.9', 'Content-Language': 'de-DE', Range: 'bytes=0-99' },
    },
    expected: { method: 'HEAD', preflight: false, unsafeHeaders: [] },
  },
  {
    title: 'preflights a JSON Content-Type and lists it lowercased',
    request: { method: 'POST', headers: { 'Content-Type': 'application/json' } },
    expected: {
      method: 'POST',
      preflight: true,
      unsafeHeaders: ['content-type'],
      preflightHeaders: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    },
  },
  {
    title: 'preflights a custom x-amz-meta header on a PUT',
    request: { method: 'PUT', headers: { 'x-amz-meta-owner': 'alice', 'Content-Type': 'image/png' } },
    expected: {
      method: 'PUT',
      preflight: true,
      unsafeHeaders: ['content-type', 'x-amz-meta-owner'],
      preflightHeaders: { 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-amz-meta-owner' },
    },
  },
  {
    title: 'formats Access-Control-Request-Headers sorted, lowercased, deduped and comma-joined without spaces',
    request: { method: 'GET', headers: { 'X-B': '1', 'x-a': '2', 'X-A': '3', Authorization: 'Bearer t', Accept: '*/*' } },
    expected: {
      method: 'GET',
      preflight: true,
      unsafeHeaders: ['authorization', 'x-a', 'x-b'],
      preflightHeaders: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-a,x-b' },
    },
  },
  {
    title: 'marks every safelisted header unsafe once their values exceed 1024 bytes in total',
    request: { method: 'GET', headers: { ...acceptVariants(9, A120), 'Content-Language': 'en' } },
    expected: {
      method: 'GET',
      preflight: true,
      unsafeHeaders: ['accept', 'content-language'],
      preflightHeaders: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept,content-language' },
    },
  },
  {
    title: 'allows safelisted values totalling exactly 1024 bytes',
    request: { method: 'GET', headers: acceptVariants(8, 'a'.repeat(128)) },
    expected: { method: 'GET', preflight: false, unsafeHeaders: [] },
  },
  {
    title: 'drops forbidden request-headers silently and does not preflight because of them',
    request: {
      method: 'GET',
      headers: {
        Origin: 'https://evil.example',
        Host: 'bucket.example',
        Cookie: 'a=b',
        'Content-Length': '5',
        Referer: 'https://a.example/',
        'Sec-Fetch-Mode': 'cors',
        'Proxy-Authorization': 'Basic x',
        'Accept-Encoding': 'br',
      },
    },
    expected: {
      method: 'GET',
      preflight: false,
      unsafeHeaders: [],
      droppedHeaders: ['accept-encoding', 'content-length', 'cookie', 'host', 'origin', 'proxy-authorization', 'referer', 'sec-fetch-mode'],
    },
  },
  {
    title: 'drops X-HTTP-Method-Override naming a forbidden method but preflights one naming PUT',
    request: { method: 'POST', headers: { 'X-HTTP-Method-Override': 'GET, trace', 'X-Method-Override': 'PUT' } },
    expected: {
      method: 'POST',
      preflight: true,
      unsafeHeaders: ['x-method-override'],
      preflightHeaders: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-method-override' },
      droppedHeaders: ['x-http-method-override'],
    },
  },
  {
    title: 'preflights a simple POST when the XHR has upload listeners, with no request-headers listed',
    request: { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, hasUploadListeners: true },
    expected: { method: 'POST', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'POST' } },
  },
  {
    title: 'preflights a simple POST with a ReadableStream body',
    request: { method: 'POST', headers: {}, hasStreamBody: true },
    expected: { method: 'POST', preflight: true, unsafeHeaders: [], preflightHeaders: { 'access-control-request-method': 'POST' } },
  },
  {
    title: 'sends credentials only in include mode, which does not by itself cause a preflight',
    request: { method: 'GET', headers: {}, credentials: 'include' },
    expected: { method: 'GET', preflight: false, unsafeHeaders: [], sendsCredentials: true },
  },
  {
    title: 'sends no credentials by default (same-origin)',
    request: { method: 'GET', headers: {} },
    expected: { method: 'GET', preflight: false, unsafeHeaders: [], sendsCredentials: false },
  },
  {
    title: 'sends no credentials in omit mode',
    request: { method: 'PUT', headers: {}, credentials: 'omit' },
    expected: {
      method: 'PUT',
      preflight: true,
      unsafeHeaders: [],
      preflightHeaders: { 'access-control-request-method': 'PUT' },
      sendsCredentials: false,
    },
  },
  {
    title: 'trims surrounding whitespace from values before checking them, as Headers does',
    request: { method: 'GET', headers: { Range: '  bytes=0-1\t' } },
    expected: { method: 'GET', preflight: false, unsafeHeaders: [] },
  },
  {
    title: 'sends nothing for a forbidden method such as TRACE',
    request: { method: 'trace', headers: {} },
    expected: { method: 'trace', preflight: false, refused: true, unsafeHeaders: [] },
  },
  {
    title: 'sends nothing when a header value has a character above U+00FF',
    request: { method: 'GET', headers: { 'x-note': 'price in €' } },
    expected: { method: 'GET', preflight: false, refused: true, unsafeHeaders: [] },
  },
];

describe('classifyBrowserRequest', () => {
  it.each(classifyCases)('$title', ({ request, expected }) => {
    const result = classifyBrowserRequest(request);
    const { reasons, droppedHeaders, sendsCredentials, refused, ...rest } = result;
    const { droppedHeaders: expectedDropped, sendsCredentials: expectedCredentials, refused: expectedRefused, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    expect(refused).toBe(expectedRefused ?? false);
    expect(droppedHeaders).toEqual(expectedDropped ?? []);
    if (expectedCredentials !== undefined) expect(sendsCredentials).toBe(expectedCredentials);
    expect(reasons.length).toBeGreaterThan(0);
    if (!result.preflight) expect(result).not.toHaveProperty('preflightHeaders');
  });

  it.each<{ title: string; request: BrowserRequest; reasons: RequestReason[] }>([
    {
      title: 'explains a PUT with the safelisted methods',
      request: { method: 'PUT', headers: {} },
      reasons: [{ code: 'method-not-safelisted', params: { method: 'PUT', verbatim: false, normalized: NORMALIZED } }],
    },
    {
      title: 'explains a JSON Content-Type by its essence, ignoring parameters',
      request: { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' } },
      reasons: [{ code: 'content-type-not-safelisted', params: { header: 'content-type', essence: 'application/json', types: SAFE_TYPES } }],
    },
    {
      title: 'explains a custom header by name',
      request: { method: 'GET', headers: { 'X-Amz-Meta-Owner': 'alice' } },
      reasons: [{ code: 'header-not-safelisted', params: { header: 'x-amz-meta-owner' } }],
    },
    {
      title: 'gives one reason for the method and one per unsafe header, headers in name order',
      request: { method: 'DELETE', headers: { 'x-b': '1', 'x-a': '1' } },
      reasons: [
        { code: 'method-not-safelisted', params: { method: 'DELETE', verbatim: false, normalized: NORMALIZED } },
        { code: 'header-not-safelisted', params: { header: 'x-a' } },
        { code: 'header-not-safelisted', params: { header: 'x-b' } },
      ],
    },
  ])('$title', ({ request, reasons }) => {
    expect(classifyBrowserRequest(request).reasons).toEqual(reasons);
  });

  it.each<{ title: string; request: BrowserRequest; reason: { code: RequestReason['code']; params?: Record<string, unknown> } }>([
    { title: 'says why a lower-case patch is sent verbatim', request: { method: 'patch', headers: {} }, reason: { code: 'method-not-safelisted', params: { method: 'patch', verbatim: true } } },
    { title: 'says why no preflight is needed', request: { method: 'GET', headers: {} }, reason: { code: 'no-preflight', params: { method: 'GET' } } },
    { title: 'names the 129-byte length of an oversized value', request: { method: 'GET', headers: { Accept: 'a'.repeat(129) } }, reason: { code: 'header-value-too-long', params: { header: 'accept', length: 129, max: 128 } } },
    { title: 'names the 1024-byte total limit', request: { method: 'GET', headers: acceptVariants(9, A120) }, reason: { code: 'safelisted-total-too-long', params: { total: 1080, max: 1024 } } },
    { title: 'names the upload listeners', request: { method: 'POST', headers: {}, hasUploadListeners: true }, reason: { code: 'upload-listeners' } },
    { title: 'names the stream body', request: { method: 'POST', headers: {}, hasStreamBody: true }, reason: { code: 'stream-body' } },
    { title: 'names a multi-range request', request: { method: 'GET', headers: { Range: 'bytes=0-1,5-6' } }, reason: { code: 'range-multiple', params: { header: 'range', value: 'bytes=0-1,5-6' } } },
    { title: 'names a range that starts after it ends', request: { method: 'GET', headers: { Range: 'bytes=5-1' } }, reason: { code: 'range-reversed', params: { value: 'bytes=5-1' } } },
    { title: 'names the bad character in an Accept-Language', request: { method: 'GET', headers: { 'Accept-Language': 'en_US' } }, reason: { code: 'language-unsafe-byte', params: { header: 'accept-language', byte: 0x5f } } },
    { title: 'names the CORS-unsafe byte in an Accept', request: { method: 'GET', headers: { Accept: 'text/html (x)' } }, reason: { code: 'header-unsafe-byte', params: { header: 'accept', byte: 0x28 } } },
    { title: 'says TRACE is never sent', request: { method: 'TRACE', headers: {} }, reason: { code: 'method-forbidden', params: { method: 'TRACE' } } },
    { title: 'says an invalid header name is never sent', request: { method: 'GET', headers: { 'x y': '1' } }, reason: { code: 'header-name-invalid', params: { header: 'x y' } } },
  ])('$title', ({ request, reason }) => {
    expect(classifyBrowserRequest(request).reasons).toContainEqual(expect.objectContaining({ code: reason.code, params: expect.objectContaining(reason.params ?? {}) }));
  });
});

describe('isCorsSafelistedMethod', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['PUT', false],
    ['DELETE', false],
    ['OPTIONS', false],
    ['PATCH', false],
    ['get', false], // byte-exact: fetch() upper-cases before comparing, XHR-style raw input does not count
  ] as const)('classifies %s as safelisted: %s', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected);
  });
});

describe('isCorsSafelistedRequestHeader', () => {
  it.each<[string, string, string, boolean]>([
    ['accepts a typical Accept', 'Accept', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', true],
    ['accepts a tab in Accept (the one safe control byte)', 'accept', 'text/html,\tapplication/xml', true],
    ['rejects "(" in Accept', 'accept', 'text/(html)', false],
    ['rejects "@" in Accept', 'accept', 'text/@html', false],
    ['rejects a vertical tab in Accept', 'accept', 'text/html\u000bx', false],
    ['accepts a 128-byte Accept', 'accept', 'a'.repeat(128), true],
    ['rejects a 129-byte Accept', 'accept', 'a'.repeat(129), false],
    ['counts Latin-1 characters as one byte each (ByteString), so 128 of them pass', 'accept', 'é'.repeat(128), true],
    ['rejects a character above U+00FF (not a byte string)', 'accept', 'text/€', false],
    ['accepts Content-Type text/plain with a charset', 'Content-Type', 'text/plain;charset=UTF-8', true],
    ['accepts Content-Type case-insensitively with spaces around parameters', 'content-type', ' Text/Plain ; charset=utf-8', true],
    ['accepts multipart/form-data with a boundary', 'content-type', 'multipart/form-data; boundary=----x', true],
    ['accepts application/x-www-form-urlencoded', 'content-type', 'application/x-www-form-urlencoded', true],
    ['rejects Content-Type application/json', 'content-type', 'application/json', false],
    ['rejects a Content-Type with no subtype', 'content-type', 'text', false],
    ['rejects a Content-Type with an empty subtype', 'content-type', 'text/;charset=utf-8', false],
    ['rejects two comma-joined Content-Types', 'content-type', 'text/plain, application/json', false],
    ['rejects a quoted charset parameter because " is a CORS-unsafe byte', 'content-type', 'text/plain; charset="utf-8"', false],
    ['rejects a 129-byte text/plain Content-Type', 'content-type', `text/plain; x=${'a'.repeat(115)}`, false],
    ['accepts a typical Accept-Language', 'Accept-Language', 'en-US,en;q=0.9,*;q=0.5', true],
    ['rejects "_" in Accept-Language', 'accept-language', 'en_US', false],
    ['rejects "/" in Content-Language', 'content-language', 'en/us', false],
    ['accepts Range bytes=0-99', 'Range', 'bytes=0-99', true],
    ['accepts an open-ended Range bytes=100-', 'range', 'bytes=100-', true],
    ['accepts a one-byte Range bytes=5-5', 'range', 'bytes=5-5', true],
    ['accepts huge Range numbers compared exactly', 'range', 'bytes=99999999999999999998-99999999999999999999', true],
    ['rejects a Range that starts after it ends (bytes=5-1)', 'range', 'bytes=5-1', false],
    ['rejects a suffix Range bytes=-500', 'range', 'bytes=-500', false],
    ['rejects a multi-range Range', 'range', 'bytes=0-1,5-6', false],
    ['rejects an upper-case Bytes unit', 'range', 'Bytes=0-1', false],
    ['rejects spaces inside a Range', 'range', 'bytes = 0-1', false],
    ['rejects a Range with another unit', 'range', 'items=0-1', false],
    ['rejects a Range with no numbers', 'range', 'bytes=-', false],
    ['rejects Authorization', 'Authorization', 'Bearer x', false],
    ['rejects Cache-Control, a safelisted response header but not a request one', 'Cache-Control', 'no-cache', false],
    ['rejects a custom header', 'X-Requested-With', 'XMLHttpRequest', false],
  ])('%s', (_title, name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected);
  });
});

describe('readableResponseHeaders', () => {
  const names = ['Content-Type', 'Content-Length', 'ETag', 'Last-Modified', 'x-amz-request-id', 'Set-Cookie', 'Date'];

  it.each<[string, string | undefined, boolean, string[]]>([
    ['exposes only the safelisted headers without Access-Control-Expose-Headers; ETag is not readable', undefined, false, ['content-type', 'content-length', 'last-modified']],
    ['makes ETag readable once it is exposed, matching case-insensitively', 'etag', false, ['content-type', 'content-length', 'etag', 'last-modified']],
    ['exposes each listed name, ignoring spaces and empty list elements', 'ETag , x-amz-request-id,,', true, ['content-type', 'content-length', 'etag', 'last-modified', 'x-amz-request-id']],
    ['exposes everything except Set-Cookie for * without credentials', '*', false, ['content-type', 'content-length', 'etag', 'last-modified', 'x-amz-request-id', 'date']],
    ['treats * as a literal name with credentials, exposing only the safelist', '*', true, ['content-type', 'content-length', 'last-modified']],
    ['exposes names listed beside * with credentials', '*, ETag', true, ['content-type', 'content-length', 'etag', 'last-modified']],
    ['never exposes Set-Cookie even when listed', 'Set-Cookie, Date', false, ['content-type', 'content-length', 'last-modified', 'date']],
    ['exposes nothing extra when the header does not parse as a list of names', 'ETag x-amz-request-id', false, ['content-type', 'content-length', 'last-modified']],
  ])('%s', (_title, expose, credentials, expected) => {
    expect(readableResponseHeaders(names, expose, credentials)).toEqual(expected);
  });

  it('lists the seven CORS-safelisted response-header names', () => {
    expect([...SAFELISTED_RESPONSE_HEADERS].sort()).toEqual(
      ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'],
    );
  });
});
