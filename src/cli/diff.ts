import { readFile } from 'node:fs/promises';
import { changedRequestText, compareConfigurations, comparisonVerdictText, configEditText, detectSourceFormat, issueMessage, loadCodeParsers, parseSourceDocument, parsersFor, SOURCE_FORMATS, type ConfigComparison, type CorsConfig, type Dialect, type SourceFormat } from '../core';
import { isBucketName } from '../server/http/context';
import { usageError } from './command-error';
import { loadTarget, readLiveConfig } from './load-target';
import { EXIT } from './run-report';

// `cors-console diff`: drift between a bucket's live CORS configuration and a file (issue 20,
// item 4), compared as browsers see them (src/core/drift.ts), not as text.

export interface DiffOptions {
  profile: string;
  bucket: string;
  file: string;
  reporter: string;
  /** The file's shape when detection should not decide (a text several shapes read). */
  format?: string;
}

/**
 * The file's configuration, in any shape the import reads (detected, or `--format`); a file that
 * is no CORS document is bad input, with each problem's place. Warnings go to standard error.
 */
async function readFileConfig(path: string, dialect: Dialect, asked: string | undefined): Promise<{ config: CorsConfig | null; format: SourceFormat }> {
  if (asked !== undefined && !(SOURCE_FORMATS as readonly string[]).includes(asked)) throw usageError(`--format takes ${SOURCE_FORMATS.join(', ')}, not ${JSON.stringify(asked)}.`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const detected = asked ? { format: asked as SourceFormat, parsers: await loadCodeParsers(parsersFor(asked as SourceFormat)) } : await detectSourceFormat(text, dialect, { fileName: path });
  const parsed = parseSourceDocument(text, detected.format, detected.parsers);
  const where = (issue: { path: readonly (string | number)[] }) => issue.path.join('.') || '(document)';
  if (!parsed.ok) throw usageError(`${path} is not a CORS configuration (read as ${detected.format}):\n${parsed.issues.map((issue) => `  ${where(issue)}: ${issueMessage(issue)}`).join('\n')}`);
  for (const issue of parsed.issues ?? []) process.stderr.write(`cors-console: ${path}: ${where(issue)}: ${issueMessage(issue)}\n`);
  return { config: parsed.config.rules.length ? parsed.config : null, format: detected.format };
}

/** The comparison in words: the verdict, the edits from live to file, and the requests that fare differently. */
export function prettyComparison(comparison: ConfigComparison, where: { bucket: string; file: string; format: string }): string {
  const out = [`${where.bucket} (live) against ${where.file} (${where.format})`, comparisonVerdictText(comparison)];
  if (comparison.edits.length) out.push('', 'Edits from the live configuration to the file:', ...comparison.edits.map((edit) => `  - ${configEditText(edit)}`));
  if (comparison.changedRequests.length) out.push('', 'Requests that fare differently:', ...comparison.changedRequests.map((changed) => `  - ${changedRequestText(changed)}`));
  return `${out.join('\n')}\n`;
}

/** Exit 0 when the two are equivalent, 1 when they differ, 2 for bad input, 3 when the bucket cannot be read. */
export async function runDiffCommand(options: DiffOptions, dataDir: string, write: (text: string) => void): Promise<number> {
  if (!['pretty', 'json'].includes(options.reporter)) throw usageError(`--reporter takes pretty or json, not ${JSON.stringify(options.reporter)}.`);
  if (!isBucketName(options.bucket)) throw usageError(`${JSON.stringify(options.bucket)} is no bucket name.`);
  const target = await loadTarget(options.profile, process.env, dataDir);
  const { config: desired, format } = await readFileConfig(options.file, target.profile.summary.dialect, options.format);
  const live = await readLiveConfig(target.profile, options.bucket);
  const comparison = compareConfigurations(live, desired, target.profile.summary.dialect);
  write(options.reporter === 'json' ? `${JSON.stringify({ version: 1, bucket: options.bucket, file: options.file, format, ...comparison }, null, 2)}\n` : prettyComparison(comparison, { bucket: options.bucket, file: options.file, format }));
  return comparison.equivalent ? EXIT.passed : EXIT.failed;
}
