import { error, warning } from '../issues';
import type { FoundValue, Issue, IssuePath, RuleRef } from '../issues';
import { isMethod, METHODS } from '../rule';
import type { CorsRule, Method } from '../rule';

/** How a format spells each rule field (`AllowedOrigins`, `<AllowedOrigin>`, `allowed.origins`), and whether it is XML. */
export interface RuleSyntax {
  xml: boolean;
  id: string;
  origins: string;
  methods: string;
  headers: string;
  expose: string;
  maxAge: string;
}

/**
 * A rule's fields as found in a document, before their types are checked. XML readers pass text
 * as strings and an element that holds nested elements as any non-string value.
 */
export interface RawRule {
  id?: unknown;
  origins?: unknown;
  methods?: unknown;
  headers?: unknown;
  expose?: unknown;
  maxAge?: unknown;
}

/** A rule reference for issue params: its index, and its ID when known. */
export function ruleRef(index: number, id?: string): RuleRef {
  return id === undefined ? { rule: index } : { rule: index, ruleId: id };
}

/** Names a JSON value's kind without keeping it: printing a deeply nested value could overflow the stack. */
export function foundValue(value: unknown, syntax: Pick<RuleSyntax, 'xml'>): FoundValue {
  if (syntax.xml) return typeof value === 'string' ? { kind: 'xml-text', text: value } : { kind: 'nested-elements' };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'string') return { kind: 'string', text: value };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: 'scalar', text: String(value) };
}

interface FieldContext {
  ref: RuleRef;
  name: string;
  path: IssuePath;
  syntax: RuleSyntax;
}

/** Reads a rule and reports every problem in it; the caller decides from the issues whether to keep it. */
export function readRule(raw: RawRule, index: number, syntax: RuleSyntax, issues: Issue[]): CorsRule {
  const path: IssuePath = ['rules', index];
  const id = readId(raw.id, { ref: ruleRef(index), name: syntax.id, path: [...path, 'id'], syntax }, issues);
  const ref = ruleRef(index, id);
  const field = (name: string, key: keyof CorsRule): FieldContext => ({ ref, name, path: [...path, key], syntax });

  const allowedOrigins = readStrings(raw.origins, field(syntax.origins, 'allowedOrigins'), issues);
  const allowedMethods = readMethods(raw.methods, field(syntax.methods, 'allowedMethods'), issues);
  const allowedHeaders = readStrings(raw.headers, field(syntax.headers, 'allowedHeaders'), issues);
  const exposeHeaders = readStrings(raw.expose, field(syntax.expose, 'exposeHeaders'), issues);
  const maxAgeSeconds = readMaxAge(raw.maxAge, field(syntax.maxAge, 'maxAgeSeconds'), issues);

  if (isAbsentOrEmpty(raw.origins)) {
    issues.push(error('rule.missing-origins', { ...ref, fieldName: syntax.origins }, [...path, 'allowedOrigins']));
  }
  if (isAbsentOrEmpty(raw.methods)) {
    issues.push(error('rule.missing-methods', { ...ref, fieldName: syntax.methods, methods: [...METHODS] }, [...path, 'allowedMethods']));
  }

  return {
    ...(id !== undefined ? { id } : {}),
    allowedOrigins,
    allowedMethods,
    allowedHeaders,
    exposeHeaders,
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
  };
}

function isAbsentOrEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

function readId(value: unknown, field: FieldContext, issues: Issue[]): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  issues.push(notAString(value, field, field.path));
  return undefined;
}

interface ListItem {
  value: string;
  path: IssuePath;
}

function readList(value: unknown, field: FieldContext, issues: Issue[]): ListItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(error('field.not-a-list', { ...field.ref, fieldName: field.name, found: foundValue(value, field.syntax) }, field.path));
    return [];
  }
  const items: ListItem[] = [];
  value.forEach((item: unknown, index) => {
    const path = [...field.path, index];
    if (typeof item === 'string') items.push({ value: item, path });
    else issues.push(notAString(item, field, path));
  });
  return items;
}

function notAString(value: unknown, field: FieldContext, path: IssuePath): Issue {
  const item = path.at(-1);
  const params = { ...field.ref, fieldName: field.name, ...(typeof item === 'number' ? { item } : {}), found: foundValue(value, field.syntax) };
  return error('field.not-a-string', params, path);
}

function readStrings(value: unknown, field: FieldContext, issues: Issue[]): string[] {
  return readList(value, field, issues).map((item) => item.value);
}

/**
 * Methods a provider stores but no request ever matches. Ceph RGW (16.2.15) takes `COPY` (one of
 * its CORS method flags), gives it back from GetBucketCors, and answers a preflight asking for
 * `COPY` with 403 (measured in test/server/issue-14-odd-methods.test.ts).
 */
const STORED_NEVER_MATCHING = ['COPY'];

/**
 * The methods of a rule. A known method in another case or with spaces (`get`) is read as the
 * method browsers send (`GET`), with a warning: Ceph RGW stores it upper-cased, so it matches what
 * `GET` matches (measured), and a save writes `GET`, which every provider takes. A method a
 * provider stores but nothing matches is read as absent, with a warning; any other is an error.
 */
function readMethods(value: unknown, field: FieldContext, issues: Issue[]): Method[] {
  const methods: Method[] = [];
  for (const item of readList(value, field, issues)) {
    const canonical = item.value.trim().toUpperCase();
    if (isMethod(item.value)) methods.push(item.value);
    else if (isMethod(canonical)) {
      methods.push(canonical);
      issues.push(warning('method.not-upper-case', { value: item.value, method: canonical }, item.path));
    } else if (STORED_NEVER_MATCHING.includes(item.value)) issues.push(warning('method.stored-never-matches', { value: item.value }, item.path));
    else issues.push(unsupportedMethod(item.value, item.path));
  }
  return methods;
}

function unsupportedMethod(method: string, path: IssuePath): Issue {
  return error('method.unsupported', { value: method }, path, { providerCode: 'InvalidRequest' });
}

const DIGITS = /^\s*\d+\s*$/;

function readMaxAge(value: unknown, field: FieldContext, issues: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  const seconds = field.syntax.xml && typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  if (typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds >= 0) return seconds === 0 ? 0 : seconds; // no -0
  issues.push(error('max-age.invalid', { ...field.ref, fieldName: field.name, found: foundValue(value, field.syntax) }, field.path));
  return undefined;
}
