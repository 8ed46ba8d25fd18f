import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToCode, loadCodeParsers, serializeCorsDocument, type CorsConfig } from '../../src/core';
import { rule } from '../support/builders';
import { runCli } from '../support/cli';
import { arrangeBucket } from '../support/console-page';
import { STORAGE_BACKENDS, useStorageBackend } from '../support/storage-backends';

// Issue 20, item 4 against real stores: `cors-console diff` compares a bucket's live rules with a
// file as browsers see them. Equivalent (the same rules, in another shape, or reordered where no
// request fares differently) exits 0; reordered with effect or changed exits 1 with a semantic
// diff; a bad file or bucket exits 2; a store that does not answer exits 3.

const RUN = Date.now().toString(36);
const CLI_MS = 120_000;
const APP = 'https://app.example.com';
const reads = rule({ id: 'reads', allowedOrigins: ['*'], allowedMethods: ['GET'] });
const uploads = rule({ id: 'uploads', allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] });
const partner = rule({ id: 'partner', allowedOrigins: ['https://partner.example.org'], allowedMethods: ['GET', 'HEAD'] });
const LIVE: CorsConfig = { rules: [uploads, partner, reads] };

describe.each(STORAGE_BACKENDS)('cors-console diff on %s', (backend) => {
  const storage = useStorageBackend(backend);
  const bucket = `diff-${RUN}`;
  let dir: string;
  let env: Record<string, string>;
  const diff = async (file: string, text: string, extra: string[] = [], extraEnv: Record<string, string> = {}) => {
    const path = join(dir, file);
    await writeFile(path, text);
    return runCli(['diff', '--profile', backend, '--bucket', bucket, '--file', path, ...extra], { ...env, ...extraEnv }, CLI_MS);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diff-e2e-'));
    const written = await storage.current.writeProfilesFile(dir, backend);
    env = { CORS_CONSOLE_CONFIG: written.path, CORS_CONSOLE_DATA: join(dir, 'data'), ...written.env };
    await arrangeBucket(storage.current, bucket, LIVE);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('equivalent: the same rules as S3 XML, and as the AWS CLI\'s JSON, exit 0', { timeout: CLI_MS * 2 }, async () => {
    const xml = await diff('same.xml', serializeCorsDocument(LIVE, 's3-xml'));
    expect(xml.code, xml.stderr).toBe(0);
    expect(xml.stdout).toContain('Equivalent: the file holds the live configuration.');
    const json = await diff('same.json', serializeCorsDocument(LIVE, 'aws-json'));
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('(aws-json)');
  });

  it('equivalent from infrastructure code: the rules as a Terraform resource and as a CloudFormation YAML template, detected, exit 0', { timeout: CLI_MS * 2 }, async () => {
    const parsers = await loadCodeParsers(['yaml', 'hcl']);
    const terraform = await diff('cors.tf', exportToCode(LIVE, 'terraform-aws', bucket, parsers).text);
    expect(terraform.code, terraform.stderr).toBe(0);
    expect(terraform.stdout).toContain('(terraform-hcl)');
    const cloudformation = await diff('template.yaml', exportToCode(LIVE, 'cloudformation-yaml', bucket, parsers).text);
    expect(cloudformation.code, cloudformation.stderr).toBe(0);
    expect(cloudformation.stdout).toContain('(cloudformation-yaml)');
    // The same Terraform with the * rule first: a set for Terraform, an order for the bucket.
    const reordered = await diff('reordered.tf', exportToCode({ rules: [reads, uploads, partner] }, 'terraform-aws', bucket, parsers).text, ['--format', 'terraform-hcl']);
    expect(reordered.code, reordered.stderr).toBe(1);
    expect(reordered.stdout).toContain('Different: the same rules in another order');
  });

  it('reordered without effect: two rules for different origins swapped, exit 0, saying the order differs and nothing fares differently', { timeout: CLI_MS }, async () => {
    const run = await diff('swapped.json', serializeCorsDocument({ rules: [partner, uploads, reads] }, 'aws-json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Equivalent: the same rules in another order, and none of the \d+ requests the rules were written for fares differently\./);
    expect(run.stdout).toContain('Rule 2 (partner) moved to position 1');
  });

  it('reordered with effect: the * GET rule first, exit 1, naming the app\'s requests that change', { timeout: CLI_MS }, async () => {
    const run = await diff('star-first.xml', serializeCorsDocument({ rules: [reads, uploads, partner] }, 's3-xml'), ['--reporter', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { verdict: string; equivalent: boolean; changedRequests: Array<{ request: { origin: string; method: string; credentials?: string }; file: { allowed: boolean; blockedAt?: string } }> };
    expect(report).toMatchObject({ verdict: 'reordered-with-effect', equivalent: false });
    expect(report.changedRequests.some((c) => c.request.origin === APP && c.request.method === 'GET' && c.request.credentials === 'include' && c.file.blockedAt === 'wildcard-with-credentials')).toBe(true);
    const pretty = await diff('star-first.xml', serializeCorsDocument({ rules: [reads, uploads, partner] }, 's3-xml'));
    expect(pretty.stdout).toContain('Requests that fare differently:');
    // On RGW the credentialed GET was blocked already (it sends no Access-Control-Allow-Credentials); the * rule blocks it on both.
    expect(pretty.stdout).toMatch(new RegExp(`GET from ${APP.replaceAll('.', '\\.')} \\(headers -; credentials include\\): live (allowed|blocked)[^\\n]*; file blocked \\(wildcard-with-credentials\\)`));
  });

  it('changed: ETag no longer exposed, exit 1 with the edit in words', { timeout: CLI_MS }, async () => {
    const run = await diff('changed.xml', serializeCorsDocument({ rules: [{ ...uploads, exposeHeaders: [] }, partner, reads] }, 's3-xml'));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^Different: 1 edit from the live configuration to the file;/m);
    expect(run.stdout).toContain("ETag removed from Rule 1 (uploads)'s expose headers.");
  });

  it('bad input exits 2: a file that is no CORS document (with the place), a bucket that does not exist', { timeout: CLI_MS * 2 }, async () => {
    const broken = await diff('broken.json', '{ "CORSRules": [ { "AllowedOrigins": ["https://a.example"], "AllowedMethods": ["FETCH"] } ] }');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not a CORS configuration');
    expect(broken.stderr).toContain('FETCH');
    const missing = await runCli(['diff', '--profile', backend, '--bucket', `${bucket}-missing`, '--file', join(dir, 'same.xml')], env, CLI_MS);
    expect(missing.code, missing.stderr).toBe(2);
  });

  it('exits 3 when the store does not answer', { timeout: CLI_MS }, async () => {
    const file = JSON.parse(await readFile(env['CORS_CONSOLE_CONFIG']!, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    file.profiles[0]!['endpoint'] = 'http://127.0.0.1:1';
    const unreachable = join(dir, 'unreachable-profiles.json');
    await writeFile(unreachable, JSON.stringify(file));
    const run = await diff('same.xml', serializeCorsDocument(LIVE, 's3-xml'), [], { CORS_CONSOLE_CONFIG: unreachable });
    expect(run.code, run.stderr).toBe(3);
  });
});
