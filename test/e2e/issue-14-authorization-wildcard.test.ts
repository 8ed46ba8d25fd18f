import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyBrowserRequest, preflightAnswerBlock, preflightCautions, type CredentialsMode } from '../../src/core';
import { launchChromium, type Browser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';

// Issue 14 and browser-engines.md: the Fetch Standard says `Access-Control-Allow-Headers: *` never
// covers Authorization (whatwg/fetch#1919), yet Chromium, Firefox and WebKit let it through on a
// request without credentials. No storage provider answers `*` (they echo the requested names), so
// a small server on its own loopback port answers the preflight the way a CDN or proxy would, and
// real Chromium's verdict is compared with the core's judgement of that same answer.

interface SeenRequest {
  method: string;
  requestHeaders?: string;
}

interface WildcardServer {
  origin: string;
  seen: SeenRequest[];
  stop(): Promise<void>;
}

/**
 * Answers every preflight with `Access-Control-Allow-Headers: *`, and every GET with a body script
 * can read; under `/credentialed/` it also allows credentials.
 */
async function startWildcardServer(pageOrigin: string): Promise<WildcardServer> {
  const seen: SeenRequest[] = [];
  const cors = (req: IncomingMessage) => ({
    'access-control-allow-origin': pageOrigin,
    ...(req.url?.startsWith('/credentialed/') ? { 'access-control-allow-credentials': 'true' } : {}),
  });
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', ...(req.headers['access-control-request-headers'] ? { requestHeaders: req.headers['access-control-request-headers'] } : {}) });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors(req), 'access-control-allow-methods': 'GET', 'access-control-allow-headers': '*' });
      res.end();
      return;
    }
    res.writeHead(200, { ...cors(req), 'content-type': 'text/plain' });
    res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, stop: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))) };
}

async function fetchWithAuthorization(page: Page, url: string, credentials: CredentialsMode): Promise<{ allowed: boolean; body?: string; error?: string }> {
  return page.evaluate(
    async ({ url, credentials }) => {
      try {
        const response = await fetch(url, { headers: { Authorization: 'Bearer test-token' }, credentials, mode: 'cors', cache: 'no-store' });
        return { allowed: true, body: await response.text() };
      } catch (e) {
        return { allowed: false, error: String(e) };
      }
    },
    { url, credentials },
  );
}

describe('Access-Control-Allow-Headers: * and Authorization in real Chromium', () => {
  let browser: Browser;
  let pageServer: PageServer;
  let wildcard: WildcardServer;
  let page: Page;

  beforeAll(async () => {
    [browser, pageServer] = await Promise.all([launchChromium(), startPageServer('page')]);
    wildcard = await startWildcardServer(pageServer.origin);
    page = await browser.context.newPage();
    await page.goto(`${pageServer.origin}/`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), pageServer?.stop(), wildcard?.stop()]);
  });

  /** What the core says of the answer the server gives: the browser's checks, and its cautions when they pass. */
  function coreJudgement(credentials: CredentialsMode) {
    const request = classifyBrowserRequest({ method: 'GET', headers: { authorization: 'Bearer test-token' }, credentials });
    const answer = {
      status: 204,
      headers: {
        'access-control-allow-origin': pageServer.origin,
        ...(credentials === 'include' ? { 'access-control-allow-credentials': 'true' } : {}),
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': '*',
      },
    };
    const block = preflightAnswerBlock(request, pageServer.origin, answer);
    return { request, block, cautions: block ? [] : preflightCautions(answer.headers, request) };
  }

  it('lets Authorization through without credentials, as the core predicts, with its caution that it may break', async () => {
    const before = wildcard.seen.length;
    const outcome = await fetchWithAuthorization(page, `${wildcard.origin}/object.txt`, 'omit');
    const core = coreJudgement('omit');

    // Chromium preflighted, asking for authorization, and then sent the GET.
    expect(wildcard.seen.slice(before)).toEqual([{ method: 'OPTIONS', requestHeaders: 'authorization' }, { method: 'GET' }]);
    expect(outcome).toEqual({ allowed: true, body: 'hello' });
    expect(core.request.preflight).toBe(true);
    expect(core.block).toBeUndefined();
    expect(core.cautions).toEqual([{ code: 'authorization-under-wildcard', params: { allowHeaders: '*' } }]);
  }, 60_000);

  it('refuses it with credentials, where * is a literal name, as the core predicts', async () => {
    const before = wildcard.seen.length;
    const outcome = await fetchWithAuthorization(page, `${wildcard.origin}/credentialed/object.txt`, 'include');
    const core = coreJudgement('include');

    expect(wildcard.seen.slice(before)).toEqual([{ method: 'OPTIONS', requestHeaders: 'authorization' }]);
    expect(outcome.allowed).toBe(false);
    expect(outcome.error).toContain('Failed to fetch');
    expect(core.block).toEqual({ check: 'header-not-allowed', stage: 'preflight', params: { headers: ['authorization'], allowHeaders: '*' } });
    expect(core.cautions).toEqual([]);
  }, 60_000);
});
