import { error, warning } from '../issues';
import type { FieldOwner, FoundValue, Issue, IssuePath } from '../issues';
import type { CorsConfig, CorsRule } from '../rule';
import { parseResult } from './codec';
import type { CorsDocumentResult, FormatCodec } from './codec';
import { readRule } from './fields';
import type { RawRule, RuleSyntax } from './fields';
import { escapeXmlText, readXml } from './xml-document';
import type { XmlElement } from './xml-document';

/** How one provider's `<CORSConfiguration>` differs from S3's. */
export interface XmlDialect {
  label: string;
  /** `xmlns` written on the root; readers accept documents with or without it. */
  namespace?: string;
  ruleIds: boolean;
  responseVary: boolean;
}

const SYNTAX: RuleSyntax = {
  xml: true,
  id: '<ID>',
  origins: '<AllowedOrigin>',
  methods: '<AllowedMethod>',
  headers: '<AllowedHeader>',
  expose: '<ExposeHeader>',
  maxAge: '<MaxAgeSeconds>',
};

type ListKey = 'origins' | 'methods' | 'headers' | 'expose';

const LIST_ELEMENTS = new Map<string, { key: ListKey; field: keyof CorsRule }>([
  ['AllowedOrigin', { key: 'origins', field: 'allowedOrigins' }],
  ['AllowedMethod', { key: 'methods', field: 'allowedMethods' }],
  ['AllowedHeader', { key: 'headers', field: 'allowedHeaders' }],
  ['ExposeHeader', { key: 'expose', field: 'exposeHeaders' }],
]);

/** Builds the codec of an S3-style XML dialect. */
export function xmlCodec(dialect: XmlDialect): FormatCodec {
  return {
    label: dialect.label,
    carries: { ruleIds: dialect.ruleIds, responseVary: dialect.responseVary, separateHeaderLists: true },
    mediaType: 'application/xml',
    parse: (text) => parseXmlCors(text, dialect),
    serialize: (config) => serializeXmlCors(config, dialect),
  };
}

/** Source lines of the elements behind each config path, so issues can point into the text. */
class LineIndex {
  private readonly lines = new Map<string, number>();

  record(path: IssuePath, line: number | undefined): void {
    if (line !== undefined) this.lines.set(path.join('/'), line);
  }

  /** The line of the deepest recorded element on the issue's path. */
  locate(issue: Issue): Issue {
    if (issue.line !== undefined) return issue;
    for (let length = issue.path.length; length > 0; length -= 1) {
      const line = this.lines.get(issue.path.slice(0, length).join('/'));
      if (line !== undefined) return { ...issue, line };
    }
    return issue;
  }
}

function at(element: XmlElement): { line?: number } {
  return element.line === undefined ? {} : { line: element.line };
}

function parseXmlCors(text: string, dialect: XmlDialect): CorsDocumentResult {
  const read = readXml(text);
  if (!read.ok) return read;
  const { root } = read;
  const issues = [...read.issues];
  if (root.name !== 'CORSConfiguration') {
    return { ok: false, issues: [...issues, error('document.root', { expected: 'xml', root: root.name, provider: dialect.label }, [], at(root))] };
  }

  const lines = new LineIndex();
  const rules: CorsRule[] = [];
  let responseVary: XmlElement | undefined;
  warnStrayText(root, [], issues);
  for (const child of root.children) {
    if (child.name === 'CORSRule') {
      rules.push(readXmlRule(child, rules.length, dialect, issues, lines));
    } else if (child.name === 'ResponseVary' && dialect.responseVary) {
      if (responseVary) issues.push(duplicate(child, DOCUMENT, ['responseVary']));
      else responseVary = child;
    } else {
      const why = child.name === 'ResponseVary' ? { reason: 'no-response-vary' as const, provider: dialect.label } : {};
      issues.push(unknownElement(child, DOCUMENT, [], why));
    }
  }
  if (rules.length === 0) issues.push(noRules(root));

  const config: CorsConfig = { rules };
  if (responseVary) {
    lines.record(['responseVary'], responseVary.line);
    const value = readResponseVary(responseVary, issues);
    if (value !== undefined) config.responseVary = value;
  }
  return parseResult(config, issues.map((issue) => lines.locate(issue)));
}

function readXmlRule(element: XmlElement, index: number, dialect: XmlDialect, issues: Issue[], lines: LineIndex): CorsRule {
  const path: IssuePath = ['rules', index];
  const owner: FieldOwner = { owner: 'rule', rule: index };
  const raw: RawRule & Record<ListKey, unknown[]> = { origins: [], methods: [], headers: [], expose: [] };
  lines.record(path, element.line);
  warnStrayText(element, path, issues);

  for (const child of element.children) {
    const list = LIST_ELEMENTS.get(child.name);
    if (list) {
      lines.record([...path, list.field, raw[list.key].length], child.line);
      raw[list.key].push(valueOf(child));
    } else if (child.name === 'ID' && !dialect.ruleIds) {
      issues.push(unknownElement(child, owner, path, { reason: 'no-rule-ids', provider: dialect.label }));
    } else if (child.name === 'ID' || child.name === 'MaxAgeSeconds') {
      const [key, field] = child.name === 'ID' ? (['id', 'id'] as const) : (['maxAge', 'maxAgeSeconds'] as const);
      if (raw[key] !== undefined) {
        issues.push(duplicate(child, owner, [...path, field]));
      } else {
        raw[key] = valueOf(child);
        lines.record([...path, field], child.line);
      }
    } else {
      issues.push(unknownElement(child, owner, path, {}));
    }
  }
  return readRule(raw, index, SYNTAX, issues);
}

/** An element holding elements instead of text is passed on as itself, and reported by `readRule`. */
function valueOf(element: XmlElement): string | XmlElement {
  return element.children.length > 0 ? element : element.text;
}

function readResponseVary(element: XmlElement, issues: Issue[]): boolean | undefined {
  if (element.children.length === 0 && (element.text === 'true' || element.text === 'false')) return element.text === 'true';
  const found: FoundValue = element.children.length > 0 ? { kind: 'nested-elements' } : { kind: 'xml-text', text: element.text };
  issues.push(error('response-vary.invalid', { found }, ['responseVary'], at(element)));
  return undefined;
}

function warnStrayText(element: XmlElement, path: IssuePath, issues: Issue[]): void {
  const text = element.text.trim();
  if (text === '') return;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  issues.push(warning('document.stray-text', { text: shown, element: element.name }, path, at(element)));
}

const DOCUMENT: FieldOwner = { owner: 'document' };

type UnknownReason = { reason?: 'no-response-vary' | 'no-rule-ids'; provider?: string };

function unknownElement(element: XmlElement, owner: FieldOwner, path: IssuePath, why: UnknownReason): Issue {
  return warning('document.unknown-field', { ...owner, name: element.name, element: true, ...why }, path, at(element));
}

function duplicate(element: XmlElement, owner: FieldOwner, path: IssuePath): Issue {
  return error('field.duplicate', { ...owner, element: element.name }, path, at(element));
}

/** Zero rules is representable (`{ rules: [] }`), so it is a warning; providers differ on accepting it. */
function noRules(root: XmlElement): Issue {
  return warning('document.no-rules', {}, ['rules'], at(root));
}

function serializeXmlCors(config: CorsConfig, dialect: XmlDialect): string {
  const xmlns = dialect.namespace === undefined ? '' : ` xmlns="${escapeXmlText(dialect.namespace)}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<CORSConfiguration${xmlns}>`];
  const element = (name: string, value: string) => lines.push(`    <${name}>${escapeXmlText(value)}</${name}>`);
  for (const rule of config.rules) {
    lines.push('  <CORSRule>');
    if (dialect.ruleIds && rule.id !== undefined) element('ID', rule.id);
    rule.allowedOrigins.forEach((origin) => element('AllowedOrigin', origin));
    rule.allowedMethods.forEach((method) => element('AllowedMethod', method));
    rule.allowedHeaders.forEach((header) => element('AllowedHeader', header));
    rule.exposeHeaders.forEach((header) => element('ExposeHeader', header));
    if (rule.maxAgeSeconds !== undefined) element('MaxAgeSeconds', String(rule.maxAgeSeconds));
    lines.push('  </CORSRule>');
  }
  if (dialect.responseVary && config.responseVary !== undefined) lines.push(`  <ResponseVary>${config.responseVary}</ResponseVary>`);
  lines.push('</CORSConfiguration>');
  return `${lines.join('\n')}\n`;
}
