import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_HCL_CHARS } from '../../../src/core/formats/sources';
import { CODE_FORMATS, detectSourceFormat, detectSourceFormatWith, loadCodeParsers, parseSourceDocument, type CodeParsers } from '../../../src/core';

// The code shapes' readers and detection, on what a paste box can hold: never a throw, always a
// result or issues. Heavy parsers: loaded once, explicit timeouts (the machine is shared).

let parsers: CodeParsers = {};
beforeAll(async () => {
  parsers = await loadCodeParsers(['yaml', 'hcl']);
}, 60_000);

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'CorsRules: *i'].join('\n');

const NASTY: [string, string][] = [
  ['empty', ''],
  ['a NUL', '\0'],
  ['a lone surrogate', '\uD800'],
  ['a YAML alias bomb', laughs],
  ['an unterminated HCL block', 'resource "aws_s3_bucket_cors_configuration" "x" {'],
  ['an HCL heredoc left open', 'a = <<EOT\nhello'],
  ['an HCL template loop', 'a = "%{ for x in y }${x}%{ endfor }"'],
  ['a YAML tag of its own', 'CorsRules: !Custom [1]'],
  ['deep YAML nesting', `${'['.repeat(2000)}${']'.repeat(2000)}`],
  ['deep HCL nesting', `a = ${'['.repeat(2000)}${']'.repeat(2000)}`],
  ['1 MB of text (past the HCL cap)', 'x = 1\n'.repeat(170_000)],
  ['60 KB of HCL (under the cap)', 'x = 1\n'.repeat(10_000)],
];

describe('parseSourceDocument and detectSourceFormat never throw', () => {
  it.each(NASTY)('%s', { timeout: 60_000 }, async (_, text) => {
    for (const format of CODE_FORMATS) expect(() => parseSourceDocument(text, format, parsers)).not.toThrow();
    await expect(detectSourceFormat(text, 's3', { parsers })).resolves.toEqual(expect.objectContaining({ format: expect.any(String) }));
  });

  it('on any string (property)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => {
        for (const format of CODE_FORMATS) parseSourceDocument(text, format, parsers);
        const detection = detectSourceFormatWith(text, 's3', { parsers });
        expect('format' in detection).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('says which parser detection needs instead of guessing without it', () => {
    expect(detectSourceFormatWith('CorsRules: []', 's3')).toEqual({ needs: ['yaml'] });
    expect(detectSourceFormatWith('cors_rule {}', 's3', { parsers: { yaml: parsers.yaml! } })).toEqual({ needs: ['hcl'] });
    expect(parseSourceDocument('CorsRules: []', 'cloudformation-yaml').issues[0]?.code).toBe('document.unreadable');
  });

  it('refuses Terraform text past the HCL cap with its size, rather than holding the page', () => {
    const result = parseSourceDocument(`# ${'x'.repeat(MAX_HCL_CHARS)}\n`, 'terraform-hcl', parsers);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'document.too-large', params: { parser: 'hcl', size: MAX_HCL_CHARS + 3, max: MAX_HCL_CHARS } })]);
  });
});
