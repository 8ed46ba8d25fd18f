import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENGINE_NAMES, type EngineName } from '../../src/engines/engine';
import { launch } from '../../src/engines/launch';
import type { Figure } from '../lib/report';
import { round } from '../lib/stats';

// The browser-engine cost of a `cors-console test` run (issue 18): launch, open the page and send
// 20 cross-origin fetches (half preflighted PUTs), in one engine and in all three at once, wall
// time on this machine. The storage and probes are left out: this is what the engines add.

const FETCHES = 20;
const TIMEOUT_MS = 120_000;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ origin: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Runs one engine; answers the milliseconds spent launching, opening the page, fetching and closing. */
async function runEngine(name: EngineName, pageOrigin: string, bucketOrigin: string): Promise<string> {
  const marks = [performance.now()];
  const engine = await launch(name, { timeoutMs: TIMEOUT_MS });
  marks.push(performance.now());
  try {
    const page = await engine.open(`${pageOrigin}/`, { timeoutMs: TIMEOUT_MS });
    marks.push(performance.now());
    for (let i = 0; i < FETCHES; i++) {
      const upload = i % 2 === 1;
      const outcome = await page.fetch(
        { url: `${bucketOrigin}/object-${i}`, method: upload ? 'PUT' : 'GET', headers: upload ? { 'content-type': 'application/json' } : {}, ...(upload ? { body: '{}' } : {}), credentials: 'omit', cache: 'no-store' },
        { timeoutMs: TIMEOUT_MS },
      );
      if (!outcome.readable) throw new Error(`${name}: fetch ${i} was blocked (${outcome.error})`);
    }
    marks.push(performance.now());
    await page.close();
  } finally {
    await engine.close();
  }
  marks.push(performance.now());
  const steps = ['launch', 'open', 'fetches', 'close'];
  return steps.map((step, i) => `${step} ${Math.round((marks[i + 1] ?? marks[i]!) - marks[i]!)} ms`).join(', ');
}

export async function measureEngines(log: (line: string) => void): Promise<Figure[]> {
  const page = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>'));
  const bucket = await listen((req, res) => {
    req.resume();
    res.setHeader('access-control-allow-origin', page.origin);
    if (req.method === 'OPTIONS') res.setHeader('access-control-allow-methods', 'GET, PUT').setHeader('access-control-allow-headers', 'content-type');
    res.writeHead(200).end('ok');
  });
  const figures: Figure[] = [];
  try {
    for (const name of ENGINE_NAMES) {
      const started = performance.now();
      const steps = await runEngine(name, page.origin, bucket.origin);
      const seconds = round((performance.now() - started) / 1000);
      log(`${name}: launch + ${FETCHES} fetches in ${seconds} s (${steps})`);
      figures.push({ id: `engine-${name}`, label: `${name}: launch + ${FETCHES} fetches`, value: seconds, unit: 's', detail: 'one run, wall time, launch and teardown included' });
    }
    const started = performance.now();
    const steps = await Promise.all(ENGINE_NAMES.map((name) => runEngine(name, page.origin, bucket.origin)));
    const seconds = round((performance.now() - started) / 1000);
    log(`three engines at once: ${seconds} s (${ENGINE_NAMES.map((name, i) => `${name}: ${steps[i]}`).join('; ')})`);
    figures.push({ id: 'engines-three', label: `three engines at once: launch + ${FETCHES} fetches each`, value: seconds, unit: 's', goal: { op: '<', value: 45 }, detail: 'one run, wall time, the three launched in parallel (goal: the issue-18 20-test suite without the probes)' });
  } finally {
    page.server.close();
    bucket.server.close();
  }
  return figures;
}
