import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The session cookie's name on a console listening on `port`. Cookies do not keep ports apart
 * (RFC 6265 §8.5): with one name, two consoles on one host would overwrite each other's sessions.
 */
export const sessionCookieName = (port: number | string) => `cors_console_session_${port}`;
/** A sign-in lasts a working day. */
export const SESSION_SECONDS = 12 * 3600;
/** Revoked sessions remembered at once; beyond it every session ends (the generation moves on), so the list stays small. */
const MAX_REVOKED = 10_000;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time; hashing first makes unequal lengths take the same time too. */
export function isSameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** What sign-out leaves behind: the sessions it ended, until they would have expired anyway. */
interface Revocations {
  /** Part of every signature: moving it on ends every session at once. */
  generation: number;
  /** Session id → its expiry (Unix seconds). */
  revoked: Map<string, number>;
}

const COOKIE_VALUE = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function loadRevocations(file: string | undefined): Revocations {
  const none = { generation: 0, revoked: new Map<string, number>() };
  if (!file || !existsSync(file)) return none;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { generation?: unknown; revoked?: unknown };
    const revoked = typeof stored.revoked === 'object' && stored.revoked !== null ? Object.entries(stored.revoked).filter((entry): entry is [string, number] => typeof entry[1] === 'number') : [];
    if (!Number.isSafeInteger(stored.generation)) throw new Error('no generation');
    return { generation: Number(stored.generation), revoked: new Map(revoked) };
  } catch {
    // Unreadable: which sessions were ended cannot be known, so a generation no cookie carries ends them all.
    return { generation: randomBytes(4).readUInt32BE() + 1, revoked: new Map() };
  }
}

export interface SessionBook {
  /** A new session's cookie value. */
  issue(now?: number): string;
  isValid(value: string | undefined, now?: number): boolean;
  /** Ends the sessions of these cookie values on this console (kept in the data folder, so a restart does not bring them back). */
  revoke(values: readonly string[], now?: number): Promise<void>;
}

/**
 * Sessions of a console with an access token. A cookie is `<expiry>.<id>.<HMAC>`, the HMAC keyed
 * by the token over the id, the expiry and the generation: nothing is stored per session, so a
 * restart keeps sessions valid while the token is the same, and a new token ends them all.
 * Sign-out stores the ended session's id (in `file`, when given) until its expiry, so a copy of
 * the cookie made before sign-out opens nothing after it.
 */
export function createSessionBook(token: string, file?: string): SessionBook {
  const state = loadRevocations(file);
  const signature = (id: string, expiresAt: number) =>
    createHmac('sha256', token).update(`cors-console session ${id} generation ${state.generation} until ${expiresAt}`).digest('base64url');
  let saving = Promise.resolve();
  const save = () => {
    if (!file) return Promise.resolve();
    const text = JSON.stringify({ generation: state.generation, revoked: Object.fromEntries(state.revoked) });
    // Written whole then renamed, one save after another: a crash leaves the old list or the new one.
    saving = saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, text, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
    return saving;
  };
  const parse = (value: string | undefined) => {
    const match = COOKIE_VALUE.exec(value ?? '');
    return match ? { expiresAt: Number(match[1]), id: match[2]!, mac: match[3]! } : null;
  };
  const isValid = (value: string | undefined, now = Date.now()) => {
    const cookie = parse(value);
    if (!cookie || cookie.expiresAt * 1000 <= now) return false;
    return isSameSecret(cookie.mac, signature(cookie.id, cookie.expiresAt)) && !state.revoked.has(cookie.id);
  };
  return {
    issue(now = Date.now()) {
      const expiresAt = Math.floor(now / 1000) + SESSION_SECONDS;
      const id = randomBytes(16).toString('base64url');
      return `${expiresAt}.${id}.${signature(id, expiresAt)}`;
    },
    isValid,
    async revoke(values, now = Date.now()) {
      const ended = values.flatMap((value) => (isValid(value, now) ? [parse(value)!] : []));
      if (ended.length === 0) return;
      const nowSeconds = Math.floor(now / 1000);
      for (const [id, expiresAt] of state.revoked) if (expiresAt <= nowSeconds) state.revoked.delete(id);
      for (const { id, expiresAt } of ended) state.revoked.set(id, expiresAt);
      if (state.revoked.size > MAX_REVOKED) {
        state.generation += 1;
        state.revoked.clear();
      }
      await save();
    },
  };
}

/** Every value of the cookie `name` in a Cookie header: a browser sends one per path, longest path first (RFC 6265 §5.4). */
export function cookieValues(header: string | undefined, name: string): string[] {
  return (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1).replace(/^"(.*)"$/, '$1'));
}
