import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUITE_SCHEMA_PATH, type SuiteTest } from '../contract/suite';
import { ENGINE_NAMES, type EngineName } from '../engines/engine';
import { runAuditCommand, type AuditOptions } from './audit';
import { runCacheCheckCommand, type CacheCheckOptions } from './cache-check';
import { runDiffCommand, type DiffOptions } from './diff';
import { CommandError, usageError } from './command-error';
import { loadTarget, readLiveConfig, readSuite } from './load-target';
import { cliText } from './messages';
import { parseEngines, parseReporters, type ReporterSpec } from './options';
import { githubReporter, stepSummary, suiteLocation, type SuiteLocation } from './reporters/github';
import { jsonReporter } from './reporters/json';
import { junitReporter } from './reporters/junit';
import { prettyReporter } from './reporters/pretty';
import type { Reporter } from './reporters/reporter';
import { tapReporter } from './reporters/tap';
import { EXIT, exitCodeOf, type RunReport } from './run-report';
import { runSuite } from './run-suite';
import { appDescriptionSchema, starterSuite } from './starter-suite';

// Built to dist/cli/main.js; the harness page it serves is the web build beside it (dist/web).
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const webDir = resolve(here, '../web');

interface TestOptions {
  profile: string;
  bucket: string;
  suite?: string;
  engines?: string;
  reporter: string[];
  out?: string;
  origin?: string;
  config?: string;
  confirmWrites?: boolean;
  init?: boolean;
  app?: string;
  key: string;
  force?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function reporterFor(spec: ReporterSpec, where: SuiteLocation | undefined): Reporter {
  switch (spec.name) {
    case 'pretty': {
      const toTerminal = !spec.path && process.stdout.isTTY === true && process.env['CI'] !== 'true';
      return prettyReporter({ live: toTerminal, colour: toTerminal && !process.env['NO_COLOR'], write: (text) => process.stdout.write(text) });
    }
    case 'junit':
      return junitReporter();
    case 'tap':
      return tapReporter();
    case 'json':
      return jsonReporter();
    case 'github':
      return githubReporter(where);
  }
}

async function writeOutput(spec: ReporterSpec, text: string): Promise<void> {
  if (!spec.path) {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(resolve(spec.path)), { recursive: true });
  await writeFile(spec.path, text);
}

/** Tests that write or delete an object the user named (not a scratch object) run only when the command is told so. */
function refuseUnconfirmedWrites(tests: readonly SuiteTest[], confirmed: boolean): void {
  const named = tests.filter((t) => t.request.target === 'named' && ['PUT', 'POST', 'DELETE'].includes(t.request.method));
  if (named.length && !confirmed) {
    throw usageError(`${named.map((t) => `"${t.name}"`).join(', ')} ${named.length === 1 ? 'writes' : 'write'} an object you named, not a scratch object: pass --confirm-writes to let the command write it.`);
  }
}

async function runInit(options: TestOptions, dataDir: string): Promise<number> {
  const target = await loadTarget(options.profile, process.env, dataDir);
  const config = await readLiveConfig(target.profile, options.bucket);
  let app;
  if (options.app) {
    const text = await readFile(options.app, 'utf8').catch((error: Error) => {
      throw usageError(`Cannot read the app description ${options.app}: ${error.message}`);
    });
    const parsed = appDescriptionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw usageError(`${options.app} is not an app description: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    app = parsed.data;
  }
  const path = options.suite ?? 'cors-suite.json';
  if (existsSync(path) && !options.force) throw usageError(`${path} exists: pass --force to replace it, or --suite OTHER-FILE.`);
  if (!app && !config?.rules.length) throw usageError(`Bucket ${options.bucket} has no CORS rules to start from: describe the app with --app FILE (the wizard's fields: origins, operations, requestHeaders, readableHeaders, credentials).`);
  const suite = starterSuite(config, { bucket: options.bucket, key: options.key, ...(app ? { app } : {}) });
  // `$schema` names the checkout's schema relative to the suite, so editors check the file as it is written.
  const schema = relative(dirname(resolve(path)), resolve(projectRoot, SUITE_SCHEMA_PATH));
  await writeFile(path, `${JSON.stringify({ $schema: schema, ...suite }, null, 2)}\n`);
  process.stdout.write(`Wrote ${suite.tests.length} tests to ${path}, from ${app ? `the app described in ${options.app}` : `the ${config!.rules.length} rule(s) of ${options.bucket}`}. Run them with: cors-console test --profile ${options.profile} --bucket ${options.bucket} --suite ${path}\n`);
  return EXIT.passed;
}

async function runTests(options: TestOptions, dataDir: string): Promise<number> {
  const reporters = parseReporters(options.reporter, options.out);
  if (!reporters.ok) throw usageError(reporters.message);
  const engines = options.engines ? parseEngines(options.engines) : { ok: true as const, value: [...ENGINE_NAMES] as EngineName[] };
  if (!engines.ok) throw usageError(engines.message);
  if (!existsSync(resolve(webDir, 'harness.html'))) throw usageError(cliText({ code: 'not-built', params: { path: resolve(webDir, 'harness.html') } }));

  const started = performance.now();
  const startedAt = new Date().toISOString();
  const target = await loadTarget(options.profile, process.env, dataDir);
  const notices: string[] = [];
  let tests: SuiteTest[];
  let suiteOrigin: string | undefined;
  let where: SuiteLocation | undefined;
  let source: string;
  if (options.suite) {
    const { suite, text } = await readSuite(options.suite);
    tests = suite.tests;
    suiteOrigin = suite.origin;
    where = suiteLocation(options.suite, text);
    source = options.suite;
    if (suite.bucket && suite.bucket !== options.bucket) notices.push(cliText({ code: 'suite-other-bucket', params: { suite: suite.bucket, bucket: options.bucket } }));
  } else {
    tests = await target.savedTests(options.bucket);
    source = `saved tests in ${target.stateWhere}`;
    if (tests.length === 0) throw usageError(cliText({ code: 'no-tests', params: { profile: options.profile, bucket: options.bucket, where: target.stateWhere } }));
  }
  refuseUnconfirmedWrites(tests, options.confirmWrites === true);

  const made = reporters.value.map((spec) => ({ spec, reporter: reporterFor(spec, where) }));
  const base = { profile: options.profile, bucket: options.bucket, source, startedAt };
  let report: RunReport;
  try {
    const config = await readLiveConfig(target.profile, options.bucket);
    const defaultOrigin = options.origin ?? suiteOrigin;
    const ran = await runSuite({
      profile: target.profile,
      bucket: options.bucket,
      config,
      tests,
      ...(defaultOrigin ? { defaultOrigin } : {}),
      engines: engines.value,
      enginesNamed: options.engines !== undefined,
      webDir,
      onCase: (result) => made.forEach(({ reporter }) => reporter.onCase?.(result)),
      log: (line) => process.stderr.write(`cors-console: ${line}\n`),
    });
    report = { ...base, ...ran, notices: [...notices, ...ran.notices], durationMs: Math.round(performance.now() - started) };
    if (!report.engines.some((e) => e.state === 'ran')) report.infrastructure = [cliText({ code: 'no-engine', params: {} }), ...report.engines.map((e) => (e.state === 'ran' ? '' : e.message))].filter(Boolean).join(' ');
  } catch (error) {
    if (!(error instanceof CommandError) || error.exitCode !== EXIT.infrastructure) throw error;
    report = { ...base, engines: [], cases: [], notices, infrastructure: error.message, durationMs: Math.round(performance.now() - started) };
  }
  for (const { spec, reporter } of made) await writeOutput(spec, reporter.render(report));
  const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile && made.some(({ spec }) => spec.name === 'github')) await appendFile(summaryFile, stepSummary(report));
  return exitCodeOf(report);
}

function program(): Command {
  const root = new Command('cors-console').description('CORS console for object-storage buckets').exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) });
  root
    .command('test')
    .description("Runs a bucket's CORS tests in real browser engines and fails when a verdict is not the expected one.")
    .requiredOption('--profile <id>', 'profile id from the profiles file (CORS_CONSOLE_CONFIG)')
    .requiredOption('--bucket <name>', 'bucket to test')
    .option('--suite <file>', "suite file (version 1, schemas/cors-suite.v1.json); without it, the bucket's saved tests from the console's state store")
    .option('--engines <list>', `comma-separated engines (${ENGINE_NAMES.join(', ')}); default: all installed, the others skipped with a notice`)
    .option('--reporter <name[=file]>', 'pretty | junit | tap | json | github, repeatable; NAME=FILE writes that reporter to FILE', collect, [])
    .option('--out <file>', 'file for the one reporter given without =FILE')
    .option('--origin <origin>', "page origin of tests that name none (default: the suite's origin, else the command's own http://127.0.0.1 page)")
    .option('--config <file>', 'profiles file (sets CORS_CONSOLE_CONFIG)')
    .option('--confirm-writes', 'let tests write or delete the objects they name (not scratch objects)')
    .option('--init', "write a starter suite from the bucket's rules (or --app) to --suite FILE (default cors-suite.json)")
    .option('--app <file>', "with --init: the app description (the wizard's fields) to start from instead of the rules")
    .addOption(new Option('--key <key>', 'with --init: the object key the tests request').default('test.txt'))
    .option('--force', 'with --init: replace an existing suite file')
    .action(async (options: TestOptions) => {
      if (options.config) process.env['CORS_CONSOLE_CONFIG'] = options.config;
      const dataDir = resolve(process.env['CORS_CONSOLE_DATA'] ?? resolve(projectRoot, '.data'));
      process.exitCode = options.init ? await runInit(options, dataDir) : await runTests(options, dataDir);
    });
  root
    .command('cache-check')
    .description("Checks a CDN or caching proxy in front of a bucket (the profile's publicUrl) for answers replayed to the wrong CORS request.")
    .requiredOption('--profile <id>', 'profile id from the profiles file (CORS_CONSOLE_CONFIG); it sets publicUrl or publicUrls')
    .requiredOption('--bucket <name>', 'bucket to check')
    .requiredOption('--key <key>', 'object key to request (it must exist; nothing is written)')
    .requiredOption('--origin <origin>', 'an origin your app is served from; pass it twice (A, then B)', collect, [])
    .option('--method <method>', "the preflight's Access-Control-Request-Method", 'PUT')
    .option('--header <name>', "a header name the preflight lists in Access-Control-Request-Headers, repeatable", collect, [])
    .option('--reporter <name>', 'pretty | json', 'pretty')
    .option('--config <file>', 'profiles file (sets CORS_CONSOLE_CONFIG)')
    .action(async (options: CacheCheckOptions & { config?: string }) => {
      if (options.config) process.env['CORS_CONSOLE_CONFIG'] = options.config;
      const dataDir = resolve(process.env['CORS_CONSOLE_DATA'] ?? resolve(projectRoot, '.data'));
      process.exitCode = await runCacheCheckCommand(options, dataDir);
    });
  root
    .command('audit')
    .description("Audits every bucket of a profile against a policy (a * origin that may write, uploads without ETag exposed, shadowing, changes outside the console...).")
    .requiredOption('--profile <id>', 'profile id from the profiles file (CORS_CONSOLE_CONFIG)')
    .option('--prefix <prefix>', 'only buckets whose name starts with this')
    .option('--format <format>', 'table | json | csv | sarif', 'table')
    .option('--policy <file>', 'audit policy (JSON): checks switched off or given another severity, expectCredentials')
    .option('--fail-on <severity>', 'exit 1 when a finding is this serious or more: error | warning | note | never', 'error')
    .option('--concurrency <n>', 'buckets read at once', '8')
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--config <file>', 'profiles file (sets CORS_CONSOLE_CONFIG)')
    .action(async (options: AuditOptions & { config?: string; out?: string }) => {
      if (options.config) process.env['CORS_CONSOLE_CONFIG'] = options.config;
      const dataDir = resolve(process.env['CORS_CONSOLE_DATA'] ?? resolve(projectRoot, '.data'));
      let report = '';
      process.exitCode = await runAuditCommand(options, dataDir, (text) => (report = text));
      if (options.out) {
        await mkdir(dirname(resolve(options.out)), { recursive: true });
        await writeFile(options.out, report);
      } else process.stdout.write(report);
    });
  root
    .command('diff')
    .description("Compares a bucket's live CORS configuration with a file, as browsers would see them: exit 0 when equivalent, 1 when they differ.")
    .requiredOption('--profile <id>', 'profile id from the profiles file (CORS_CONSOLE_CONFIG)')
    .requiredOption('--bucket <name>', 'bucket to compare')
    .requiredOption('--file <file>', 'the configuration as your code holds it: S3/OSS/COS XML, AWS console or CLI JSON, CloudFormation (JSON, YAML), Terraform, R2, GCS, Azure')
    .option('--format <format>', 'the file\'s shape, when detection should not decide (e.g. terraform-hcl, cloudformation-yaml)')
    .option('--reporter <name>', 'pretty | json', 'pretty')
    .option('--config <file>', 'profiles file (sets CORS_CONSOLE_CONFIG)')
    .action(async (options: DiffOptions & { config?: string }) => {
      if (options.config) process.env['CORS_CONSOLE_CONFIG'] = options.config;
      const dataDir = resolve(process.env['CORS_CONSOLE_DATA'] ?? resolve(projectRoot, '.data'));
      process.exitCode = await runDiffCommand(options, dataDir, (text) => process.stdout.write(text));
    });
  return root;
}

try {
  await program().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.passed : EXIT.usage;
  } else if (error instanceof CommandError) {
    process.stderr.write(`cors-console: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`cors-console: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.infrastructure;
  }
}
