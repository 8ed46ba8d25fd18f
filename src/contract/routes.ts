import { bucketCorsSchema, corsStateSchema, putCorsBodySchema } from './cors';
import { bucketPageQuerySchema, bucketPageSchema, consoleInfoSchema, profileListSchema, sessionBodySchema, sessionStateSchema } from './profiles';
import { historyPageQuerySchema, historyPageSchema, restoreBodySchema } from './history';
import { engineRunSchema, hostEnginesSchema, startEngineRunBodySchema } from './engine-runs';
import { cacheCheckBodySchema, cacheCheckResultSchema } from './cache-check';
import { auditJobSchema, getAuditQuerySchema, startAuditBodySchema } from './audit';
import { defineRoute } from './route';
import { presignBodySchema, presignResultSchema, probeBodySchema, probeResultSchema, putSavedTestsBodySchema, removeScratchBodySchema, removeScratchResultSchema, savedTestsSchema } from './testing';

const PROVIDER_ERRORS = ['bucket-not-found', 'not-supported', 'provider-unreachable', 'provider-timeout', 'provider-access-denied', 'provider-error'] as const;
const BUCKET = '/api/profiles/:profile/buckets/:bucket';

/** A list holds at most 200 tests; their request bodies are usually a line, rarely large (README's limits table quotes these). */
const MAX_SAVED_TESTS_BODY_BYTES = 8 * 1024 * 1024;
/** A probe may carry a 1 MiB body for an actual PUT/POST, JSON-escaped. */
const MAX_PROBE_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Every call of the console API. The server registers its handlers from this table and the web
 * app's API layer (and the API tests' client) calls through it, so a path, a body or an answer is
 * stated once.
 */
export const routes = {
  getSession: defineRoute({ method: 'GET', path: '/api/session', answer: sessionStateSchema, errors: [] }),
  /** Trades the access token for a session cookie (HttpOnly: script never sees it). */
  signIn: defineRoute({ method: 'POST', path: '/api/session', body: sessionBodySchema, answer: sessionStateSchema, errors: ['unauthenticated', 'too-many-requests'] }),
  signOut: defineRoute({ method: 'DELETE', path: '/api/session', answer: sessionStateSchema, errors: [] }),
  getConsoleInfo: defineRoute({ method: 'GET', path: '/api/console', answer: consoleInfoSchema, errors: [] }),
  listProfiles: defineRoute({ method: 'GET', path: '/api/profiles', answer: profileListSchema, errors: [] }),
  /** Buckets by name, filtered by prefix, a page at a time; each with a summary of its CORS. */
  listBuckets: defineRoute({ method: 'GET', path: '/api/profiles/:profile/buckets', query: bucketPageQuerySchema, answer: bucketPageSchema, errors: PROVIDER_ERRORS }),
  getCors: defineRoute({ method: 'GET', path: `${BUCKET}/cors`, answer: bucketCorsSchema, version: 'etag', errors: PROVIDER_ERRORS }),
  /** Replaces the configuration if the provider still holds the version in If-Match; answers what it holds after. */
  putCors: defineRoute({
    method: 'PUT',
    path: `${BUCKET}/cors`,
    body: putCorsBodySchema,
    answer: corsStateSchema,
    version: 'if-match',
    errors: ['validation-failed', 'precondition-required', 'version-conflict', 'history-unwritable', ...PROVIDER_ERRORS],
  }),
  deleteCors: defineRoute({ method: 'DELETE', path: `${BUCKET}/cors`, answer: corsStateSchema, version: 'if-match', errors: ['precondition-required', 'version-conflict', 'history-unwritable', ...PROVIDER_ERRORS] }),
  listSavedTests: defineRoute({ method: 'GET', path: `${BUCKET}/tests`, answer: savedTestsSchema, errors: [] }),
  putSavedTests: defineRoute({ method: 'PUT', path: `${BUCKET}/tests`, body: putSavedTestsBodySchema, answer: savedTestsSchema, maxBodyBytes: MAX_SAVED_TESTS_BODY_BYTES, errors: [] }),
  /** The raw preflight and actual request, sent by the server, beside the core's prediction. */
  probe: defineRoute({ method: 'POST', path: `${BUCKET}/probe`, body: probeBodySchema, answer: probeResultSchema, maxBodyBytes: MAX_PROBE_BODY_BYTES, errors: [...PROVIDER_ERRORS, 'confirmation-required', 'no-public-url'] }),
  /**
   * The cache check: the core's requests through the bucket's public URL and straight to its
   * endpoint, sent one at a time in the plan's order, and what the core reads in the answers.
   */
  cacheCheck: defineRoute({ method: 'POST', path: `${BUCKET}/cache-check`, body: cacheCheckBodySchema, answer: cacheCheckResultSchema, errors: ['no-public-url', ...PROVIDER_ERRORS] }),
  presign: defineRoute({ method: 'POST', path: `${BUCKET}/presign`, body: presignBodySchema, answer: presignResultSchema, errors: [...PROVIDER_ERRORS, 'confirmation-required'] }),
  /** Removes a test's scratch object now (the server also removes it on its own once its signed URL has expired). */
  removeScratch: defineRoute({ method: 'DELETE', path: `${BUCKET}/scratch`, body: removeScratchBodySchema, answer: removeScratchResultSchema, errors: PROVIDER_ERRORS }),
  /** The bucket's change history through the console, newest first, and whether the provider drifted from it. */
  listHistory: defineRoute({ method: 'GET', path: `${BUCKET}/history`, query: historyPageQuerySchema, answer: historyPageSchema, errors: [] }),
  /** Writes an entry's configuration back, guarded by If-Match like any save (a newer change is a 409, not overwritten). */
  restoreHistory: defineRoute({
    method: 'POST',
    path: `${BUCKET}/history/:entry/restore`,
    body: restoreBodySchema,
    answer: corsStateSchema,
    version: 'if-match',
    errors: ['history-entry-not-found', 'validation-failed', 'precondition-required', 'version-conflict', 'history-unwritable', ...PROVIDER_ERRORS],
  }),
  /** The browser engines installed on the console's host, and the run going on, if any. */
  getHostEngines: defineRoute({ method: 'GET', path: '/api/engines', answer: hostEnginesSchema, errors: [] }),
  /** Starts running tests in engines on the host (one run at a time per console); answers the run as it starts. */
  startEngineRun: defineRoute({
    method: 'POST',
    path: `${BUCKET}/engine-runs`,
    body: startEngineRunBodySchema,
    answer: engineRunSchema,
    maxBodyBytes: MAX_SAVED_TESTS_BODY_BYTES,
    errors: ['engine-run-busy', 'engine-not-installed', 'confirmation-required', ...PROVIDER_ERRORS],
  }),
  /** A run's progress: each test × engine result as it completes. */
  getEngineRun: defineRoute({ method: 'GET', path: '/api/engine-runs/:run', answer: engineRunSchema, errors: ['engine-run-not-found'] }),
  /** Cancels a run: its engines are closed (their processes ended) and no further test runs; answers the run as it ended. */
  cancelEngineRun: defineRoute({ method: 'DELETE', path: '/api/engine-runs/:run', answer: engineRunSchema, errors: ['engine-run-not-found'] }),
  /** Starts auditing every bucket of the profile under a prefix against a policy (issue 20); answers the job as it starts. */
  startAudit: defineRoute({ method: 'POST', path: '/api/profiles/:profile/audits', body: startAuditBodySchema, answer: auditJobSchema, errors: [] }),
  /** An audit's progress and the buckets audited after the first `from`; a failed listing is the job's `error`. */
  getAudit: defineRoute({ method: 'GET', path: '/api/audits/:audit', query: getAuditQuerySchema, answer: auditJobSchema, errors: ['audit-not-found'] }),
  /** Stops starting buckets; answers the job once the buckets being read are in. */
  cancelAudit: defineRoute({ method: 'DELETE', path: '/api/audits/:audit', answer: auditJobSchema, errors: ['audit-not-found'] }),
};

export type Routes = typeof routes;
export type RouteName = keyof Routes;

