import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createApp } from './app';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded/local-s3';
import type { Env } from './env';
import { connectProfile, type ConnectedProfile } from './profiles/connect';
import { parseProfilesFile } from './profiles/profile';
import { createProfileRegistry } from './profiles/registry';

export interface RunningConsole {
  url: string;
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

function listen(app: ReturnType<typeof createApp>, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(server));
    server.once('error', reject);
  });
}

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
  const app = createApp({ profiles, log });

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
    server = await listen(app, env.PORT);
  } catch (error) {
    await embedded?.stop();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `Port ${env.PORT} is in use: set PORT to a free port.` : `Cannot listen on 127.0.0.1:${env.PORT}: ${(error as Error).message}`, { cause: error });
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    localS3Endpoint: embedded?.endpoint ?? null,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await embedded?.stop();
    },
  };
}
