import { z } from 'zod';
import {
  CHECK_CODES,
  corsConfigSchema,
  DIALECTS,
  ISSUE_CODES,
  RULE_REASON_CODES,
  SUMMARY_CODES,
  type CheckResult,
  type CorsConfig,
  type Decision,
  type DecisionSummary,
  type Dialect,
  type Issue,
  type RuleReason,
} from '../core';

// The core's values as they cross the wire, in one file: when a core type changes, this is the one
// place its schema follows (each schema is annotated with the core type, so drift fails to compile).

export const dialectSchema: z.ZodType<Dialect> = z.enum(DIALECTS);

/** Answers carry configurations the server read; unknown fields are dropped, not refused. */
export const corsConfigAnswerSchema: z.ZodType<CorsConfig> = corsConfigSchema;

/**
 * A coded core value (`{ code, params, ...fields }`): the code must be one of the core's own list
 * and `params` an object; the value then passes whole, so nothing in `params` is stripped (the
 * catalogues read them, and each code's params type is the core's).
 */
function coded<T extends { code: string }>(codes: readonly T['code'][], fields: z.ZodRawShape = {}): z.ZodType<T> {
  const shape = z.object({ ...fields, code: z.enum(codes), params: z.record(z.string(), z.unknown()) });
  return z.custom<T>((value) => shape.safeParse(value).success);
}

export const issueSchema = coded<Issue>(ISSUE_CODES, {
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  providerCode: z.string().optional(),
  line: z.number().optional(),
  relatedRules: z.array(z.number()).optional(),
});

const checkResultSchema = coded<CheckResult>(CHECK_CODES, { ok: z.boolean() });

const ruleReasonSchema = coded<RuleReason>(RULE_REASON_CODES, {
  rule: z.number(),
  id: z.string().optional(),
  outcome: z.enum(['matched', 'failed', 'not-reached']),
  origin: checkResultSchema.optional(),
  method: checkResultSchema.optional(),
  headers: checkResultSchema.optional(),
});

const summarySchema = coded<DecisionSummary>(SUMMARY_CODES);

export const decisionSchema: z.ZodType<Decision> = z.object({
  kind: z.enum(['preflight', 'actual']),
  status: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }).optional(),
  matchedRule: z.number().nullable(),
  headers: z.record(z.string(), z.string()),
  reasons: z.array(ruleReasonSchema),
  summary: summarySchema,
});
