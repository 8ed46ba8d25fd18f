import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the double received it; header names are lower-case (Node's parsing). */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/?cors`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface DoubleReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Answers one request; may wait, to stand in for a service that is slow to answer. */
export type DoubleHandler = (request: RecordedRequest) => DoubleReply | Promise<DoubleReply>;

/**
 * A loopback HTTP server standing in for a storage provider: it records every request and
 * answers from the handler the current test sets.
 */
export interface ProviderDouble {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  requests: RecordedRequest[];
  /** Sets the handler for the requests that follow, and forgets the requests recorded so far. */
  reply(handler: DoubleHandler): void;
  stop(): Promise<void>;
}

/** Until a test says otherwise, the double answers like a provider that has no such operation. */
const unexpected: DoubleHandler = (request) => ({
  status: 501,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>No reply set for ${request.method} ${request.url}</Message></Error>`,
});

export async function startProviderDouble(): Promise<ProviderDouble> {
  const requests: RecordedRequest[] = [];
  let handler = unexpected;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then((reply) => {
        if (res.destroyed) return;
        const body = reply.body ?? '';
        res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(body)), ...reply.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      handler = next;
      requests.length = 0;
    },
    stop: () =>
      new Promise((resolve, reject) => {
        // The SDKs keep connections alive; without this, close() would wait for them to idle out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** An origin on a loopback port nothing listens on, so connecting is refused at once. */
export async function refusedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return `http://127.0.0.1:${port}`;
}

/** Waits, for handlers that stand in for a service that answers too late. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
