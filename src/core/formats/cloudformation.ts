import { error, warning } from '../issues';
import type { Issue } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult } from './codec';
import type { RuleSyntax } from './fields';
import { isRecord, readJsonRules, warnUnknownKeys } from './json-document';

const SYNTAX: RuleSyntax = {
  xml: false,
  id: 'Id',
  origins: 'AllowedOrigins',
  methods: 'AllowedMethods',
  headers: 'AllowedHeaders',
  expose: 'ExposedHeaders',
  maxAge: 'MaxAge',
};
const RULE_KEYS = ['Id', 'AllowedOrigins', 'AllowedMethods', 'AllowedHeaders', 'ExposedHeaders', 'MaxAge'];

/** Where the rule list was found, as keys from the document's root (for line numbers in YAML). */
export type ValuePath = (string | number)[];

export interface CloudFormationReading {
  result: CorsDocumentResult;
  /** The keys leading to the `CorsRules` list, when one was found. */
  rulesPath?: ValuePath;
}

/**
 * The rules of a CloudFormation `AWS::S3::Bucket` `CorsConfiguration`
 * (docs: AWS::S3::Bucket CorsRule: `Id`, `AllowedOrigins`, `AllowedMethods`, `AllowedHeaders`,
 * `ExposedHeaders`, `MaxAge`), from a whole template (the first bucket with one; the others are
 * named in a warning), a `CorsConfiguration` alone, or its `CorsRules` object. Intrinsic
 * functions (`!Ref`, `{"Fn::Sub": ...}`) are objects, not strings, and are reported as such.
 */
export function readCloudFormation(document: unknown): CloudFormationReading {
  const issues: Issue[] = [];
  const found = findCorsConfiguration(document, issues);
  if (!found) return { result: { ok: false, issues: [...issues, error('document.root', { expected: 'cloudformation' }, [])] } };
  const { configuration, path } = found;
  const list = Array.isArray(configuration) ? configuration : configuration['CorsRules'];
  if (!Array.isArray(configuration)) warnUnknownKeys(configuration, ['CorsRules'], { owner: 'document' }, [], issues);
  const rules = readJsonRules(list, 'CorsRules', SYNTAX, issues, (entry, index) => {
    warnUnknownKeys(entry, RULE_KEYS, { owner: 'rule', rule: index }, ['rules', index], issues);
    return {
      id: entry['Id'],
      origins: entry['AllowedOrigins'],
      methods: entry['AllowedMethods'],
      headers: entry['AllowedHeaders'],
      expose: entry['ExposedHeaders'],
      maxAge: entry['MaxAge'],
    };
  });
  return { result: parseResult({ rules }, issues), rulesPath: Array.isArray(configuration) ? path : [...path, 'CorsRules'] };
}

function findCorsConfiguration(document: unknown, issues: Issue[]): { configuration: Record<string, unknown> | unknown[]; path: ValuePath } | undefined {
  // A bare list of CloudFormation rules (the value of `CorsRules`).
  if (Array.isArray(document)) return { configuration: document, path: [] };
  if (!isRecord(document)) return undefined;
  if (isRecord(document['Resources'])) {
    const buckets = Object.entries(document['Resources']).filter(
      ([, resource]) => isRecord(resource) && isRecord(resource['Properties']) && isRecord(resource['Properties']['CorsConfiguration']),
    );
    if (buckets.length === 0) return undefined;
    const [name, resource] = buckets[0]!;
    if (buckets.length > 1) issues.push(warning('document.several-configurations', { count: buckets.length, used: name }, []));
    const properties = (resource as Record<string, Record<string, unknown>>)['Properties']!;
    return { configuration: properties['CorsConfiguration'] as Record<string, unknown>, path: ['Resources', name, 'Properties', 'CorsConfiguration'] };
  }
  if (isRecord(document['Properties']) && isRecord(document['Properties']['CorsConfiguration'])) {
    return { configuration: document['Properties']['CorsConfiguration'], path: ['Properties', 'CorsConfiguration'] };
  }
  if (isRecord(document['CorsConfiguration'])) return { configuration: document['CorsConfiguration'], path: ['CorsConfiguration'] };
  if (Object.hasOwn(document, 'CorsRules')) return { configuration: document, path: [] };
  return undefined;
}

/** A rule as CloudFormation spells it. */
function cloudFormationRule(rule: CorsRule): Record<string, unknown> {
  return {
    ...(rule.id !== undefined ? { Id: rule.id } : {}),
    AllowedOrigins: rule.allowedOrigins,
    AllowedMethods: rule.allowedMethods,
    ...(rule.allowedHeaders.length > 0 ? { AllowedHeaders: rule.allowedHeaders } : {}),
    ...(rule.exposeHeaders.length > 0 ? { ExposedHeaders: rule.exposeHeaders } : {}),
    ...(rule.maxAgeSeconds !== undefined ? { MaxAge: rule.maxAgeSeconds } : {}),
  };
}

/** Logical IDs are alphanumeric (CloudFormation rejects anything else). */
export function logicalId(bucket: string): string {
  const words = bucket.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const id = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(id) ? id : `Bucket${id}`;
}

/** A whole template with one `AWS::S3::Bucket` named after the bucket, ready for `aws cloudformation deploy`. */
export function cloudFormationTemplate(config: CorsConfig, bucket: string): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      [logicalId(bucket)]: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: bucket,
          CorsConfiguration: { CorsRules: config.rules.map(cloudFormationRule) },
        },
      },
    },
  };
}
