import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleProcess {
  url: string;
  s3: string;
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
  return {
    ...ready,
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
  // s3rver's own well-known key pair, not a secret.
  return { CORS_CONSOLE_CONFIG: path, BENCH_ACCESS_KEY: 'S3RVER', BENCH_SECRET_KEY: 'S3RVER' };
}

/** Creates `count` empty buckets straight on the storage, 16 at a time. */
export async function createBuckets(s3: string, count: number, prefix = 'bucket'): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await fetch(`${s3}/${prefix}-${String(i).padStart(5, '0')}`, { method: 'PUT' });
      if (response.status !== 200) throw new Error(`Creating bucket ${i} failed: ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
