import type { Context } from 'hono';
import { isIPv6 } from 'node:net';

/** The eight groups of an IPv6 address, each as four hex digits. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.padStart(4, '0'));
}

/**
 * Who a throttle counts as one client: an IPv4 address (also when written IPv4-mapped), or an
 * IPv6 /64, since one host usually holds a whole /64 and could otherwise hop between addresses.
 * `X-Forwarded-For` is not read: anyone can write it; behind a proxy every client is the proxy.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address.toLowerCase()).slice(0, 4).join(':')}::/64`;
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The peer address of the request's connection; `unknown` without one (`app.request` in tests). */
export function clientAddressOf(c: Context): string {
  // @hono/node-server passes `{ incoming, outgoing }` as the context's env.
  const bindings = c.env as NodeBindings | undefined;
  return clientKey(bindings?.incoming?.socket?.remoteAddress);
}
