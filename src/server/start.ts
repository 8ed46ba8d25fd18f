import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { createApp } from './app';
import { analystFor, ANALYSIS_WORKER_FILE } from './cors/cors-analyst';
import { createAuditBook } from './audit/audit-book';
import { createEngineRunBook } from './engine-runs/engine-run-book';
import { createScratchObjects } from './probe/scratch-objects';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded/local-s3';
import type { Env } from './env';
import { createHarnessApp } from './harness/harness-app';
import { ensurePortFree, portInUse } from './listen-failure';
import { connectProfile, type ConnectedProfile } from './profiles/connect';
import { parseProfilesFile } from './profiles/profile';
import { createProfileRegistry } from './profiles/registry';
import { accessPolicy, isLoopbackAddress, urlHost } from './security/access-policy';
import { lockDataFolder, type FolderLock } from './state/folder-lock';
import { openState } from './state/open-state';
import type { StateStore } from './state/state-store';

export interface RunningConsole {
  url: string;
  /** The test harness's origin (the console's second origin). */
  harnessUrl: string;
  /** The token `/api` needs, or null on loopback without one. */
  accessToken: string | null;
  /** The embedded s3rver's endpoint, when the console runs on it. */
  localS3Endpoint: string | null;
  stop(): Promise<void>;
}

/** The parsed environment; HOST may be left out (loopback), as tests and older callers do. */
export type StartEnv = Omit<Env, 'HOST'> & { HOST?: string };

export interface StartOptions {
  env: StartEnv;
  /** The process environment, for credentials named by profiles. */
  processEnv: Record<string, string | undefined>;
  dataDir: string;
  /** The built SPA (`dist/web`); served when it exists. */
  webDir: string;
  log: (line: string) => void;
}

/** The profiles file (CORS_CONSOLE_CONFIG) read and connected, with the credential chain each names; the command reads it the same way. */
export async function loadConfiguredProfiles(path: string, processEnv: StartOptions['processEnv']): Promise<{ profiles: ConnectedProfile[]; state?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the profiles file ${path} (CORS_CONSOLE_CONFIG): ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseProfilesFile(text, path);
  if (!parsed.ok) throw new Error(parsed.message);
  const profiles = parsed.profiles.map((profile) => {
    const connected = connectProfile(profile, processEnv);
    if (!connected.ok) throw new Error(connected.message);
    return connected.profile;
  });
  return { profiles, ...(parsed.state ? { state: parsed.state } : {}) };
}

type Fetchable = { fetch: (request: Request) => Response | Promise<Response> };

function listen(app: Fetchable, hostname: string, port: number, what: string, variable: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, () => resolve(server));
    server.once('error', (error) =>
      reject(portInUse(error, { port, what, variable }) ?? new Error(`Cannot listen on ${hostname}:${port} (${what}): ${error.message}`, { cause: error })),
    );
  });
}

/** Stops listening and ends open connections too: a browser's keep-alive sockets would hold `close` open. */
const close = (server: ServerType) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });

// Credentials the SDKs read from the environment themselves: scrubbed from logs and answers too.
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'OSS_ACCESS_KEY_SECRET', 'COS_SECRET_KEY'];
const WILDCARD_HOSTS = ['0.0.0.0', '::'];

/**
 * The token `/api` asks for: the configured one, or on a non-loopback address a fresh random
 * one (the start log prints it, the one place it appears). Loopback without one needs none.
 */
function accessTokenFor(env: Env): { token: string | null; generated: boolean } {
  if (env.CORS_CONSOLE_TOKEN) return { token: env.CORS_CONSOLE_TOKEN, generated: false };
  if (isLoopbackAddress(env.HOST)) return { token: null, generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}

/**
 * Starts the console: the configured profiles, or the embedded s3rver when there are none; the
 * API and the SPA on HOST (loopback by default), and the test harness on a second port.
 * Throws with a message a person can act on when it cannot start.
 */
export async function startConsole({ env: given, processEnv, dataDir, webDir, log }: StartOptions): Promise<RunningConsole> {
  const env: Env = { ...given, HOST: given.HOST ?? '127.0.0.1' };
  const loaded = env.CORS_CONSOLE_CONFIG ? await loadConfiguredProfiles(env.CORS_CONSOLE_CONFIG, processEnv) : { profiles: [] };
  const configured = loaded.profiles;
  const stateUrl = env.CORS_CONSOLE_STATE ?? loaded.state;
  const state = openState(stateUrl, configured, dataDir);
  // The data folder is in use when the embedded store or the state lives in it: one console at a time.
  const lock = configured.length === 0 || !stateUrl ? await lockDataFolder(dataDir, log) : null;
  log(`state (history, saved tests) in ${state.where}`);
  try {
    return await startWithState({ env, processEnv, dataDir, webDir, log }, configured, state, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function startWithState({ env, processEnv, dataDir, webDir, log }: StartOptions & { env: Env }, configured: ConnectedProfile[], state: StateStore, lock: FolderLock | null): Promise<RunningConsole> {
  const exposedName = isLoopbackAddress(env.HOST) || WILDCARD_HOSTS.includes(env.HOST) ? [] : [urlHost(env.HOST)];
  const appOrigins = env.PORT ? ['127.0.0.1', 'localhost', ...exposedName].map((name) => `http://${name}:${env.PORT}`) : [];
  let embedded: EmbeddedS3 | null = null;
  if (configured.length === 0) {
    const s3Port = { what: 'the embedded s3rver', variable: 'CORS_CONSOLE_S3_PORT' };
    await ensurePortFree('127.0.0.1', env.CORS_CONSOLE_S3_PORT, s3Port);
    embedded = await startEmbeddedS3({ dataDir, port: env.CORS_CONSOLE_S3_PORT, appOrigins, log }).catch((error: unknown) => {
      throw portInUse(error, { port: env.CORS_CONSOLE_S3_PORT, ...s3Port }) ?? error;
    });
    log(`embedded s3rver (profile "local") on ${embedded.endpoint}, data in ${dataDir}`);
  }
  const profiles = createProfileRegistry(embedded ? [embedded.profile] : configured);
  const { token, generated } = accessTokenFor(env);
  let consolePort = env.PORT;
  const access = accessPolicy({ listenHost: env.HOST, port: () => consolePort, token });
  // The name a browser uses for this machine; on a wildcard address it cannot be known.
  const reachableAt = WILDCARD_HOSTS.includes(env.HOST) ? '127.0.0.1' : urlHost(env.HOST);

  let harness: ServerType;
  try {
    const harnessPort = env.CORS_CONSOLE_HARNESS_PORT ?? (env.PORT === 0 ? 0 : env.PORT + 1);
    harness = await listen(createHarnessApp({ webDir, consoleOrigins: access.origins }), env.HOST, harnessPort, 'the test harness', 'CORS_CONSOLE_HARNESS_PORT');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const harnessUrl = `http://${reachableAt}:${(harness.address() as AddressInfo).port}`;
  const secrets = [...(embedded ? [embedded.profile] : configured).flatMap((p) => p.secrets ?? []), ...SECRET_VARIABLES.flatMap((name) => processEnv[name] ?? [])];
  const scratch = createScratchObjects(log);
  const engineRuns = createEngineRunBook(log);
  const audits = createAuditBook({ state, log });
  // Built beside the server, as the web app is (dist/server, dist/web); its threads start on first use.
  const analyst = analystFor(resolve(webDir, '../server', ANALYSIS_WORKER_FILE), log);
  const app = createApp({
    analyst,
    profiles,
    log,
    scratch,
    engineRuns,
    audits,
    access,
    secrets,
    state,
    harnessOrigin: harnessUrl,
    sessionFile: join(dataDir, 'sessions.json'),
  });

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
    server = await listen(app, env.HOST, env.PORT, 'the console', 'PORT');
  } catch (error) {
    await close(harness);
    await embedded?.stop();
    throw error;
  }
  consolePort = (server.address() as AddressInfo).port;
  if (!isLoopbackAddress(env.HOST)) log(`listening on ${env.HOST}:${consolePort}, beyond this machine: every /api call needs the access token`);
  // The one place a generated token appears; `log` here is the raw start log, not the app's scrubbed one.
  if (generated) log(`access token (generated; set CORS_CONSOLE_TOKEN to choose one): ${token}`);
  return {
    url: `http://${reachableAt}:${consolePort}`,
    harnessUrl,
    accessToken: token,
    localS3Endpoint: embedded?.endpoint ?? null,
    stop: async () => {
      // First the engines, whose pages are on the console's two origins: no browser is left behind.
      await engineRuns.stopAll();
      await audits.stopAll();
      await Promise.all([close(server), close(harness)]);
      // Before the embedded store stops: the tests' scratch objects are removed, not left behind.
      await scratch.removeAll();
      await embedded?.stop();
      await lock?.release();
      await analyst.close();
    },
  };
}
