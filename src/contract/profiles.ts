import { z } from 'zod';
import { dialectSchema } from './core-values';
import { apiErrorSchema } from './errors';

export const capabilitiesSchema = z.object({ bucketCors: z.boolean(), responseVary: z.boolean(), presignedPost: z.boolean() });
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** A profile as the API shows it: never a credential. */
export const profileSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['s3', 'oss', 'cos']),
  dialect: dialectSchema,
  endpoint: z.string().nullable(),
  region: z.string(),
  /** The embedded local s3rver. */
  embedded: z.boolean(),
  /**
   * The public URL in front of every bucket (a CDN or caching proxy), as a pattern with `{key}`
   * and maybe `{bucket}`; absent when none is configured. Not a credential.
   */
  publicUrl: z.string().optional(),
  /** Public URL patterns of single buckets, by bucket name; each wins over `publicUrl` for its bucket. */
  publicUrls: z.record(z.string(), z.string()).optional(),
  capabilities: capabilitiesSchema,
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const profileListSchema = z.object({ profiles: z.array(profileSummarySchema) });

export const bucketCorsSummarySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('rules'), ruleCount: z.number() }),
  z.object({ status: z.literal('none') }),
  // The failure as any API error is sent (code, params, English message), so the console words it in its own locale.
  z.object({ status: z.literal('not-supported'), error: apiErrorSchema }),
  z.object({ status: z.literal('error'), error: apiErrorSchema }),
]);
export type BucketCorsSummary = z.infer<typeof bucketCorsSummarySchema>;

export const bucketSummarySchema = z.object({ name: z.string(), createdAt: z.string().optional(), cors: bucketCorsSummarySchema });
export type BucketSummary = z.infer<typeof bucketSummarySchema>;

export const bucketPageSchema = z.object({
  buckets: z.array(bucketSummarySchema),
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: z.string().nullable(),
  /** Buckets matching the prefix, across all pages. */
  total: z.number(),
  /** When the provider listed the buckets these pages are cut from. */
  listedAt: z.string(),
  /** A newer listing is being fetched: ask for the first page again shortly. */
  refreshing: z.boolean(),
  /** Equal versions, equal sets of buckets: a client compares it to know whether to reload. */
  listingVersion: z.string(),
});
export type BucketPage = z.infer<typeof bucketPageSchema>;

/**
 * Query of the bucket list, as the wire carries it. `limit` stays a string: the server clamps
 * any value to a page size rather than refusing it; `fresh=1` asks for a listing made now.
 */
export const bucketPageQuerySchema = z.object({
  prefix: z.string().optional(),
  /** Names containing this text, any case (as the bucket list's filter matches). */
  contains: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.string().optional(),
  fresh: z.string().optional(),
});

/** What the SPA needs to know about the console it runs in. */
export const consoleInfoSchema = z.object({
  /**
   * The test harness's origin: a second loopback port of this console that serves a tiny page
   * the test pane loads in an iframe, so requests are also sent, and judged, from a second origin.
   */
  harnessOrigin: z.string().nullable(),
});
export type ConsoleInfo = z.infer<typeof consoleInfoSchema>;

/** `POST /api/session`: trade the access token for a session cookie. */
export const sessionBodySchema = z.object({ token: z.string().min(1).max(1024) }).strict();
export type SessionBody = z.infer<typeof sessionBodySchema>;

/** `GET /api/session`: whether this console needs a token, and whether the caller has a session. */
export const sessionStateSchema = z.object({ required: z.boolean(), authenticated: z.boolean() });
export type SessionState = z.infer<typeof sessionStateSchema>;
