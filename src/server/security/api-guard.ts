import type { Context, MiddlewareHandler } from 'hono';
import { routes, type ApiErrorParams } from '../../contract/api';
import { apiError, sendError, type ApiErrorOf } from '../http/api-error';
import { crossOriginReason } from '../http/error-messages';
import type { AccessPolicy } from './access-policy';
import { clientAddressOf } from './client-address';
import { isSameSecret, type SessionBook } from './session';
import { clearSessionCookie, sessionCookiesOf, type SessionAuth } from './session-cookie';

/** Sign-in itself needs no session. */
const OPEN_PATHS = new Set<string>([routes.signIn.path]);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function refuseCrossOrigin(c: Context, why: ApiErrorParams<'cross-origin-refused'>, log: (line: string) => void): Response {
  // Worth a line in the log: it is either a misconfigured proxy or someone trying.
  log(`refused ${c.req.method} ${c.req.path}: ${crossOriginReason(why)}`);
  return sendError(c, apiError('cross-origin-refused', why));
}

/**
 * `Authorization: Bearer <token>` for scripts (curl), or a session cookie the SPA holds; null when
 * the call may go on, else the refusal. A wrong token is counted against the caller's address
 * (and paused after 10 a minute); a cookie that is no session is ignored, and cleared.
 */
function refuseUnauthenticated(c: Context, token: string, sessions: SessionBook, { throttle }: SessionAuth, cookieName: string): Response | null {
  const client = clientAddressOf(c);
  const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    const paused = pausedRefusal(c, throttle, client);
    if (paused) return sendError(c, paused);
    if (isSameSecret(bearer, token)) return null;
    throttle.recordWrongToken(client, 'bearer');
    return sendError(c, apiError('unauthenticated', { reason: 'wrong-token' }));
  }
  const cookies = sessionCookiesOf(c, cookieName);
  if (cookies.some((value) => sessions.isValid(value))) return null;
  if (cookies.length > 0) {
    throttle.recordInvalidCookie(client);
    clearSessionCookie(c, cookieName);
  }
  return sendError(c, apiError('unauthenticated', { reason: 'no-session' }));
}

/** 429 (and Retry-After) while the client's token checks are paused; null when they are not. */
export function pausedRefusal(c: Context, throttle: SessionAuth['throttle'], client: string): ApiErrorOf<'too-many-requests'> | null {
  const retryAfterSeconds = throttle.pausedFor(client);
  if (retryAfterSeconds === 0) return null;
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError('too-many-requests', { retryAfterSeconds });
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/**
 * The gate in front of every `/api` call, in order: the Host names this console (no DNS
 * rebinding), the call is same-origin (`Sec-Fetch-Site`, `Origin`: no other site can drive the
 * API from a victim's browser), the caller holds a session when a token is set, and a
 * state-changing call carries JSON (an HTML form cannot send it, so no classic CSRF either).
 * Callers without `Origin` or `Sec-Fetch-*` (curl, scripts) are not browsers and are let through
 * to the token check.
 */
export function apiGuard(policy: AccessPolicy, auth: SessionAuth, log: (line: string) => void = () => {}): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!policy.isConsoleHost(url)) {
      const consoleOrigin = policy.origins()[0];
      return refuseCrossOrigin(c, { reason: 'host', host: url.host, ...(consoleOrigin ? { consoleOrigin } : {}) }, log);
    }
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return refuseCrossOrigin(c, { reason: 'site', site }, log);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== `http://${url.host}` && origin !== `https://${url.host}`) {
      return refuseCrossOrigin(c, { reason: 'origin', origin: origin.slice(0, 200), expected: url.origin }, log);
    }
    if (policy.token !== null && auth.sessions !== null && !OPEN_PATHS.has(url.pathname)) {
      const refusal = refuseUnauthenticated(c, policy.token, auth.sessions, auth, policy.sessionCookie());
      if (refusal) return refusal;
    }
    // The Node adapter gives every DELETE a body stream, so the headers say whether one was sent.
    const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if ((BODY_METHODS.has(c.req.method) || hasBody) && !isJson(c.req.header('content-type'))) {
      return sendError(c, apiError('unsupported-media-type', { method: c.req.method, path: url.pathname }));
    }
    await next();
  };
}
