import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KEYS_FILE, type StoreKeys } from '../../src/server/embedded/store-keys';
import { startConsole, type RunningConsole } from '../../src/server/start';
import { launchChromium, type Browser } from '../support/chromium';
import { SHOTS } from '../support/console-page';
import { startPageServer, type PageServer } from '../support/page-server';
import { signedHttp, type SignedHttp } from '../support/signed-http';

// Issue 15, item 1, in real Chromium: a page on another loopback origin (any site the user visits
// could do the same) attacks the embedded store of a fresh `npm start`. demo-shadowed-etag's first
// rule lets any origin PUT, so the browser lets the page send; the gate is what stops it, and
// answers with the bucket's CORS headers, so the page reads S3's AccessDenied.

const DEMO_BUCKETS = ['demo-direct-upload', 'demo-no-cors', 'demo-shadowed-etag'];
let browser: Browser;
let hostile: PageServer;
let running: RunningConsole;
let dataDir: string;
let signed: SignedHttp;

/** What a demo bucket holds, read with the store's keys: its rules and its objects. */
async function snapshot() {
  const state: Record<string, { cors: string; listing: string; test: string }> = {};
  for (const bucket of DEMO_BUCKETS) {
    state[bucket] = {
      cors: (await signed.signed('GET', `/${bucket}?cors`)).body,
      listing: [...(await signed.signed('GET', `/${bucket}`)).body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]).join(','),
      test: (await signed.signed('GET', `/${bucket}/test.txt`)).body,
    };
  }
  return state;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-e2e-gate-'));
  [browser, hostile] = await Promise.all([launchChromium(), startPageServer('A page on another origin')]);
  running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: resolve('dist/web'), log: () => {} });
  signed = signedHttp(running.localS3Endpoint!, JSON.parse(await readFile(join(dataDir, STORE_KEYS_FILE), 'utf8')) as StoreKeys);
});
afterAll(async () => {
  await Promise.all([browser?.close(), hostile?.stop(), running?.stop()]);
  await rm(dataDir, { recursive: true, force: true });
});

describe('a Chromium page on another loopback origin', () => {
  it('cannot change the demo buckets, and reads S3\'s AccessDenied where the rules let it read', async () => {
    const before = await snapshot();
    const page = await browser.context.newPage();
    await page.goto(hostile.origin);
    const store = running.localS3Endpoint!;
    const outcomes = await page.evaluate(async (store) => {
      const attempt = async (name: string, url: string, init: RequestInit) => {
        try {
          const r = await fetch(url, { ...init, cache: 'no-store' });
          return { name, status: r.status, body: (await r.text()).slice(0, 200) };
        } catch (error) {
          return { name, status: 0, body: `blocked: ${(error as Error).message}` };
        }
      };
      const form = new FormData();
      form.append('key', 'evil.html');
      form.append('Content-Type', 'text/html');
      form.append('file', new Blob(['<script>alert(document.domain)</script>'], { type: 'text/html' }), 'evil.html');
      const cors = '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>DELETE</AllowedMethod></CORSRule></CORSConfiguration>';
      return [
        await attempt('object PUT', `${store}/demo-shadowed-etag/test.txt`, { method: 'PUT', body: 'defaced', headers: { 'content-type': 'text/plain' } }),
        await attempt('HTML PUT', `${store}/demo-shadowed-etag/evil.html`, { method: 'PUT', body: '<script>alert(1)</script>', headers: { 'content-type': 'text/plain' } }),
        await attempt('form upload', `${store}/demo-shadowed-etag`, { method: 'POST', body: form }),
        await attempt('PUT ?cors', `${store}/demo-no-cors?cors`, { method: 'PUT', body: cors, headers: { 'content-type': 'text/plain' } }),
        await attempt('DELETE ?cors', `${store}/demo-direct-upload?cors`, { method: 'DELETE' }),
        await attempt('object DELETE', `${store}/demo-direct-upload/test.txt`, { method: 'DELETE' }),
        await attempt('POST ?delete', `${store}/demo-direct-upload?delete`, { method: 'POST', body: '<Delete><Object><Key>test.txt</Key></Object></Delete>', headers: { 'content-type': 'text/plain' } }),
        await attempt('anonymous read', `${store}/demo-shadowed-etag/test.txt`, { method: 'GET' }),
      ];
    }, store);
    const byName = Object.fromEntries(outcomes.map((o) => [o.name, o]));
    // The bucket's `*` PUT rule lets the browser send and read the answer: S3's refusal, not a CORS failure.
    expect(byName['object PUT']).toMatchObject({ status: 403, body: expect.stringContaining('<Code>AccessDenied</Code>') });
    expect(byName['HTML PUT']).toMatchObject({ status: 403, body: expect.stringContaining('<Code>AccessDenied</Code>') });
    expect(byName['anonymous read']).toMatchObject({ status: 200, body: expect.stringContaining('Hello from cors-console') });
    // The others are refused by the gate or stopped by the browser at the preflight; either way nothing changed.
    for (const name of ['form upload', 'PUT ?cors', 'DELETE ?cors', 'object DELETE', 'POST ?delete']) expect([0, 403]).toContain(byName[name]!.status);
    await page.setContent(`<h1>Attacks on the embedded store from ${hostile.origin}</h1><pre>${JSON.stringify(outcomes, null, 2).replace(/</g, '&lt;')}</pre>`);
    await page.screenshot({ path: `${SHOTS}/embedded-gate-hostile-page.png`, fullPage: true });
    await page.close();
    expect(await snapshot()).toEqual(before);
  });

  it('a form submitted by the page (no CORS at all) is refused too', async () => {
    const before = await snapshot();
    const page = await browser.context.newPage();
    await page.goto(hostile.origin);
    const store = running.localS3Endpoint!;
    await page.setContent(
      `<form method="post" action="${store}/demo-direct-upload" enctype="multipart/form-data"><input name="key" value="planted.html"><input type="file" name="file"><button>send</button></form>`,
    );
    await page.setInputFiles('input[type=file]', { name: 'planted.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') });
    await Promise.all([page.waitForURL(`${store}/demo-direct-upload`), page.click('button')]);
    expect(await page.content()).toContain('AccessDenied');
    await page.close();
    expect(await snapshot()).toEqual(before);
  });
});
