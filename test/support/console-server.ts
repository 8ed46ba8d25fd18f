import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConsole, type RunningConsole } from '../../src/server/start';

/** The whole console as `npm start` runs it (built SPA + API + embedded s3rver), in a temp data folder. */
export async function startTestConsole(): Promise<RunningConsole & { s3: (method: string, path: string, body?: string, headers?: Record<string, string>) => Promise<Response> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-e2e-'));
  const running = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0 },
    processEnv: {},
    dataDir,
    webDir: resolve('dist/web'),
    log: () => {},
  });
  const endpoint = running.localS3Endpoint!;
  return {
    ...running,
    s3: (method, path, body, headers = {}) => fetch(`${endpoint}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }),
    stop: async () => {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
