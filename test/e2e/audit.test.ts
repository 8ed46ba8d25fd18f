import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReportSchema } from '../../src/contract/audit';
import { callRoute, type CallInput } from '../../src/contract/client';
import { routes } from '../../src/contract/routes';
import type { RouteSpec } from '../../src/contract/route';
import type { AuditCheckCode, CorsConfig, CorsRule } from '../../src/core';
import { startConsole } from '../../src/server/start';
import { rule } from '../support/builders';
import { runCli } from '../support/cli';
import { arrangeBucket, setStoredCors } from '../support/console-page';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 20, item 1 against real stores: one bucket seeded per finding, and clean ones, audited by
// `cors-console audit` on s3rver and Ceph RGW. Each finding is found exactly where it was seeded
// and nowhere else; the four formats are read back (SARIF validated against the official SARIF
// 2.1.0 schema kept in schemas/vendor/); the exit codes say findings, bad input, infrastructure.

const RUN = Date.now().toString(36);
const CLI_MS = 120_000;
const APP = 'https://app.example.com';

const config = (...rules: CorsRule[]): CorsConfig => ({ rules });
/** Each seeded bucket (its name's tail) and the only findings the audit may report for it. */
const SEEDED: Array<{ tail: string; config: CorsConfig | null; expect: AuditCheckCode[] }> = [
  { tail: 'clean-tight', config: config(rule({ allowedOrigins: [APP, 'https://*.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 })), expect: [] },
  { tail: 'clean-none', config: null, expect: [] },
  { tail: 'clean-public-read', config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'] })), expect: [] },
  { tail: 'star-writes', config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })), expect: ['wildcard-origin-writes'] },
  { tail: 'etag-hidden', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['PUT'] })), expect: ['upload-etag-hidden'] },
  { tail: 'shadowing', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] })), expect: ['shadowing-harm'] },
  { tail: 'no-dot', config: config(rule({ allowedOrigins: ['https://*example.com'], allowedMethods: ['GET'] })), expect: ['wildcard-origin-no-dot'] },
  { tail: 'auth-star', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: ['*'] })), expect: ['authorization-by-wildcard'] },
  { tail: 'max-age', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'], maxAgeSeconds: 3600 })), expect: ['max-age-over-cap'] },
  { tail: 'near-limit', config: config(...Array.from({ length: 90 }, (_, i) => rule({ allowedOrigins: [`https://app${i}.example.com`], allowedMethods: ['GET'] }))), expect: ['rule-count-near-limit'] },
  // A * rule is fine until the app sends credentials: a saved test of this bucket says it does.
  { tail: 'credentials', config: config(rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })), expect: ['wildcard-origin-credentials'] },
  // Saved through the console, then changed behind its back.
  { tail: 'changed', config: config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })), expect: ['changed-outside-console'] },
];

/**
 * Seeded on one store only. RGW enforces a bucket policy's Deny on the owner too (GetBucketCors
 * answers 403 AccessDenied); s3rver has no bucket policies. s3rver stores a document whose
 * MaxAgeSeconds is no number; RGW refuses it on PutBucketCors.
 */
const RGW_ONLY: Array<{ tail: string; expect: AuditCheckCode[] }> = [{ tail: 'refused', expect: ['configuration-refused'] }];
const S3RVER_ONLY: Array<{ tail: string; expect: AuditCheckCode[] }> = [{ tail: 'unreadable', expect: ['configuration-unreadable'] }];

describe.each(STORAGE_BACKENDS)('cors-console audit on %s', (backend) => {
  const storage = useStorageBackend(backend);
  const prefix = `audit-${RUN}-`;
  const seeded = [...SEEDED, ...(backend === 'rgw' ? RGW_ONLY : S3RVER_ONLY)];
  let dir: string;
  let env: Record<string, string>;
  const audit = (args: string[], extraEnv: Record<string, string> = {}) => runCli(['audit', '--profile', backend, '--prefix', prefix, ...args], { ...env, ...extraEnv }, CLI_MS);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-e2e-'));
    const written = await storage.current.writeProfilesFile(dir, backend);
    env = { CORS_CONSOLE_CONFIG: written.path, CORS_CONSOLE_DATA: join(dir, 'data'), ...written.env };
    for (const seeded of SEEDED) await arrangeBucket(storage.current, `${prefix}${seeded.tail}`, seeded.tail === 'changed' ? null : seeded.config);
    // The console on the same data folder the command reads: a saved test with credentials, and a save.
    const app = await startConsole({ env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, CORS_CONSOLE_CONFIG: written.path }, processEnv: written.env, dataDir: join(dir, 'data'), webDir: resolve('dist/web'), log: () => {} });
    try {
      const call = async <R extends RouteSpec>(route: R, input: CallInput<R>) => {
        const result = await callRoute((path, init) => fetch(`${app.url}${path}`, init), route, input);
        if (!result.ok) throw new Error(`${route.method} ${route.path}: ${result.error.message}`);
        return result.answer;
      };
      const credentials = { profile: backend, bucket: `${prefix}credentials` };
      await call(routes.putSavedTests, { params: credentials, body: { tests: [{ id: 'with-cookies', name: 'GET with cookies', request: { key: 'test.txt', method: 'GET', credentials: 'include' } }] } });
      const changed = { profile: backend, bucket: `${prefix}changed` };
      const { version } = await call(routes.getCors, { params: changed });
      await call(routes.putCors, { params: changed, body: { config: SEEDED.find((s) => s.tail === 'changed')!.config! }, ifMatch: version });
    } finally {
      await app.stop();
    }
    await setStoredCors(storage.current, `${prefix}changed`, config(rule({ allowedOrigins: ['https://outside.example.com'], allowedMethods: ['GET'] })));
    if (backend === 's3rver') {
      await arrangeBucket(storage.current, `${prefix}unreadable`, null);
      const noNumber = '<CORSConfiguration><CORSRule><AllowedOrigin>https://app.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>abc</MaxAgeSeconds></CORSRule></CORSConfiguration>';
      expect((await storage.current.putCors(`${prefix}unreadable`, noNumber)).status).toBe(200);
    }
    if (backend === 'rgw') {
      await arrangeBucket(storage.current, `${prefix}refused`, config(rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })));
      const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: ['s3:GetBucketCORS'], Resource: [`arn:aws:s3:::${prefix}refused`] }] };
      expect((await storage.current.http.signed('PUT', `/${prefix}refused?policy`, { 'content-type': 'application/json' }, JSON.stringify(deny))).status).toBe(204);
    }
  }, 240_000);

  afterAll(async () => {
    // The owner may still remove the policy, so the bucket can be deleted with the others.
    if (backend === 'rgw') await storage.current.http.signed('DELETE', `/${prefix}refused?policy`);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds each seeded finding exactly on its bucket and nothing on the clean ones (JSON report)', { timeout: CLI_MS }, async () => {
    const run = await audit(['--format', 'json', '--fail-on', 'never']);
    expect(run.stderr).toContain(`audited ${seeded.length} of ${seeded.length} buckets`);
    expect(run.code, run.stderr).toBe(0);
    const report = auditReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ version: 1, profile: backend, prefix, total: seeded.length, cancelled: false });
    const found = Object.fromEntries(report.buckets.map((b) => [b.bucket.slice(prefix.length), b.findings.map((f) => f.code).sort()]));
    expect(found).toEqual(Object.fromEntries(seeded.map((s) => [s.tail, [...s.expect].sort()])));
    const table = seeded.map((s) => `  ${s.tail.padEnd(20)} ${found[s.tail]!.join(', ') || '(none)'}`).join('\n');
    console.log(`audit on ${backend}: ${seeded.filter((s) => s.expect.length).length} seeded findings, all found where seeded, none elsewhere\n${table}`);
  });

  it('prints a table, the most serious first, and exits 1 on an error finding (the default --fail-on error)', { timeout: CLI_MS }, async () => {
    const run = await audit([]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+BUCKET\s+CHECK\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^error\s/);
    expect(run.stdout).toContain(`${prefix}no-dot`);
    expect(run.stdout).toContain('it also matches https://evilexample.com');
    expect(lines.at(-1)).toMatch(new RegExp(`^${seeded.length} of ${seeded.length} buckets audited in [\\d.]+ s: \\d+ errors, \\d+ warnings, \\d+ notes; 3 buckets without a finding\\.$`));
  });

  it('writes CSV, one line per finding with its values', { timeout: CLI_MS }, async () => {
    const run = await audit(['--format', 'csv', '--fail-on', 'never']);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('severity,bucket,check,rule,message,params');
    expect(lines.length - 1).toBe(seeded.reduce((n, s) => n + s.expect.length, 0));
    expect(lines.find((line) => line.includes(`${prefix}max-age,`))).toMatch(/^note,audit-[a-z0-9]+-max-age,max-age-over-cap,1,".*",".*""maxAgeSeconds"":3600.*"$/);
  });

  it('writes SARIF 2.1.0 that validates against the official schema', { timeout: CLI_MS }, async () => {
    const out = join(dir, 'audit.sarif');
    const run = await audit(['--format', 'sarif', '--out', out, '--fail-on', 'warning']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(await readFile(out, 'utf8')) as { runs: Array<{ properties: { policy: unknown }; results: Array<{ ruleId: string; level: string; locations: Array<{ logicalLocations: Array<{ name: string }> }> }> }> };
    const schema = JSON.parse(await readFile('schemas/vendor/sarif-schema-2.1.0.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.runs[0]!.properties.policy).toEqual({ version: 1, expectCredentials: false, checks: {} });
    const results = sarif.runs[0]!.results;
    expect(results.length).toBe(seeded.reduce((n, s) => n + s.expect.length, 0));
    expect(results.find((r) => r.ruleId === 'wildcard-origin-no-dot')?.locations[0]?.logicalLocations[0]?.name).toBe(`${prefix}no-dot`);
  });

  it('follows a policy file: a check switched off, a severity changed; a bad policy is exit 2 naming the path', { timeout: CLI_MS }, async () => {
    const policy = join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ version: 1, checks: { 'authorization-by-wildcard': { enabled: false }, 'upload-etag-hidden': { severity: 'error' } } }));
    const run = await audit(['--format', 'json', '--policy', policy, '--fail-on', 'never']);
    const report = auditReportSchema.parse(JSON.parse(run.stdout));
    const findings = report.buckets.flatMap((b) => b.findings);
    expect(findings.some((f) => f.code === 'authorization-by-wildcard')).toBe(false);
    expect(findings.find((f) => f.code === 'upload-etag-hidden')?.severity).toBe('error');
    // The report names the policy its findings follow, whole.
    expect(report.policy).toEqual({ version: 1, expectCredentials: false, checks: { 'authorization-by-wildcard': { enabled: false }, 'upload-etag-hidden': { enabled: true, severity: 'error' } } });
    await writeFile(policy, JSON.stringify({ checks: { 'upload-etag-hidden': { severity: 'fatal' }, 'no-such-check': {} } }));
    const bad = await audit(['--policy', policy]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Policy field checks.upload-etag-hidden.severity: Must be one of error, warning, note.');
    expect(bad.stderr).toContain('Policy field checks: Unknown field no-such-check. The checks are wildcard-origin-writes,');
    await writeFile(policy, '{\n  "checks": {\n    "upload-etag-hidden": { "severity": "error" },\n  }\n}\n');
    const broken = await audit(['--policy', policy]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Invalid JSON at line 4, column 3: /);
    // Far larger than any policy: refused before it is read.
    await writeFile(policy, `{"checks": {}}${' '.repeat(100 * 1024)}`);
    const large = await audit(['--policy', policy]);
    expect(large.code).toBe(2);
    expect(large.stderr).toContain('The file is 101 KB; an audit policy is a few lines of JSON, read up to 64 KB.');
  });

  it('exits 3 when the buckets cannot be listed (the endpoint does not answer), and 2 for an unknown format', { timeout: CLI_MS }, async () => {
    const file = JSON.parse(await readFile(env['CORS_CONSOLE_CONFIG']!, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    // A port nothing listens on (1, tcpmux, is never served here): no answer at all.
    file.profiles[0]!['endpoint'] = 'http://127.0.0.1:1';
    const unreachable = join(dir, 'unreachable-profiles.json');
    await writeFile(unreachable, JSON.stringify(file));
    const failed = await audit([], { CORS_CONSOLE_CONFIG: unreachable });
    expect(failed.code, failed.stderr).toBe(3);
    expect(failed.stderr).toContain(`Cannot list the buckets of ${backend}`);
    expect(failed.stdout).toBe('');
    const badFormat = await audit(['--format', 'yaml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format takes table, json, csv, sarif, not "yaml".');
  });
});
