import { error, warning } from '../issues';
import type { FieldOwner, Issue, IssuePath } from '../issues';
import type { CorsRule } from '../rule';
import { foundValue, readRule, ruleRef } from './fields';
import type { RawRule, RuleSyntax } from './fields';
import { findJsonSyntaxError } from './json-syntax';
import { positionLocator } from './lines';

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/** Parses JSON, reporting a syntax error with its line. Never throws. */
export function readJson(text: string): JsonReadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (thrown) {
    return { ok: false, issues: [syntaxIssue(source, thrown instanceof Error ? thrown.message : String(thrown))] };
  }
}

function syntaxIssue(text: string, engineMessage: string): Issue {
  const reason = cleanReason(engineMessage);
  const offset = findJsonSyntaxError(text) ?? offsetFromMessage(engineMessage);
  if (offset === undefined) return error('document.syntax', { problem: 'json', detail: reason }, []);
  const { line, column } = positionLocator(text)(offset);
  return error('document.syntax', { problem: 'json', detail: reason, line, column }, [], { line });
}

/** Drops the engine's position and echoed source, which the issue states in its own way. */
function cleanReason(message: string): string {
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/\.$/, '');
  return reason === '' ? 'not valid JSON' : reason;
}

function offsetFromMessage(message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  return position ? Number(position[1]) : undefined;
}

/** A plain JSON object (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasKey(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** Fields a format does not define are ignored, but said so: they are often misspellings. */
export function warnUnknownKeys(record: Record<string, unknown>, known: readonly string[], owner: FieldOwner, path: IssuePath, issues: Issue[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) issues.push(warning('document.unknown-field', { ...owner, name: key, element: false }, path));
  }
}

/** Reads a JSON list of rules; `toRaw` picks each format's fields out of one rule object. */
export function readJsonRules(
  list: unknown,
  listName: string,
  syntax: RuleSyntax,
  issues: Issue[],
  toRaw: (entry: Record<string, unknown>, index: number) => RawRule,
): CorsRule[] {
  if (!Array.isArray(list)) {
    issues.push(error('field.not-a-list', { list: listName, found: foundValue(list, syntax) }, ['rules']));
    return [];
  }
  if (list.length === 0) {
    issues.push(warning('document.no-rules', { list: listName }, ['rules']));
  }
  const rules: CorsRule[] = [];
  list.forEach((entry: unknown, index) => {
    if (isRecord(entry)) rules.push(readRule(toRaw(entry, index), index, syntax, issues));
    else issues.push(error('rule.not-an-object', { ...ruleRef(index), found: foundValue(entry, syntax) }, ['rules', index]));
  });
  return rules;
}

/** Two-space JSON with a final newline, as people keep such files. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
