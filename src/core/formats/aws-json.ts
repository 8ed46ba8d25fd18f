import { error } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult, FormatCodec } from './codec';
import type { RuleSyntax } from './fields';
import { formatJson, hasKey, isRecord, readJson, readJsonRules, warnUnknownKeys } from './json-document';

const SYNTAX: RuleSyntax = {
  xml: false,
  id: 'ID',
  origins: 'AllowedOrigins',
  methods: 'AllowedMethods',
  headers: 'AllowedHeaders',
  expose: 'ExposeHeaders',
  maxAge: 'MaxAgeSeconds',
};
const RULE_KEYS = ['ID', 'AllowedOrigins', 'AllowedMethods', 'AllowedHeaders', 'ExposeHeaders', 'MaxAgeSeconds'];

/**
 * The AWS CLI shape `{"CORSRules": [...]}` (`aws s3api put-bucket-cors --cors-configuration`).
 * Reading also accepts the S3 console's bare list of rules and `{"CORSConfiguration": {...}}`.
 */
export const awsJson: FormatCodec = {
  label: 'AWS JSON',
  carries: { ruleIds: true, responseVary: false, separateHeaderLists: true },
  mediaType: 'application/json',
  parse,
  serialize,
};

function parse(text: string): CorsDocumentResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const list = findRuleList(read.value, issues);
  if (list === undefined) return { ok: false, issues };
  const rules = readJsonRules(list, 'CORSRules', SYNTAX, issues, (entry, index) => {
    warnUnknownKeys(entry, RULE_KEYS, { owner: 'rule', rule: index }, ['rules', index], issues);
    return {
      id: entry['ID'],
      origins: entry['AllowedOrigins'],
      methods: entry['AllowedMethods'],
      headers: entry['AllowedHeaders'],
      expose: entry['ExposeHeaders'],
      maxAge: entry['MaxAgeSeconds'],
    };
  });
  return parseResult({ rules }, issues);
}

function findRuleList(document: unknown, issues: Issue[]): unknown {
  if (Array.isArray(document)) return document;
  if (isRecord(document) && isRecord(document['CORSConfiguration'])) {
    warnUnknownKeys(document, ['CORSConfiguration'], { owner: 'document' }, [], issues);
    return findRulesKey(document['CORSConfiguration'], issues);
  }
  return findRulesKey(document, issues);
}

function findRulesKey(body: unknown, issues: Issue[]): unknown {
  if (isRecord(body) && hasKey(body, 'CORSRules')) {
    warnUnknownKeys(body, ['CORSRules'], { owner: 'document' }, [], issues);
    return body['CORSRules'];
  }
  issues.push(
    error('document.root', { expected: 'aws-json' }, []),
  );
  return undefined;
}

function serialize(config: CorsConfig): string {
  const CORSRules = config.rules.map((rule) => ({
    ...(rule.id !== undefined ? { ID: rule.id } : {}),
    AllowedOrigins: rule.allowedOrigins,
    AllowedMethods: rule.allowedMethods,
    ...(rule.allowedHeaders.length > 0 ? { AllowedHeaders: rule.allowedHeaders } : {}),
    ...(rule.exposeHeaders.length > 0 ? { ExposeHeaders: rule.exposeHeaders } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { MaxAgeSeconds: rule.maxAgeSeconds } : {}),
  }));
  return formatJson({ CORSRules });
}
