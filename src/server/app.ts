import { Hono } from 'hono';
import { createCorsService } from './cors/cors-service';
import { apiError, sendError } from './http/api-error';
import { isBucketName, type ApiEnv } from './http/context';
import type { ProfileRegistry } from './profiles/registry';
import { bucketsRoutes } from './routes/buckets.routes';
import { corsRoutes } from './routes/cors.routes';
import { consoleRoutes } from './routes/console.routes';
import { profilesRoutes } from './routes/profiles.routes';
import { testingRoutes } from './routes/probe.routes';
import { savedTestsRoutes } from './routes/saved-tests.routes';
import { createMemorySavedTestStore, type SavedTestStore } from './saved-tests/saved-test-store';

export interface AppDeps {
  profiles: ProfileRegistry;
  /** Writes a line to the server log; never given a secret. */
  log?: (line: string) => void;
  /** Where saved test cases live; in memory when the console has no data folder. */
  savedTests?: SavedTestStore;
  /** The second origin the test pane sends requests from (see ConsoleInfo). */
  harnessOrigin?: string | null;
}

/** The console's HTTP app: `/api` only; `main.ts` adds the SPA and listens. */
export function createApp({ profiles, log = () => {}, savedTests = createMemorySavedTestStore(), harnessOrigin = null }: AppDeps) {
  const cors = createCorsService();
  const perProfile = new Hono<ApiEnv>()
    .use('*', async (c, next) => {
      const profile = profiles.get(c.req.param('profile') ?? '');
      if (!profile) return sendError(c, apiError('profile-not-found', `There is no profile "${c.req.param('profile')}". GET /api/profiles lists them.`));
      c.set('profile', profile);
      await next();
    })
    .route('/buckets', bucketsRoutes(profiles));
  const perBucket = new Hono<ApiEnv>()
    .use('*', async (c, next) => {
      const profile = profiles.get(c.req.param('profile') ?? '');
      if (!profile) return sendError(c, apiError('profile-not-found', `There is no profile "${c.req.param('profile')}". GET /api/profiles lists them.`));
      const bucket = c.req.param('bucket') ?? '';
      if (!isBucketName(bucket)) return sendError(c, apiError('bad-request', `"${bucket}" is not a valid bucket name.`));
      c.set('profile', profile);
      c.set('bucket', bucket);
      await next();
    })
    .route('/cors', corsRoutes(cors))
    .route('/tests', savedTestsRoutes(savedTests))
    .route('/', testingRoutes(cors));

  const api = new Hono()
    .route('/console', consoleRoutes({ harnessOrigin }))
    .route('/profiles', profilesRoutes(profiles))
    .route('/profiles/:profile/buckets/:bucket', perBucket)
    .route('/profiles/:profile', perProfile);

  const app = new Hono();
  app.onError((error, c) => {
    log(`internal error on ${c.req.method} ${c.req.path}: ${error.name}: ${error.message}`);
    return sendError(c, apiError('internal-error', 'The console hit an unexpected error; the server log has details.'));
  });
  app.route('/api', api);
  app.all('/api/*', (c) => sendError(c, apiError('not-found', `No API route ${c.req.method} ${c.req.path}.`)));
  return app;
}
