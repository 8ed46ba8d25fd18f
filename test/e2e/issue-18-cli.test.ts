import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser as TapParser, type FinalResults } from 'tap-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteInput } from '../../src/contract/suite';
import type { RunReport } from '../../src/cli/run-report';
import { runCli } from '../support/cli';
import { startStorageBackend, type StorageBackend } from '../support/storage-backends';

// Issue 18: `cors-console test` as a user runs it (node bin/cors-console.mjs, built), against
// s3rver and the Ceph RGW peer: a suite that passes, four regressions applied to the bucket that
// each turn the run red with the right test and reason, ten green runs in a row, every reporter
// parsed, and exit codes 0/1/2/3 each from a real case.

// The app's origin is http: an https page could not reach this http bucket in WebKit (mixed content,
// its own test below), and the suite that passes passes in all three engines.
const APP = 'http://app.example.com:8080';
const HTTPS_APP = 'https://app.example.com';
const LOOPBACK_APP = 'http://127.0.0.1:47391';
const RUN_TIMEOUT_MS = 240_000;

// CI=true: the pretty reporter's quiet form, as in a CI job.
const cli = (args: string[], env: Record<string, string>) => runCli(['test', ...args], { CI: 'true', ...env }, RUN_TIMEOUT_MS);

interface Rule {
  origins: string[];
  methods: string[];
  headers?: string[];
  expose?: string[];
}

const ruleXml = (r: Rule) =>
  `<CORSRule>${r.origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}${r.methods.map((m) => `<AllowedMethod>${m}</AllowedMethod>`).join('')}${(r.headers ?? []).map((h) => `<AllowedHeader>${h}</AllowedHeader>`).join('')}${(r.expose ?? []).map((h) => `<ExposeHeader>${h}</ExposeHeader>`).join('')}<MaxAgeSeconds>600</MaxAgeSeconds></CORSRule>`;
const configXml = (rules: Rule[]) => `<CORSConfiguration>${rules.map(ruleXml).join('')}</CORSConfiguration>`;

// The narrow rule the app needs, and a broad read-only rule for sister sites below it.
const narrow = (change: Partial<Rule> = {}): Rule => ({ origins: [APP, LOOPBACK_APP], methods: ['GET', 'PUT', 'HEAD'], headers: ['content-type', 'x-amz-meta-owner'], expose: ['ETag'], ...change });
const broad: Rule = { origins: ['http://*.example.com:8080'], methods: ['GET'] };

const suite: SuiteInput = {
  version: 1,
  origin: APP,
  tests: [
    { id: 'download-etag', name: 'Download reads the ETag', request: { key: 'test.txt', method: 'GET', mustRead: ['ETag'] } },
    { id: 'upload-owner', name: 'Upload with the owner header reads the ETag', request: { key: 'test.txt', method: 'PUT', headers: { 'content-type': 'text/plain', 'x-amz-meta-owner': 'ci' }, mustRead: ['ETag'] } },
    { id: 'head', name: 'HEAD from the app', request: { key: 'test.txt', method: 'HEAD' } },
    { id: 'stranger', name: 'A stranger is refused', origin: 'https://stranger.invalid', request: { key: 'test.txt', method: 'GET' }, expect: 'blocked' },
    { id: 'loopback-download', name: 'Download from the loopback app', origin: LOOPBACK_APP, request: { key: 'test.txt', method: 'GET', mustRead: ['ETag'] } },
  ],
};

describe.each(['s3rver', 'rgw'] as const)('cors-console test against %s', (backendName) => {
  let backend: StorageBackend;
  let dir: string;
  let env: Record<string, string>;
  const bucket = `cli-${backendName}-${Date.now().toString(36)}`;
  let suitePath: string;
  const run = (args: string[], extra: Record<string, string> = {}) => cli(['--profile', backendName, '--bucket', bucket, ...args], { ...env, ...extra });
  const setRules = async (rules: Rule[]) => expect((await backend.putCors(bucket, configXml(rules))).status).toBe(200);
  const jsonReport = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as RunReport;

  beforeAll(async () => {
    backend = await startStorageBackend(backendName);
    dir = await mkdtemp(join(tmpdir(), 'cors-console-cli-'));
    const profiles = await backend.writeProfilesFile(dir, backendName);
    env = { CORS_CONSOLE_CONFIG: profiles.path, CORS_CONSOLE_DATA: join(dir, 'data'), ...profiles.env };
    await backend.createBucket(bucket);
    await backend.putObject(bucket, 'test.txt', 'hello from the cli test\n');
    suitePath = join(dir, 'suite.json');
    await writeFile(suitePath, JSON.stringify(suite, null, 2));
  });
  afterAll(async () => {
    await backend?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes the suite in Chromium, Firefox and WebKit (exit 0), each verdict the prediction for that engine', async () => {
    await setRules([narrow(), broad]);
    const result = await run(['--suite', suitePath, '--reporter', `json=${join(dir, 'pass.json')}`, '--reporter', 'pretty']);
    expect(result.stderr).toBe('');
    const report = await jsonReport('pass.json');
    expect(report.engines.filter((e) => e.state === 'ran').map((e) => e.name)).toEqual(['chromium', 'firefox', 'webkit']);
    expect(report.notices).toEqual([]);
    // Every engine runs every test, from http://app.example.com:8080 and https://stranger.invalid too
    // (the bucket sees those origins: test/e2e/engines-origins.test.ts).
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) expect(report.cases.filter((c) => c.engine === engine).map((c) => c.test.id)).toEqual(suite.tests.map((t) => t.id));
    expect(report.cases.every((c) => c.status === 'passed' && c.observed === c.predicted)).toBe(true);
    expect(report.cases.filter((c) => c.test.id === 'stranger').map((c) => `${c.engine} ${c.observed}`)).toEqual(['chromium blocked', 'firefox blocked', 'webkit blocked']);
    expect(report.cases.find((c) => c.test.id === 'stranger' && c.engine === 'chromium')!.corsError?.corsError).toBe('MissingAllowOriginHeader');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`${suite.tests.length * 3} passed in Chromium, Firefox, WebKit`));
  }, RUN_TIMEOUT_MS);

  it('fails an https page\'s request to this http bucket in WebKit only, as mixed content, as predicted (exit 1)', async () => {
    await setRules([narrow({ origins: [HTTPS_APP] })]);
    const mixedPath = join(dir, 'mixed-suite.json');
    const mixed: SuiteInput = { version: 1, origin: HTTPS_APP, tests: [{ id: 'download-etag', name: 'Download from the https app reads the ETag', request: { key: 'test.txt', method: 'GET', mustRead: ['ETag'] } }] };
    await writeFile(mixedPath, JSON.stringify(mixed, null, 2));
    const result = await run(['--suite', mixedPath, '--reporter', `json=${join(dir, 'mixed.json')}`]);
    const report = await jsonReport('mixed.json');
    expect(report.cases.map((c) => `${c.engine} ${c.status} observed ${c.observed} predicted ${c.predicted}`)).toEqual([
      'chromium passed observed allowed predicted allowed',
      'firefox passed observed allowed predicted allowed',
      'webkit failed observed blocked predicted blocked',
    ]);
    const webkit = report.cases.find((c) => c.engine === 'webkit')!;
    expect(webkit.reason).toMatch(/^The page is on https \(https:\/\/app\.example\.com\) and the bucket URL on http on this machine .*WebKit browsers such as Safari refuse this mixed content/);
    // No rule change can help a request the browser refuses to send.
    expect(webkit.fix).toBeUndefined();
    expect(result.code).toBe(1);
  }, RUN_TIMEOUT_MS);

  it('passes the unchanged suite 10 runs in a row (Chromium, one launch per run)', async () => {
    await setRules([narrow(), broad]);
    const codes: number[] = [];
    for (let round = 0; round < 10; round++) codes.push((await run(['--suite', suitePath, '--engines', 'chromium', '--reporter', 'tap'])).code);
    expect(codes).toEqual(Array(10).fill(0));
  }, 10 * RUN_TIMEOUT_MS);

  // RGW uses only the first rule that lists the origin (its dialect's selection), so the broad rule
  // above the narrow one also refuses the HEAD and the upload there; S3 and s3rver look further.
  const stopsAtOrigin = backendName === 'rgw';
  const regressions: { name: string; rules: () => Rule[]; failing: string[]; reason: RegExp }[] = [
    { name: 'the broad rule moved above the narrow one (ETag no longer readable)', rules: () => [broad, narrow()], failing: stopsAtOrigin ? ['download-etag', 'head', 'upload-owner'] : ['download-etag'], reason: /ETag|rule 1/ },
    { name: 'ETag removed from the expose headers', rules: () => [narrow({ expose: [] }), broad], failing: ['download-etag', 'upload-owner', 'loopback-download'], reason: /ETag/ },
    { name: 'an origin typo (http://app.exmaple.com:8080)', rules: () => [narrow({ origins: ['http://app.exmaple.com:8080', LOOPBACK_APP] }), broad], failing: ['upload-owner', 'download-etag', 'head'], reason: /app\.exmaple\.com/ },
    { name: 'a required header dropped from the allowed headers', rules: () => [narrow({ headers: ['content-type'] }), broad], failing: ['upload-owner'], reason: /x-amz-meta-owner/i },
  ];

  it.each(regressions)('turns red on $name in each of the three engines, naming the test and the reason (exit 1)', async ({ rules, failing, reason }) => {
    await setRules(rules());
    const report = join(dir, `regression-${failing.join('-')}.json`);
    const result = await run(['--suite', suitePath, '--reporter', `json=${report}`]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(await readFile(report, 'utf8')) as RunReport;
    const failed = parsed.cases.filter((c) => c.status === 'failed');
    const engines = ['chromium', 'firefox', 'webkit'];
    expect(failed.map((c) => `${c.engine} ${c.test.id}`).sort()).toEqual(engines.flatMap((engine) => failing.map((id) => `${engine} ${id}`)).sort());
    for (const engine of engines) expect(failed.find((c) => c.engine === engine && c.test.id === failing[0])!.reason).toMatch(reason);
    expect(parsed.cases.every((c) => c.observed === c.predicted)).toBe(true);
    for (const c of failed) {
      expect(c.reason).toBeTruthy();
      expect(c.fix).toBeTruthy();
    }
    expect(parsed.cases.filter((c) => c.status === 'error')).toEqual([]);
  }, RUN_TIMEOUT_MS);

  it('writes JUnit, TAP and GitHub reports that their parsers read, one case per test × engine', async () => {
    await setRules([narrow({ headers: ['content-type'] }), broad]);
    const summary = join(dir, 'step-summary.md');
    const result = await run(['--suite', suitePath, '--engines', 'chromium', '--reporter', `junit=${join(dir, 'r.xml')}`, '--reporter', `tap=${join(dir, 'r.tap')}`, '--reporter', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);

    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(join(dir, 'r.xml'), 'utf8'));
    expect(junit.testsuites).toMatchObject({ tests: '5', failures: '1', errors: '0' });
    const cases = [junit.testsuites.testsuite.testcase].flat() as { name: string; failure?: { message: string; '#text': string } }[];
    expect(cases.map((c) => c.name)).toEqual(suite.tests.map((t) => `[chromium] ${t.name}`));
    const failures = cases.filter((c) => c.failure);
    expect(failures.map((c) => c.name)).toEqual(['[chromium] Upload with the owner header reads the ETag']);
    expect(failures[0]!.failure!.message).toBe('expected allowed, chromium blocked, predicted blocked');
    expect(failures[0]!.failure!['#text']).toMatch(/x-amz-meta-owner/i);

    const tap = await new Promise<FinalResults>((done) => {
      const parser = new TapParser();
      parser.on('complete', done);
      void readFile(join(dir, 'r.tap'), 'utf8').then((text) => parser.end(text));
    });
    expect({ ok: tap.ok, count: tap.count, pass: tap.pass, fail: tap.fail }).toEqual({ ok: false, count: 5, pass: 4, fail: 1 });
    expect(tap.failures[0]!.name).toBe('[chromium] Upload with the owner header reads the ETag');
    expect(tap.failures[0]!.diag).toMatchObject({ severity: 'fail', data: { expected: 'allowed', observed: 'blocked', predicted: 'blocked' } });

    const lines = result.stdout.trim().split('\n');
    const suiteLine = (await readFile(suitePath, 'utf8')).split('\n').findIndex((line) => line.includes('"id": "upload-owner"')) + 1;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${suitePath.replace(/[/.]/g, '\\$&')},line=${suiteLine},title=cors-console%3A \\[chromium\\] Upload with the owner header reads the ETag::expected allowed, chromium blocked, predicted blocked%0A`));
    expect(lines[0]).toMatch(/x-amz-meta-owner/i);
    expect(lines[1]).toBe('cors-console: 4 passed, 1 failed, 0 not judged');
    const markdown = await readFile(summary, 'utf8');
    expect(markdown).toMatch(new RegExp(`^## cors-console test: ${backendName}/${bucket}\n`));
    expect(markdown).toMatch(/\| Upload with the owner header reads the ETag \| chromium \| allowed \| blocked \| blocked \|/);
  }, RUN_TIMEOUT_MS);

  it('exits 2 on a bad suite or bad arguments, and 3 when the endpoint is unreachable or the engine is missing', async () => {
    await setRules([narrow(), broad]);
    const badSuite = join(dir, 'bad-suite.json');
    await writeFile(badSuite, JSON.stringify({ version: 2, tests: [] }));
    const bad = await run(['--suite', badSuite]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/version 2; this cors-console reads version 1/);

    const badReporter = await run(['--suite', suitePath, '--reporter', 'xunit']);
    expect(badReporter.code).toBe(2);
    expect(badReporter.stderr).toMatch(/Unknown reporter "xunit"/);

    const missingEngine = await run(['--suite', suitePath, '--engines', 'chromium', '--reporter', 'tap'], { CHROMIUM_PATH: join(dir, 'no-chromium') });
    expect(missingEngine.code).toBe(3);
    expect(missingEngine.stdout).toMatch(/sudo apt-get install -y chromium/);

    const closed = join(dir, 'closed.json');
    await writeFile(closed, JSON.stringify({ profiles: [{ id: backendName, kind: 's3', endpoint: 'http://127.0.0.1:9', addressing: 'path', credentials: { env: { accessKeyId: 'CORS_TEST_ACCESS_KEY', secretAccessKey: 'CORS_TEST_SECRET_KEY' } } }] }));
    const unreachable = await run(['--suite', suitePath, '--engines', 'chromium', '--reporter', 'junit'], { CORS_CONSOLE_CONFIG: closed });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stdout).toMatch(/<error message="Could not read the CORS configuration of [^"]*\(ECONNREFUSED\)/);
  }, RUN_TIMEOUT_MS);

  it('--init writes a starter suite from the rules that passes against them', async () => {
    await setRules([narrow()]);
    const starter = join(dir, 'starter.json');
    const init = await run(['--init', '--suite', starter]);
    expect(init.code).toBe(0);
    const written = JSON.parse(await readFile(starter, 'utf8')) as SuiteInput;
    // In the order the provider lists the rule's origins (RGW sorts them).
    expect(written.tests.map((t) => `${t.request.method} ${t.origin} ${t.expect}`).sort()).toEqual([
      `GET ${APP} allowed`, `PUT ${APP} allowed`, `HEAD ${APP} allowed`,
      `GET ${LOOPBACK_APP} allowed`, `PUT ${LOOPBACK_APP} allowed`, `HEAD ${LOOPBACK_APP} allowed`,
      'GET https://stranger.invalid blocked',
    ].sort());
    const again = await run(['--init', '--suite', starter]);
    expect(again.code).toBe(2);
    const result = await run(['--suite', starter, '--engines', 'chromium', '--reporter', 'tap']);
    expect(result.stdout).toMatch(/^1\.\.7$/m);
    expect(result.code).toBe(0);
  }, RUN_TIMEOUT_MS);
});
