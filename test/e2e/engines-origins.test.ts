import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_NAMES } from '../../src/engines/engine';
import { mixedContentRefusal, predictBrowserFetch } from '../../src/core';
import { launchEngine } from '../../src/server/engine-runs/engine-drivers';
import { PAGE_CERTIFICATE, PAGE_PRIVATE_KEY } from '../../src/server/engine-runs/page-certificate';
import { planOf, startPageServer, type PagePlan, type PageServer } from '../../src/server/engine-runs/page-server';

// Issue 18: a test's origin that is not on this host (`https://app.example.com`, even a `.invalid`
// one) is given to every engine, and the bucket sees that very origin, directly; the page server's
// proxy (how Firefox and WebKit are given them) answers for its own pages only, never as an open
// proxy. An https page's fetch of the http bucket on 127.0.0.1 is mixed content: each engine does
// what the core predicts for it (src/core/mixed-content.ts: WebKit refuses, the others let loopback through).

const LAUNCH_MS = 120_000;
const FETCH_MS = 30_000;
const ORIGINS = ['https://app.example.com', 'https://stranger.invalid', 'http://plain.example.com:8080'];

/** A loopback "bucket" (http, or https with the page certificate) that lets any origin read it and remembers each request's headers. */
interface RecordingBucket {
  url: string;
  secure: boolean;
  seen: IncomingHttpHeaders[];
  stop(): Promise<void>;
}

async function startRecordingBucket(secure: boolean): Promise<RecordingBucket> {
  const seen: IncomingHttpHeaders[] = [];
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.headers);
    res.writeHead(200, { 'access-control-allow-origin': req.headers.origin ?? '*', 'content-type': 'text/plain' });
    res.end('object');
  };
  const server: Server = secure ? createHttpsServer({ cert: PAGE_CERTIFICATE, key: PAGE_PRIVATE_KEY }, answer) : createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/bucket/object.txt`,
    secure,
    seen,
    stop: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** One raw request through the proxy: its status line's code. */
function throughProxy(proxyPort: number, method: 'GET' | 'CONNECT', path: string): Promise<number> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port: proxyPort, method, path, headers: { host: method === 'CONNECT' ? path : new URL(path).host } });
    sent.on('connect', (answer, socket) => {
      socket.destroy();
      done(answer.statusCode ?? 0);
    });
    sent.on('response', (answer) => {
      answer.resume();
      done(answer.statusCode ?? 0);
    });
    sent.on('error', fail);
    sent.end();
  });
}

let pages: PageServer;
let plan: PagePlan;
let buckets: RecordingBucket[];

beforeAll(async () => {
  [pages, ...buckets] = await Promise.all([startPageServer(resolve('dist/web')), startRecordingBucket(false), startRecordingBucket(true)]);
  plan = planOf(await pages.place(ORIGINS), pages.proxyPort);
});

afterAll(async () => {
  await pages?.close();
  await Promise.all((buckets ?? []).map((bucket) => bucket.stop()));
});

describe('the page proxy', () => {
  it('tunnels and passes only the pages the page server serves, and refuses every other host and port', async () => {
    const [bucket] = buckets;
    expect(plan.routes.map((route) => route.origin)).toEqual(ORIGINS);
    expect(await throughProxy(pages.proxyPort, 'CONNECT', 'app.example.com:443')).toBe(200);
    expect(await throughProxy(pages.proxyPort, 'GET', 'http://plain.example.com:8080/')).toBe(200);
    expect(await throughProxy(pages.proxyPort, 'GET', `${pages.ownOrigin}/`)).toBe(200);
    // Not a page of the run: another host, another port of a test host, the bucket.
    const bucketHost = new URL(bucket!.url).host;
    expect(await throughProxy(pages.proxyPort, 'CONNECT', 'example.org:443')).toBe(403);
    expect(await throughProxy(pages.proxyPort, 'CONNECT', 'app.example.com:22')).toBe(403);
    expect(await throughProxy(pages.proxyPort, 'CONNECT', bucketHost)).toBe(403);
    expect(await throughProxy(pages.proxyPort, 'GET', 'http://plain.example.com/')).toBe(403);
    expect(await throughProxy(pages.proxyPort, 'GET', bucket!.url)).toBe(403);
    expect(bucket!.seen).toEqual([]);
  });
});

it('predicts mixed content per engine: only WebKit refuses https pages fetching the http bucket on loopback', () => {
  const refusals = (url: string) => ENGINE_NAMES.map((name) => `${name}: ${ORIGINS.filter((origin) => mixedContentRefusal(origin, url, name)).length}`);
  expect(refusals('http://127.0.0.1:9000/bucket/object.txt')).toEqual(['chromium: 0', 'firefox: 0', 'webkit: 2']);
  expect(refusals('https://127.0.0.1:9000/bucket/object.txt')).toEqual(['chromium: 0', 'firefox: 0', 'webkit: 0']);
  // Off loopback, every engine refuses it.
  expect(refusals('http://bucket.example.com/object.txt')).toEqual(['chromium: 2', 'firefox: 2', 'webkit: 2']);
});

describe.each(ENGINE_NAMES)('%s given the test origins', (name) => {
  it('opens the page at each origin, and the bucket sees that origin, not through the proxy', { timeout: LAUNCH_MS + FETCH_MS * ORIGINS.length * 2 }, async () => {
    const directHosts = buckets.map((bucket) => new URL(bucket.url).host);
    const engine = await launchEngine(name, { routes: plan.routes, proxyPort: plan.proxyPort, directHosts }, LAUNCH_MS);
    try {
      const seen: string[] = [];
      for (const bucket of buckets) {
        for (const origin of ORIGINS) {
          const page = await engine.open(plan.urlOf(origin), { timeoutMs: LAUNCH_MS });
          const before = bucket.seen.length;
          const outcome = await page.fetch({ url: bucket.url, method: 'GET', headers: {}, credentials: 'omit', cache: 'no-store' }, { timeoutMs: FETCH_MS });
          await page.close();
          // Every page is served from loopback here, whatever its origin's host: no Local Network Access.
          const predicted = predictBrowserFetch({ rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, { origin, method: 'GET', url: bucket.url, pageAddressSpace: 'loopback' }, 's3', name);
          if (!predicted.allowed) {
            // Refused as mixed content, as predicted: nothing reached the bucket.
            expect({ origin, bucket: bucket.url, refusal: predicted.blockedBy?.check, readable: outcome.readable, sent: bucket.seen.length - before }).toEqual({ origin, bucket: bucket.url, refusal: 'request-refused', readable: false, sent: 0 });
            seen.push(`${bucket.secure ? 'https' : 'http'} bucket refused ${origin}`);
            continue;
          }
          expect({ origin, bucket: bucket.url, readable: outcome.readable, error: outcome.error }).toEqual({ origin, bucket: bucket.url, readable: true, error: undefined });
          // The bucket answered the engine itself (the proxy refuses it), for the page at `origin`.
          const headers = bucket.seen.slice(before);
          expect(headers.map((h) => h['via'])).toEqual([undefined]);
          seen.push(`${bucket.secure ? 'https' : 'http'} bucket saw ${headers[0]!.origin}`);
        }
      }
      const expected = (secure: boolean) => ORIGINS.map((o) => `${secure ? 'https' : 'http'} bucket ${!secure && name === 'webkit' && o.startsWith('https:') ? 'refused' : 'saw'} ${o}`);
      expect(seen).toEqual([...expected(false), ...expected(true)]);
    } finally {
      await engine.close();
    }
  });
});
