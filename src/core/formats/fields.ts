import { error } from '../issues';
import type { Issue, IssuePath } from '../issues';
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

/** `Rule 2 (main)`: the 1-based name people see in messages. */
export function ruleLabel(index: number, id?: string): string {
  return `Rule ${index + 1}${id ? ` (${id})` : ''}`;
}

/** Names a JSON value's type without printing it: printing a deeply nested value could overflow the stack. */
export function describeValue(value: unknown, syntax: Pick<RuleSyntax, 'xml'>): string {
  if (syntax.xml) return typeof value === 'string' ? JSON.stringify(value) : 'nested elements';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

interface FieldContext {
  label: string;
  name: string;
  path: IssuePath;
  syntax: RuleSyntax;
}

/** Reads a rule and reports every problem in it; the caller decides from the issues whether to keep it. */
export function readRule(raw: RawRule, index: number, syntax: RuleSyntax, issues: Issue[]): CorsRule {
  const path: IssuePath = ['rules', index];
  const id = readId(raw.id, { label: ruleLabel(index), name: syntax.id, path: [...path, 'id'], syntax }, issues);
  const label = ruleLabel(index, id);
  const field = (name: string, key: keyof CorsRule): FieldContext => ({ label, name, path: [...path, key], syntax });

  const allowedOrigins = readStrings(raw.origins, field(syntax.origins, 'allowedOrigins'), issues);
  const allowedMethods = readMethods(raw.methods, field(syntax.methods, 'allowedMethods'), issues);
  const allowedHeaders = readStrings(raw.headers, field(syntax.headers, 'allowedHeaders'), issues);
  const exposeHeaders = readStrings(raw.expose, field(syntax.expose, 'exposeHeaders'), issues);
  const maxAgeSeconds = readMaxAge(raw.maxAge, field(syntax.maxAge, 'maxAgeSeconds'), issues);

  if (isAbsentOrEmpty(raw.origins)) {
    issues.push(
      error('rule.missing-origins', `${label} has no ${syntax.origins}; a rule needs at least one origin.`, [...path, 'allowedOrigins'], {
        hint: 'Add an origin such as https://app.example.com, or * for any origin.',
      }),
    );
  }
  if (isAbsentOrEmpty(raw.methods)) {
    issues.push(
      error('rule.missing-methods', `${label} has no ${syntax.methods}; a rule needs at least one method.`, [...path, 'allowedMethods'], {
        hint: `Add one or more of ${METHODS.join(', ')}.`,
      }),
    );
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
    issues.push(
      error('field.not-a-list', `${field.label}: ${field.name} must be a list of strings, not ${describeValue(value, field.syntax)}.`, field.path, {
        hint: `Write it as a list, e.g. ${field.name}: ["…"].`,
      }),
    );
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
  const position = typeof path.at(-1) === 'number' ? ` item ${(path.at(-1) as number) + 1}` : '';
  return error('field.not-a-string', `${field.label}: ${field.name}${position} must be text, not ${describeValue(value, field.syntax)}.`, path);
}

function readStrings(value: unknown, field: FieldContext, issues: Issue[]): string[] {
  return readList(value, field, issues).map((item) => item.value);
}

function readMethods(value: unknown, field: FieldContext, issues: Issue[]): Method[] {
  const methods: Method[] = [];
  for (const item of readList(value, field, issues)) {
    if (isMethod(item.value)) methods.push(item.value);
    else issues.push(unsupportedMethod(item.value, item.path));
  }
  return methods;
}

/** S3's own wording, so people can search for it. */
function unsupportedMethod(method: string, path: IssuePath): Issue {
  return error('method.unsupported', `Found unsupported HTTP method in CORS config. Unsupported method is ${method}`, path, {
    providerCode: 'InvalidRequest',
    hint: `Use only ${METHODS.join(', ')}, spelled in upper case.`,
  });
}

const DIGITS = /^\s*\d+\s*$/;

function readMaxAge(value: unknown, field: FieldContext, issues: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  const seconds = field.syntax.xml && typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  if (typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds >= 0) return seconds === 0 ? 0 : seconds; // no -0
  issues.push(
    error('max-age.invalid', `${field.label}: ${field.name} must be a non-negative whole number of seconds, not ${describeValue(value, field.syntax)}.`, field.path, {
      hint: 'Use a value such as 3000.',
    }),
  );
  return undefined;
}
