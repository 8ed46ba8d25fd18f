import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionBodySchema, type SessionState } from '../../contract/api';
import { apiError, sendError } from '../http/api-error';
import { readBody } from '../http/read-body';
import type { AccessPolicy } from '../security/access-policy';
import { createSignInThrottle, isSameSecret, isValidSession, issueSession, SESSION_COOKIE, SESSION_SECONDS } from '../security/session';

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'Strict', path: '/api' } as const;

/** Sign-in with the access token: a session cookie the browser sends back and script cannot read. */
export function sessionRoutes(policy: AccessPolicy) {
  const throttle = createSignInThrottle();
  return new Hono()
    .get('/', (c) => {
      const state: SessionState = {
        required: policy.token !== null,
        authenticated: policy.token === null || isValidSession(getCookie(c, SESSION_COOKIE), policy.token),
      };
      return c.json(state);
    })
    .post('/', async (c) => {
      const body = await readBody(c, sessionBodySchema);
      if (!body.ok) return body.response;
      if (throttle.isBlocked()) return sendError(c, apiError('too-many-requests', 'Too many wrong tokens in the last minute; wait a minute and try again.'));
      if (policy.token === null) return c.json({ required: false, authenticated: true } satisfies SessionState);
      if (!isSameSecret(body.data.token, policy.token)) {
        throttle.recordFailure();
        return sendError(c, apiError('unauthenticated', 'That is not this console\'s access token. It is the CORS_CONSOLE_TOKEN setting, or the token the console printed when it started.'));
      }
      setCookie(c, SESSION_COOKIE, issueSession(policy.token), { ...COOKIE_OPTIONS, maxAge: SESSION_SECONDS });
      return c.json({ required: true, authenticated: true } satisfies SessionState);
    })
    .delete('/', (c) => {
      deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
      return c.json({ required: policy.token !== null, authenticated: policy.token === null } satisfies SessionState);
    });
}
