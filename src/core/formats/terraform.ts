import { error, warning } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult } from './codec';
import { foundValue, ruleRef } from './fields';
import type { RawRule, RuleSyntax } from './fields';
import { isRecord, readJsonRules, warnUnknownKeys } from './json-document';

/** The Terraform resources that carry a bucket's CORS rules, as the console reads and writes them. */
export const TERRAFORM_RESOURCES = ['aws_s3_bucket_cors_configuration', 'alicloud_oss_bucket_cors', 'tencentcloud_cos_bucket', 'cloudflare_r2_bucket_cors'] as const;
export type TerraformResource = (typeof TERRAFORM_RESOURCES)[number];

interface ResourceSchema {
  /** `block`: repeated nested blocks (`cors_rule { ... }`); `list`: one attribute holding a list of objects (`rules = [...]`). */
  rulesAs: 'block' | 'list';
  rulesKey: string;
  syntax: RuleSyntax;
  /** The resource's top-level ResponseVary switch, when it has one. */
  varyKey?: string;
  /** Arguments of the resource besides the rules that name the bucket and are not CORS facts. */
  otherKeys: string[];
  /**
   * Whether the provider keeps the rules in the order written. The AWS provider declares
   * `cors_rule` as a set (`schema.TypeSet`, internal/service/s3/bucket_cors_configuration.go), and
   * so does the Alibaba provider (`schema.TypeSet`, alicloud/resource_alicloud_oss_bucket_cors.go),
   * so Terraform may hand the provider the rules in another order. Tencent's `cors_rules` blocks
   * and Cloudflare's `rules` list are lists.
   */
  keepsOrder: boolean;
}

const snake = (id: string | undefined, expose: string): RuleSyntax => ({
  xml: false,
  id: id ?? 'id',
  origins: 'allowed_origins',
  methods: 'allowed_methods',
  headers: 'allowed_headers',
  expose,
  maxAge: 'max_age_seconds',
});

const SCHEMAS: Record<TerraformResource | 'aws_s3_bucket', ResourceSchema> = {
  aws_s3_bucket_cors_configuration: { rulesAs: 'block', rulesKey: 'cors_rule', syntax: snake('id', 'expose_headers'), otherKeys: ['bucket', 'expected_bucket_owner'], keepsOrder: false },
  // The AWS provider before 4.0 took `cors_rule` blocks inside the bucket itself (no IDs).
  aws_s3_bucket: { rulesAs: 'block', rulesKey: 'cors_rule', syntax: snake(undefined, 'expose_headers'), otherKeys: [], keepsOrder: false },
  alicloud_oss_bucket_cors: { rulesAs: 'block', rulesKey: 'cors_rule', syntax: snake(undefined, 'expose_header'), varyKey: 'response_vary', otherKeys: ['bucket'], keepsOrder: false },
  tencentcloud_cos_bucket: { rulesAs: 'block', rulesKey: 'cors_rules', syntax: snake(undefined, 'expose_headers'), varyKey: 'cors_response_vary', otherKeys: [], keepsOrder: true },
  cloudflare_r2_bucket_cors: {
    rulesAs: 'list',
    rulesKey: 'rules',
    syntax: { xml: false, id: 'id', origins: 'allowed.origins', methods: 'allowed.methods', headers: 'allowed.headers', expose: 'expose_headers', maxAge: 'max_age_seconds' },
    otherKeys: ['account_id', 'bucket_name', 'jurisdiction'],
    keepsOrder: true,
  },
};

/** Whether Terraform with this resource hands the provider the rules in the order written. */
export function terraformKeepsOrder(resource: TerraformResource): boolean {
  return SCHEMAS[resource].keepsOrder;
}

/** What a resource can carry. */
export function terraformCarries(resource: TerraformResource): { ruleIds: boolean; responseVary: boolean } {
  const schema = SCHEMAS[resource];
  return { ruleIds: schema.rulesAs === 'list' || resource === 'aws_s3_bucket_cors_configuration', responseVary: schema.varyKey !== undefined };
}

export interface TerraformReading {
  result: CorsDocumentResult;
  /** The resource type read, when one was found. */
  resource?: TerraformResource | 'aws_s3_bucket';
}

/**
 * The CORS rules of the first resource of a known type in a Terraform file, as hcl2json gives it
 * (`{"resource": {TYPE: {NAME: [{...}]}}}`; each block a list of objects). Other resources with
 * CORS rules are named in a warning. Bare `cors_rule { ... }` blocks are read as the AWS resource's.
 * Expressions (`var.origins`) come as `"${...}"` strings and are reported where a list is due.
 */
export function readTerraform(document: unknown): TerraformReading {
  const issues: Issue[] = [];
  if (!isRecord(document)) return { result: { ok: false, issues: [error('document.root', { expected: 'terraform' }, [])] } };
  const found = findResources(document);
  if (found.length === 0) {
    if (Object.hasOwn(document, 'cors_rule')) return readResource(document, 'aws_s3_bucket', issues);
    return { result: { ok: false, issues: [error('document.root', { expected: 'terraform' }, [])] } };
  }
  const [first] = found;
  if (found.length > 1) issues.push(warning('document.several-configurations', { count: found.length, used: `${first!.type}.${first!.name}` }, []));
  return readResource(first!.body, first!.type, issues);
}

interface FoundResource {
  type: TerraformResource | 'aws_s3_bucket';
  name: string;
  body: Record<string, unknown>;
}

function findResources(document: Record<string, unknown>): FoundResource[] {
  const resources = document['resource'];
  if (!isRecord(resources)) return [];
  const found: FoundResource[] = [];
  for (const [type, byName] of Object.entries(resources)) {
    if (!Object.hasOwn(SCHEMAS, type) || !isRecord(byName)) continue;
    const schema = SCHEMAS[type as keyof typeof SCHEMAS];
    for (const [name, blocks] of Object.entries(byName)) {
      for (const body of Array.isArray(blocks) ? blocks : [blocks]) {
        if (isRecord(body) && (type !== 'aws_s3_bucket' || Object.hasOwn(body, schema.rulesKey))) found.push({ type: type as FoundResource['type'], name, body });
      }
    }
  }
  return found;
}

function readResource(body: Record<string, unknown>, type: FoundResource['type'], issues: Issue[]): TerraformReading {
  const schema = SCHEMAS[type];
  const rulesValue = body[schema.rulesKey] ?? [];
  const rules = readJsonRules(rulesValue, schema.rulesKey, schema.syntax, issues, (entry, index) => readTerraformRule(entry, index, schema, type, issues));
  const config: CorsConfig = { rules };
  if (schema.varyKey !== undefined && Object.hasOwn(body, schema.varyKey)) {
    const vary = terraformBool(body[schema.varyKey]);
    if (typeof vary === 'boolean') config.responseVary = vary;
    else issues.push(error('response-vary.invalid', { found: foundValue(vary, schema.syntax) }, ['responseVary']));
  }
  return { result: parseResult(config, issues), resource: type };
}

function readTerraformRule(entry: Record<string, unknown>, index: number, schema: ResourceSchema, type: FoundResource['type'], issues: Issue[]): RawRule {
  const { syntax } = schema;
  if (schema.rulesAs === 'list') {
    warnUnknownKeys(entry, ['id', 'allowed', 'expose_headers', 'max_age_seconds'], { owner: 'rule', rule: index }, ['rules', index], issues);
    const raw: RawRule = { id: entry['id'], expose: entry['expose_headers'], maxAge: terraformNumber(entry['max_age_seconds']) };
    const allowed = entry['allowed'];
    if (allowed === undefined) return raw;
    if (!isRecord(allowed)) {
      issues.push(error('field.not-an-object', { ...ruleRef(index), found: foundValue(allowed, syntax) }, ['rules', index]));
      return raw;
    }
    warnUnknownKeys(allowed, ['origins', 'methods', 'headers'], { owner: 'rule-allowed', rule: index }, ['rules', index], issues);
    return { ...raw, origins: allowed['origins'], methods: allowed['methods'], headers: allowed['headers'] };
  }
  const hasId = type === 'aws_s3_bucket_cors_configuration';
  const known = [...(hasId ? ['id'] : []), syntax.origins, syntax.methods, syntax.headers, syntax.expose, syntax.maxAge];
  warnUnknownKeys(entry, known, { owner: 'rule', rule: index }, ['rules', index], issues);
  return {
    ...(hasId ? { id: entry['id'] } : {}),
    origins: entry[syntax.origins],
    methods: entry[syntax.methods],
    headers: entry[syntax.headers],
    expose: entry[syntax.expose],
    maxAge: terraformNumber(entry[syntax.maxAge]),
  };
}

/**
 * Terraform converts a string of digits where a number is due (the Alibaba provider's own example
 * writes `max_age_seconds = "1000"`), so the reader does too; anything else is left to be reported.
 */
function terraformNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
}

/** Likewise `"true"` and `"false"` where a bool is due. */
function terraformBool(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** Terraform reads only the ruleset argument of each resource that the console writes. */
export function readTerraformDocument(value: unknown): CorsDocumentResult {
  return readTerraform(value).result;
}

// --- Writing -------------------------------------------------------------------------------

/** An HCL value the emitter writes: strings, numbers, booleans, lists, objects, and references. */
export type HclValue = string | number | boolean | HclValue[] | { [key: string]: HclValue } | HclReference;

/** An expression written as it is (`aws_s3_bucket.site.id`); only built from fixed, checked names. */
export class HclReference {
  constructor(readonly expression: string) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/.test(expression)) throw new Error(`not a reference: ${expression}`);
  }
}

/** A block: `type "label" ... { attributes; nested blocks }`, attributes first, in the order given. */
export interface HclBlock {
  type: string;
  labels: string[];
  attributes: [string, HclValue][];
  blocks: HclBlock[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * An HCL string literal. Besides `\` and `"`, HCL treats `${` and `%{` as the start of a template,
 * so they are escaped as `$${` and `%%{` (HCL native syntax spec, "Template Literals"); control
 * characters use `\n`, `\r`, `\t` and `\uNNNN`.
 */
export function hclString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const next = value[i + 1];
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if ((char === '$' || char === '%') && next === '{') out += char + char;
    else if (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f) out += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

function hclKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

function hclValue(value: HclValue, indent: string): string {
  if (value instanceof HclReference) return value.expression;
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('HCL numbers are finite');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item !== 'object')) return `[${value.map((item) => hclValue(item, inner)).join(', ')}]`;
    return `[\n${value.map((item) => `${inner}${hclValue(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${hclKey(key)} = ${hclValue(item, inner)}`).join('\n')}\n${indent}}`;
}

/** Writes blocks as HCL native syntax, two-space indented, attributes aligned as `terraform fmt` does. */
export function emitHcl(blocks: HclBlock[], indent = ''): string {
  return blocks.map((block) => emitBlock(block, indent)).join('\n');
}

function emitBlock(block: HclBlock, indent: string): string {
  if (!IDENTIFIER.test(block.type)) throw new Error(`not a block type: ${block.type}`);
  const inner = `${indent}  `;
  const width = Math.max(0, ...block.attributes.map(([key]) => hclKey(key).length));
  const lines = block.attributes.map(([key, value]) => `${inner}${hclKey(key).padEnd(width)} = ${hclValue(value, inner)}`);
  const nested = block.blocks.map((child) => emitBlock(child, inner));
  const body = [...lines, ...(lines.length > 0 && nested.length > 0 ? [''] : []), ...nested.flatMap((text, i) => (i > 0 ? ['', text] : [text]))].map((line) => line.replace(/\s+$/, ''));
  const head = [block.type, ...block.labels.map(hclString)].join(' ');
  return body.length === 0 ? `${indent}${head} {}\n` : `${indent}${head} {\n${body.join('\n').replace(/\n+$/, '')}\n${indent}}\n`;
}

/** A Terraform resource name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function terraformName(bucket: string): string {
  const name = bucket.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `bucket_${name}`;
}

/** A Terraform file with one resource of `resource`'s type for `bucket`, the rules in their order. */
export function terraformDocument(config: CorsConfig, resource: TerraformResource, bucket: string): string {
  const schema = SCHEMAS[resource];
  const name = terraformName(bucket);
  const attributes: [string, HclValue][] = [];
  const blocks: HclBlock[] = [];
  if (resource === 'cloudflare_r2_bucket_cors') {
    attributes.push(['account_id', new HclReference('var.cloudflare_account_id')], ['bucket_name', bucket]);
    attributes.push(['rules', config.rules.map((rule) => r2RuleValue(rule))]);
  } else {
    attributes.push([resource === 'tencentcloud_cos_bucket' ? 'bucket' : 'bucket', bucket]);
    if (schema.varyKey !== undefined && config.responseVary !== undefined) attributes.push([schema.varyKey, config.responseVary]);
    for (const rule of config.rules) blocks.push({ type: schema.rulesKey, labels: [], attributes: blockRuleAttributes(rule, schema, resource), blocks: [] });
  }
  return emitHcl([{ type: 'resource', labels: [resource, name], attributes, blocks }]);
}

function blockRuleAttributes(rule: CorsRule, schema: ResourceSchema, resource: TerraformResource): [string, HclValue][] {
  const { syntax } = schema;
  return [
    ...(resource === 'aws_s3_bucket_cors_configuration' && rule.id !== undefined ? [['id', rule.id] as [string, HclValue]] : []),
    [syntax.origins, rule.allowedOrigins],
    [syntax.methods, rule.allowedMethods],
    ...(rule.allowedHeaders.length > 0 ? [[syntax.headers, rule.allowedHeaders] as [string, HclValue]] : []),
    ...(rule.exposeHeaders.length > 0 ? [[syntax.expose, rule.exposeHeaders] as [string, HclValue]] : []),
    ...(rule.maxAgeSeconds !== undefined ? [[syntax.maxAge, rule.maxAgeSeconds] as [string, HclValue]] : []),
  ];
}

function r2RuleValue(rule: CorsRule): HclValue {
  return {
    ...(rule.id !== undefined ? { id: rule.id } : {}),
    allowed: {
      origins: rule.allowedOrigins,
      methods: rule.allowedMethods,
      ...(rule.allowedHeaders.length > 0 ? { headers: rule.allowedHeaders } : {}),
    },
    ...(rule.exposeHeaders.length > 0 ? { expose_headers: rule.exposeHeaders } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { max_age_seconds: rule.maxAgeSeconds } : {}),
  };
}
