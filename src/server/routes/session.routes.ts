import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { routes } from '../../contract/api';
import { apiError } from '../http/api-error';
import { answer, type Register } from '../http/register';
import type { AccessPolicy } from '../security/access-policy';
import { createSignInThrottle, isSameSecret, isValidSession, issueSession, SESSION_COOKIE, SESSION_SECONDS } from '../security/session';

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'Strict', path: '/api' } as const;

/** Sign-in with the access token: a session cookie the browser sends back and script cannot read. */
export function registerSessionRoutes(register: Register, policy: AccessPolicy) {
  const throttle = createSignInThrottle();
  register(routes.getSession, ({ c }) =>
    answer({ required: policy.token !== null, authenticated: policy.token === null || isValidSession(getCookie(c, SESSION_COOKIE), policy.token) }),
  );
  register(routes.signIn, ({ c, body }) => {
    if (throttle.isBlocked()) return apiError('too-many-requests', {});
    if (policy.token === null) return answer({ required: false, authenticated: true });
    if (!isSameSecret(body.token, policy.token)) {
      throttle.recordFailure();
      return apiError('unauthenticated', { reason: 'wrong-token' });
    }
    setCookie(c, SESSION_COOKIE, issueSession(policy.token), { ...COOKIE_OPTIONS, maxAge: SESSION_SECONDS });
    return answer({ required: true, authenticated: true });
  });
  register(routes.signOut, ({ c }) => {
    deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
    return answer({ required: policy.token !== null, authenticated: policy.token === null });
  });
}
