import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHarnessApp } from '../server/harness/harness-app';
import { PAGE_CERTIFICATE, PAGE_PRIVATE_KEY } from './page-certificate';

/** Where the command serves its test page: one plain and one TLS listener on 127.0.0.1. */
export interface PageServer {
  /** The loopback origin of tests that name no origin of their own. */
  readonly ownOrigin: string;
  /** The listener that serves pages of this origin's scheme (`http:` or `https:`). */
  portFor(origin: string): number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * The console's harness page (built in `webDir`), served by the command itself: the engines open
 * it at each test's app origin, mapped to these listeners, and run the test's fetch() from it, so
 * the browser judges the request by that origin. Whatever host a page is asked for, the answer is
 * the same page; nothing else is served.
 */
export async function startPageServer(webDir: string): Promise<PageServer> {
  const listener = getRequestListener(createHarnessApp({ webDir, consoleOrigins: () => [] }).fetch);
  const http = createHttpServer(listener);
  const https = createHttpsServer({ cert: PAGE_CERTIFICATE, key: PAGE_PRIVATE_KEY }, listener);
  const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);
  return {
    ownOrigin: `http://127.0.0.1:${httpPort}`,
    portFor: (origin) => (new URL(origin).protocol === 'https:' ? httpsPort : httpPort),
    close: async () => void (await Promise.all([closeServer(http), closeServer(https)])),
  };
}
