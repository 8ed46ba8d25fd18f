import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer: a status and header lines; a name given twice is sent on two lines. */
export interface ScriptedAnswer {
  status: number;
  headers: [string, string][];
  body?: string;
}

/** How the server answers one path: to the preflight (OPTIONS) and to the actual request. */
export interface ScriptedCase {
  preflight?: ScriptedAnswer;
  actual: ScriptedAnswer;
}

/**
 * A loopback server that answers each path as scripted, for CORS answers no storage produces (two
 * Allow-Origin lines, a redirected preflight…), and counts the preflights and requests it gets.
 */
export interface CorsAnswerServer {
  origin: string;
  /** Scripts `path` (e.g. `/no-acao`) and returns its full URL. */
  script(path: string, answers: ScriptedCase): string;
  preflights(path: string): number;
  requests(path: string): number;
  stop(): Promise<void>;
}

function send(res: ServerResponse, answer: ScriptedAnswer): void {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of answer.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0]! : values);
  res.writeHead(answer.status);
  res.end(answer.body ?? '');
}

export async function startCorsAnswerServer(): Promise<CorsAnswerServer> {
  const cases = new Map<string, ScriptedCase>();
  const preflights = new Map<string, number>();
  const requests = new Map<string, number>();
  const bump = (counts: Map<string, number>, path: string) => counts.set(path, (counts.get(path) ?? 0) + 1);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const scripted = cases.get(path);
    req.resume();
    req.on('end', () => {
      if (!scripted) {
        res.writeHead(404).end();
        return;
      }
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        bump(preflights, path);
        send(res, scripted.preflight ?? { status: 404, headers: [] });
        return;
      }
      bump(requests, path);
      send(res, scripted.actual);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    script(path, answers) {
      cases.set(path, answers);
      return `${origin}${path}`;
    },
    preflights: (path) => preflights.get(path) ?? 0,
    requests: (path) => requests.get(path) ?? 0,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
