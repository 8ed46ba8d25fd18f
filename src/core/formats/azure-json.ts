import { error } from '../issues';
import type { Issue } from '../issues';
import { parseResult } from './codec';
import type { CorsDocumentResult } from './codec';
import type { RuleSyntax } from './fields';
import { isRecord, readJson, readJsonRules, warnUnknownKeys } from './json-document';

const SYNTAX: RuleSyntax = {
  xml: false,
  id: 'id',
  origins: 'AllowedOrigins',
  methods: 'AllowedMethods',
  headers: 'AllowedHeaders',
  expose: 'ExposedHeaders',
  maxAge: 'MaxAgeInSeconds',
};
const FIELDS = ['allowedorigins', 'allowedmethods', 'allowedheaders', 'exposedheaders', 'maxageinseconds'];
/** `az storage cors list` adds the service letter (b, f, q, t) each rule belongs to. */
const IGNORED = ['service'];

/** The rule keys that only Azure writes: they tell its lists from CloudFormation's and AWS's. */
export const AZURE_RULE_KEYS = ['MaxAgeInSeconds', 'maxAgeInSeconds', 'exposedHeaders', 'allowedOrigins'];

/**
 * Azure Storage `CorsRule` lists (a different model: service-level, at most 5 rules): the
 * `az storage cors list` output (PascalCase keys, comma-joined values), an ARM template's
 * `{"cors": {"corsRules": [...]}}` (camelCase, lists), or the list alone. Keys are matched without
 * case; a comma-joined value is split and trimmed, as Azure's REST API does. Azure's extra methods
 * (`OPTIONS`, `MERGE`, `PATCH`) have no S3 equivalent and are reported.
 */
export function parseAzureJson(text: string): CorsDocumentResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const list = findRuleList(read.value);
  if (list === undefined) return { ok: false, issues: [error('document.root', { expected: 'azure-json' }, [])] };
  const rules = readJsonRules(list, 'corsRules', SYNTAX, issues, (entry, index) => {
    const byName = new Map(Object.entries(entry).map(([key, value]) => [key.toLowerCase(), value] as const));
    const unknown = Object.fromEntries(Object.entries(entry).filter(([key]) => !FIELDS.includes(key.toLowerCase()) && !IGNORED.includes(key.toLowerCase())));
    warnUnknownKeys(unknown, [], { owner: 'rule', rule: index }, ['rules', index], issues);
    return {
      origins: splitJoined(byName.get('allowedorigins')),
      methods: splitJoined(byName.get('allowedmethods')),
      headers: splitJoined(byName.get('allowedheaders')),
      expose: splitJoined(byName.get('exposedheaders')),
      maxAge: byName.get('maxageinseconds'),
    };
  });
  return parseResult({ rules }, issues);
}

function findRuleList(document: unknown): unknown {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) return undefined;
  const body = isRecord(document['properties']) ? document['properties'] : document;
  const cors = isRecord(body['cors']) ? body['cors'] : body;
  for (const key of ['corsRules', 'CorsRules', 'CorsRule']) if (Object.hasOwn(cors, key)) return cors[key];
  return undefined;
}

/** `"GET,PUT"` → `["GET", "PUT"]`; an empty string is no value; lists and other values are left to the rule reader. */
function splitJoined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return [];
  return value.split(',').map((item) => item.trim());
}
