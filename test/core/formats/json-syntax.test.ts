import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/formats/json-syntax';

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  const VALID = [
    '{}',
    '[]',
    ' \n\t{"a": [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9\\"", {}]}\r\n',
    '"just a string"',
    '0',
    '-0.0E-0',
    '[[[[]]]]',
    '{"a":{"b":{"c":[]}}}',
    '"\\/\\b\\f\\r\\t"',
  ];
  const INVALID: [string, number][] = [
    ['', 0],
    ['   ', 3],
    ['{', 1],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['{a: 1}', 1],
    ['[01]', 2],
    ['[1.]', 2],
    ['[.5]', 1],
    ['[+1]', 1],
    ['[tru]', 1],
    ['["a\nb"]', 3],
    ['["\\x"]', 2],
    ['["\\u12G4"]', 2],
    ['["open', 6],
    ['{} {}', 3],
    ['[1 2]', 3],
    ['[}', 1],
    ['{]', 1],
    ['{"a":1]', 6],
    ['[NaN]', 1],
  ];

  it.each(VALID)('finds no error in %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each(INVALID)('finds the error in %j at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(findJsonSyntaxError(text)).toBe(offset);
  });

  it('handles a million levels of nesting without recursion', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(findJsonSyntaxError(deep)).toBeUndefined();
    expect(findJsonSyntaxError(deep.slice(0, -1))).toBe(1_999_999);
  });
});
