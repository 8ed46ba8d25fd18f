import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { error } from '../issues';
import type { Issue } from '../issues';
import { positionLocator } from './lines';

/** An element of a parsed XML document, reduced to what CORS documents use. */
export interface XmlElement {
  name: string;
  /** 1-based line of the element's `<`. */
  line: number | undefined;
  children: XmlElement[];
  /** Text and CDATA directly inside, entities decoded, line-break indentation at either end removed. */
  text: string;
}

export type XmlReadResult = { ok: true; root: XmlElement; issues: Issue[] } | { ok: false; issues: Issue[] };

// Entities are decoded here rather than by the parser: it leaves numeric references undecoded,
// would expand DOCTYPE entities, and cannot tell CDATA (literal) from text once merged.
const PARSER_OPTIONS = {
  preserveOrder: true,
  captureMetaData: true,
  parseTagValue: false,
  trimValues: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  cdataPropName: '#cdata',
} as const;

const METADATA = XMLParser.getMetaDataSymbol() as unknown as PropertyKey;

interface ReadContext {
  lineAt: (offset: number) => number;
  issues: Issue[];
}

/** Checks the syntax, then reads the root element. Never throws. */
export function readXml(text: string): XmlReadResult {
  try {
    const verdict = XMLValidator.validate(text);
    if (verdict !== true) return { ok: false, issues: [syntaxIssue(verdict.err)] };
    const locate = positionLocator(text);
    const context: ReadContext = { lineAt: (offset) => locate(offset).line, issues: [] };
    const nodes: unknown = new XMLParser(PARSER_OPTIONS).parse(text);
    const root = Array.isArray(nodes) ? elementsOf(nodes, context)[0] : undefined;
    if (!root) return { ok: false, issues: [error('document.syntax', { problem: 'xml-no-root' }, [])] };
    return { ok: true, root, issues: context.issues };
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, issues: [error('document.syntax', { problem: 'xml-unreadable', detail: reason }, [])] };
  }
}

function syntaxIssue(err: { msg: string; line: number; col: number | undefined }): Issue {
  const params = { problem: 'xml' as const, detail: err.msg, line: err.line, ...(err.col === undefined ? {} : { column: err.col }) };
  return error('document.syntax', params, [], { line: err.line });
}

type Node = Record<PropertyKey, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function elementsOf(nodes: unknown[], context: ReadContext): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (!isNode(node) || '#text' in node || '#cdata' in node) continue;
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name !== undefined) elements.push(toElement(node, name, context));
  }
  return elements;
}

interface TextPart {
  raw: string;
  cdata: boolean;
}

function toElement(node: Node, name: string, context: ReadContext): XmlElement {
  const metadata = node[METADATA];
  const offset = isNode(metadata) && typeof metadata['startIndex'] === 'number' ? metadata['startIndex'] : undefined;
  const line = offset === undefined ? undefined : context.lineAt(offset);
  const content = Array.isArray(node[name]) ? (node[name] as unknown[]) : [];
  const parts: TextPart[] = [];
  for (const child of content) {
    if (!isNode(child)) continue;
    if ('#text' in child) parts.push({ raw: String(child['#text']), cdata: false });
    else if ('#cdata' in child) parts.push({ raw: cdataText(child['#cdata']), cdata: true });
  }
  return { name, line, children: elementsOf(content, context), text: joinText(parts, line, context) };
}

function cdataText(value: unknown): string {
  return Array.isArray(value) ? value.map((part) => (isNode(part) ? String(part['#text'] ?? '') : '')).join('') : '';
}

function joinText(parts: TextPart[], line: number | undefined, context: ReadContext): string {
  const first = parts[0];
  const last = parts.at(-1);
  const trimmed = parts.map((part) => {
    if (part.cdata) return part.raw;
    let raw = part.raw;
    if (part === last) raw = raw.slice(0, raw.length - layoutLength(raw, 'end'));
    if (part === first) raw = raw.slice(layoutLength(raw, 'start'));
    return decodeEntities(raw, line, context);
  });
  return trimmed.join('');
}

const isXmlSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/**
 * Length of the whitespace run at one end when it spans a line break: that is indentation from
 * pretty-printing. Other spaces are part of the value, which providers store verbatim.
 */
function layoutLength(raw: string, end: 'start' | 'end'): number {
  let length = 0;
  let spansLine = false;
  while (length < raw.length) {
    const char = end === 'start' ? raw[length] : raw[raw.length - 1 - length];
    if (!isXmlSpace(char)) break;
    if (char === '\n') spansLine = true;
    length += 1;
  }
  return spansLine ? length : 0;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][\w.:-]*);/g;

function decodeEntities(raw: string, line: number | undefined, context: ReadContext): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (reference, body: string) => {
    const decoded = body.startsWith('#') ? fromCodePoint(body) : NAMED_ENTITIES[body];
    if (decoded !== undefined) return decoded;
    const problem = body.startsWith('#') ? 'xml-bad-character-reference' : 'xml-unknown-entity';
    context.issues.push(error('document.syntax', { problem, reference }, [], line !== undefined ? { line } : {}));
    return reference;
  });
}

function fromCodePoint(body: string): string | undefined {
  const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  const isScalar = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return isScalar ? String.fromCodePoint(code) : undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for element content. Control characters become numeric references because XML
 * parsers normalise a literal CR away and our reader trims line breaks at either end.
 */
export function escapeXmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&<>"']|[\u0000-\u001f]/g, (char) => ESCAPES[char] ?? `&#${char.charCodeAt(0)};`);
}
