import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A blank page on its own loopback port: a distinct origin from which the browser calls the bucket. */
export interface PageServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startPageServer(title: string): Promise<PageServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>${title}</title><p>${title}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
