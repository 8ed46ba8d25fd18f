import { error } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult, FormatCodec } from './codec';
import { foundValue, ruleRef } from './fields';
import type { RawRule, RuleSyntax } from './fields';
import { formatJson, hasKey, isRecord, readJson, readJsonRules, warnUnknownKeys } from './json-document';

const SYNTAX: RuleSyntax = {
  xml: false,
  id: 'id',
  origins: 'allowed.origins',
  methods: 'allowed.methods',
  headers: 'allowed.headers',
  expose: 'exposeHeaders',
  maxAge: 'maxAgeSeconds',
};
const RULE_KEYS = ['id', 'allowed', 'exposeHeaders', 'maxAgeSeconds'];
const ALLOWED_KEYS = ['origins', 'methods', 'headers'];
const API_ENVELOPE_KEYS = ['result', 'success', 'errors', 'messages'];

/**
 * Cloudflare R2's own shape `{"rules": [{"allowed": {...}, ...}]}` (REST API, dashboard JSON tab,
 * `wrangler r2 bucket cors set --file`). Reading also accepts the API's `{"result": {...}}` envelope.
 */
export const r2Json: FormatCodec = {
  label: 'R2 JSON',
  carries: { ruleIds: true, responseVary: false, separateHeaderLists: true },
  mediaType: 'application/json',
  parse,
  serialize,
};

function parse(text: string): CorsDocumentResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const body = unwrapEnvelope(read.value, issues);
  if (!isRecord(body) || !hasKey(body, 'rules')) {
    return { ok: false, issues: [...issues, error('document.root', { expected: 'r2-json' }, [])] };
  }
  warnUnknownKeys(body, ['rules'], { owner: 'document' }, [], issues);
  const rules = readJsonRules(body['rules'], 'rules', SYNTAX, issues, (entry, index) => readR2Rule(entry, index, issues));
  return parseResult({ rules }, issues);
}

function unwrapEnvelope(document: unknown, issues: Issue[]): unknown {
  if (!isRecord(document) || hasKey(document, 'rules') || !isRecord(document['result'])) return document;
  warnUnknownKeys(document, API_ENVELOPE_KEYS, { owner: 'api-response' }, [], issues);
  return document['result'];
}

function readR2Rule(entry: Record<string, unknown>, index: number, issues: Issue[]): RawRule {
  warnUnknownKeys(entry, RULE_KEYS, { owner: 'rule', rule: index }, ['rules', index], issues);
  const raw: RawRule = { id: entry['id'], expose: entry['exposeHeaders'], maxAge: entry['maxAgeSeconds'] };
  const allowed = entry['allowed'];
  if (allowed === undefined) return raw;
  if (!isRecord(allowed)) {
    issues.push(error('field.not-an-object', { ...ruleRef(index), found: foundValue(allowed, SYNTAX) }, ['rules', index]));
    return raw;
  }
  warnUnknownKeys(allowed, ALLOWED_KEYS, { owner: 'rule-allowed', rule: index }, ['rules', index], issues);
  return { ...raw, origins: allowed['origins'], methods: allowed['methods'], headers: allowed['headers'] };
}

function serialize(config: CorsConfig): string {
  const rules = config.rules.map((rule) => ({
    ...(rule.id !== undefined ? { id: rule.id } : {}),
    allowed: {
      origins: rule.allowedOrigins,
      methods: rule.allowedMethods,
      ...(rule.allowedHeaders.length > 0 ? { headers: rule.allowedHeaders } : {}),
    },
    ...(rule.exposeHeaders.length > 0 ? { exposeHeaders: rule.exposeHeaders } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { maxAgeSeconds: rule.maxAgeSeconds } : {}),
  }));
  return formatJson({ rules });
}
