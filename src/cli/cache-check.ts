import { cacheCheckBodySchema, type CacheCheckResult } from '../contract/api';
import { allowOriginValues, observedAnswer, cacheCheckPlan, cacheFindingText, cacheFixText, cacheSignsText, cacheStepText, misfitOf, issueMessage } from '../core';
import { isBucketName } from '../server/http/context';
import { checkCache } from '../server/probe/cache-check';
import { infrastructureError, usageError } from './command-error';
import { loadTarget } from './load-target';
import { EXIT } from './run-report';

// `cors-console cache-check`: issue 19's cache check from the command line, run in-process exactly
// as the console's API runs it (same profile loading, same guard, same core analysis).

export interface CacheCheckOptions {
  profile: string;
  bucket: string;
  key: string;
  origin: string[];
  method: string;
  header: string[];
  reporter: string;
}

const CACHE_CHECK_TIMEOUT_MS = 15_000;

/** The check's arguments, read with the API's own body schema; each problem named with its option. */
function parseArguments(options: CacheCheckOptions) {
  if (!['pretty', 'json'].includes(options.reporter)) throw usageError(`--reporter takes pretty or json, not ${JSON.stringify(options.reporter)}.`);
  if (!isBucketName(options.bucket)) throw usageError(`${JSON.stringify(options.bucket)} is no bucket name.`);
  if (options.origin.length !== 2) throw usageError(`Pass --origin twice, the two origins your app is served from (got ${options.origin.length}): the check sends A first, then B.`);
  const parsed = cacheCheckBodySchema.safeParse({ key: options.key, originA: options.origin[0], originB: options.origin[1], preflightMethod: options.method, preflightHeaders: options.header });
  if (parsed.success) return parsed.data;
  const option: Record<string, string> = { key: '--key', originA: 'the first --origin', originB: 'the second --origin', preflightMethod: '--method', preflightHeaders: '--header' };
  const lines = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const misfit = misfitOf(issue);
    return `  ${option[field] ?? field}: ${issueMessage({ severity: 'error', code: 'body.invalid', params: { field: issue.path.join('.'), misfit }, path: [] })}`;
  });
  throw usageError(`Bad arguments:\n${lines.join('\n')}`);
}

/** The result in words (English, from the core's catalogue): each step's answer and cache signs, then each finding with its fixes. */
export function prettyCacheCheck(result: CacheCheckResult): string {
  const plan = cacheCheckPlan(result.plan);
  const out: string[] = [`Cache check of ${result.publicUrl}`, `  public URL pattern ${result.publicUrlPattern}; the bucket itself at ${result.directUrl}`, '', 'Steps:'];
  result.steps.forEach((sent, index) => {
    const step = plan.steps.find((candidate) => candidate.id === sent.step.id) ?? sent.step;
    const outcome = sent.response ? `${sent.response.status}` : `no answer (${sent.error?.code === 'provider-timeout' ? `no answer within ${sent.error.timeoutMs} ms` : (sent.error?.transportCode ?? 'unreachable')})`;
    out.push(`  ${index + 1}. ${cacheStepText(step)}: ${outcome}, ${Math.round(sent.timing.totalMs)} ms`);
    const allowOrigin = sent.response ? allowOriginValues(observedAnswer(sent.response.status, sent.response.lines)) : [];
    if (sent.response) out.push(`     Access-Control-Allow-Origin: ${allowOrigin.length ? allowOrigin.join(' | ') : '(none)'}`);
    if (sent.signs) out.push(`     ${cacheSignsText(sent.signs)}`);
  });
  out.push('');
  if (!result.findings.length) out.push('No finding: the cache answered each request as the bucket does.');
  for (const finding of result.findings) {
    out.push(`FINDING ${finding.code}`, `  ${cacheFindingText(finding, plan)}`, '  Fixes:');
    for (const fix of finding.fixes) out.push(`  - [${fix.code}] ${cacheFixText(fix)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Runs the check; exit 0 without finding, 1 with findings, 2 for bad arguments, 3 when a request got no answer or no public URL is set. */
export async function runCacheCheckCommand(options: CacheCheckOptions, dataDir: string): Promise<number> {
  const body = parseArguments(options);
  const target = await loadTarget(options.profile, process.env, dataDir);
  const checked = await checkCache(target.profile, options.bucket, body, CACHE_CHECK_TIMEOUT_MS);
  if (!checked.ok) throw checked.error.error.code === 'no-public-url' ? infrastructureError(checked.error.error.message) : usageError(checked.error.error.message);
  const { result } = checked;
  process.stdout.write(options.reporter === 'json' ? `${JSON.stringify({ version: 1, ...result }, null, 2)}\n` : prettyCacheCheck(result));
  const unanswered = result.steps.filter((sent) => !sent.response);
  if (unanswered.length) {
    throw infrastructureError(`${unanswered.length} of ${result.steps.length} requests got no answer (${unanswered.map((s) => `${s.step.method} ${s.step.url}: ${s.error?.code ?? 'no answer'}`).join('; ')}): the findings are incomplete.`);
  }
  const direct = result.steps.find((sent) => sent.step.id === 'direct-origin-a');
  if (direct?.response?.status === 404) throw usageError(`The bucket answers 404 for ${result.directUrl}: check --bucket and --key (the check needs an object that exists).`);
  return result.findings.length ? EXIT.failed : EXIT.passed;
}
