import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corsConfigSchema, issueMessage } from '../../../src/core';
import { DOCUMENT_FORMATS, parseCorsDocument, serializeCorsDocument, type DocumentFormat } from '../../../src/core/formats';
import { anyJson, mutated, nastyString, validConfig } from '../../support/fuzz-arbitraries';

// Property-based fuzzing of the six document parsers: generated bad documents (edited valid
// ones, element soup, any JSON, raw bytes) must come back as issues, never as a throw, and any
// document read as valid must be a valid configuration.

const RUNS = 1500;
const AT_LEAST_BAD = 1000;
// A fixed seed keeps CI reproducible; FUZZ_SEED=<n> (or FUZZ_SEED=random) explores further.
const SEED = process.env['FUZZ_SEED'] === 'random' ? Date.now() : Number(process.env['FUZZ_SEED'] ?? 20_260_601);

const XML_NAMES = ['CORSConfiguration', 'CORSRule', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader', 'MaxAgeSeconds', 'ID', 'ResponseVary', 'x'];

/** Element soup from the CORS vocabulary, with nasty text and attributes. */
const xmlSoup = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc
      .record({ name: fc.constantFrom(...XML_NAMES), attribute: fc.option(nastyString), children: fc.array(tie('node'), { maxLength: 4 }), closed: fc.boolean() })
      .map(({ name, attribute, children, closed }) => `<${name}${attribute === null ? '' : ` a="${attribute}"`}>${children.join('')}${closed ? `</${name}>` : ''}`),
  ),
})).node;

function badDocuments(format: DocumentFormat): fc.Arbitrary<string> {
  const structured = format.endsWith('-xml') ? xmlSoup : anyJson.map((value) => JSON.stringify(value) ?? 'undefined');
  return fc.oneof(
    validConfig.chain((config) => mutated(serializeCorsDocument(config, format))),
    structured,
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

describe.each(DOCUMENT_FORMATS)('fuzzing parseCorsDocument(text, "%s")', (format) => {
  it(`answers issues, never throws, for ${RUNS} generated documents (at least ${AT_LEAST_BAD} of them bad)`, () => {
    let bad = 0;
    fc.assert(
      fc.property(badDocuments(format), (text) => {
        const result = parseCorsDocument(text, format);
        expect(Array.isArray(result.issues)).toBe(true);
        for (const issue of result.issues) {
          expect(['error', 'warning']).toContain(issue.severity);
          expect(issue.code).toMatch(/^[a-z-]+(\.[a-z-]+)*$/);
          expect(issueMessage(issue).length).toBeGreaterThan(0);
          expect(Array.isArray(issue.path)).toBe(true);
        }
        if (result.ok) {
          expect(corsConfigSchema.safeParse(result.config).success).toBe(true);
          expect(() => serializeCorsDocument(result.config, format)).not.toThrow();
        } else {
          bad++;
          expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.info(`fuzz ${format}: ${RUNS} documents, ${bad} refused with issues, 0 throws`);
    expect(bad).toBeGreaterThanOrEqual(AT_LEAST_BAD);
  }, 60_000);
});
