import { z } from 'zod';
import { BROWSER_ENGINES } from '../core';
import { appVerdictSchema, corsErrorExplanationSchema } from './core-params';
import { savedTestSchema } from './testing';

// Runs of a bucket's tests in the browser engines installed on the console's host (Chromium,
// Firefox ESR, WebKitGTK), beside the user's own browser: which engines the host has, a run started
// for a list of tests, its progress read while it runs, and its cancellation.

/** A run takes at most this many tests (the engines run each; "Run all" on a longer list is refused). */
export const MAX_ENGINE_RUN_TESTS = 50;

export const engineNameSchema = z.enum(BROWSER_ENGINES);

export const CHROMIUM_PAGE_PLACES = ['as-served', 'public', 'public-permitted'] as const;
export type ChromiumPagePlace = (typeof CHROMIUM_PAGE_PLACES)[number];

/** An engine on the host: ready, or missing with the Debian packages and the command that installs them. */
export const hostEngineSchema = z.discriminatedUnion('available', [
  z.object({ engine: engineNameSchema, available: z.literal(true) }),
  z.object({ engine: engineNameSchema, available: z.literal(false), missing: z.array(z.string()), installCommand: z.string() }),
]);
export type HostEngine = z.infer<typeof hostEngineSchema>;

export const hostEnginesSchema = z.object({
  engines: z.array(hostEngineSchema),
  /** The run going on in this console now (one at a time), if any. */
  running: z.string().nullable(),
});
export type HostEngines = z.infer<typeof hostEnginesSchema>;

export const startEngineRunBodySchema = z
  .object({
    /** The tests to run: the current request (as a test) or the bucket's saved tests. */
    tests: z.array(savedTestSchema).min(1).max(MAX_ENGINE_RUN_TESTS),
    engines: z
      .array(engineNameSchema)
      .min(1)
      .refine((engines) => new Set(engines).size === engines.length, 'Each engine once.'),
    /** Tests that write or delete an object the user named run only with this (as a probe's `confirmWrite`). */
    confirmWrite: z.boolean().default(false),
    /**
     * Where Chromium takes the test pages to be: on this host as they are (the default), or on the
     * public address space, which reproduces Chrome's Local Network Access for a bucket on a private
     * or loopback address: refused (`public`), or with the user's permission given (`public-permitted`).
     */
    chromiumPages: z.enum(CHROMIUM_PAGE_PLACES).default('as-served'),
  })
  .strict();
export type StartEngineRunBody = z.input<typeof startEngineRunBodySchema>;

/** What became of one engine in a run. */
export const engineRunEngineSchema = z.discriminatedUnion('state', [
  z.object({ engine: engineNameSchema, state: z.literal('starting') }),
  z.object({ engine: engineNameSchema, state: z.literal('ran'), launchMs: z.number() }),
  z.object({ engine: engineNameSchema, state: z.literal('not-installed'), missing: z.array(z.string()), installCommand: z.string() }),
  /** `error` is the driver's own text, as data. */
  z.object({ engine: engineNameSchema, state: z.literal('launch-failed'), error: z.string() }),
  z.object({ engine: engineNameSchema, state: z.literal('cancelled') }),
]);
export type EngineRunEngine = z.infer<typeof engineRunEngineSchema>;

/** One test in one engine: its verdict, the prediction for that engine, and Chromium's exact reason for a refusal. */
export const engineRunCaseSchema = z.object({
  testId: z.string(),
  testName: z.string(),
  engine: engineNameSchema,
  /** The page origin the engine sent the request from (the console's, or its second origin). */
  origin: z.string(),
  expect: z.enum(['allowed', 'blocked']),
  /** The rules' prediction for this engine, for the live configuration. */
  predicted: appVerdictSchema,
  result: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      observed: appVerdictSchema,
      /** Chromium only: DevTools' corsErrorStatus, as Chromium names it. */
      corsError: z.object({ corsError: z.string(), failedParameter: z.string() }).optional(),
      /** The console's explanation of `corsError`, and the fix. */
      explained: corsErrorExplanationSchema.optional(),
      ms: z.number(),
    }),
    /** The request could not be made (an infrastructure problem, not a verdict); `error` is the engine's own text. */
    z.object({ ok: z.literal(false), error: z.string(), ms: z.number() }),
  ]),
  /** The bucket's raw answer differs from the console's model of its provider: the prediction may be off. */
  providerDiffers: z.boolean(),
});
export type EngineRunCase = z.infer<typeof engineRunCaseSchema>;

export const ENGINE_RUN_STATES = ['running', 'finished', 'cancelled', 'timed-out', 'failed'] as const;

export const engineRunSchema = z.object({
  id: z.string(),
  profile: z.string(),
  bucket: z.string(),
  state: z.enum(ENGINE_RUN_STATES),
  /** Results expected (tests × engines that run) and results in: "n of m". */
  total: z.number(),
  done: z.number(),
  engines: z.array(engineRunEngineSchema),
  cases: z.array(engineRunCaseSchema),
  /** A run that failed: the error's own text, as data. */
  error: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
});
export type EngineRun = z.infer<typeof engineRunSchema>;
