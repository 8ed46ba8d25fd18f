import { createHmac, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Context } from 'hono';
import { cookieValues } from '../security/session';

/** This console instance, as history entries name it: a random id per start, with its host and pid. */
export interface ConsoleIdentity {
  id: string;
  host: string;
  pid: number;
}

export function newConsoleIdentity(): ConsoleIdentity {
  return { id: randomBytes(6).toString('hex'), host: hostname(), pid: process.pid };
}

/**
 * Names the caller's session in history entries without storing anything that signs in: an HMAC
 * of its cookie or bearer token under a key that lives only in this console's memory (a plain
 * hash of a weak chosen token could be guessed back from a shared history). `null` without one.
 */
export function createSessionNamer(sessionCookie: () => string, key = randomBytes(32)) {
  return (c: Context): string | null => {
    const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Every cookie of the console's name: a planted one beside the real one still names one caller.
    const cookies = cookieValues(c.req.header('cookie'), sessionCookie());
    const credential = bearer ?? (cookies.length ? cookies.join(' ') : undefined);
    return credential ? createHmac('sha256', key).update(credential).digest('base64url').slice(0, 12) : null;
  };
}
