import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createApp } from './app';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded/local-s3';
import type { Env } from './env';
import { createHarnessApp } from './harness/harness-app';
import { connectProfile, type ConnectedProfile } from './profiles/connect';
import { parseProfilesFile } from './profiles/profile';
import { createProfileRegistry } from './profiles/registry';
import { createFileSavedTestStore } from './saved-tests/saved-test-store';

export interface RunningConsole {
  url: string;
  /** The test harness's origin (the console's second origin). */
  harnessUrl: string;
  /** The embedded s3rver's endpoint, when the console runs on it. */
  localS3Endpoint: string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  /** The process environment, for credentials named by profiles. */
  processEnv: Record<string, string | undefined>;
  dataDir: string;
  /** The built SPA (`dist/web`); served when it exists. */
  webDir: string;
  log: (line: string) => void;
}

async function loadConfiguredProfiles(path: string, processEnv: StartOptions['processEnv']): Promise<ConnectedProfile[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the profiles file ${path} (CORS_CONSOLE_CONFIG): ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseProfilesFile(text, path);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.profiles.map((profile) => {
    const connected = connectProfile(profile, processEnv);
    if (!connected.ok) throw new Error(connected.message);
    return connected.profile;
  });
}

type Fetchable = { fetch: (request: Request) => Response | Promise<Response> };

function listen(app: Fetchable, port: number, what: string, variable: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} (${what}) is in use: set ${variable} to a free port.` : `Cannot listen on 127.0.0.1:${port} (${what}): ${error.message}`, { cause: error })),
    );
  });
}

const close = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

/**
 * Starts the console: the configured profiles, or the embedded s3rver when there are none; the
 * API and the SPA on 127.0.0.1. Throws with a message a person can act on when it cannot start.
 */
export async function startConsole({ env, processEnv, dataDir, webDir, log }: StartOptions): Promise<RunningConsole> {
  const configured = env.CORS_CONSOLE_CONFIG ? await loadConfiguredProfiles(env.CORS_CONSOLE_CONFIG, processEnv) : [];
  const appOrigins = env.PORT ? [`http://127.0.0.1:${env.PORT}`, `http://localhost:${env.PORT}`] : [];
  let embedded: EmbeddedS3 | null = null;
  if (configured.length === 0) {
    embedded = await startEmbeddedS3({ dataDir, port: env.CORS_CONSOLE_S3_PORT, appOrigins, log });
    log(`embedded s3rver (profile "local") on ${embedded.endpoint}, data in ${dataDir}`);
  }
  const profiles = createProfileRegistry(embedded ? [embedded.profile] : configured);
  let consolePort = env.PORT;
  const consoleOrigins = () => [`http://127.0.0.1:${consolePort}`, `http://localhost:${consolePort}`];

  let harness: ServerType;
  try {
    const harnessPort = env.CORS_CONSOLE_HARNESS_PORT ?? (env.PORT === 0 ? 0 : env.PORT + 1);
    harness = await listen(createHarnessApp({ webDir, consoleOrigins }), harnessPort, 'the test harness', 'CORS_CONSOLE_HARNESS_PORT');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const harnessUrl = `http://127.0.0.1:${(harness.address() as AddressInfo).port}`;
  const app = createApp({ profiles, log, savedTests: createFileSavedTestStore(join(dataDir, 'saved-tests')), harnessOrigin: harnessUrl });

  if (existsSync(join(webDir, 'index.html'))) {
    const root = relative(process.cwd(), webDir) || '.';
    app.use('*', serveStatic({ root }));
    // Deep links (/p/local/b/demo) are the SPA's routes: answer them with its page.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.text('The web app is not built: run `npm run build` (npm start does it for you).', 503));
  }

  let server: ServerType;
  try {
    server = await listen(app, env.PORT, 'the console', 'PORT');
  } catch (error) {
    await close(harness);
    await embedded?.stop();
    throw error;
  }
  consolePort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${consolePort}`,
    harnessUrl,
    localS3Endpoint: embedded?.endpoint ?? null,
    stop: async () => {
      await Promise.all([close(server), close(harness)]);
      await embedded?.stop();
    },
  };
}
