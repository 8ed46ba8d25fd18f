import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CACHE_PROXY_SETUPS,
  allowOriginValues,
  cacheStatus,
  proxyRequest,
  startCachingProxy,
  type CacheProxySetup,
  type CachingProxy,
  type ProxyAnswer,
  waitFor,
} from '../support/caching-proxy';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 19, item 4: a real caching proxy (Varnish, scripts/cache-proxy.sh) in front of s3rver and
// of the RGW peer, with five setups that poison CORS answers and five correct ones
// (scripts/cache-proxy.vcl). Each test sends raw requests through one setup, and compares with
// what the bucket itself answers, to show the setup reproduces its failure or does not.
//
// What the two servers send (observed here, asserted by the first test of each backend):
// - Neither sends Vary to a GET without Origin (s3rver 3.7.1, Ceph RGW 16.2.15 of Debian bookworm), so a
//   cache that keys on the URL alone stores that answer as good for every request: setup (a)
//   poisons on both. With Origin, s3rver sends "Vary: Origin, Access-Control-Request-Headers,
//   Access-Control-Request-Method", RGW "Vary: Origin"; both on preflights too.
// - A GET with an allowed Origin gets that origin reflected in ACAO on both. An allowed preflight
//   gets "Access-Control-Allow-Origin: *" from s3rver whatever the rule lists (its cors
//   middleware), the origin reflected from RGW; a refused one 403 on both.
// - Varnish cannot send one header twice: setup (d)'s second ACAO value is joined to the
//   bucket's on one line ("A, *"), which is the same list (RFC 9110 5.3) and refused alike.
// - correct-short-ttl serves the old answer for up to its TTL (1 s) after a rule change: a check
//   that compares a hit with the bucket's answer right after a change can see that window.

const A = 'https://app-a.example';
const B = 'https://app-b.example';
const KEY = 'asset.txt';

const corsXml = (origins: string[]) =>
  `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}` +
  `<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>` +
  `<MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

// Unique per run: every test file shares the one RGW and its bucket namespace.
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

const preflight = (origin: string) => ({ origin, 'access-control-request-method': 'GET' });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0);

describe('the caching proxy process', () => {
  it('stop ends exactly what start started (varnishd, its cache child, the watchdog) and removes its folder', async () => {
    // The upstream is never asked: the readiness path is answered by the VCL itself.
    const proxy = await startCachingProxy('http://127.0.0.1:9');
    const children = childrenOf(proxy.pid);
    expect(children).toHaveLength(1);
    // The watchdog that stops the proxy if this test process dies without stop().
    const watchdog = Number(readFileSync(`${proxy.dir}/watchdog.pid`, 'utf8'));
    expect(readFileSync(`/proc/${watchdog}/cmdline`, 'utf8').replace(/\0/g, ' ')).toContain(`cache-proxy-watchdog ${proxy.dir} ${process.pid}`);
    expect(Object.values(proxy.endpoints).every((e) => /^http:\/\/127\.0\.0\.1:\d+$/.test(e))).toBe(true);
    expect(new Set(Object.values(proxy.endpoints)).size).toBe(10);
    expect(existsSync(`${proxy.dir}/cache-proxy.vcl`)).toBe(true);
    await proxy.stop();
    await proxy.stop();
    expect([proxy.pid, ...children, watchdog].filter(alive)).toEqual([]);
    expect(existsSync(proxy.dir)).toBe(false);
  }, 60_000);

  it('the script and the support module name the same setups', () => {
    const named = execFileSync('bash', ['scripts/cache-proxy.sh', 'setups'], { encoding: 'utf8' }).trim().split('\n');
    expect(named).toEqual([...CACHE_PROXY_SETUPS]);
  });

  it('refuses an upstream that is not http://HOST:PORT, saying how to call it', async () => {
    await expect(startCachingProxy('https://bucket.example.com/')).rejects.toThrow(/usage: .*start http:\/\/HOST:PORT/);
  }, 30_000);
});

describe.each(STORAGE_BACKENDS)('a real caching proxy in front of %s', (backend) => {
  const storage = useStorageBackend(backend);
  let proxy: CachingProxy;

  beforeAll(async () => {
    proxy = await startCachingProxy(storage.current.endpoint);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
  }, 30_000);

  /** A bucket of its own for one setup, with one public object and a CORS rule for `origins`. */
  async function arrange(setup: CacheProxySetup, origins: string[], label: string = setup) {
    const bucket = `cp-${label}-${RUN}`;
    await storage.current.createBucket(bucket);
    await storage.current.putObject(bucket, KEY, 'hello');
    expect((await storage.current.putCors(bucket, corsXml(origins))).status).toBe(200);
    const path = `/${bucket}/${KEY}`;
    const viaProxy = (method: string, headers: Record<string, string> = {}) => proxyRequest(`${proxy.endpoints[setup]}${path}`, method, headers);
    const direct = (method: string, headers: Record<string, string> = {}) => proxyRequest(`${storage.current.endpoint}${path}`, method, headers);
    /** Changes the rule, and waits until the bucket itself answers by the new one. */
    const changeRule = async (newOrigins: string[], probe: { method: string; origin: string }) => {
      expect((await storage.current.putCors(bucket, corsXml(newOrigins))).status).toBe(200);
      const allowed = newOrigins.includes(probe.origin);
      const headers = probe.method === 'OPTIONS' ? preflight(probe.origin) : { origin: probe.origin };
      // A preflight by its status (s3rver allows with ACAO *), a GET by its ACAO.
      const byNewRule = (r: ProxyAnswer) => (probe.method === 'OPTIONS' ? (r.status === 200) === allowed : allowOriginValues(r).includes(probe.origin) === allowed);
      await waitFor(`${backend} answers by the new rule`, () => direct(probe.method, headers), byNewRule);
    };
    return { bucket, viaProxy, direct, changeRule };
  }

  const signs = (r: ProxyAnswer) => ({ status: r.status, acao: allowOriginValues(r), cache: cacheStatus(r), vary: r.headers['vary'] });

  it('the setups answer with the cache\'s own signs; what the bucket sends as Vary', async () => {
    const { viaProxy, direct } = await arrange('correct-origin-key', [A, B], 'signs');
    const plain = await direct('GET');
    const cors = await direct('GET', { origin: A });
    const corsPreflight = await direct('OPTIONS', preflight(A));
    // No Vary without Origin, on both servers: what makes setup (a) poison.
    expect(plain.headers['vary']).toBeUndefined();
    const varyWithOrigin = backend === 's3rver' ? 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method' : 'Origin';
    expect(cors.headers['vary']).toBe(varyWithOrigin);
    expect(corsPreflight.headers['vary']).toBe(varyWithOrigin);
    expect(allowOriginValues(plain)).toEqual([]);
    expect(allowOriginValues(cors)).toEqual([A]);
    const first = await viaProxy('GET', { origin: A });
    expect(first.headers['x-varnish']).toMatch(/^\d+$/);
    expect(first.headers['age']).toBe('0');
    expect(first.headers['via']).toMatch(/varnish/i);
    expect(cacheStatus(first)).toBe('MISS');
    const second = await viaProxy('GET', { origin: A });
    // A hit names two transactions: this one and the one that stored the object.
    expect(second.headers['x-varnish']).toMatch(/^\d+ \d+$/);
    expect(cacheStatus(second)).toBe('HIT');
  });

  describe('poisoning setups reproduce their failure', () => {
    it('(a) poison-no-vary: the answer to a request without Origin is replayed to a CORS request, without ACAO', async () => {
      const { viaProxy, direct } = await arrange('poison-no-vary', [A, B]);
      const plain = await viaProxy('GET');
      expect(signs(plain)).toMatchObject({ status: 200, acao: [], cache: 'MISS' });
      const cors = await viaProxy('GET', { origin: A });
      expect(signs(cors)).toMatchObject({ status: 200, acao: [], cache: 'HIT' });
      // The bucket itself allows A.
      expect(allowOriginValues(await direct('GET', { origin: A }))).toEqual([A]);
    });

    it('(b) poison-origin-replay: the ACAO reflected for origin A is replayed to origin B', async () => {
      const { viaProxy, direct } = await arrange('poison-origin-replay', [A, B]);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      expect(signs(await viaProxy('GET', { origin: B }))).toMatchObject({ status: 200, acao: [A], cache: 'HIT' });
      expect(allowOriginValues(await direct('GET', { origin: B }))).toEqual([B]);
    });

    it('(c) poison-preflight: after a rule change the old preflight answer is still served, with its Age', async () => {
      const { viaProxy, direct, changeRule } = await arrange('poison-preflight', [A, B]);
      // What the bucket allows a preflight with: s3rver answers ACAO * to any allowed preflight, RGW reflects A.
      const allowedWith = allowOriginValues(await direct('OPTIONS', preflight(A)));
      expect(allowedWith).toEqual([backend === 's3rver' ? '*' : A]);
      expect(signs(await viaProxy('OPTIONS', preflight(A)))).toMatchObject({ status: 200, acao: allowedWith, cache: 'MISS' });
      await changeRule([B], { method: 'OPTIONS', origin: A });
      expect((await direct('OPTIONS', preflight(A))).status).toBe(403);
      // Served from the cache, growing older (Age counts whole seconds: wait for 1).
      const stale = await waitFor('a cached preflight with Age >= 1', () => viaProxy('OPTIONS', preflight(A)), (r) => Number(r.headers['age']) >= 1, 10_000);
      expect(signs(stale)).toMatchObject({ status: 200, acao: allowedWith, cache: 'HIT' });
    });

    it('(d) poison-duplicate-acao: the proxy adds its own ACAO to the bucket\'s, two values', async () => {
      const { viaProxy, direct } = await arrange('poison-duplicate-acao', [A, B]);
      expect(allowOriginValues(await direct('GET', { origin: A }))).toEqual([A]);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A, '*'] });
      // Without Origin the bucket sends none, and the proxy's own stands alone.
      expect(allowOriginValues(await viaProxy('GET'))).toEqual(['*']);
    });

    it('(e) poison-stale: a correctly keyed answer is replayed after a rule change (long TTL, no purge)', async () => {
      const { viaProxy, direct, changeRule } = await arrange('poison-stale', [A, B]);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      // Keyed on Origin: B and no Origin get their own answers.
      expect(signs(await viaProxy('GET', { origin: B }))).toMatchObject({ acao: [B], cache: 'MISS' });
      await changeRule([B], { method: 'GET', origin: A });
      expect(allowOriginValues(await direct('GET', { origin: A }))).toEqual([]);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'HIT' });
    });
  });

  describe('correct setups do not', () => {
    it('(f) correct-vary: the no-Origin answer is never served to a CORS request', async () => {
      const { viaProxy } = await arrange('correct-vary', [A, B]);
      const plain = await viaProxy('GET');
      expect(signs(plain)).toMatchObject({ status: 200, acao: [], cache: 'MISS' });
      // The proxy stored it with the Vary: Origin the bucket left out.
      expect(plain.headers['vary']).toMatch(/origin/i);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      expect(signs(await viaProxy('GET', { origin: B }))).toMatchObject({ status: 200, acao: [B], cache: 'MISS' });
      // It still caches: each variant is a hit the second time.
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ acao: [A], cache: 'HIT' });
      expect(signs(await viaProxy('GET'))).toMatchObject({ acao: [], cache: 'HIT' });
    });

    it('(g) correct-origin-key: each origin gets the ACAO made for it', async () => {
      const { viaProxy } = await arrange('correct-origin-key', [A, B]);
      expect(signs(await viaProxy('GET'))).toMatchObject({ acao: [], cache: 'MISS' });
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      expect(signs(await viaProxy('GET', { origin: B }))).toMatchObject({ status: 200, acao: [B], cache: 'MISS' });
      expect(signs(await viaProxy('GET', { origin: B }))).toMatchObject({ acao: [B], cache: 'HIT' });
    });

    it('(h) correct-no-preflight-cache: preflights go to the bucket every time, so a rule change shows at once', async () => {
      const { viaProxy, direct, changeRule } = await arrange('correct-no-preflight-cache', [A, B]);
      const allowedWith = allowOriginValues(await direct('OPTIONS', preflight(A)));
      expect(allowedWith).toEqual([backend === 's3rver' ? '*' : A]);
      expect(signs(await viaProxy('OPTIONS', preflight(A)))).toMatchObject({ status: 200, acao: allowedWith, cache: 'PASS' });
      expect(signs(await viaProxy('OPTIONS', preflight(A)))).toMatchObject({ status: 200, acao: allowedWith, cache: 'PASS' });
      await changeRule([B], { method: 'OPTIONS', origin: A });
      expect(signs(await viaProxy('OPTIONS', preflight(A)))).toMatchObject({ status: 403, acao: [], cache: 'PASS' });
    });

    it('(i) correct-no-cors-headers: the bucket\'s one ACAO value, nothing added', async () => {
      const { viaProxy } = await arrange('correct-no-cors-headers', [A, B]);
      const first = await viaProxy('GET', { origin: A });
      expect(signs(first)).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      expect(first.lines.filter(([name]) => name === 'access-control-allow-origin')).toHaveLength(1);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ acao: [A], cache: 'HIT' });
      expect(allowOriginValues(await viaProxy('GET'))).toEqual([]);
    });

    it('(j) correct-short-ttl: it caches, and a rule change shows once the 1 s TTL has run out', async () => {
      const { viaProxy, changeRule } = await arrange('correct-short-ttl', [A, B]);
      expect(signs(await viaProxy('GET', { origin: A }))).toMatchObject({ status: 200, acao: [A], cache: 'MISS' });
      // A hit within the TTL (on a loaded machine the second request may come after it: poll).
      await waitFor('a hit within the TTL', () => viaProxy('GET', { origin: A }), (r) => cacheStatus(r) === 'HIT');
      await changeRule([B], { method: 'GET', origin: A });
      const changedAt = Date.now();
      const fresh = await waitFor('the new rule through the proxy', () => viaProxy('GET', { origin: A }), (r) => allowOriginValues(r).length === 0, 10_000);
      expect(fresh.status).toBe(200);
      // TTL 1 s, no grace: bounded by the TTL (plus slack for a loaded machine).
      expect(Date.now() - changedAt).toBeLessThan(5_000);
    });
  });
});
