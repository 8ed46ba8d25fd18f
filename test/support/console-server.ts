import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConsole, type RunningConsole } from '../../src/server/start';
import type { StorageBackend } from './storage-backends';

/**
 * The whole console as `npm start` runs it (built SPA + API), in a temp data folder, with one
 * profile on the given storage backend (`CORS_CONSOLE_CONFIG`, keys in the environment). The
 * profile's id is the backend's name, so its pages are `/p/<backend>/b/<bucket>`; on the embedded
 * store it is the embedded default itself (profile `local`).
 */
export async function startTestConsole(storage: StorageBackend): Promise<RunningConsole & { profileId: string }> {
  // The embedded store comes with the console that runs it; stopping the backend stops both.
  if (storage.embeddedConsole) return { ...storage.embeddedConsole, profileId: 'local', stop: async () => {} };
  const dataDir = await mkdtemp(join(tmpdir(), 'cors-console-e2e-'));
  const { path, env } = await storage.writeProfilesFile(dataDir);
  const running = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: path },
    processEnv: env,
    dataDir,
    webDir: resolve('dist/web'),
    log: () => {},
  });
  return {
    ...running,
    profileId: storage.name,
    stop: async () => {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
