import fc from 'fast-check';
import { METHODS, type CorsConfig, type CorsRule } from '../../src/core';

/** Strings that have broken parsers and header writers before: controls, CR/LF, markup, escapes, prototype names. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\r\n',
    'x\r\nSet-Cookie: a=b',
    '\u0000',
    '\u007f',
    '\uFEFF',
    '\uD800',
    '*',
    '**',
    'http://*.*.example',
    '../..',
    '%2e%2e/',
    '.',
    '..',
    '__proto__',
    'constructor',
    '<',
    '</CORSRule>',
    ']]>',
    '&amp;',
    '&#0;',
    '"',
    '\\',
    '{}',
    '[]',
    'null',
    '-1',
    '1e999',
    'NaN',
  ),
);

/** Any JSON value, with nasty strings among the leaves. */
export const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    nastyString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('rules', 'config', 'allowedOrigins', 'allowedMethods', 'token', 'key', 'method', 'headers')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

export const validRule: fc.Arbitrary<CorsRule> = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    allowedOrigins: fc.array(fc.constantFrom('*', 'https://app.example.com', 'https://*.example.com', 'http://localhost:5173'), { minLength: 1, maxLength: 3 }),
    allowedMethods: fc.uniqueArray(fc.constantFrom(...METHODS), { minLength: 1 }),
    allowedHeaders: fc.array(fc.constantFrom('*', 'content-type', 'x-amz-*', 'authorization'), { maxLength: 3 }),
    exposeHeaders: fc.array(fc.constantFrom('ETag', 'x-amz-request-id', 'Content-Length'), { maxLength: 3 }),
    maxAgeSeconds: fc.integer({ min: 0, max: 86_400 }),
  },
  { requiredKeys: ['allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders'] },
);

export const validConfig: fc.Arbitrary<CorsConfig> = fc.record({ rules: fc.array(validRule, { minLength: 1, maxLength: 4 }) });

/** A text edited 1 to 3 times: a slice deleted, a nasty string inserted, truncated, or a slice repeated. */
export function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: nastyString }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce((current, e) => {
      const at = current.length === 0 ? 0 : e.at % (current.length + 1);
      switch (e.kind) {
        case 'delete':
          return current.slice(0, at) + current.slice(at + e.length);
        case 'insert':
          return current.slice(0, at) + e.text + current.slice(at);
        case 'truncate':
          return current.slice(0, at);
        case 'repeat':
          return current.slice(0, at + e.length) + current.slice(at, at + e.length) + current.slice(at + e.length);
      }
    }, text),
  );
}
