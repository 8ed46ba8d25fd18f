import { z } from 'zod';
import { corsConfigSchema, DIALECTS, type CheckResult, type CorsConfig, type Decision, type Dialect, type Issue, type RuleReason } from '../core';

// The core's values as they cross the wire, in one file: when a core type changes, this is the one
// place its schema follows (each schema is annotated with the core type, so drift fails to compile).

export const dialectSchema: z.ZodType<Dialect> = z.enum(DIALECTS);

/** Answers carry configurations the server read; unknown fields are dropped, not refused. */
export const corsConfigAnswerSchema: z.ZodType<CorsConfig> = corsConfigSchema;

const issuePathSchema = z.array(z.union([z.string(), z.number()]));

export const issueSchema: z.ZodType<Issue> = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  path: issuePathSchema,
  providerCode: z.string().optional(),
  line: z.number().optional(),
  relatedRules: z.array(z.number()).optional(),
});

const checkResultSchema: z.ZodType<CheckResult> = z.object({ ok: z.boolean(), detail: z.string() });

const ruleReasonSchema: z.ZodType<RuleReason> = z.object({
  rule: z.number(),
  id: z.string().optional(),
  outcome: z.enum(['matched', 'failed', 'not-reached']),
  origin: checkResultSchema.optional(),
  method: checkResultSchema.optional(),
  headers: checkResultSchema.optional(),
  message: z.string(),
});

export const decisionSchema: z.ZodType<Decision> = z.object({
  kind: z.enum(['preflight', 'actual']),
  status: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }).optional(),
  matchedRule: z.number().nullable(),
  headers: z.record(z.string(), z.string()),
  reasons: z.array(ruleReasonSchema),
  summary: z.string(),
});
