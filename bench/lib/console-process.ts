import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleProcess {
  url: string;
  s3: string;
  stop(): Promise<void>;
}

/** The built console (`dist/server/main.js`) as `npm start` runs it, in its own process and data folder. */
export async function startConsoleProcess(): Promise<ConsoleProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-bench-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: '0', CORS_CONSOLE_DATA: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = await new Promise<{ url: string; s3: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /console ready: (\S+)/.exec(out)?.[1];
      const s3 = /embedded s3rver \(profile "local"\) on (\S+),/.exec(out)?.[1];
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
