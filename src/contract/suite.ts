import { z } from 'zod';
import { MAX_SAVED_TESTS, savedTestSchema, type SavedTest } from './testing';

// The suite file `cors-console test --suite FILE` runs and the Test tab exports: a bucket's saved
// tests, versioned, so a file written today is still read (or refused with a clear reason) later.
// Its JSON Schema (schemas/cors-suite.v1.json) is generated from these schemas and committed.

export const SUITE_VERSION = 1;

/** An origin as browsers send it: scheme, host and port only (`https://app.example.com`). */
export const pageOriginSchema = z
  .string()
  .regex(/^https?:\/\/[^/?#\s]+$/, 'An origin is http(s)://host[:port], with no path, query or trailing slash.')
  .refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin.toLowerCase(), 'An origin is http(s)://host[:port], lower case, with no path.')
  .describe('The page origin the request is sent from, e.g. https://app.example.com');

/** A saved test, plus the page origin it is sent from (the console sends from its own origins). */
export const suiteTestSchema = savedTestSchema.extend({ origin: pageOriginSchema.optional() });
export type SuiteTest = z.output<typeof suiteTestSchema>;

export const suiteSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(SUITE_VERSION),
    /** The bucket the suite was written for; `--bucket` wins, and a different one is only noted. */
    bucket: z.string().min(1).optional(),
    /** The page origin of tests that name none; the command's own loopback page when absent. */
    origin: pageOriginSchema.optional(),
    tests: z.array(suiteTestSchema).min(1).max(MAX_SAVED_TESTS),
  })
  .strict()
  .refine((suite) => new Set(suite.tests.map((t) => t.id)).size === suite.tests.length, { message: 'Test ids must be unique within a suite.', path: ['tests'] });
export type Suite = z.output<typeof suiteSchema>;
export type SuiteInput = z.input<typeof suiteSchema>;

/** Where the suite's JSON Schema is published in the repository (and what `$schema` names). */
export const SUITE_SCHEMA_PATH = 'schemas/cors-suite.v1.json';

/** The JSON Schema of a suite file, as written by hand (defaults optional). */
export function suiteJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(suiteSchema, { io: 'input', target: 'draft-2020-12' }), title: 'cors-console test suite, version 1' };
}

/**
 * A suite file from a bucket's saved tests, as the Test tab exports it: the tests as saved, in
 * order; `origin` is the page origin the console sent them from, so the command judges them alike.
 * The command sends every test from a page origin and reads no `request.from`, so a test the
 * console sends from its second origin carries that origin (`harnessOrigin`) itself.
 */
export function suiteFromSavedTests(tests: readonly SavedTest[], options: { bucket?: string; origin?: string; harnessOrigin?: string } = {}): Suite {
  const { harnessOrigin } = options;
  return {
    version: SUITE_VERSION,
    ...(options.bucket ? { bucket: options.bucket } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    tests: tests.map((test) => (harnessOrigin && test.request.from === 'harness' ? { ...test, origin: harnessOrigin } : { ...test })),
  };
}
