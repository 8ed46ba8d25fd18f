import { z } from 'zod';
import { cacheFindingParams, cacheFixParams, checkParams, codedUnion, issueParams, maybe, ruleFixSchema, ruleReasonParams, summaryParams } from './core-params';
import {
  CACHE_FINDING_CODES,
  CACHE_FIX_CODES,
  CHECK_CODES,
  corsConfigSchema,
  DIALECTS,
  ISSUE_CODES,
  RULE_REASON_CODES,
  SUMMARY_CODES,
  type CacheFinding,
  type CacheFix,
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

export { maybe };

/** Answers carry configurations the server read; unknown fields are dropped, not refused. */
export const corsConfigAnswerSchema: z.ZodType<CorsConfig> = corsConfigSchema;

/** Each issue code with its exact params (the core's type for that code, see core-params.ts). */
export const issueSchema: z.ZodType<Issue> = codedUnion('code', ISSUE_CODES, issueParams, {
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  providerCode: z.string().optional(),
  source: z.enum(['provider', 'console']).optional(),
  providerMessage: z.string().optional(),
  consoleReason: z.enum(['never-matches', 'stored-differently', 'meaningless']).optional(),
  fixes: z.array(ruleFixSchema).optional(),
  line: z.number().optional(),
  relatedRules: z.array(z.number()).optional(),
});

const checkResultSchema: z.ZodType<CheckResult> = codedUnion('code', CHECK_CODES, checkParams, { ok: z.boolean() });

const ruleReasonSchema: z.ZodType<RuleReason> = codedUnion('code', RULE_REASON_CODES, ruleReasonParams, {
  rule: z.number(),
  id: z.string().optional(),
  outcome: z.enum(['matched', 'failed', 'not-reached']),
  origin: checkResultSchema.optional(),
  method: checkResultSchema.optional(),
  headers: checkResultSchema.optional(),
});

const summarySchema: z.ZodType<DecisionSummary> = codedUnion('code', SUMMARY_CODES, summaryParams);

export const decisionSchema: z.ZodType<Decision> = z.object({
  kind: z.enum(['preflight', 'actual']),
  status: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }).optional(),
  matchedRule: z.number().nullable(),
  headers: z.record(z.string(), z.string()),
  reasons: z.array(ruleReasonSchema),
  summary: summarySchema,
});

export const cacheFixSchema: z.ZodType<CacheFix> = codedUnion('code', CACHE_FIX_CODES, cacheFixParams);

/** A cache check's finding, with the fixes for the cache it was seen through. */
export const cacheFindingSchema: z.ZodType<CacheFinding> = codedUnion('code', CACHE_FINDING_CODES, cacheFindingParams, { fixes: z.array(cacheFixSchema) });
