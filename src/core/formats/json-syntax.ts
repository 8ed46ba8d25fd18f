/**
 * Offset of the first JSON syntax error in `text`, or `undefined` when it is valid JSON.
 * Engines disagree on whether their SyntaxError says where (V8 often does not), so we find it
 * ourselves. Iterative, so deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): number | undefined {
  const open: ('{' | '[')[] = [];
  let state: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after' = 'value';
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const char = text[i];
    const container = open.at(-1);
    if (state === 'after') {
      if (container === undefined) return char === undefined ? undefined : i;
      if (char === ',') state = container === '{' ? 'key' : 'value';
      else if (char === (container === '{' ? '}' : ']')) open.pop();
      else return i;
      i += 1;
    } else if (state === 'colon') {
      if (char !== ':') return i;
      state = 'value';
      i += 1;
    } else if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && char === '}') {
        open.pop();
        state = 'after';
        i += 1;
      } else {
        if (char !== '"') return i;
        const end = scanString(text, i);
        if (end.error) return end.at;
        state = 'colon';
        i = end.at;
      }
    } else if (state === 'value-or-close' && char === ']') {
      open.pop();
      state = 'after';
      i += 1;
    } else if (char === '{' || char === '[') {
      open.push(char);
      state = char === '{' ? 'key-or-close' : 'value-or-close';
      i += 1;
    } else {
      const end = scanScalar(text, i);
      if (end.error) return end.at;
      state = 'after';
      i = end.at;
    }
  }
}

interface ScanEnd {
  error: boolean;
  /** Where scanning stopped: just past the token, or at the offending character. */
  at: number;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i += 1;
  return i;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function scanScalar(text: string, from: number): ScanEnd {
  if (text[from] === '"') return scanString(text, from);
  const literal = LITERALS.find((word) => text.startsWith(word, from));
  if (literal) return { error: false, at: from + literal.length };
  NUMBER.lastIndex = from;
  return NUMBER.test(text) ? { error: false, at: NUMBER.lastIndex } : { error: true, at: from };
}

const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9A-Fa-f]{4}$/;

function scanString(text: string, from: number): ScanEnd {
  let i = from + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') return { error: false, at: i + 1 };
    if (char.charCodeAt(0) < 0x20) return { error: true, at: i };
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return { error: true, at: i };
        i += 6;
      } else if (escaped !== undefined && ESCAPABLE.has(escaped)) {
        i += 2;
      } else {
        return { error: true, at: i };
      }
    } else {
      i += 1;
    }
  }
  return { error: true, at: text.length };
}
