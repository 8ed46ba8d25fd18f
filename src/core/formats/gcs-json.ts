import { error } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult, FormatCodec } from './codec';
import type { RuleSyntax } from './fields';
import { formatJson, hasKey, isRecord, readJson, readJsonRules, warnUnknownKeys } from './json-document';

const SYNTAX: RuleSyntax = {
  xml: false,
  id: 'id',
  origins: 'origin',
  methods: 'method',
  headers: 'responseHeader',
  expose: 'responseHeader',
  maxAge: 'maxAgeSeconds',
};
const ENTRY_KEYS = ['origin', 'method', 'responseHeader', 'maxAgeSeconds'];

/**
 * The Google Cloud Storage CORS file: a bare list of entries (`gcloud storage buckets update
 * --cors-file`, `gsutil cors set`). Reading also accepts the bucket resource's `{"cors": [...]}`.
 * GCS has one `responseHeader` list, read into both allowed and exposed headers.
 */
export const gcsJson: FormatCodec = {
  label: 'GCS JSON',
  carries: { ruleIds: false, responseVary: false, separateHeaderLists: false },
  mediaType: 'application/json',
  parse,
  serialize,
};

function parse(text: string): CorsDocumentResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const list = findEntryList(read.value, issues);
  if (list === undefined) return { ok: false, issues };
  const rules = readJsonRules(list, 'The CORS list', SYNTAX, issues, (entry, index) => {
    warnUnknownKeys(entry, ENTRY_KEYS, { owner: 'rule', rule: index }, ['rules', index], issues);
    const responseHeader = entry['responseHeader'];
    // Only a clean list is copied into both fields, so a bad one is reported once, not twice.
    const clean = Array.isArray(responseHeader) && responseHeader.every((header) => typeof header === 'string');
    return {
      origins: entry['origin'],
      methods: entry['method'],
      headers: responseHeader,
      ...(clean ? { expose: responseHeader } : {}),
      maxAge: entry['maxAgeSeconds'],
    };
  });
  return parseResult({ rules }, issues);
}

function findEntryList(document: unknown, issues: Issue[]): unknown {
  if (Array.isArray(document)) return document;
  if (isRecord(document) && hasKey(document, 'cors')) {
    warnUnknownKeys(document, ['cors'], { owner: 'document' }, [], issues);
    return document['cors'];
  }
  issues.push(error('document.root', { expected: 'gcs-json' }, []));
  return undefined;
}

/** The union of allowed and exposed headers, first spelling kept: header names are case-insensitive. */
export function responseHeaders(rule: CorsRule): string[] {
  const seen = new Set<string>();
  return [...rule.allowedHeaders, ...rule.exposeHeaders].filter((header) => {
    const key = header.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function serialize(config: CorsConfig): string {
  const entries = config.rules.map((rule) => {
    const responseHeader = responseHeaders(rule);
    return {
      origin: rule.allowedOrigins,
      method: rule.allowedMethods,
      ...(responseHeader.length > 0 ? { responseHeader } : {}),
      ...(rule.maxAgeSeconds !== undefined ? { maxAgeSeconds: rule.maxAgeSeconds } : {}),
    };
  });
  return formatJson(entries);
}
