import { z } from 'zod';
import { bodyRule, CACHE_CHECK_STEPS, CACHE_KINDS, CACHE_SIGN_HEADERS, METHODS, type CacheCheckStep, type CacheSigns } from '../core';
import { cacheFindingSchema, dialectSchema, maybe } from './core-values';
import { headerName, objectKeySchema, probeFailureSchema } from './testing';

// The cache check (issue 19): the core's plan sent by the server through the bucket's public URL
// and straight to its endpoint, and what the core reads in the answers.

/** A serialized origin (`https://app.example`, `http://localhost:5173`): what a browser sends and a bucket echoes. */
const originSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, bodyRule('origin-serialized'));

export const MAX_PREFLIGHT_HEADERS = 32;

export const cacheCheckBodySchema = z
  .object({
    /** The object checked (it must exist for the GETs to say anything; nothing is written). */
    key: objectKeySchema,
    /** Two origins the app is served from; the check sends A first, then B, as two pages would. */
    originA: originSchema,
    originB: originSchema,
    /** The preflight's Access-Control-Request-Method. */
    preflightMethod: z.enum(METHODS).default('PUT'),
    /** The preflight's Access-Control-Request-Headers, as the app sends them. */
    preflightHeaders: z
      .array(headerName)
      .refine((names) => names.length <= MAX_PREFLIGHT_HEADERS, bodyRule('too-many-headers', MAX_PREFLIGHT_HEADERS))
      .default([]),
  })
  .strict();
export type CacheCheckBody = z.input<typeof cacheCheckBodySchema>;

const stepIdSchema = z.enum(CACHE_CHECK_STEPS);

/** The cache signs of one answer (the core's `CacheSigns`). */
export const cacheSignsSchema: z.ZodType<CacheSigns> = z.object({
  signs: z.array(z.object({ name: z.enum(CACHE_SIGN_HEADERS), value: z.string() })),
  kind: maybe(z.enum(CACHE_KINDS)),
  hit: maybe(z.boolean()),
  ageSeconds: maybe(z.number()),
});

/** One request of the plan (the core's `CacheCheckStep`), as sent. */
const planStepSchema: z.ZodType<CacheCheckStep> = z.object({
  id: stepIdSchema,
  target: z.enum(['public', 'direct']),
  method: z.enum(['GET', 'OPTIONS']),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  origin: maybe(z.string()),
  cacheBusted: z.boolean(),
  comparedWith: maybe(stepIdSchema),
});

/** One step sent and what came back. */
export const cacheCheckStepResultSchema = z.object({
  step: planStepSchema,
  response: z
    .object({
      status: z.number(),
      /** Repeated lines joined with ", ", as Node joins them. */
      headers: z.record(z.string(), z.string()),
      /**
       * Every header line as received, names lowercased and in order: a duplicated
       * Access-Control-Allow-Origin stays two lines here (browsers refuse both).
       */
      lines: z.array(z.tuple([z.string(), z.string()])),
    })
    .nullable(),
  /** Set when no answer came: the transport's code (`ECONNREFUSED`), or how long the server waited. */
  error: probeFailureSchema.optional(),
  timing: z.object({ totalMs: z.number() }),
  /** The answer's cache signs; `null` when no answer came. */
  signs: cacheSignsSchema.nullable(),
});
export type CacheCheckStepResult = z.infer<typeof cacheCheckStepResultSchema>;

/**
 * A cache check's answer. `plan` is the core's input (`cacheCheckPlan(plan)` gives the same steps,
 * for the catalogue's step labels); `findings` are the core's, with their fixes; `cache` is the
 * cache the public answers look like (`null`: none shows a sign).
 */
export const cacheCheckResultSchema = z.object({
  dialect: dialectSchema,
  /** The object through the public URL pattern, and at the bucket's endpoint (unsigned). */
  publicUrl: z.string(),
  directUrl: z.string(),
  /** The pattern the public URL was made from (the bucket's own or the profile's). */
  publicUrlPattern: z.string(),
  plan: z.object({
    publicUrl: z.string(),
    directUrl: z.string(),
    originA: z.string(),
    originB: z.string(),
    preflightMethod: z.string(),
    preflightHeaders: z.array(z.string()),
    nonce: z.string(),
  }),
  /** Every step in the order sent (one at a time, each on a connection of its own). */
  steps: z.array(cacheCheckStepResultSchema),
  findings: z.array(cacheFindingSchema),
  cache: z.enum(CACHE_KINDS).nullable(),
});
export type CacheCheckResult = z.infer<typeof cacheCheckResultSchema>;
