import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheCheckResult } from '../../src/contract/api';
import type { CacheFindingCode, CacheFixCode } from '../../src/core';
import { POISONING_SETUPS, CORRECT_SETUPS, allowOriginValues, proxyRequest, startCachingProxy, type CacheProxySetup, type CachingProxy, type ProxyAnswer, waitFor } from '../support/caching-proxy';
import { runCli } from '../support/cli';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 19's detection table: `cors-console cache-check`, run as a user runs it (the built CLI, a
// profiles file whose publicUrls point at a real Varnish setup in front of the bucket), on s3rver
// and on the Ceph RGW peer. Each cache is primed as the real-world failure primes it (see
// test/e2e/cache-proxy.test.ts, which shows each setup reproduces its failure); the check must
// name each of the 5 poisonings with the right finding and fix, and find nothing in the 5 correct
// setups, even when primed and after a rule change.

const A = 'https://app-a.example';
const B = 'https://app-b.example';
const KEY = 'asset.txt';
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const CLI_TIMEOUT_MS = 60_000;

const corsXml = (origins: string[]) =>
  `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}` +
  `<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>` +
  `<MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
const preflight = (origin: string) => ({ origin, 'access-control-request-method': 'PUT' });

const cli = (args: string[], env: Record<string, string>) => runCli(['cache-check', ...args], env, CLI_TIMEOUT_MS);

/** What each poisoning must be named as, and the fix that goes with it for Varnish. */
const EXPECTED: Record<(typeof POISONING_SETUPS)[number], { finding: CacheFindingCode; fix: CacheFixCode }> = {
  'poison-no-vary': { finding: 'cache.no-vary-origin', fix: 'varnish-hash-origin' },
  'poison-origin-replay': { finding: 'cache.other-origin-replayed', fix: 'varnish-hash-origin' },
  'poison-preflight': { finding: 'cache.preflight-cached', fix: 'no-cache-preflight' },
  'poison-duplicate-acao': { finding: 'cache.multiple-allow-origin', fix: 'remove-added-allow-origin' },
  'poison-stale': { finding: 'cache.stale-answer', fix: 'purge-cache' },
};

describe.each(STORAGE_BACKENDS)('cors-console cache-check through a real caching proxy in front of %s', (backend) => {
  const storage = useStorageBackend(backend);
  let proxy: CachingProxy;
  let dir: string;
  let env: Record<string, string>;
  const bucketOf = (setup: CacheProxySetup) => `cc-${setup}-${RUN}`;
  const table: Array<{ setup: CacheProxySetup; findings: string[]; detected: boolean }> = [];

  beforeAll(async () => {
    proxy = await startCachingProxy(storage.current.endpoint);
    dir = await mkdtemp(join(tmpdir(), 'cache-check-e2e-'));
    const written = await storage.current.writeProfilesFile(dir, backend);
    // The backend's own profile, with each setup's bucket behind that setup's listener.
    const publicUrls = Object.fromEntries([...POISONING_SETUPS, ...CORRECT_SETUPS].map((setup) => [bucketOf(setup), `${proxy.endpoints[setup]}/{bucket}/{key}`]));
    const file = JSON.parse(await readFile(written.path, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    file.profiles[0]!['publicUrls'] = publicUrls;
    file.profiles.push({ ...file.profiles[0], id: 'no-cdn', publicUrls: undefined });
    await writeFile(written.path, JSON.stringify(file, null, 2));
    env = { CORS_CONSOLE_CONFIG: written.path, CORS_CONSOLE_DATA: join(dir, 'data'), ...written.env };
    for (const setup of [...POISONING_SETUPS, ...CORRECT_SETUPS]) {
      await storage.current.createBucket(bucketOf(setup));
      await storage.current.putObject(bucketOf(setup), KEY, 'hello');
      expect((await storage.current.putCors(bucketOf(setup), corsXml([A, B]))).status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await proxy?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    const detected = table.filter((row) => POISONING_SETUPS.includes(row.setup as never) && row.detected).length;
    const falseAlarms = table.filter((row) => CORRECT_SETUPS.includes(row.setup as never) && row.findings.length).length;
    console.log(
      [`cache-check detection table on ${backend}:`, ...table.map((row) => `  ${row.setup.padEnd(28)} ${row.findings.join(', ') || '(no finding)'}`), `  ${detected}/5 detected, ${falseAlarms} false alarms`].join('\n'),
    );
  }, 30_000);

  const viaProxy = (setup: CacheProxySetup, method: string, headers: Record<string, string> = {}) => proxyRequest(`${proxy.endpoints[setup]}/${bucketOf(setup)}/${KEY}`, method, headers);
  const direct = (setup: CacheProxySetup, method: string, headers: Record<string, string> = {}) => proxyRequest(`${storage.current.endpoint}/${bucketOf(setup)}/${KEY}`, method, headers);

  /** Takes origin A out of the rule, and waits until the bucket itself answers by the new rule. */
  async function dropOriginA(setup: CacheProxySetup, method: 'GET' | 'OPTIONS') {
    expect((await storage.current.putCors(bucketOf(setup), corsXml([B]))).status).toBe(200);
    const byNewRule = (r: ProxyAnswer) => (method === 'OPTIONS' ? r.status === 403 : allowOriginValues(r).length === 0);
    await waitFor(`${backend} answers by the new rule`, () => direct(setup, method, method === 'OPTIONS' ? preflight(A) : { origin: A }), byNewRule);
  }

  async function check(setup: CacheProxySetup, reporter = 'json') {
    return cli(['--profile', backend, '--bucket', bucketOf(setup), '--key', KEY, '--origin', A, '--origin', B, '--reporter', reporter], env);
  }

  async function checked(setup: CacheProxySetup): Promise<CacheCheckResult> {
    const run = await check(setup);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as CacheCheckResult;
    expect(run.code).toBe(result.findings.length ? 1 : 0);
    expect(result.cache).toBe('varnish');
    expect(result.steps.every((step) => step.response !== null)).toBe(true);
    return result;
  }

  // How a real page primes each cache before the failure shows (the check's own steps come after).
  const PRIMING: Record<CacheProxySetup, () => Promise<void>> = {
    // An <img> (no Origin) loads the object first.
    'poison-no-vary': async () => void (await viaProxy('poison-no-vary', 'GET')),
    // A page on origin A loads it first.
    'poison-origin-replay': async () => void (await viaProxy('poison-origin-replay', 'GET', { origin: A })),
    // A preflight from A is cached, then A is taken out of the rule.
    'poison-preflight': async () => {
      await viaProxy('poison-preflight', 'OPTIONS', preflight(A));
      await dropOriginA('poison-preflight', 'OPTIONS');
    },
    // A page on A loads it; the proxy adds its own ACAO on every answer.
    'poison-duplicate-acao': async () => void (await viaProxy('poison-duplicate-acao', 'GET', { origin: A })),
    // A page on A loads it, then A is taken out of the rule and nobody purges.
    'poison-stale': async () => {
      await viaProxy('poison-stale', 'GET', { origin: A });
      await dropOriginA('poison-stale', 'GET');
    },
    // The correct setups are primed the way their poisoned counterparts are.
    'correct-vary': async () => void (await viaProxy('correct-vary', 'GET')),
    'correct-origin-key': async () => void (await viaProxy('correct-origin-key', 'GET', { origin: A })),
    'correct-no-preflight-cache': async () => {
      await viaProxy('correct-no-preflight-cache', 'OPTIONS', preflight(A));
      await dropOriginA('correct-no-preflight-cache', 'OPTIONS');
    },
    'correct-no-cors-headers': async () => void (await viaProxy('correct-no-cors-headers', 'GET', { origin: A })),
    // Cached, A taken out of the rule, and the check runs once the TTL let the new answer through.
    'correct-short-ttl': async () => {
      await viaProxy('correct-short-ttl', 'GET', { origin: A });
      await dropOriginA('correct-short-ttl', 'GET');
      await waitFor('the new rule through the proxy', () => viaProxy('correct-short-ttl', 'GET', { origin: A }), (r) => allowOriginValues(r).length === 0, 10_000);
    },
  };

  it.each(POISONING_SETUPS)('names %s with its finding and fix', async (setup) => {
    await PRIMING[setup]();
    const result = await checked(setup);
    const codes = result.findings.map((finding) => finding.code);
    const expected = EXPECTED[setup];
    table.push({ setup, findings: codes, detected: codes.includes(expected.finding) });
    expect(codes).toContain(expected.finding);
    expect(result.findings.find((finding) => finding.code === expected.finding)?.fixes.map((fix) => fix.code)).toContain(expected.fix);
  }, 90_000);

  it.each(CORRECT_SETUPS)('finds nothing in %s', async (setup) => {
    await PRIMING[setup]();
    const result = await checked(setup);
    table.push({ setup, findings: result.findings.map((finding) => finding.code), detected: false });
    expect(result.findings).toEqual([]);
  }, 90_000);

  it('detects 5/5 poisonings with no false alarm', () => {
    const detected = table.filter((row) => row.detected).map((row) => row.setup);
    const falseAlarms = table.filter((row) => (CORRECT_SETUPS as readonly string[]).includes(row.setup) && row.findings.length).map((row) => row.setup);
    expect({ detected: detected.length, falseAlarms }).toEqual({ detected: 5, falseAlarms: [] });
  });

  it('prints each finding and its fixes in words, and the cache signs seen', async () => {
    const run = await check('poison-origin-replay', 'pretty');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FINDING cache.other-origin-replayed');
    expect(run.stdout).toMatch(/\[varnish-hash-origin\] .*hash_data\(req\.http\.Origin\);/);
    expect(run.stdout).toMatch(/Looks like Varnish: .*X-Varnish/);
  }, 90_000);

  it('exits 2 on bad arguments and 3 without a public URL', async () => {
    const oneOrigin = await cli(['--profile', backend, '--bucket', bucketOf('correct-vary'), '--key', KEY, '--origin', A], env);
    expect(oneOrigin.code).toBe(2);
    expect(oneOrigin.stderr).toMatch(/--origin twice/);
    const badOrigin = await cli(['--profile', backend, '--bucket', bucketOf('correct-vary'), '--key', KEY, '--origin', A, '--origin', `${B}/path`], env);
    expect(badOrigin.code).toBe(2);
    expect(badOrigin.stderr).toMatch(/second --origin/);
    const noCdn = await cli(['--profile', 'no-cdn', '--bucket', bucketOf('correct-vary'), '--key', KEY, '--origin', A, '--origin', B], env);
    expect(noCdn.code).toBe(3);
    expect(noCdn.stderr).toMatch(/no public URL for bucket .*publicUrl/);
  }, 90_000);
});
