import { createServer } from 'node:net';

/** Whether an error (or one it wraps) is a busy port, however the layer that bound it reported it. */
function isAddressInUse(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
    if ((at as NodeJS.ErrnoException).code === 'EADDRINUSE' || at.message.includes('EADDRINUSE')) return true;
  }
  return false;
}

/**
 * A busy port, as a person can act on it: the port, what wanted it, and the variable that picks
 * another. Null for any other failure, which the caller reports as it is.
 */
export function portInUse(error: unknown, { port, what, variable }: { port: number; what: string; variable: string }): Error | null {
  if (!isAddressInUse(error)) return null;
  return new Error(`Port ${port} (${what}) is in use: set ${variable} to a free port (0 picks one).`, { cause: error });
}

/**
 * Fails with the {@link portInUse} message when `port` is taken on `host`, by binding it for a
 * moment. For servers that do not report a busy port themselves: s3rver 3.7's `run()` passes its
 * callback to `listen` as the listening handler, so EADDRINUSE is an unhandled `error` event (a
 * stack trace and an exit), and its promise never settles. Port 0 is always free.
 */
export async function ensurePortFree(host: string, port: number, what: { what: string; variable: string }): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(portInUse(error, { port, ...what }) ?? error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
