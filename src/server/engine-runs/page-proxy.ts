// How Firefox and WebKit are given a test's origin (`https://app.example.com`): neither takes a
// host mapping like Chromium's `--host-resolver-rules`, but both take an HTTP proxy. This one
// answers only for the origins the page server serves (the tests' and its own), and only ever
// connects to the page server's own loopback listeners: plain requests for `http://host:port/…` are passed to its http listener,
// `CONNECT host:443` is tunnelled to its https listener (the engine then speaks TLS to the page
// server, which shows its self-signed certificate). Any other host or port is refused (403), so it
// is no open proxy; it listens on 127.0.0.1 only and is closed with the page server.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { portOf } from '../security/access-policy';
import type { PageRoute } from './engine-drivers';

/** `host:port` of an origin, with the scheme's default port written out (as CONNECT and proxy requests name it). */
export function hostPortOf(origin: string): string {
  const url = new URL(origin);
  return `${url.hostname}:${portOf(url)}`;
}

export interface PageProxy {
  readonly port: number;
  close(): Promise<void>;
}

/** The page server's listener for `host:port`, when it serves that origin; else undefined (refused). */
type Lookup = (hostPort: string) => number | undefined;

const REFUSED = 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

function pass(request: IncomingMessage, response: ServerResponse, lookup: Lookup): void {
  const url = URL.canParse(request.url ?? '') ? new URL(request.url!) : undefined;
  const port = url?.protocol === 'http:' ? lookup(hostPortOf(url.origin)) : undefined;
  if (!url || port === undefined) {
    response.writeHead(403, { 'content-length': '0', connection: 'close' }).end();
    return;
  }
  const upstream = httpRequest({ host: '127.0.0.1', port, method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => response.destroy());
  request.pipe(upstream);
}

function tunnel(request: IncomingMessage, client: Socket, head: Buffer, lookup: Lookup): void {
  const port = lookup(request.url ?? '');
  if (port === undefined) {
    client.end(REFUSED);
    return;
  }
  const upstream = connect(port, '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => client.destroy());
  client.on('error', () => upstream.destroy());
}

/** Starts the proxy on 127.0.0.1; `routes()` is read at each request (origins are placed while it runs). */
export async function startPageProxy(routes: () => readonly PageRoute[]): Promise<PageProxy> {
  const lookup: Lookup = (hostPort) => routes().find((route) => hostPortOf(route.origin) === hostPort.toLowerCase())?.port;
  const server: Server = createServer((request, response) => pass(request, response, lookup));
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => tunnel(request, client, head, lookup));
  server.on('clientError', (_error, socket) => socket.destroy());
  // Tunnelled sockets leave the server's keeping (closeAllConnections misses them): end them at close.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
