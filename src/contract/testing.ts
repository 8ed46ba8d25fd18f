import { z } from 'zod';
import { BLOCK_CHECKS, bodyRule, METHODS } from '../core';
import { isScratchKey, SCRATCH_PREFIX } from './scratch';
import { corsConfigAnswerSchema, decisionSchema, dialectSchema } from './core-values';

export { isScratchKey, newScratchKey, SCRATCH_PREFIX, writesObject } from './scratch';

// RFC 9110 token characters, and visible characters plus space/tab for values: a probe must not
// smuggle CR/LF or control characters into the request it sends.
export const headerName = z.string().refine((name) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name), bodyRule('header-name-characters'));
const headerValue = z
  .string()
  .max(8192)
  .refine((value) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value), bodyRule('header-value-characters'));

/** Enough for any real request; a cap keeps one probe from becoming a header flood. */
const MAX_PROBE_HEADERS = 64;

const methodSchema = z.enum(METHODS);

/** S3's longest object key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;

/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 (so no URL) can carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Object keys as S3 takes them: 1–1024 bytes of UTF-8, no control characters. */
export const objectKeySchema = z
  .string()
  .min(1)
  // JSON can carry `"\ud800"`; encodeURIComponent then throws, which was a 502 before this check.
  .refine((key) => !LONE_SURROGATE.test(key), bodyRule('key-not-unicode'))
  .refine((key) => new TextEncoder().encode(key).length <= MAX_KEY_BYTES, bodyRule('key-too-long', MAX_KEY_BYTES))
  // eslint-disable-next-line no-control-regex
  .refine((key) => !/[\u0000-\u001f\u007f]/.test(key), bodyRule('key-control-character'))
  // URLs collapse `.` and `..` segments (even percent-encoded), so such a key would address
  // another object, or another bucket: refuse it rather than probe the wrong thing.
  .refine((key) => !key.split('/').some((segment) => segment === '.' || segment === '..'), bodyRule('key-dot-segment'));

/**
 * Set to say "yes, write or delete this object": without it, a writing probe or presign on a key
 * outside {@link SCRATCH_PREFIX} is refused with 409 `confirmation-required`.
 */
const confirmWrite = z.boolean().default(false);

/** Where a probe's requests go: the bucket's endpoint, or the public URL in front of it. */
export const PROBE_TARGETS = ['endpoint', 'public'] as const;
export type ProbeTarget = (typeof PROBE_TARGETS)[number];

export const probeBodySchema = z
  .object({
    key: objectKeySchema.default('test.txt'),
    origin: headerValue.min(1).optional(),
    /** The actual request's method; the preflight asks for it in Access-Control-Request-Method. */
    method: methodSchema,
    /** Headers of the actual request; the preflight lists their names. */
    headers: z
      .record(headerName, headerValue)
      .refine((headers) => Object.keys(headers).length <= MAX_PROBE_HEADERS, bodyRule('too-many-headers', MAX_PROBE_HEADERS))
      .default({}),
    /** Which requests to send. */
    send: z.enum(['preflight', 'actual', 'both']).default('both'),
    /** Body of an actual PUT/POST. */
    body: z.string().max(1024 * 1024).optional(),
    /** Send the actual request to a presigned URL, as the test pane does for private buckets. */
    signed: z.boolean().default(false),
    /** The page's credentials mode: the preflight is judged as the browser would judge it for this mode. */
    credentials: z.enum(['omit', 'include']).default('omit'),
    /**
     * Where the requests go: the bucket's endpoint, or its public URL (the profile's `publicUrl`
     * pattern, a CDN or proxy in front of the bucket). A signed probe goes to the endpoint only.
     */
    target: z.enum(PROBE_TARGETS).default('endpoint'),
    confirmWrite,
  })
  .strict();
export type ProbeBody = z.input<typeof probeBodySchema>;

const headersSchema = z.record(z.string(), z.string());

export const probeFailureSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('provider-unreachable'), transportCode: z.string().optional(), transportMessage: z.string().optional() }),
  z.object({ code: z.literal('provider-timeout'), timeoutMs: z.number() }),
]);
/** Why a raw probe request got no answer, as values (the web's catalogue says it). */
export type ProbeFailure = z.infer<typeof probeFailureSchema>;

/** One raw request the server sent and what came back, unfiltered. */
export const probeExchangeSchema = z.object({
  request: z.object({ method: z.string(), url: z.string(), headers: headersSchema }),
  response: z.object({ status: z.number(), headers: headersSchema, bodyBytes: z.number(), bodyPreview: z.string() }).nullable(),
  /** Set when no response came: Node's network code and its own text, or how long the probe waited. */
  error: probeFailureSchema.optional(),
  timing: z.object({ totalMs: z.number() }),
  /** The core's prediction for the profile's dialect, against the configuration in `predictedWith`. */
  prediction: decisionSchema,
  /** Whether the CORS headers (and, for a preflight, the status) equal the prediction. */
  matchesPrediction: z.boolean().nullable(),
});
export type ProbeExchange = z.infer<typeof probeExchangeSchema>;

/**
 * A probe's answer: everything a test run needs from the server in one call. The browser sends
 * its own request to `signedUrl` (when the probe was signed) or `objectUrl`, and the web app
 * predicts with `predictedWith`, the configuration the server's predictions used.
 */
export const probeResultSchema = z.object({
  dialect: dialectSchema,
  /** The object's plain URL the requests went to: on the profile's endpoint, or through its public URL. */
  objectUrl: z.string(),
  /** Where the requests went (absent from consoles before the public URL: the endpoint). */
  target: z.enum(PROBE_TARGETS).optional(),
  /** The presigned URL the actual request went to, for a signed probe; valid for about a minute. */
  signedUrl: z.string().optional(),
  /** The stored configuration the predictions were made against, and its version. */
  predictedWith: z.object({ config: corsConfigAnswerSchema.nullable(), version: z.string() }),
  preflight: probeExchangeSchema.optional(),
  actual: probeExchangeSchema.optional(),
  /**
   * Why the actual request was not sent although asked for: a writing request the browser would
   * not send, because it refuses the request outright or stops at the preflight (`check` is the
   * browser check the preflight's answer, in `preflight`, failed).
   */
  actualNotSent: z.object({ code: z.enum(['browser-refuses-request', 'browser-stops-at-preflight']), check: z.enum(BLOCK_CHECKS).optional() }).optional(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export const presignBodySchema = z
  .object({
    key: objectKeySchema,
    method: methodSchema,
    expiresSeconds: z.number().int().min(1).max(7 * 24 * 3600).default(300),
    contentType: headerValue.max(255).optional(),
    confirmWrite,
  })
  .strict();
export type PresignBody = z.input<typeof presignBodySchema>;

export const presignResultSchema = z.object({
  method: methodSchema,
  url: z.string(),
  /** Form fields of a POST policy upload; the file goes last, as field `file`. */
  fields: z.record(z.string(), z.string()).optional(),
  expiresAt: z.string(),
});
export type PresignResult = z.infer<typeof presignResultSchema>;

/** Where a test's request is sent from: the console's page, or the harness page on its second origin. */
export const testOrigins = ['console', 'harness'] as const;
export type TestOrigin = (typeof testOrigins)[number];

/** A request the test pane sends from the browser, as the user built it. */
export const testRequestSchema = z
  .object({
    key: objectKeySchema,
    method: methodSchema,
    headers: z.record(headerName, headerValue).default({}),
    /** Body of a PUT or POST. */
    body: z.string().max(1024 * 1024).optional(),
    credentials: z.enum(['omit', 'include']).default('omit'),
    /** Send to a presigned URL (for private buckets) rather than the plain object URL. */
    signed: z.boolean().default(false),
    from: z.enum(testOrigins).default('console'),
    /** Response headers the web app must read (e.g. ETag after an upload). */
    mustRead: z.array(headerName).max(20).default([]),
    /** For PUT, POST and DELETE: a fresh scratch object (the default), or the object named by `key` (asked first). */
    target: z.enum(['scratch', 'named']).default('scratch'),
  })
  .strict();
export type TestRequest = z.output<typeof testRequestSchema>;

/** A test case saved with its bucket, run again by "Run all". */
export const savedTestSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Test ids are letters, digits, - and _ (up to 64).'),
    name: z.string().trim().min(1).max(120),
    request: testRequestSchema,
    /** What the web app needs: the request allowed (and its `mustRead` headers readable), or blocked. */
    expect: z.enum(['allowed', 'blocked']).default('allowed'),
  })
  .strict();
export type SavedTest = z.output<typeof savedTestSchema>;

export const MAX_SAVED_TESTS = 200;

export const putSavedTestsBodySchema = z
  .object({ tests: z.array(savedTestSchema).max(MAX_SAVED_TESTS) })
  .strict()
  .refine((body) => new Set(body.tests.map((t) => t.id)).size === body.tests.length, { ...bodyRule('duplicate-test-ids'), path: ['tests'] });

export const savedTestsSchema = z.object({ tests: z.array(savedTestSchema) });
export type SavedTests = z.infer<typeof savedTestsSchema>;

/** Removes one of the console's scratch objects (a test's, after the browser's own request). */
export const removeScratchBodySchema = z.object({ key: objectKeySchema.refine(isScratchKey, `Only keys under ${SCRATCH_PREFIX} are scratch objects.`) }).strict();
export type RemoveScratchBody = z.input<typeof removeScratchBodySchema>;
export const removeScratchResultSchema = z.object({ key: z.string(), removed: z.literal(true) });
