import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { routes, type ApiErrorParams } from '../../contract/api';
import { apiError, sendError } from '../http/api-error';
import { crossOriginReason } from '../http/error-messages';
import type { AccessPolicy } from './access-policy';
import { isSameSecret, isValidSession, SESSION_COOKIE } from './session';

/** Sign-in itself needs no session. */
const OPEN_PATHS = new Set<string>([routes.signIn.path]);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function refuseCrossOrigin(c: Context, why: ApiErrorParams<'cross-origin-refused'>, log: (line: string) => void): Response {
  // Worth a line in the log: it is either a misconfigured proxy or someone trying.
  log(`refused ${c.req.method} ${c.req.path}: ${crossOriginReason(why)}`);
  return sendError(c, apiError('cross-origin-refused', why));
}

/** `Authorization: Bearer <token>` for scripts (curl), or the session cookie the SPA holds. */
function isAuthenticated(c: Context, token: string): boolean {
  const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) return isSameSecret(bearer, token);
  return isValidSession(getCookie(c, SESSION_COOKIE), token);
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
export function apiGuard(policy: AccessPolicy, log: (line: string) => void = () => {}): MiddlewareHandler {
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
    if (policy.token !== null && !OPEN_PATHS.has(url.pathname) && !isAuthenticated(c, policy.token)) {
      return sendError(c, apiError('unauthenticated', { reason: 'no-session' }));
    }
    // The Node adapter gives every DELETE a body stream, so the headers say whether one was sent.
    const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if ((BODY_METHODS.has(c.req.method) || hasBody) && !isJson(c.req.header('content-type'))) {
      return sendError(c, apiError('unsupported-media-type', { method: c.req.method, path: url.pathname }));
    }
    await next();
  };
}
