import { error } from '../issues';
import type { Dialect } from '../dialects';
import { parseAzureJson, AZURE_RULE_KEYS } from './azure-json';
import { readCloudFormation } from './cloudformation';
import type { CorsDocumentResult } from './codec';
import type { CodeParserName, CodeParsers } from './code-parsers';
import { loadCodeParsers } from './code-parsers';
import { detectDocumentFormat } from './detect';
import { DOCUMENT_FORMATS, documentFormatInfo, parseCorsDocument } from './stored-formats';
import type { DocumentFormat } from './stored-formats';
import { isRecord, readJson } from './json-document';
import { readTerraform } from './terraform';
import { readYaml, withRuleLines } from './yaml-document';

/**
 * Shapes the console reads but does not store as a bucket's document: infrastructure code and
 * other clouds' rule lists. Export writes the first three (see `EXPORT_TARGETS`); Azure is read only.
 */
export const CODE_FORMATS = ['cloudformation-json', 'cloudformation-yaml', 'terraform-hcl', 'azure-json'] as const;
export type CodeFormat = (typeof CODE_FORMATS)[number];

/** Every shape an import reads. */
export const SOURCE_FORMATS = [...DOCUMENT_FORMATS, ...CODE_FORMATS] as const;
export type SourceFormat = DocumentFormat | CodeFormat;

const CODE_LABELS: Record<CodeFormat, string> = {
  'cloudformation-json': 'CloudFormation JSON',
  'cloudformation-yaml': 'CloudFormation YAML',
  'terraform-hcl': 'Terraform HCL',
  'azure-json': 'Azure CorsRule JSON',
};

export function isDocumentFormat(format: string): format is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly string[]).includes(format);
}

/** The human name of a source shape (a document format's label, or an infrastructure-code name). */
export function sourceFormatLabel(format: SourceFormat): string {
  return isDocumentFormat(format) ? documentFormatInfo(format).label : CODE_LABELS[format];
}

/** The heavy parsers reading a shape needs (none for JSON and XML). */
export function parsersFor(format: SourceFormat): CodeParserName[] {
  if (format === 'cloudformation-yaml') return ['yaml'];
  if (format === 'terraform-hcl') return ['hcl'];
  return [];
}

/**
 * Reads a document of any source shape. Synchronous once the parsers it needs (`parsersFor`) are
 * given; without them it says so as an issue rather than guessing. Never throws.
 */
export function parseSourceDocument(text: string, format: SourceFormat, parsers: CodeParsers = {}): CorsDocumentResult {
  if (isDocumentFormat(format)) return parseCorsDocument(text, format);
  try {
    return parseCode(text, format, parsers);
  } catch (thrown) {
    return { ok: false, issues: [error('document.unreadable', { detail: thrown instanceof Error ? thrown.message : String(thrown) }, [])] };
  }
}

const CLOUDFORMATION_FIELDS: Record<string, string> = {
  id: 'Id',
  allowedOrigins: 'AllowedOrigins',
  allowedMethods: 'AllowedMethods',
  allowedHeaders: 'AllowedHeaders',
  exposeHeaders: 'ExposedHeaders',
  maxAgeSeconds: 'MaxAge',
};

function parseCode(text: string, format: CodeFormat, parsers: CodeParsers): CorsDocumentResult {
  switch (format) {
    case 'azure-json':
      return parseAzureJson(text);
    case 'cloudformation-json': {
      const read = readJson(text);
      return read.ok ? readCloudFormation(read.value).result : read;
    }
    case 'cloudformation-yaml': {
      if (!parsers.yaml) return { ok: false, issues: [error('document.unreadable', { detail: 'the YAML parser is not loaded' }, [])] };
      const read = readYaml(text, parsers.yaml);
      if (!read.ok) return read;
      const { result, rulesPath } = readCloudFormation(read.value);
      return withRuleLines(result, rulesPath, read.lineAt, (field) => CLOUDFORMATION_FIELDS[field]);
    }
    case 'terraform-hcl': {
      if (!parsers.hcl) return { ok: false, issues: [error('document.unreadable', { detail: 'the HCL parser is not loaded' }, [])] };
      return readHcl(text, parsers);
    }
  }
}

/**
 * The longest text given to the HCL parser. hcl2-parser (GopherJS) reads about 15 ms per KB on
 * this machine (40 KB: 1.2 s; 1 MB: 15 s) on the page's main thread; a CORS resource is a few KB,
 * and 64 KB is also the most S3 takes for a whole CORS document.
 */
export const MAX_HCL_CHARS = 64 * 1024;

function readHcl(text: string, parsers: CodeParsers): CorsDocumentResult {
  if (text.length > MAX_HCL_CHARS) return { ok: false, issues: [error('document.too-large', { parser: 'hcl', size: text.length, max: MAX_HCL_CHARS }, [])] };
  const parsed = parseHcl(text, parsers);
  if (parsed === undefined) return { ok: false, issues: [error('document.syntax', { problem: 'hcl' }, [])] };
  return readTerraform(parsed).result;
}

/** The value of an HCL document, or undefined when it is not valid HCL (the parser says no more). */
function parseHcl(text: string, parsers: CodeParsers): unknown {
  if (text.length > MAX_HCL_CHARS) return undefined;
  let answer: unknown;
  try {
    answer = parsers.hcl!.parseToObject(text);
  } catch {
    // A Go panic surfacing through GopherJS: not HCL this parser can read.
    return undefined;
  }
  if (!Array.isArray(answer) || answer[1] !== null || !isRecord(answer[0])) return undefined;
  return answer[0];
}

/** What detection found: the shape read by default, and the other shapes the text also fits. */
export interface SourceDetection {
  format: SourceFormat;
  /** Other shapes the same text reads as, without errors: the import dialog shows them as a choice. */
  alternatives: SourceFormat[];
  /** The parsers loaded to decide, to pass to `parseSourceDocument`. */
  parsers: CodeParsers;
}

const JSON_CODE_KEYS = ['Resources', 'CorsConfiguration', 'CorsRules', 'AWSTemplateFormatVersion'];

/** A detection that needs a parser not loaded yet: load `needs` (`loadCodeParsers`) and ask again. */
export interface PendingDetection {
  needs: CodeParserName[];
}

/**
 * The shape of a pasted document, by parsing it, with the parsers at hand. XML and the JSON
 * shapes are told apart by their structure (`detectDocumentFormat` for the stored formats;
 * CloudFormation's `CorsRules` and `ExposedHeaders`/`MaxAge`, Azure's `MaxAgeInSeconds` and
 * camelCase keys); any other text is tried as YAML (CloudFormation) and then as HCL (Terraform).
 * When that takes a parser not in `parsers`, the answer names it instead of guessing. Shapes that
 * read the same text without errors are listed as alternatives.
 */
export function detectSourceFormatWith(text: string, dialect: Dialect, options: { fileName?: string; parsers?: CodeParsers } = {}): SourceDetection | PendingDetection {
  const parsers = options.parsers ?? {};
  const start = text.trimStart();
  const stored = detectDocumentFormat(text, dialect, options.fileName);
  if (start.startsWith('<') || start === '') return { format: stored, alternatives: [], parsers };
  if (start.startsWith('{') || start.startsWith('[')) {
    const format = jsonSourceFormat(start, stored);
    return { format, alternatives: alternativesFor(text, format, ['aws-json', 'gcs-json', 'r2-json', 'cloudformation-json', 'azure-json'], parsers), parsers };
  }
  if (!parsers.yaml) return { needs: ['yaml'] };
  const yamlReading = readYaml(text, parsers.yaml);
  if (yamlReading.ok && isRecord(yamlReading.value) && JSON_CODE_KEYS.some((key) => Object.hasOwn(yamlReading.value as object, key))) {
    return { format: 'cloudformation-yaml', alternatives: [], parsers };
  }
  if (!parsers.hcl) return { needs: ['hcl'] };
  if (parseHcl(text, parsers) !== undefined) return { format: 'terraform-hcl', alternatives: [], parsers };
  // Neither reads as a CORS document: the shape whose reader explains the problem best. Broken
  // HCL often still parses as a YAML plain string, so only a YAML mapping counts as YAML; text
  // that YAML refuses is HCL when it has blocks.
  const looksYaml = yamlReading.ok ? isRecord(yamlReading.value) : !start.includes('{');
  const format: SourceFormat = looksYaml ? 'cloudformation-yaml' : 'terraform-hcl';
  return { format, alternatives: [format === 'terraform-hcl' ? 'cloudformation-yaml' : 'terraform-hcl'], parsers };
}

/** `detectSourceFormatWith`, loading each parser it asks for (dynamic imports). */
export async function detectSourceFormat(text: string, dialect: Dialect, options: { fileName?: string; parsers?: CodeParsers } = {}): Promise<SourceDetection> {
  let parsers = options.parsers ?? {};
  for (;;) {
    const detection = detectSourceFormatWith(text, dialect, { ...options, parsers });
    if ('format' in detection) return detection;
    parsers = await loadCodeParsers(detection.needs, parsers);
  }
}

function jsonSourceFormat(text: string, stored: DocumentFormat): SourceFormat {
  const read = readJson(text);
  if (!read.ok) return stored;
  const value = read.value;
  if (isRecord(value) && JSON_CODE_KEYS.some((key) => Object.hasOwn(value, key))) {
    return hasAzureRules(value['CorsRules']) ? 'azure-json' : 'cloudformation-json';
  }
  if (isRecord(value) && (isRecord(value['cors']) || Object.hasOwn(value, 'corsRules') || isRecord(value['properties']))) return 'azure-json';
  if (hasAzureRules(value)) return 'azure-json';
  if (Array.isArray(value) && value.some((rule) => isRecord(rule) && (Object.hasOwn(rule, 'ExposedHeaders') || Object.hasOwn(rule, 'MaxAge') || Object.hasOwn(rule, 'Id')))) {
    return 'cloudformation-json';
  }
  return stored;
}

function hasAzureRules(list: unknown): boolean {
  return Array.isArray(list) && list.some((rule) => isRecord(rule) && AZURE_RULE_KEYS.some((key) => Object.hasOwn(rule, key)));
}

/** The other shapes (among `candidates`) that read the text without an error. */
function alternativesFor(text: string, format: SourceFormat, candidates: SourceFormat[], parsers: CodeParsers): SourceFormat[] {
  return candidates.filter((candidate) => candidate !== format && parseSourceDocument(text, candidate, parsers).ok);
}
