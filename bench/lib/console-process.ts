import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_KEYS_FILE } from '../../src/server/embedded/store-keys';
import { signedHttp, type AccessKeys, type SignedHttp } from '../../test/support/signed-http';

export interface ConsoleProcess {
  url: string;
  s3: string;
  /** Keys the storage accepts: the embedded store's gate refuses unsigned writes, as a bucket does. */
  keys: AccessKeys;
  /** Signed requests to the storage, for arranging buckets and rules. */
  storage: SignedHttp;
  stop(): Promise<void>;
}

/**
 * The built console (`dist/server/main.js`) as `npm start` runs it, in its own process and data
 * folder; on the embedded s3rver, or on one profile at `storage` (`s3` is then that endpoint).
 */
export async function startConsoleProcess(storage?: { endpoint: string }): Promise<ConsoleProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-bench-'));
  const profiles = storage ? await writeProfiles(dataDir, storage.endpoint) : {};
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: '0', CORS_CONSOLE_DATA: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...profiles },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = await new Promise<{ url: string; s3: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /console ready: (\S+)/.exec(out)?.[1];
      const s3 = storage?.endpoint ?? /embedded s3rver \(profile "local"\) on (\S+),/.exec(out)?.[1];
      if (url && s3) resolve({ url, s3 });
    });
    child.on('exit', (code) => reject(new Error(`The console exited with ${code} before it was ready:\n${out}`)));
  });
  const keys: AccessKeys = storage ? S3RVER_KEYS : (JSON.parse(await readFile(join(dataDir, STORE_KEYS_FILE), 'utf8')) as AccessKeys);
  return {
    ...ready,
    keys,
    storage: signedHttp(ready.s3, keys),
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A profiles file with one s3rver profile, `local`, at `endpoint`; answers the environment naming it and its keys. */
async function writeProfiles(dir: string, endpoint: string): Promise<Record<string, string>> {
  const path = join(dir, 'profiles.json');
  const credentials = { env: { accessKeyId: 'BENCH_ACCESS_KEY', secretAccessKey: 'BENCH_SECRET_KEY' } };
  await writeFile(path, JSON.stringify({ profiles: [{ id: 'local', kind: 's3', endpoint, addressing: 'path', dialect: 's3rver', credentials }] }));
  return { CORS_CONSOLE_CONFIG: path, BENCH_ACCESS_KEY: S3RVER_KEYS.accessKeyId, BENCH_SECRET_KEY: S3RVER_KEYS.secretAccessKey };
}

// s3rver's own well-known key pair (a bare s3rver, not the gated embedded store): not a secret.
const S3RVER_KEYS: AccessKeys = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Creates `count` empty buckets straight on the storage, 16 at a time. */
export async function createBuckets(storage: SignedHttp, count: number, prefix = 'bucket'): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await storage.signed('PUT', `/${prefix}-${String(i).padStart(5, '0')}`);
      if (response.status !== 200) throw new Error(`Creating bucket ${i} failed: ${response.status} ${response.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
