import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHarnessApp } from '../harness/harness-app';
import type { PageRoute } from './engine-drivers';
import { PAGE_CERTIFICATE, PAGE_PRIVATE_KEY } from './page-certificate';
import { startPageProxy } from './page-proxy';

/** How an engine reaches a test's page origin. */
export type PagePlace = { kind: 'direct' } | { kind: 'routed'; route: PageRoute };

/**
 * Where each origin's page is, and the `routes` an engine is given for the origins not really on
 * this host (Chromium maps their hosts, Firefox and WebKit go through the page server's proxy on
 * 127.0.0.1:`proxyPort`).
 */
export interface PagePlan {
  urlOf(origin: string): string;
  routes: readonly PageRoute[];
  proxyPort?: number;
}

/** Where the command serves its test page. */
export interface PageServer {
  /** The loopback origin of tests that name no origin of their own. */
  readonly ownOrigin: string;
  /** The port of its proxy (src/server/engine-runs/page-proxy.ts), which answers for the origins it serves only. */
  readonly proxyPort: number;
  /**
   * Serves the page at each origin: on the origin's own port when it is a loopback origin with a
   * port (any engine reaches it), else on a shared listener an engine must route the origin to.
   */
  place(origins: readonly string[]): Promise<Map<string, PagePlace>>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The console's harness page (built in `webDir`), served by the command itself: the engines open
 * it at each test's app origin and run the test's fetch() from it, so the browser judges the
 * request by that origin. Whatever host a page is asked for, the answer is the same page.
 */
export async function startPageServer(webDir: string): Promise<PageServer> {
  const listener: RequestListener = getRequestListener(createHarnessApp({ webDir, consoleOrigins: () => [] }).fetch);
  const servers: Server[] = [];
  const start = async (https: boolean, port: number) => {
    const server = https ? createHttpsServer({ cert: PAGE_CERTIFICATE, key: PAGE_PRIVATE_KEY }, listener) : createHttpServer(listener);
    const bound = await listen(server, port);
    servers.push(server);
    return bound;
  };
  const [httpPort, httpsPort] = await Promise.all([start(false, 0), start(true, 0)]);
  const ownOrigin = `http://127.0.0.1:${httpPort}`;
  // Everything the page server serves, its own page included: WebKit reaches every page through the proxy.
  const served: PageRoute[] = [{ origin: ownOrigin, port: httpPort }];
  const proxy = await startPageProxy(() => served);
  return {
    ownOrigin,
    proxyPort: proxy.port,
    async place(origins) {
      const places = new Map<string, PagePlace>();
      for (const origin of new Set(origins)) {
        const url = new URL(origin);
        const https = url.protocol === 'https:';
        const routed: PagePlace = { kind: 'routed', route: { origin, port: https ? httpsPort : httpPort } };
        if (origin === ownOrigin) places.set(origin, { kind: 'direct' });
        else if (!LOOPBACK_HOSTS.has(url.hostname) || !url.port) places.set(origin, routed);
        else places.set(origin, await start(https, Number(url.port)).then(() => ({ kind: 'direct' }) as const, () => routed));
        const place = places.get(origin)!;
        served.push(place.kind === 'routed' ? place.route : { origin, port: Number(url.port) });
      }
      return places;
    },
    close: async () => void (await Promise.all([proxy.close(), ...servers.map(closeServer)])),
  };
}

/** The plan of a page server's places: each origin's page at its root. */
export function planOf(places: ReadonlyMap<string, PagePlace>, proxyPort: number): PagePlan {
  return {
    urlOf: (origin) => `${origin}/`,
    routes: [...places.values()].flatMap((place) => (place.kind === 'routed' ? [place.route] : [])),
    proxyPort,
  };
}

/** Pages already served on this host (the console's own two origins), each at a URL any engine opens. */
export function servedPages(pages: ReadonlyMap<string, string>): PagePlan {
  return {
    urlOf: (origin) => pages.get(origin) ?? `${origin}/`,
    routes: [],
  };
}
