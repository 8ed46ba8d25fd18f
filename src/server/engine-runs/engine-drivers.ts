import { engineAvailability } from '../../engines/availability';
import type { Engine, EngineAvailability, EngineName } from '../../engines/engine';
import { launch, type AnyLaunchOptions } from '../../engines/launch';
import { hostPortOf } from './page-proxy';

/** Pages of `origin` are to be fetched from 127.0.0.1:`port` (the command's page server). */
export interface PageRoute {
  origin: string;
  port: number;
}

/** Each test origin's host and port resolve to the page server's listener: Chromium then sends that origin. */
function hostResolverRules(routes: readonly PageRoute[]): string {
  return routes.map(({ origin, port }) => `MAP ${hostPortOf(origin)} 127.0.0.1:${port}`).join(',');
}

/**
 * A proxy auto-config script for Firefox: the test origins' pages through the page server's proxy,
 * everything else (the bucket above all, so its CORS answer is its own) direct.
 */
function proxyAutoConfig(routes: readonly PageRoute[], proxyPort: number): string {
  const hostPorts = JSON.stringify(routes.map((route) => hostPortOf(route.origin)));
  const script = `function FindProxyForURL(url, host) {
  var m = /^(\\w+):\\/\\/[^/]*?:?(\\d*)(?:\\/|$)/.exec(url);
  var port = m && m[2] ? m[2] : (m && m[1] === 'https' ? '443' : '80');
  return ${hostPorts}.indexOf(host.toLowerCase() + ':' + port) >= 0 ? 'PROXY 127.0.0.1:${proxyPort}' : 'DIRECT';
}`;
  return `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(script).toString('base64')}`;
}

export const engineAvailable = (name: EngineName): EngineAvailability => engineAvailability(name);

/** What the launch needs to route origins: the routes, the page server's proxy, and the storage hosts that stay direct. */
export interface Routing {
  routes: readonly PageRoute[];
  proxyPort: number | undefined;
  /** The bucket's hosts (`127.0.0.1:8000`, `*.amazonaws.com`): never through the proxy, so the engine judges their real answer. */
  directHosts: readonly string[];
}

/**
 * Chromium with its test pages on the public address space (Local Network Access): the ports the
 * pages are served from on 127.0.0.1, and whether every page is granted the permission.
 */
export interface PublicPages {
  ports: readonly number[];
  permission: boolean;
}

/**
 * `--ip-address-space-overrides` makes Chromium take the pages' loopback ports as public, so a
 * fetch of the bucket on loopback or a private address meets Local Network Access as it would from
 * a real public site (shared/design/browser-engines.md); the permission is Playwright's grant.
 */
function publicPagesOptions(name: EngineName, pages: PublicPages | undefined): Pick<AnyLaunchOptions, 'args' | 'permissions'> {
  if (name !== 'chromium' || !pages) return {};
  const overrides = pages.ports.map((port) => `127.0.0.1:${port}=public`).join(',');
  return { args: [`--ip-address-space-overrides=${overrides}`], ...(pages.permission ? { permissions: ['local-network-access'] } : {}) };
}

/** The launch options that route the tests' origins to the page server, per engine. */
function routingOptions(name: EngineName, { routes, proxyPort, directHosts }: Routing): Omit<AnyLaunchOptions, 'timeoutMs'> {
  if (routes.length === 0) return {};
  if (name === 'chromium') return { args: [`--host-resolver-rules=${hostResolverRules(routes)}`, '--ignore-certificate-errors'] };
  if (proxyPort === undefined) return {};
  if (name === 'firefox') {
    return {
      acceptInsecureCerts: true,
      prefs: {
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': proxyAutoConfig(routes, proxyPort),
        // Loopback origins the page server could not listen on are routed too; the PAC script decides.
        'network.proxy.allow_hijacking_localhost': true,
      },
    };
  }
  // MiniBrowser takes a proxy for every host but the ignored ones (no PAC): the bucket's hosts are
  // ignored, and the proxy passes the page server's own pages, refusing anything else. (The
  // WebDriver `proxy` capability would not do: WebKit speaks TLS to its `sslProxy`.)
  return { browserArgs: [`--proxy=http://127.0.0.1:${proxyPort}`, ...directHosts.map((host) => `--ignore-host=${host}`), '--ignore-tls-errors'] };
}

/** Launches the engine (src/engines), routing the tests' origins to the page server, and in Chromium with public pages when asked. */
export function launchEngine(name: EngineName, routing: Routing, timeoutMs: number, publicPages?: PublicPages): Promise<Engine> {
  const routed = routingOptions(name, routing);
  const local = publicPagesOptions(name, publicPages);
  return launch(name, { timeoutMs, ...routed, ...local, ...(routed.args || local.args ? { args: [...(routed.args ?? []), ...(local.args ?? [])] } : {}) });
}
