import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { maxBodyBytesOf, pathOf, routes, type RouteSpec } from '../../../src/contract/api';
import { newHistoryId } from '../../../src/server/state/history-store';
import { errorCode, httpCall } from '../../support/http';
import { TOKEN, useTokenConsoles } from '../../support/token-console';

// Issue 15.5: every call has a body limit, POST /api/session included, and a body beyond it is
// refused before it is read: 100 MB sent to sign-in must not be held in memory.

const start = useTokenConsoles();
const MB = 1024 * 1024;

/** Streams `total` bytes of JSON-ish filler from one reused 1 MiB buffer (so the sender holds ~1 MiB). */
function streamBody(url: string, total: number, withLength: boolean): Promise<{ status: number; text: string }> {
  const chunk = Buffer.alloc(MB, 0x20);
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(total) } : {}) };
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer 413 and close while the rest is still being written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** The largest resident set seen while `work` runs, less the one before it, in MB. */
async function peakGrowthMb(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage().rss) - before) / MB;
}

describe('issue 15: body limits on every call', () => {
  it.each([
    ['with Content-Length', true],
    ['streamed (chunked)', false],
  ])('refuses 100 MB to POST /api/session %s with 413, without holding it in memory', async (how, withLength) => {
    const running = await start();
    let answer = { status: 0, text: '' };
    const growth = await peakGrowthMb(async () => (answer = await streamBody(`${running.url}/api/session`, 100 * MB, withLength)));
    console.info(`100 MB to POST /api/session ${how}: ${answer.status}, resident memory +${growth.toFixed(1)} MB`);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'payload-too-large', params: { method: 'POST', path: '/api/session', limitKiB: 256 } } });
    expect(growth).toBeLessThan(40);
  }, 60_000);

  it('refuses one byte over each call\'s own limit with 413 and the limit, calls without a body included', async () => {
    const running = await start();
    // Every path parameter well-formed, so each call reaches its route and its limit.
    const params = { profile: 'local', bucket: 'demo-no-cors', entry: newHistoryId(), run: 'no-such-run', audit: 'no-such-audit' };
    for (const route of Object.values(routes) as RouteSpec[]) {
      const limit = maxBodyBytesOf(route);
      const path = pathOf(route.path, params as never);
      const res = await httpCall(`${running.url}${path}`, route.method, { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': String(limit + 1) }, ' '.repeat(limit + 1));
      expect([route.method, route.path, res.status, errorCode(res)]).toEqual([route.method, route.path, 413, 'payload-too-large']);
      expect(res.json['error']).toMatchObject({ params: { limitKiB: limit / 1024 }, message: expect.stringContaining(`(${limit / 1024} KiB)`) });
    }
  }, 120_000);

  it('takes PUT .../tests up to its limit (8 MiB), as README states', async () => {
    const running = await start();
    const body = JSON.stringify({ tests: [{ id: 'big', name: 'big', request: { key: 'test.txt', method: 'PUT', body: 'x'.repeat(1024 * 1024) } }] });
    const res = await httpCall(`${running.url}/api/profiles/local/buckets/demo-no-cors/tests`, 'PUT', { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body);
    expect(res.status).toBe(200);
  }, 30_000);
});
