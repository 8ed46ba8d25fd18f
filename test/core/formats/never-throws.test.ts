import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMATS, parseCorsDocument } from '../../../src/core/formats';
import type { DocumentFormat } from '../../../src/core/formats';

const bigXml = `<CORSConfiguration>${'<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>'.repeat(10_000)}</CORSConfiguration>`;
const laughs = `<!DOCTYPE c [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>
<CORSConfiguration><CORSRule><AllowedOrigin>&a9;</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;

const NASTY: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\t\r '],
  ['a NUL', '\0'],
  ['a BOM alone', '\uFEFF'],
  ['a lone surrogate', '\uD800'],
  ['null', 'null'],
  ['a number', '42'],
  ['an empty object', '{}'],
  ['an empty list', '[]'],
  ['a lone quote', '"'],
  ['a lone angle bracket', '<'],
  ['an empty tag', '<>'],
  ['an open comment', '<!--'],
  ['an open CDATA', '<![CDATA['],
  ['a declaration only', '<?xml version="1.0"?>'],
  ['an ampersand', '&'],
  ['5 MB of garbage', 'x'.repeat(5_000_000)],
  ['10 000 rules of XML', bigXml],
  ['100 000 nested XML elements', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`],
  ['200 nested elements inside a rule', `<CORSConfiguration><CORSRule>${'<x>'.repeat(200)}${'</x>'.repeat(200)}</CORSRule></CORSConfiguration>`],
  ['entity expansion (billion laughs)', laughs],
  ['a __proto__ element', '<CORSConfiguration><__proto__><AllowedOrigin>*</AllowedOrigin></__proto__></CORSConfiguration>'],
  ['Object.prototype names as elements', '<CORSConfiguration><CORSRule><constructor>1</constructor><toString/><hasOwnProperty>x</hasOwnProperty></CORSRule></CORSConfiguration>'],
  ['attributes everywhere', '<CORSConfiguration a="1" b=\'2\'><CORSRule x="&amp;"><AllowedOrigin y="">*</AllowedOrigin></CORSRule></CORSConfiguration>'],
  ['a processing instruction and comments', '<?pi data?><!-- c --><CORSConfiguration><!-- c --></CORSConfiguration><!-- c -->'],
  ['an out-of-range character reference', '<CORSConfiguration><CORSRule><AllowedOrigin>&#x110000;&#0;&#xD800;&#99999999999999999999;</AllowedOrigin></CORSRule></CORSConfiguration>'],
  ['100 000 nested JSON lists', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['100 000 nested JSON objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ['deeply nested values in a rule', `[{"AllowedOrigins": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "AllowedMethods": {"a": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}]`],
  ['__proto__ keys', '{"__proto__": {"CORSRules": []}, "rules": {"__proto__": []}, "cors": [{"__proto__": {"origin": ["*"]}}]}'],
  ['prototype names as keys', '[{"constructor": 1, "toString": [], "AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "origin": ["*"], "method": ["GET"]}]'],
  ['100 000 garbage rules', JSON.stringify({ CORSRules: Array.from({ length: 100_000 }, (_, i) => i), rules: [], cors: [] })],
  ['wrong types everywhere', '{"CORSRules": [{"ID": [], "AllowedOrigins": [{}, [], null, true], "AllowedMethods": "GET", "AllowedHeaders": {}, "ExposeHeaders": 1, "MaxAgeSeconds": {}}]}'],
  ['a huge number', '[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "MaxAgeSeconds": 1e999, "maxAgeSeconds": -1e999}]'],
];

const CASES = DOCUMENT_FORMATS.flatMap((format) => NASTY.map(([name, text]) => ({ format, name, text })));

describe('parseCorsDocument never throws', () => {
  it.each(CASES)('$format: $name', ({ format, text }) => {
    const result = parseCorsDocument(text, format);
    expect(typeof result.ok).toBe('boolean');
    expect(Array.isArray(result.issues)).toBe(true);
    if (!result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
  });

  it.each<[string, unknown, unknown]>([
    ['a null text', null, 's3-xml'],
    ['a number text', 42, 'aws-json'],
    ['an unknown format', '[]', 'yaml'],
    ['an inherited property as format', '[]', 'constructor'],
  ])('answers issues for %s from untyped callers', (_, text, format) => {
    const result = parseCorsDocument(text as string, format as DocumentFormat);
    expect(result).toMatchObject({ ok: false, issues: [expect.objectContaining({ severity: 'error' })] });
  });

  it('does not expand DOCTYPE entities', () => {
    const result = parseCorsDocument(laughs, 's3-xml');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('reads 10 000 rules', () => {
    const result = parseCorsDocument(bigXml, 's3-xml');
    expect(result.ok && result.config.rules.length).toBe(10_000);
  });
});
