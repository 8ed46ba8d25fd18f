import { routes, writesObject, isScratchKey } from '../../contract/api';
import { enginesAvailability } from '../../engines/availability';
import type { CorsService } from '../cors/cors-service';
import type { EngineRunBook } from '../engine-runs/engine-run-book';
import { servedPages } from '../engine-runs/page-server';
import { apiError, fromStorageError } from '../http/api-error';
import { answer, type Register } from '../http/register';

/** How old the configuration a run's predictions use may be, when this console read it. */
const RUN_CONFIG_MAX_AGE_MS = 2_000;

/**
 * The Test tab's "Other engines on this host": the bucket's tests run in the engines installed
 * where the console runs, from pages at the console's own two origins (so each engine judges the
 * request by the origin the user's browser sends), to the profile's own endpoint only.
 */
export function registerEngineRunsRoutes(register: Register, service: CorsService, book: EngineRunBook, harnessOrigin: string | null) {
  register(routes.getHostEngines, () =>
    answer({
      engines: enginesAvailability().map((a) => (a.available ? { engine: a.engine, available: true as const } : { engine: a.engine, available: false as const, missing: a.missing, installCommand: a.installCommand })),
      running: book.running(),
    }),
  );
  register(routes.startEngineRun, async ({ c, profile, bucket, body }) => {
    const { adapter, summary } = profile;
    const running = book.running();
    if (running) return apiError('engine-run-busy', { running });
    const missing = enginesAvailability().find((a) => body.engines.includes(a.engine) && !a.available);
    if (missing && !missing.available) return apiError('engine-not-installed', { engine: missing.engine, missing: missing.missing, installCommand: missing.installCommand });
    // Tests never touch the user's objects unasked: a named object is written only with the user's yes.
    const named = body.tests.find((t) => writesObject(t.request.method) && t.request.target === 'named' && !isScratchKey(t.request.key));
    if (named && !body.confirmWrite) return apiError('confirmation-required', { bucket, key: named.request.key, method: named.request.method as 'PUT' | 'POST' | 'DELETE' });
    if (!harnessOrigin && body.tests.some((t) => t.request.from === 'harness')) return apiError('bad-request', { reason: 'no-harness-origin' });
    const read = await service.readRecent(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, RUN_CONFIG_MAX_AGE_MS);
    if (!read.ok) return fromStorageError(read.error);
    // The origin the user's browser called this API at: the page that sends "from the console".
    const consoleOrigin = new URL(c.req.url).origin;
    const pages = new Map([[consoleOrigin, `${consoleOrigin}/harness.html`], ...(harnessOrigin ? [[harnessOrigin, `${harnessOrigin}/`] as [string, string]] : [])]);
    const started = book.start({
      profile,
      bucket,
      config: read.value.config,
      tests: body.tests.map((test) => ({ test, origin: test.request.from === 'harness' ? harnessOrigin! : consoleOrigin })),
      pages: servedPages(pages),
      engines: body.engines,
      ...(body.chromiumPages === 'as-served' ? {} : { publicPages: { permission: body.chromiumPages === 'public-permitted' } }),
    });
    return started.ok ? answer(started.run) : apiError('engine-run-busy', { running: started.running });
  });
  register(routes.getEngineRun, ({ params }) => {
    const run = book.get(params.run);
    return run ? answer(run) : apiError('engine-run-not-found', { run: params.run });
  });
  register(routes.cancelEngineRun, async ({ params }) => {
    const run = await book.cancel(params.run);
    return run ? answer(run) : apiError('engine-run-not-found', { run: params.run });
  });
}
