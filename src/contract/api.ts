import { z } from 'zod';
import { corsConfigSchema, corsRuleSchema, type CorsConfig, type Decision, type Dialect, type Issue } from '../core';

// The HTTP contract shared by the server and the web app: bodies, answers and the error envelope.

/** Stable error codes of the console API. */
export type ApiErrorCode =
  | 'bad-request'
  | 'validation-failed'
  | 'precondition-required'
  | 'version-conflict'
  | 'profile-not-found'
  | 'bucket-not-found'
  | 'not-found'
  | 'not-supported'
  | 'provider-unreachable'
  | 'provider-timeout'
  | 'provider-access-denied'
  | 'provider-error'
  | 'internal-error'
  /** 401: this console needs its access token (POST /api/session) and the call carried no valid session. */
  | 'unauthenticated'
  /** 403: the call came from another origin, or named a host this console does not answer to. */
  | 'cross-origin-refused'
  /** 413: the request body is larger than the call accepts. */
  | 'payload-too-large'
  /** 415: a state-changing call must carry `Content-Type: application/json`. */
  | 'unsupported-media-type'
  /** 429: too many failed sign-ins; wait a minute. */
  | 'too-many-requests';

/** The one error envelope every failing `/api` call answers. */
export interface ApiError {
  error: {
    code: ApiErrorCode;
    message: string;
    /** The storage provider's own error code, when the provider refused. */
    providerCode?: string;
    /** Validation issues, with paths into the request body's `config`. */
    issues?: Issue[];
  };
  /** On 409: what the provider holds now, so nothing is lost. */
  current?: CorsState;
}

export interface Capabilities {
  bucketCors: boolean;
  responseVary: boolean;
  presignedPost: boolean;
}

/** A profile as the API shows it: never a credential. */
export interface ProfileSummary {
  id: string;
  label: string;
  kind: 's3' | 'oss' | 'cos';
  dialect: Dialect;
  endpoint: string | null;
  region: string;
  /** The embedded local s3rver. */
  embedded: boolean;
  capabilities: Capabilities;
}

export type BucketCorsSummary =
  | { status: 'rules'; ruleCount: number }
  | { status: 'none' }
  | { status: 'not-supported'; message: string }
  | { status: 'error'; code: ApiErrorCode; message: string };

export interface BucketSummary {
  name: string;
  createdAt?: string;
  cors: BucketCorsSummary;
}

export interface BucketPage {
  buckets: BucketSummary[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
  /** Buckets matching the prefix, across all pages. */
  total: number;
  /** When the provider listed the buckets these pages are cut from. */
  listedAt: string;
  /** A newer listing is being fetched: ask for the first page again shortly. */
  refreshing: boolean;
  /** Equal versions, equal sets of buckets: a client compares it to know whether to reload. */
  listingVersion: string;
}

/** A bucket's CORS as the provider holds it, with the version writes must name in `If-Match`. */
export interface CorsState {
  config: CorsConfig | null;
  /** The provider's own document, verbatim, or null when there is none. */
  raw: string | null;
  dialect: Dialect;
  version: string;
  /** What the core finds in the stored configuration (warnings, and errors the provider let through). */
  issues: Issue[];
}

// Strict all the way down: a misspelt field (`maxAge`) is refused with its path, never dropped
// silently while the write succeeds without it (found by fuzzing the API).
const strictConfigSchema = corsConfigSchema.extend({ rules: z.array(corsRuleSchema.strict()) }).strict();

export const putCorsBodySchema = z.object({ config: strictConfigSchema }).strict();
export type PutCorsBody = z.infer<typeof putCorsBodySchema>;

// RFC 9110 token characters, and visible characters plus space/tab for values: a probe must not
// smuggle CR/LF or control characters into the request it sends.
const headerName = z.string().regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'Header names are letters, digits and !#$%&\'*+-.^_`|~ only.');
const headerValue = z.string().max(8192).regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'Header values cannot contain line breaks or control characters.');

/** Enough for any real request; a cap keeps one probe from becoming a header flood. */
const MAX_PROBE_HEADERS = 64;

/** Object keys as S3 takes them: 1–1024 bytes, no control characters. */
export const objectKeySchema = z
  .string()
  .min(1)
  .refine((key) => new TextEncoder().encode(key).length <= 1024, 'Object keys are at most 1024 bytes.')
  // eslint-disable-next-line no-control-regex
  .refine((key) => !/[\u0000-\u001f\u007f]/.test(key), 'Object keys cannot contain control characters.')
  // URLs collapse `.` and `..` segments (even percent-encoded), so such a key would address
  // another object, or another bucket: refuse it rather than probe the wrong thing.
  .refine((key) => !key.split('/').some((segment) => segment === '.' || segment === '..'), 'Object keys with "." or ".." path segments cannot be addressed by URL.');

export const probeBodySchema = z
  .object({
    key: objectKeySchema.default('test.txt'),
    origin: headerValue.min(1).optional(),
    /** The actual request's method; the preflight asks for it in Access-Control-Request-Method. */
    method: z.enum(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']),
    /** Headers of the actual request; the preflight lists their names. */
    headers: z
      .record(headerName, headerValue)
      .refine((headers) => Object.keys(headers).length <= MAX_PROBE_HEADERS, `A probe sends at most ${MAX_PROBE_HEADERS} headers.`)
      .default({}),
    /** Which requests to send. */
    send: z.enum(['preflight', 'actual', 'both']).default('both'),
    /** Body of an actual PUT/POST. */
    body: z.string().max(1024 * 1024).optional(),
    /** Send the actual request to a presigned URL, as the test pane does for private buckets. */
    signed: z.boolean().default(false),
  })
  .strict();
export type ProbeBody = z.input<typeof probeBodySchema>;

/** One raw request the server sent and what came back, unfiltered. */
export interface ProbeExchange {
  request: { method: string; url: string; headers: Record<string, string> };
  response: { status: number; headers: Record<string, string>; bodyBytes: number; bodyPreview: string } | null;
  /** Set when no response came (unreachable, timeout). */
  error?: { code: ApiErrorCode; message: string };
  timing: { totalMs: number };
  /** The core's prediction for the profile's dialect, against the stored configuration. */
  prediction: Decision;
  /** Whether the CORS headers (and, for a preflight, the status) equal the prediction. */
  matchesPrediction: boolean | null;
}

export interface ProbeResult {
  dialect: Dialect;
  preflight?: ProbeExchange;
  actual?: ProbeExchange;
}

export const presignBodySchema = z
  .object({
    key: objectKeySchema,
    method: z.enum(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']),
    expiresSeconds: z.number().int().min(1).max(7 * 24 * 3600).default(300),
    contentType: headerValue.max(255).optional(),
  })
  .strict();
export type PresignBody = z.input<typeof presignBodySchema>;

export interface PresignResult {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  url: string;
  /** Form fields of a POST policy upload; the file goes last, as field `file`. */
  fields?: Record<string, string>;
  expiresAt: string;
}

/** `POST /api/session`: trade the access token for a session cookie. */
export const sessionBodySchema = z.object({ token: z.string().min(1).max(1024) }).strict();
export type SessionBody = z.infer<typeof sessionBodySchema>;

/** `GET /api/session`: whether this console needs a token, and whether the caller has a session. */
export interface SessionState {
  required: boolean;
  authenticated: boolean;
}

/** What the SPA needs to know about the console it runs in. */
export interface ConsoleInfo {
  /**
   * The test harness's origin: a second loopback port of this console that serves a tiny page
   * the test pane loads in an iframe, so requests are also sent, and judged, from a second origin.
   */
  harnessOrigin: string | null;
}

/** Where a test's request is sent from: the console's page, or the harness page on its second origin. */
export const testOrigins = ['console', 'harness'] as const;
export type TestOrigin = (typeof testOrigins)[number];

export const testMethods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
export type TestMethod = (typeof testMethods)[number];

/** A request the test pane sends from the browser, as the user built it. */
export const testRequestSchema = z
  .object({
    key: objectKeySchema,
    method: z.enum(testMethods),
    headers: z.record(headerName, headerValue).default({}),
    /** Body of a PUT or POST. */
    body: z.string().max(1024 * 1024).optional(),
    credentials: z.enum(['omit', 'include']).default('omit'),
    /** Send to a presigned URL (for private buckets) rather than the plain object URL. */
    signed: z.boolean().default(false),
    from: z.enum(testOrigins).default('console'),
    /** Response headers the web app must read (e.g. ETag after an upload). */
    mustRead: z.array(headerName).max(20).default([]),
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
  .refine((body) => new Set(body.tests.map((t) => t.id)).size === body.tests.length, { message: 'Test ids must be unique.', path: ['tests'] });

export interface SavedTests {
  tests: SavedTest[];
}
