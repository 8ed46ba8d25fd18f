import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to the request that matches `on` (its request line, e.g. /^PUT \/b\?cors/):
 * `hang`: never answer it (a slow or wedged storage server);
 * `die-mid-body`: pass its headers and half its body on, then die (the process was killed);
 * `die-before-answer`: pass it on whole, then die before its answer comes back.
 * Dying means every connection is cut and the port refuses connections until `revive()`.
 */
export type Fault = { kind: 'hang' | 'die-mid-body' | 'die-before-answer'; on: RegExp };

/** A TCP proxy in front of a real storage server, so a test can make that server fail on cue. */
export interface FaultProxy {
  endpoint: string;
  /** Arms a fault for the next matching request; `null` passes everything through. */
  arm(fault: Fault | null): void;
  /** Resolves when the armed fault has struck. */
  struck(): Promise<void>;
  /** Client connections the proxy saw closed by the client (a cancelled request) while it held them. */
  readonly abandonedByClient: number;
  /** For `die-mid-body`: how much of the body (Content-Length) got through before the cut. */
  readonly cut: { bodyBytesPassed: number; bodyBytes: number } | null;
  revive(): Promise<void>;
  stop(): Promise<void>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let fault: Fault | null = null;
  let strike: () => void = () => {};
  let struck = new Promise<void>((resolve) => (strike = resolve));
  let abandonedByClient = 0;
  let cut: FaultProxy['cut'] = null;
  const sockets = new Set<Socket>();
  let server: Server;

  const die = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  const onConnection = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let holding = false;
    let cutting: 'mid-body' | 'before-answer' | null = null;
    client.on('close', () => {
      if (holding) abandonedByClient++;
      upstream.destroy();
      sockets.delete(client);
    });
    upstream.on('close', () => {
      if (!holding) client.destroy();
      sockets.delete(upstream);
    });
    client.on('error', () => {});
    upstream.on('error', () => {});
    upstream.on('data', (chunk: Buffer) => {
      if (cutting === 'before-answer') {
        // The storage server has done the work and answers; the answer never arrives.
        strike();
        die();
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      if (holding) return;
      if (cutting === 'mid-body') {
        if (cut) cut.bodyBytesPassed = Math.floor(chunk.length / 2);
        upstream.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => {
          strike();
          die();
        });
        return;
      }
      const armed = fault;
      if (armed && armed.on.test(chunk.toString('latin1', 0, 200))) {
        fault = null;
        if (armed.kind === 'hang') {
          holding = true;
          strike();
          return;
        }
        if (armed.kind === 'die-before-answer') {
          cutting = 'before-answer';
          upstream.write(chunk);
          return;
        }
        cutting = 'mid-body';
        const headerEnd = chunk.indexOf(HEADER_END) + HEADER_END.length;
        const bodyInChunk = chunk.length - headerEnd;
        cut = { bodyBytesPassed: Math.max(0, Math.floor(bodyInChunk / 2)), bodyBytes: Number(/content-length: *(\d+)/i.exec(chunk.toString('latin1'))?.[1] ?? NaN) };
        if (bodyInChunk <= 0) {
          upstream.write(chunk);
          return;
        }
        upstream.write(chunk.subarray(0, headerEnd + Math.floor(bodyInChunk / 2)), () => {
          strike();
          die();
        });
        return;
      }
      upstream.write(chunk);
    });
  };

  const listen = (port: number) =>
    new Promise<Server>((resolve) => {
      const s = createServer(onConnection);
      s.listen(port, '127.0.0.1', () => resolve(s));
    });

  server = await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    arm: (next) => {
      fault = next;
      struck = new Promise<void>((resolve) => (strike = resolve));
    },
    struck: () => struck,
    get abandonedByClient() {
      return abandonedByClient;
    },
    get cut() {
      return cut;
    },
    revive: async () => {
      server = await listen(port);
    },
    stop: async () => {
      die();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
