import { z } from 'zod';
import { corsConfigSchema, corsRuleSchema } from '../core';
import { corsConfigAnswerSchema, dialectSchema, issueSchema } from './core-values';
import { WRITE_SOURCES } from './history';

/** A bucket's CORS as the provider holds it, with the version writes must name in `If-Match`. */
export const corsStateSchema = z.object({
  config: corsConfigAnswerSchema.nullable(),
  /** The provider's own document, verbatim, or null when there is none. */
  raw: z.string().nullable(),
  dialect: dialectSchema,
  version: z.string(),
  /** What the core finds in the stored configuration (warnings, and errors the provider let through). */
  issues: z.array(issueSchema),
});
export type CorsState = z.infer<typeof corsStateSchema>;

// Strict all the way down: a misspelt field (`maxAge`) is refused with its path, never dropped
// silently while the write succeeds without it (found by fuzzing the API).
const strictConfigSchema = corsConfigSchema.extend({ rules: z.array(corsRuleSchema.strict()) }).strict();

/** `source`: where the save came from in the web app (the import dialog, bulk apply), for the history. */
export const putCorsBodySchema = z.object({ config: strictConfigSchema, source: z.enum(WRITE_SOURCES).optional() }).strict();
export type PutCorsBody = z.infer<typeof putCorsBodySchema>;

/** What an embedded demo bucket teaches, as a key of the web app's catalogue (demoLessonText). */
export const DEMO_LESSONS = ['direct-upload', 'no-cors', 'shadowed-etag'] as const;
export const demoLessonSchema = z.enum(DEMO_LESSONS);
export type DemoLesson = z.infer<typeof demoLessonSchema>;

/** A read of the bucket's CORS: its state and, for an embedded demo bucket only, its lesson. */
export const bucketCorsSchema = corsStateSchema.extend({ lesson: demoLessonSchema.optional() });
export type BucketCors = z.infer<typeof bucketCorsSchema>;
