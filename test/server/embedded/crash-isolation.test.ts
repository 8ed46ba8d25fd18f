import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KEYS_FILE, type StoreKeys } from '../../../src/server/embedded/store-keys';
import { startConsole, type RunningConsole } from '../../../src/server/start';
import { sendRaw, signedHttp, type SignedHttp } from '../../support/signed-http';

// Issue 15, item 1: nothing the store meets ends the console. s3rver 3.7.1 exits on a key segment
// over the file system's 255-byte name limit (an unhandled ENAMETOOLONG, measured with a
// 250-character key); the gate refuses such keys as S3 refuses a key that is too long, and when
// the store dies anyway (here: kill -9), the console keeps answering and starts it again.
// Full disk and read-only folder: test/e2e/store-crash-isolation.test.ts (a private mount namespace).

let dataDir: string;
let running: RunningConsole;
let store: string;
let signed: SignedHttp;
const logs: string[] = [];

const LONG_KEY = 'k'.repeat(250);
const api = (path: string) => fetch(`${running.url}/api/profiles${path}`);

/** The store's process: the s3rver child of this (the console's) process. */
function storePid(): number | null {
  const rows = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  const row = rows.find((line) => line.includes('s3rver-child.mjs'));
  return row ? Number(row.trim().split(/\s+/)[0]) : null;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function killStore(): Promise<number> {
  const pid = await waitFor('the store process', storePid);
  process.kill(pid, 'SIGKILL');
  await waitFor('the store to go', () => (storePid() === pid ? null : true));
  return pid;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-crash-'));
  running = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 }, processEnv: {}, dataDir, webDir: join(dataDir, 'no-web-build'), log: (line) => logs.push(line) });
  store = running.localS3Endpoint!;
  signed = signedHttp(store, JSON.parse(await readFile(join(dataDir, STORE_KEYS_FILE), 'utf8')) as StoreKeys);
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a 250-character key', () => {
  it.each([
    ['signed PUT', () => signed.signed('PUT', `/demo-no-cors/${LONG_KEY}`, { 'content-type': 'text/plain' }, 'x')],
    ['presigned PUT', async () => sendRaw(await signed.presign('PUT', `/demo-no-cors/folder/${LONG_KEY}`), 'PUT', {}, 'x')],
  ])('(%s) gets S3\'s KeyTooLongError and a log line, and the console and the store keep answering', async (_name, send) => {
    const pid = storePid();
    const answer = await send();
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>KeyTooLongError</Code>');
    expect(answer.body).toContain('<Size>250</Size>');
    expect(logs.some((line) => line.startsWith('embedded store gate: KeyTooLongError') && line.includes('250 bytes'))).toBe(true);
    expect((await api('')).status).toBe(200);
    expect((await api('/local/buckets')).status).toBe(200);
    expect((await sendRaw(`${store}/demo-no-cors/test.txt`, 'GET')).status).toBe(200);
    expect(storePid()).toBe(pid);
  });

  it('a key of 233 bytes in its last part is stored (the largest that fits)', async () => {
    const key = 'k'.repeat(233);
    expect((await signed.signed('PUT', `/demo-no-cors/${key}`, { 'content-type': 'text/plain' }, 'fits')).status).toBe(200);
    expect((await sendRaw(`${store}/demo-no-cors/${key}`, 'GET')).body).toBe('fits');
  });
});

describe('a store that dies', () => {
  it('is started again, with a log line that says why, while the console keeps answering', async () => {
    const killed = await killStore();
    expect((await api('')).status).toBe(200);
    await waitFor('the log line', () => logs.find((line) => line === 'embedded store stopped (killed by SIGKILL); starting it again in 250 ms') ?? null);
    const restarted = await waitFor('a new store process', () => {
      const pid = storePid();
      return pid && pid !== killed ? pid : null;
    });
    expect(restarted).not.toBe(killed);
    expect((await api('/local/buckets')).status).toBe(200);
  });

  it('that keeps dying: storage calls get 502 provider-unreachable until it is back, /api/profiles always answers', async () => {
    // Each death in a row waits longer before the next start (250 ms, 500 ms, 1 s, 2 s, 5 s);
    // once the wait outlasts the gate's patience, callers get no answer at all.
    for (let i = 0; i < 4; i++) {
      await killStore();
      await waitFor('the store back', () => storePid());
      await waitFor('the store answering', async () => ((await sendRaw(`${store}/demo-no-cors/test.txt`, 'GET').catch(() => null))?.status === 200 ? true : null));
    }
    await killStore();
    const started = Date.now();
    const down = await api('/local/buckets/demo-no-cors/cors');
    expect(down.status).toBe(502);
    const body = (await down.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('provider-unreachable');
    expect(body.error.message).toMatch(/the storage endpoint did not answer/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await api('')).status).toBe(200);
    expect(logs.some((line) => line.startsWith('embedded store is down'))).toBe(true);
    await waitFor('the store back after its longest wait', async () => ((await api('/local/buckets/demo-no-cors/cors')).status === 200 ? true : null), 30_000);
  }, 60_000);
});
