import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'cors_console_session';
/** A sign-in lasts a working day. */
export const SESSION_SECONDS = 12 * 3600;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time; hashing first makes unequal lengths take the same time too. */
export function isSameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function signature(token: string, expiresAt: number): string {
  return createHmac('sha256', token).update(`cors-console session until ${expiresAt}`).digest('base64url');
}

/**
 * A session cookie value: its expiry and an HMAC keyed by the token. Nothing is stored, so a
 * restart keeps sessions valid while the token is the same; a new token ends them all.
 */
export function issueSession(token: string, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expiresAt}.${signature(token, expiresAt)}`;
}

export function isValidSession(value: string | undefined, token: string, now = Date.now()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= now) return false;
  return isSameSecret(match[2]!, signature(token, expiresAt));
}

/**
 * Counts failed sign-ins in a sliding minute. A generated token cannot be guessed, but a chosen
 * one might be weak; this makes guessing slow without locking anyone out for long.
 */
export function createSignInThrottle(maxFailures = 10, windowMs = 60_000, now = Date.now) {
  let failures: number[] = [];
  const recent = () => (failures = failures.filter((at) => now() - at < windowMs));
  return {
    isBlocked: () => recent().length >= maxFailures,
    recordFailure: () => void failures.push(now()),
  };
}
