import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KEYS_FILE, type StoreKeys } from '../../src/server/embedded/store-keys';
import { sendRaw, signedHttp, type SignedHttp } from '../support/signed-http';

// Issue 15, item 1: a full disk (ENOSPC) and a read-only data folder (EROFS) end an s3rver write
// with an unhandled error (measured: the store process exits on both). The built console
// (`dist/server/main.js`, as `npm start` runs it) runs in a private mount namespace whose data
// folder is a 4 MiB tmpfs, so the disk can be filled and made read-only without touching the
// machine's; through both, the console keeps answering and the store comes back.

const DISK_BYTES = 4 * 1024 * 1024;
let consoleProcess: ChildProcess;
let dataDir: string;
let consoleUrl: string;
let store: string;
let signed: SignedHttp;
let output = '';

/** Runs a command inside the console's mount namespace (where its tmpfs is). */
const inNamespace = (...command: string[]) => execFileSync('nsenter', ['-t', String(consoleProcess.pid), '-m', ...command], { encoding: 'utf8' });
const profiles = () => fetch(`${consoleUrl}/api/profiles`).then((r) => r.status);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; console output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
/** An upload the store died of: S3's InternalError naming the cause, a log line, the console still up, the store back. */
async function expectSurvived(answer: { status: number; body: string }, cause: 'EROFS on open' | 'ENOSPC on write') {
  expect(answer.status).toBe(500);
  expect(answer.body).toContain('<Code>InternalError</Code>');
  expect(answer.body).toContain(cause.split(' ')[0]);
  expect(await profiles()).toBe(200);
  expect(output).toMatch(new RegExp(`embedded store stopped \\(${cause}: .*\\); starting it again in \\d+ ms`));
  await storeServes();
}
const storeServes = () => waitFor('the store to serve test.txt again', async () => ((await sendRaw(`${store}/demo-no-cors/test.txt`, 'GET')).status === 200 ? true : null));

beforeAll(async () => {
  // Said plainly rather than skipped: without a private mount namespace this suite cannot run.
  const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`This suite needs \`unshare -m\` (root or CAP_SYS_ADMIN) to mount a private tmpfs as a full disk; unshare said: ${(probe.stderr || probe.error?.message || `exit ${probe.status}`).trim()}`);
  }
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-disk-'));
  consoleProcess = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=${DISK_BYTES} tmpfs "$CORS_CONSOLE_DATA" && exec "$0" dist/server/main.js`, process.execPath], {
    env: { ...process.env, PORT: '0', CORS_CONSOLE_S3_PORT: '0', CORS_CONSOLE_DATA: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  consoleProcess.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  consoleProcess.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor('the console to start', async () => (/console ready: /.test(output) ? true : null));
  consoleUrl = /console ready: (\S+)/.exec(output)![1]!;
  store = /embedded s3rver \(profile "local"\) on (\S+),/.exec(output)![1]!;
  expect(inNamespace('df', '--output=size', '-B1', dataDir)).toContain(String(DISK_BYTES));
  signed = signedHttp(store, JSON.parse(inNamespace('cat', join(dataDir, STORE_KEYS_FILE))) as StoreKeys);
}, 60_000);

afterAll(async () => {
  if (consoleProcess && consoleProcess.exitCode === null) {
    const exited = new Promise((resolve) => consoleProcess.once('exit', resolve));
    consoleProcess.kill('SIGTERM');
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded store on a data folder that fails', () => {
  it('read-only (EROFS): an upload gets an S3 error and a log line, the console keeps answering, and the store comes back', async () => {
    inNamespace('mount', '-o', 'remount,ro', dataDir);
    await expectSurvived(await signed.signed('PUT', '/demo-no-cors/read-only.txt', { 'content-type': 'text/plain' }, 'x'), 'EROFS on open');
    inNamespace('mount', '-o', 'remount,rw', dataDir);
    expect((await signed.signed('PUT', '/demo-no-cors/writable-again.txt', { 'content-type': 'text/plain' }, 'back')).status).toBe(200);
  });

  it('full (ENOSPC): an upload larger than the disk gets an S3 error and a log line, the console keeps answering, and reads still work', async () => {
    await expectSurvived(await signed.signed('PUT', '/demo-no-cors/too-big.bin', { 'content-type': 'application/octet-stream' }, 'a'.repeat(DISK_BYTES + 1024 * 1024)), 'ENOSPC on write');
    const cors = await waitFor('the console to read a bucket again', async () => {
      const r = await fetch(`${consoleUrl}/api/profiles/local/buckets/demo-direct-upload/cors`);
      return r.status === 200 ? r.status : null;
    });
    expect(cors).toBe(200);
    expect(consoleProcess.exitCode).toBeNull();
  });
});
