import { isIP } from 'node:net';
import { sessionCookieName } from './session';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** Whether a listening address only accepts connections from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/** A host as it appears in a URL's authority (IPv6 in brackets). */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
}

/** The URL's port, or its scheme's default (URL drops default ports). */
export function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * Who may use the console's API. A request must name the console in `Host` (so a DNS-rebound
 * name cannot reach a loopback console), come from the console's own origin, and, when a token
 * is set, carry a session.
 */
export interface AccessPolicy {
  /** Whether the request URL's host and port (from `Host`) name this console. */
  isConsoleHost(url: URL): boolean;
  /** The access token; `null` when the console needs none (loopback without a configured token). */
  readonly token: string | null;
  /** The origins the console is reached at, for messages. */
  origins(): string[];
  /** The session cookie's name, which names the console's port. */
  sessionCookie(): string;
}

export interface AccessPolicyOptions {
  /** The address the console listens on (`HOST`). */
  listenHost: string;
  /** The port it actually listens on; read per request because port 0 is bound late. */
  port: () => number;
  token: string | null;
}

/**
 * The policy of a listening console: the loopback names and the listening host on the bound
 * port. On a wildcard address (0.0.0.0, ::) the console's names are unknown, so any Host is
 * accepted and the token (always required there) is what keeps strangers out.
 */
export function accessPolicy({ listenHost, port, token }: AccessPolicyOptions): AccessPolicy {
  const wildcard = WILDCARD_ADDRESSES.has(listenHost);
  const names = () => [...new Set([...LOOPBACK_NAMES, ...(wildcard ? [] : [urlHost(listenHost)])])];
  return {
    token,
    isConsoleHost: (url) => wildcard || (names().includes(url.hostname) && portOf(url) === String(port())),
    origins: () => names().map((name) => `http://${name}:${port()}`),
    sessionCookie: () => sessionCookieName(port()),
  };
}

/**
 * For `createApp` without a listening address (tests through `app.request`): loopback names on
 * any port, no token.
 */
export function loopbackAccess(): AccessPolicy {
  return {
    token: null,
    isConsoleHost: (url) => LOOPBACK_NAMES.includes(url.hostname),
    origins: () => LOOPBACK_NAMES.map((name) => `http://${name}`),
    sessionCookie: () => sessionCookieName('app'),
  };
}
