import { routes } from '../../contract/api';
import { apiError } from '../http/api-error';
import { answer, type Register } from '../http/register';
import type { AccessPolicy } from '../security/access-policy';
import { pausedRefusal } from '../security/api-guard';
import { clientAddressOf } from '../security/client-address';
import { isSameSecret } from '../security/session';
import { clearSessionCookie, hasSession, sessionCookiesOf, setSessionCookie, type SessionAuth } from '../security/session-cookie';

/**
 * Sign-in with the access token: a session cookie the browser sends back and script cannot read.
 * Wrong tokens are counted per client address, so someone guessing elsewhere never locks out
 * the right token; sign-out ends the session on the server, not only in the browser.
 */
export function registerSessionRoutes(register: Register, policy: AccessPolicy, { sessions, throttle }: SessionAuth) {
  register(routes.getSession, ({ c }) =>
    answer({ required: policy.token !== null, authenticated: sessions === null || hasSession(c, policy.sessionCookie(), sessions) }),
  );
  register(routes.signIn, ({ c, body }) => {
    if (policy.token === null || sessions === null) return answer({ required: false, authenticated: true });
    const client = clientAddressOf(c);
    const paused = pausedRefusal(c, throttle, client);
    if (paused) return paused;
    if (!isSameSecret(body.token, policy.token)) {
      throttle.recordWrongToken(client, 'sign-in');
      return apiError('unauthenticated', { reason: 'wrong-token' });
    }
    setSessionCookie(c, policy.sessionCookie(), sessions.issue());
    return answer({ required: true, authenticated: true });
  });
  register(routes.signOut, async ({ c }) => {
    await sessions?.revoke(sessionCookiesOf(c, policy.sessionCookie()));
    clearSessionCookie(c, policy.sessionCookie());
    return answer({ required: policy.token !== null, authenticated: policy.token === null });
  });
}
