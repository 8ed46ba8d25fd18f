/** Wrong tokens per client in {@link WRONG_TOKEN_WINDOW_MS} before its token checks pause (README's limits table quotes both). */
export const MAX_WRONG_TOKENS = 10;
export const WRONG_TOKEN_WINDOW_MS = 60_000;

/** Where a wrong token came: an `Authorization: Bearer` header, or `POST /api/session`. */
export type TokenAttempt = 'bearer' | 'sign-in';

export interface AuthThrottleOptions {
  /** Wrong tokens per client in a window before its token checks pause. */
  maxFailures?: number;
  windowMs?: number;
  /** Clients remembered at once; the oldest is forgotten beyond it, so memory stays bounded. */
  maxClients?: number;
  now?: () => number;
  log?: (line: string) => void;
}

interface ClientRecord {
  failures: number[];
  /** When this client's last "paused" or invalid-cookie line was logged, so a flood writes one line a window. */
  loggedPauseAt?: number;
  loggedCookieAt?: number;
}

export interface AuthThrottle {
  /** Seconds until a wrong token of this client ages out of the window, when its token checks are paused; else 0. */
  pausedFor(client: string): number;
  /** A wrong token (Bearer or sign-in): counted and logged. */
  recordWrongToken(client: string, attempt: TokenAttempt): void;
  /**
   * A cookie that is no valid session: logged, never counted. An HMAC-SHA256 cannot be guessed,
   * and counting it would let a page on another port of the same host lock the user out by
   * planting a cookie of the console's name (cookies do not keep ports apart, RFC 6265 §8.5).
   */
  recordInvalidCookie(client: string): void;
}

/**
 * Counts wrong tokens per client (address) in a sliding window: after `maxFailures` (10) in a
 * minute, that client's token checks are refused with 429 until the oldest ages out, while other
 * clients (the right token elsewhere) are untouched. Every wrong token is logged, and a paused
 * client's further tries one line a window.
 */
export function createAuthThrottle({ maxFailures = MAX_WRONG_TOKENS, windowMs = WRONG_TOKEN_WINDOW_MS, maxClients = 10_000, now = Date.now, log = () => {} }: AuthThrottleOptions = {}): AuthThrottle {
  const clients = new Map<string, ClientRecord>();
  const recordOf = (client: string): ClientRecord => {
    const at = now();
    let record = clients.get(client);
    if (record) {
      record.failures = record.failures.filter((t) => at - t < windowMs);
      // Re-inserted, so the Map's order is least recently seen first.
      clients.delete(client);
    } else {
      record = { failures: [] };
      if (clients.size >= maxClients) clients.delete(clients.keys().next().value!);
    }
    clients.set(client, record);
    return record;
  };
  const isRecent = (at: number | undefined) => at !== undefined && now() - at < windowMs;

  return {
    pausedFor(client) {
      const record = recordOf(client);
      if (record.failures.length < maxFailures) return 0;
      const seconds = Math.max(1, Math.ceil((record.failures[0]! + windowMs - now()) / 1000));
      if (!isRecent(record.loggedPauseAt)) {
        record.loggedPauseAt = now();
        log(`authentication paused for ${client}: ${record.failures.length} wrong tokens in the last ${windowMs / 1000} s; token checks refused for ${seconds} s`);
      }
      return seconds;
    },
    recordWrongToken(client, attempt) {
      const record = recordOf(client);
      record.failures.push(now());
      log(`authentication failed from ${client}: wrong ${attempt === 'bearer' ? 'Bearer token' : 'token at sign-in'} (${record.failures.length} of ${maxFailures} in ${windowMs / 1000} s)`);
    },
    recordInvalidCookie(client) {
      const record = recordOf(client);
      if (isRecent(record.loggedCookieAt)) return;
      record.loggedCookieAt = now();
      log(`authentication failed from ${client}: a session cookie that is not valid (expired, revoked, from another token, or planted); ignored`);
    },
  };
}
