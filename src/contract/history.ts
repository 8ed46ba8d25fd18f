import { z } from 'zod';
import { corsConfigAnswerSchema } from './core-values';

/** A configuration as the history keeps it: the configuration (null: none) and its version. */
export const historySnapshotSchema = z.object({ config: corsConfigAnswerSchema.nullable(), version: z.string() });
export type HistorySnapshot = z.infer<typeof historySnapshotSchema>;

/** What the console did: PutBucketCors (`save`), DeleteBucketCors (`delete`), or wrote an entry's configuration back (`restore`). */
export const HISTORY_ACTIONS = ['save', 'delete', 'restore'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Where the console's state (history, saved tests) lives: the data folder, an S3 bucket and prefix, or memory (tests). */
export const STATE_BACKENDS = ['data-folder', 's3', 'memory'] as const;
export type StateBackend = (typeof STATE_BACKENDS)[number];

/** Where a save came from in the web app; scripts name none. */
export const WRITE_SOURCES = ['editor', 'import', 'bulk-apply', 'drift-banner'] as const;
export type WriteSource = (typeof WRITE_SOURCES)[number];

/**
 * How the write an entry records ended: the provider holds `stored` (read back after the write);
 * the write `failed` (`stored` is what the provider held after it, when it could be read); or
 * `interrupted`: the entry was written before the write and no outcome followed (the console
 * stopped or crashed during it), so the provider may hold `before`, `after`, or neither.
 */
export const historyOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('written'), stored: historySnapshotSchema }),
  z.object({ kind: z.literal('failed'), code: z.string(), stored: historySnapshotSchema.nullable() }),
  z.object({ kind: z.literal('interrupted') }),
]);
export type HistoryOutcome = z.infer<typeof historyOutcomeSchema>;

/** One write through the console, newest first in a page. */
export const historyEntrySchema = z.object({
  /** Unique, and sorts newest first: an entry is never overwritten, even by another console. */
  id: z.string(),
  /** ISO time the write began. */
  at: z.string(),
  /** The console instance that wrote (random per start) and the host and pid it ran as. */
  console: z.object({ id: z.string(), host: z.string(), pid: z.number() }),
  /** A short hash of the caller's session (cookie or bearer token), `null` without one (loopback). */
  session: z.string().nullable(),
  action: z.enum(HISTORY_ACTIONS),
  source: z.enum(WRITE_SOURCES).optional(),
  /** For a restore: the entry whose configuration was written back. */
  restoredFrom: z.string().optional(),
  /** What the provider held when the write began (read under the bucket's lock). */
  before: historySnapshotSchema,
  /** What the write asked the provider to hold. */
  after: historySnapshotSchema,
  outcome: historyOutcomeSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * The provider's configuration differs from the last one the history knows: it was changed
 * outside the console (or by another console without a shared history), or emptied by a crash.
 * `lastKnown` is what the history says the bucket should hold, from entry `entry`.
 */
export const driftSchema = z.object({
  entry: z.string(),
  /** Which of the entry's configurations `lastKnown` is: what a restore of the entry names in its body. */
  side: z.enum(['after', 'before']),
  lastKnown: historySnapshotSchema,
  current: historySnapshotSchema,
});
export type Drift = z.infer<typeof driftSchema>;

export const historyPageQuerySchema = z.object({ cursor: z.string().optional(), limit: z.string().optional() });

export const historyPageSchema = z.object({
  entries: z.array(historyEntrySchema),
  /** Pass as `cursor` for the next (older) page; `null` on the last page. */
  nextCursor: z.string().nullable(),
  /** Set when the provider's configuration is not the last one the history knows. */
  drift: driftSchema.nullable(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** `POST .../history/{entry}/restore`: write back the entry's `after` (default) or its `before`. */
export const restoreBodySchema = z.object({ side: z.enum(['after', 'before']).default('after'), source: z.enum(WRITE_SOURCES).optional() }).strict();
export type RestoreBody = z.input<typeof restoreBodySchema>;
