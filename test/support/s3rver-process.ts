import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** s3rver in a child process of its own: what it spends parsing a large document never delays the caller's event loop. */
export interface S3rverProcess {
  endpoint: string;
  /** Where it keeps its buckets (its filesystem store). */
  directory: string;
  stop(): Promise<void>;
}

const PROGRAM = `
import S3rver from 's3rver';
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.env.S3RVER_DIRECTORY });
const { port } = await server.run();
console.log('s3rver listening on ' + port);
`;

export async function startS3rverProcess(): Promise<S3rverProcess> {
  const directory = await mkdtemp(join(tmpdir(), 'cors-console-s3rver-process-'));
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROGRAM], { env: { ...process.env, S3RVER_DIRECTORY: directory }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /s3rver listening on (\d+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`s3rver exited with ${code} before listening:\n${out}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
