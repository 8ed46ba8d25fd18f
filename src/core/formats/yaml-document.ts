import { error } from '../issues';
import type { Issue } from '../issues';
import type { CorsDocumentResult } from './codec';
import type { YamlModule } from './code-parsers';
import type { ValuePath } from './cloudformation';
import { positionLocator } from './lines';

/** CloudFormation's short-form intrinsic functions (`!Ref Name` stands for `{"Ref": "Name"}`). */
const INTRINSICS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length'];

function intrinsicKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function cloudFormationTags(yaml: YamlModule) {
  return INTRINSICS.flatMap((name) => {
    const key = intrinsicKey(name);
    const scalar = { tag: `!${name}`, resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }) };
    const seq = { tag: `!${name}`, collection: 'seq' as const, resolve: (node: unknown) => ({ [key]: toJs(yaml, node) }) };
    const map = { tag: `!${name}`, collection: 'map' as const, resolve: (node: unknown) => ({ [key]: toJs(yaml, node) }) };
    return [scalar, seq, map];
  });
}

function toJs(yaml: YamlModule, node: unknown): unknown {
  return yaml.isNode(node) ? node.toJSON() : node;
}

export interface YamlReading {
  ok: true;
  value: unknown;
  /** The 1-based line of the node at a path, when the document has one there. */
  lineAt: (path: ValuePath) => number | undefined;
}

/**
 * Parses one YAML document (CloudFormation's short-form tags understood). Never throws: a syntax
 * error is an issue with its line and column. Aliases are expanded up to the library's default
 * cap, so a "billion laughs" document is refused rather than expanded.
 */
export function readYaml(text: string, yaml: YamlModule): YamlReading | { ok: false; issues: Issue[] } {
  const at = positionLocator(text);
  let document;
  try {
    document = yaml.parseDocument(text, { customTags: cloudFormationTags(yaml), prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (thrown) {
    return { ok: false, issues: [error('document.syntax', { problem: 'yaml', detail: thrown instanceof Error ? thrown.message : String(thrown) }, [])] };
  }
  const first = document.errors[0];
  if (first) {
    const { line, column } = at(first.pos[0]);
    return { ok: false, issues: [error('document.syntax', { problem: 'yaml', detail: first.message.split('\n')[0]!, line, column }, [], { line })] };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    return { ok: false, issues: [error('document.syntax', { problem: 'yaml', detail: thrown instanceof Error ? thrown.message : String(thrown) }, [])] };
  }
  const lineAt = (path: ValuePath) => {
    const node = document.getIn(path, true);
    const start = yaml.isNode(node) ? node.range?.[0] : undefined;
    return start === undefined ? undefined : at(start).line;
  };
  return { ok: true, value, lineAt };
}

/** Puts the line of each rule (or its field) on issues that name one and have no line yet. */
export function withRuleLines(result: CorsDocumentResult, rulesPath: ValuePath | undefined, lineAt: (path: ValuePath) => number | undefined, fieldKey: (field: string) => string | undefined): CorsDocumentResult {
  if (!rulesPath) return result;
  const issues = result.issues.map((issue) => {
    if (issue.line !== undefined || issue.path[0] !== 'rules' || typeof issue.path[1] !== 'number') return issue;
    const field = typeof issue.path[2] === 'string' ? fieldKey(issue.path[2]) : undefined;
    const line = (field !== undefined ? lineAt([...rulesPath, issue.path[1], field]) : undefined) ?? lineAt([...rulesPath, issue.path[1]]);
    return line === undefined ? issue : { ...issue, line };
  });
  return result.ok ? { ...result, issues } : { ok: false, issues };
}
