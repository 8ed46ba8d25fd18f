import { Hono } from 'hono';
import { createAuditBook, type AuditBook } from './audit/audit-book';
import { inlineAnalyst, type CorsAnalyst } from './cors/cors-analyst';
import { createCorsService } from './cors/cors-service';
import { createEngineRunBook, type EngineRunBook } from './engine-runs/engine-run-book';
import { createScratchObjects, type ScratchObjects } from './probe/scratch-objects';
import { apiError, sendError } from './http/api-error';
import { createRegistrar } from './http/register';
import type { ProfileRegistry } from './profiles/registry';
import { registerAuditRoutes } from './routes/audit.routes';
import { registerBucketsRoutes } from './routes/buckets.routes';
import { registerConsoleRoutes } from './routes/console.routes';
import { registerCorsRoutes } from './routes/cors.routes';
import { registerEngineRunsRoutes } from './routes/engine-runs.routes';
import { registerHistoryRoutes } from './routes/history.routes';
import { registerTestingRoutes } from './routes/probe.routes';
import { registerSavedTestsRoutes } from './routes/saved-tests.routes';
import { registerSessionRoutes } from './routes/session.routes';
import { loopbackAccess, type AccessPolicy } from './security/access-policy';
import { apiGuard } from './security/api-guard';
import { createAuthThrottle } from './security/auth-throttle';
import { escapeControlCharacters } from './security/log-line';
import { createRedactor } from './security/redact';
import { securityHeaders } from './security/security-headers';
import { createSessionBook } from './security/session';
import { publicUrlCspSources, storageCspSources } from './security/storage-origins';
import { createHistoryRecorder } from './state/history-recorder';
import { createMemoryState, type StateStore } from './state/state-store';
import { newConsoleIdentity, type ConsoleIdentity } from './state/write-author';

export interface AppDeps {
  profiles: ProfileRegistry;
  /** Writes a line to the server log; configured secrets are scrubbed from every line. */
  log?: (line: string) => void;
  /** Who may call `/api`. Default: loopback names on any port, no token (for `app.request` in tests). */
  access?: AccessPolicy;
  /** Values that must never appear in a log line or an error answer (credentials; the token is added). */
  secrets?: readonly string[];
  /** Where the change history and saved test cases live; in memory when the console has no data folder. */
  state?: StateStore;
  /** The second origin the test pane sends requests from (see ConsoleInfo); the console frames it. */
  harnessOrigin?: string | null;
  /** This console instance, as its history entries name it; a fresh one by default. */
  consoleIdentity?: ConsoleIdentity;
  /** The tests' scratch objects pending removal; `start.ts` removes them all when the console stops. */
  scratch?: ScratchObjects;
  /** Where the sessions ended by sign-out are kept (in the data folder), so a restart does not revive them; in memory without it. */
  sessionFile?: string;
  /** Where configurations are analysed; on the calling thread by default, in worker threads under `npm start`. */
  analyst?: CorsAnalyst;
  /** Runs of tests in the browser engines on this host; `start.ts` stops them when the console stops. */
  engineRuns?: EngineRunBook;
  /** The Audit page's audits; `start.ts` cancels them when the console stops. */
  audits?: AuditBook;
}

/** The console's HTTP app: security headers on everything, `/api` behind its guard; `start.ts` adds the SPA and listens. */
export function createApp({ profiles, log: writeLog = () => {}, access = loopbackAccess(), secrets = [], state = createMemoryState(), harnessOrigin = null, scratch, sessionFile, consoleIdentity = newConsoleIdentity(), analyst = inlineAnalyst(), engineRuns, audits }: AppDeps) {
  const redact = createRedactor([...secrets, ...(access.token ? [access.token] : [])]);
  const log = (line: string) => writeLog(escapeControlCharacters(redact(line)));
  const scratchObjects = scratch ?? createScratchObjects(log);
  const harnessOrigins = harnessOrigin ? [harnessOrigin] : [];
  const cors = createCorsService(analyst);
  const journalOf = createHistoryRecorder({ history: state.history, console: consoleIdentity, sessionCookie: access.sessionCookie, log });

  const app = new Hono();
  app.onError((error, c) => {
    log(`internal error on ${c.req.method} ${c.req.path}: ${error.name}: ${error.message}`);
    return sendError(c, apiError('internal-error', {}));
  });
  app.use(
    '*',
    securityHeaders({
      // Read per response: the test pane's requests go to the storage endpoints, straight from the page.
      connectSources: () => [...storageCspSources(profiles.list()), ...publicUrlCspSources(profiles.list())],
      formActions: () => storageCspSources(profiles.list()),
      // The Test tab loads an object through its public URL as an <img> does (a cache keeps that answer).
      imageSources: () => publicUrlCspSources(profiles.list()),
      frameAncestors: harnessOrigins,
      frameSources: harnessOrigins,
    }),
  );
  const auth = { sessions: access.token ? createSessionBook(access.token, sessionFile) : null, throttle: createAuthThrottle({ log }) };
  app.use('/api/*', apiGuard(access, auth, log));
  app.use('/api/*', async (c, next) => {
    await next();
    // Any answer may quote a provider's text (an error, or a bucket list's per-bucket failures in
    // a 200): scrub every configured secret from all of them.
    if (c.res.headers.get('content-type')?.startsWith('application/json')) {
      const text = await c.res.clone().text();
      const clean = redact(text);
      if (clean !== text) {
        const headers = new Headers(c.res.headers);
        headers.delete('content-length');
        c.res = new Response(clean, { status: c.res.status, headers });
      }
    }
  });
  const register = createRegistrar(app, profiles);
  registerSessionRoutes(register, access, auth);
  registerConsoleRoutes(register, { harnessOrigin }, profiles);
  registerBucketsRoutes(register, profiles);
  registerCorsRoutes(register, cors, analyst, journalOf);
  registerHistoryRoutes(register, cors, analyst, state.history, journalOf);
  registerSavedTestsRoutes(register, state.savedTests);
  registerTestingRoutes(register, cors, scratchObjects);
  registerEngineRunsRoutes(register, cors, engineRuns ?? createEngineRunBook(log), harnessOrigin);
  registerAuditRoutes(register, audits ?? createAuditBook({ state, log }));
  app.all('/api/*', (c) => sendError(c, apiError('not-found', { method: c.req.method, path: c.req.path })));
  return app;
}
