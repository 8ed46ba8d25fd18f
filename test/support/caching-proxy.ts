import { runPeerScript } from './peer-script';
import { resolve } from 'node:path';
import { allowOriginValues as coreAllowOriginValues } from '../../src/core';
import { sendRaw, type RawResponse } from './signed-http';

/**
 * A real caching proxy (Debian's Varnish) in front of one S3 endpoint, for issue 19's cache check:
 * scripts/cache-proxy.sh starts one foreground varnishd in its own temp folder with a loopback
 * listener per setup of scripts/cache-proxy.vcl (the configuration lives there only, and the
 * setups are described there). Varnish, not nginx: nginx's proxy_cache_methods cannot cache OPTIONS.
 */
export const POISONING_SETUPS = ['poison-no-vary', 'poison-origin-replay', 'poison-preflight', 'poison-duplicate-acao', 'poison-stale'] as const;
export const CORRECT_SETUPS = ['correct-vary', 'correct-origin-key', 'correct-no-preflight-cache', 'correct-no-cors-headers', 'correct-short-ttl'] as const;
export const CACHE_PROXY_SETUPS = [...POISONING_SETUPS, ...CORRECT_SETUPS] as const;
export type CacheProxySetup = (typeof CACHE_PROXY_SETUPS)[number];

export const CACHE_PROXY_INSTALL_HINT = 'apt-get update && apt-get install -y varnish';

const SCRIPT = resolve('scripts/cache-proxy.sh');

export interface CachingProxy {
  /** The S3 endpoint behind the proxy. */
  upstream: string;
  /** Each setup's endpoint (http://127.0.0.1:PORT), path-style like the upstream: ENDPOINT/bucket/key. */
  endpoints: Record<CacheProxySetup, string>;
  /** varnishd's PID (the manager; it stops its cache child itself). */
  pid: number;
  /** The folder the script started it in: config, work dir, log. Removed by stop(). */
  dir: string;
  /** Stops exactly the varnishd it started and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface CachingProxyOptions {
  /** correct-short-ttl's TTL in VCL syntax (default 1s). */
  shortTtl?: string;
}

function envKey(setup: CacheProxySetup): string {
  return `CACHE_PROXY_${setup.toUpperCase().replace(/-/g, '_')}`;
}

/** Starts the proxy in front of `upstream` (http://HOST:PORT); throws with the script's explanation. */
export async function startCachingProxy(upstream: string, options: CachingProxyOptions = {}): Promise<CachingProxy> {
  // The script's watchdog stops the proxy once this process is gone, even if it never calls stop().
  const env: Record<string, string> = { CACHE_PROXY_WATCH_PID: String(process.pid) };
  if (options.shortTtl) env['CACHE_PROXY_SHORT_TTL'] = options.shortTtl;
  const started = await runPeerScript(SCRIPT, ['start', upstream], env);
  const lines = started.values;
  const dir = lines['CACHE_PROXY_DIR'];
  const pid = Number(lines['CACHE_PROXY_PID']);
  const endpoints = Object.fromEntries(CACHE_PROXY_SETUPS.map((s) => [s, lines[envKey(s)] ?? ''])) as Record<CacheProxySetup, string>;
  if (started.code !== 0 || !dir || !Number.isInteger(pid) || Object.values(endpoints).some((e) => !e)) {
    throw new Error(
      `The caching proxy (Varnish) did not start in front of ${upstream}; install it with: ${CACHE_PROXY_INSTALL_HINT}\n` +
        `scripts/cache-proxy.sh exited with ${started.code}:\n${started.stderr}${started.stdout}`,
    );
  }
  let stopped: Promise<void> | undefined;
  return {
    upstream,
    endpoints,
    pid,
    dir,
    stop: () =>
      (stopped ??= runPeerScript(SCRIPT, ['stop', dir]).then((r) => {
        if (r.code !== 0) throw new Error(`scripts/cache-proxy.sh stop ${dir} exited with ${r.code}: ${r.stderr}`);
      })),
  };
}

/** A raw answer through the proxy: `lines` keeps a duplicated Access-Control-Allow-Origin visible. */
export type ProxyAnswer = RawResponse;

/** Sends one request as written (no header added), on a connection of its own. */
export function proxyRequest(url: string, method: string, headers: Record<string, string | undefined> = {}): Promise<ProxyAnswer> {
  return sendRaw(url, method, headers, undefined, { freshConnection: true, timeoutMs: 15_000 });
}

/** Every Access-Control-Allow-Origin value of an answer, read as the core's cache check reads it. */
export function allowOriginValues(answer: ProxyAnswer): string[] {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of answer.lines) (headers[name] ??= []).push(value);
  return coreAllowOriginValues({ status: answer.status, headers });
}

/** The cache's own verdict on an answer: X-Cache as the VCL sets it, checked against X-Varnish. */
export function cacheStatus(answer: ProxyAnswer): 'HIT' | 'MISS' | 'PASS' | undefined {
  const status = answer.headers['x-cache'];
  return status === 'HIT' || status === 'MISS' || status === 'PASS' ? status : undefined;
}

/** Polls `probe` until `done` says so (a cache's TTL, a rule change reaching the server), or throws with the last value. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
