import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conversionLosses,
  detectSourceFormat,
  exportLosses,
  exportToCode,
  isDocumentFormat,
  loadCodeParsers,
  parseSourceDocument,
  serializeCorsDocument,
  type CodeParsers,
  type CorsConfig,
  type ExportTarget,
  type Issue,
  type SourceFormat,
} from '../../../src/core';

interface CorpusEntry {
  file: string;
  format: SourceFormat;
  /** Valid documents: how many rules they hold. */
  rules?: number;
  /** Invalid documents: the issues that must be reported, at these lines when given. */
  issues?: { code: string; line?: number }[];
}

const DIR = join(import.meta.dirname, '../../fixtures/paste-corpus');
const CORPUS = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as CorpusEntry[];
const text = (entry: CorpusEntry) => readFileSync(join(DIR, entry.file), 'utf8');

let parsers: CodeParsers = {};
beforeAll(async () => {
  parsers = await loadCodeParsers(['yaml', 'hcl']);
}, 60_000);

/** The writer a shape round-trips through, and what that writer is listed to lose. */
function writeBack(entry: CorpusEntry, config: CorsConfig): { text: string; format: SourceFormat; losses: Issue[] } {
  if (isDocumentFormat(entry.format)) return { text: serializeCorsDocument(config, entry.format), format: entry.format, losses: conversionLosses(config, entry.format) };
  if (entry.format === 'azure-json') {
    // Azure is read, not written: its rules round-trip through the AWS CLI file, which carries them all.
    return { text: serializeCorsDocument(config, 'aws-json'), format: 'aws-json', losses: conversionLosses(config, 'aws-json') };
  }
  const target: ExportTarget =
    entry.format === 'terraform-hcl'
      ? (({ 'tf-alicloud': 'terraform-alicloud', 'tf-tencent': 'terraform-tencentcloud', 'tf-r2': 'terraform-cloudflare-r2' }) as Record<string, ExportTarget>)[entry.file.split('-').slice(0, 2).join('-')] ?? 'terraform-aws'
      : entry.format;
  const written = exportToCode(config, target, 'corpus-bucket', parsers);
  return { text: written.text, format: entry.format, losses: exportLosses(config, target) };
}

/** The configuration minus what the listed losses say the writer drops. */
function minusLosses(config: CorsConfig, losses: Issue[]): CorsConfig {
  const codes = new Set(losses.map((loss) => loss.code));
  return {
    rules: config.rules.map((rule) => {
      const { id, ...rest } = rule;
      return codes.has('conversion.rule-id-lost') || id === undefined ? rest : { ...rest, id };
    }),
    ...(config.responseVary !== undefined && !codes.has('conversion.response-vary-lost') ? { responseVary: config.responseVary } : {}),
  };
}

describe('paste corpus (test/fixtures/paste-corpus)', () => {
  it('holds at least 60 documents across every shape, valid and invalid', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((entry) => entry.format)).size).toBe(10);
    expect(CORPUS.filter((entry) => entry.issues).length).toBeGreaterThanOrEqual(20);
  });

  it('detects the shape of every document (100%)', { timeout: 60_000 }, async () => {
    const misses: string[] = [];
    for (const entry of CORPUS) {
      const detection = await detectSourceFormat(text(entry), 's3', { parsers });
      if (detection.format !== entry.format) misses.push(`${entry.file}: ${detection.format}`);
    }
    expect(misses).toEqual([]);
  });

  it.each(CORPUS.filter((entry) => entry.issues))('reports the problems of $file where they are', ({ file, format, issues }) => {
    const result = parseSourceDocument(text({ file, format }), format, parsers);
    expect(result.ok).toBe(false);
    for (const expected of issues!) {
      expect(result.issues).toContainEqual(expect.objectContaining({ code: expected.code, ...(expected.line !== undefined ? { line: expected.line } : {}) }));
    }
  });

  it.each(CORPUS.filter((entry) => !entry.issues))('reads $file and round-trips it, minus the listed losses', (entry) => {
    const result = parseSourceDocument(text(entry), entry.format, parsers);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    if (!result.ok) return;
    expect(result.config.rules).toHaveLength(entry.rules!);
    const written = writeBack(entry, result.config);
    const again = parseSourceDocument(written.text, written.format, parsers);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(minusLosses(again.config, written.losses)).toEqual(minusLosses(result.config, written.losses));
  });
});

describe('documents with several CORS configurations', () => {
  it.each([
    ['cfn-two-buckets.json', 'cloudformation-json', 'A'],
    ['tf-two-resources.tf', 'terraform-hcl', 'aws_s3_bucket_cors_configuration.a'],
  ] as const)('%s: reads the first and names it in a warning', (file, format, used) => {
    const result = parseSourceDocument(text({ file, format }), format, parsers);
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'document.several-configurations', params: { count: 2, used } }));
  });
});
