import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AuthThrottle } from './auth-throttle';
import { cookieValues, SESSION_SECONDS, type SessionBook } from './session';

/** What the guard and the session routes share: the sessions (null without a token) and the throttle. */
export interface SessionAuth {
  sessions: SessionBook | null;
  throttle: AuthThrottle;
}

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'Strict', path: '/api' } as const;

/** Every value the request carries for the session cookie (a cookie planted for a longer path comes first). */
export const sessionCookiesOf = (c: Context, name: string) => cookieValues(c.req.header('cookie'), name);

export function setSessionCookie(c: Context, name: string, value: string): void {
  setCookie(c, name, value, { ...COOKIE_OPTIONS, maxAge: SESSION_SECONDS });
}

/** Clears the console's own cookie (Path=/api); one planted for another path is ignored, never obeyed. */
export function clearSessionCookie(c: Context, name: string): void {
  deleteCookie(c, name, COOKIE_OPTIONS);
}

/** Whether any of the request's session cookies is a live session. */
export function hasSession(c: Context, name: string, sessions: SessionBook): boolean {
  return sessionCookiesOf(c, name).some((value) => sessions.isValid(value));
}
