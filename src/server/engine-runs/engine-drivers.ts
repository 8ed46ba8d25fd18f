import { engineAvailability } from '../../engines/availability';
import type { Engine, EngineAvailability, EngineName } from '../../engines/engine';
import { launch } from '../../engines/launch';

/** Pages of `origin` are to be fetched from 127.0.0.1:`port` (the command's page server). */
export interface PageRoute {
  origin: string;
  port: number;
}

/** Each test origin's host and port resolve to the page server's listener: Chromium then sends that origin. */
function hostResolverRules(routes: readonly PageRoute[]): string {
  return routes
    .map(({ origin, port }) => {
      const url = new URL(origin);
      return `MAP ${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')} 127.0.0.1:${port}`;
    })
    .join(',');
}

export const engineAvailable = (name: EngineName): EngineAvailability => engineAvailability(name);

/**
 * Whether the engine can open a page at an origin that is not really on this host
 * (`https://app.example.com`): Chromium can, through `--host-resolver-rules` (and
 * `--ignore-certificate-errors` for the page server's self-signed certificate). Firefox ESR and
 * WebKitGTK take no such setting from the drivers, so they run the tests whose origin the command
 * can serve itself (its own page, or a loopback origin with a free port).
 */
export const routesOrigins = (name: EngineName): boolean => name === 'chromium';

/** Launches the engine (src/engines), routing the tests' origins to the page server where it can. */
export function launchEngine(name: EngineName, routes: readonly PageRoute[], timeoutMs: number): Promise<Engine> {
  if (name !== 'chromium' || routes.length === 0) return launch(name, { timeoutMs });
  return launch(name, { timeoutMs, args: [`--host-resolver-rules=${hostResolverRules(routes)}`, '--ignore-certificate-errors'] });
}
