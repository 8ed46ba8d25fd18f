import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { historyEntrySchema, historyOutcomeSchema, type HistoryEntry, type HistoryOutcome } from '../../contract/history';
import type { StateBackend } from '../../contract/history';
import type { StateBlobs } from './state-blobs';

/** A history entry as written before the provider is: everything but its outcome. */
export type HistoryRecord = Omit<HistoryEntry, 'outcome'>;
type SettledOutcome = Exclude<HistoryOutcome, { kind: 'interrupted' }>;

const recordSchema = historyEntrySchema.omit({ outcome: true });
const outcomeFileSchema = z.object({ entry: z.string(), outcome: historyOutcomeSchema });

/** Largest time an id can hold; ids count down from it so that ascending key order is newest first. */
const LAST_MS = 9_999_999_999_999;
const ID_PATTERN = /^\d{13}-\d{4}-[0-9a-f]{12}$/;
let sequence = 0;

/**
 * A fresh entry id: newest first in ascending order (S3 lists keys ascending only), unique across
 * consoles (random part) and ordered within one console in the same millisecond (sequence).
 */
export function newHistoryId(now = Date.now()): string {
  sequence = (sequence + 1) % 10_000;
  return `${String(LAST_MS - now).padStart(13, '0')}-${String(9_999 - sequence).padStart(4, '0')}-${randomBytes(6).toString('hex')}`;
}

/** Whether `id` has the shape of an entry id (a path segment of the API, so nothing else may pass). */
export const isHistoryId = (id: string): boolean => ID_PATTERN.test(id);

export interface BucketRef {
  profile: string;
  bucket: string;
}

export interface HistoryStore {
  /** The state backend it is kept on, and where, for an error that names them. */
  readonly location: { backend: StateBackend; where: string };
  /** Appends an entry before the provider is written (write-ahead): a crash mid-write leaves it `interrupted`. */
  begin(ref: BucketRef, record: HistoryRecord): Promise<void>;
  /** Records how the entry's write ended, as a blob of its own (the entry is never rewritten). */
  settle(ref: BucketRef, id: string, outcome: SettledOutcome): Promise<void>;
  /** Entries newest first, `limit` at a time, after `cursor` (an entry id). */
  page(ref: BucketRef, options: { cursor?: string; limit: number }): Promise<{ entries: HistoryEntry[]; nextCursor: string | null }>;
  get(ref: BucketRef, id: string): Promise<HistoryEntry | null>;
}

const folderOf = ({ profile, bucket }: BucketRef) => `state/history/${encodeURIComponent(profile)}/${encodeURIComponent(bucket)}`;
const entryKey = (ref: BucketRef, id: string) => `${folderOf(ref)}/entries/${id}.json`;
const outcomeKey = (ref: BucketRef, id: string) => `${folderOf(ref)}/outcomes/${id}.json`;
const idOfKey = (key: string) => key.slice(key.lastIndexOf('/') + 1, -'.json'.length);

/** The bucket's change history on any state backend: one immutable blob per entry and per outcome. */
export function createHistoryStore(blobs: StateBlobs): HistoryStore {
  async function load(ref: BucketRef, id: string): Promise<HistoryEntry | null> {
    const [recordText, outcomeText] = await Promise.all([blobs.read(entryKey(ref, id)), blobs.read(outcomeKey(ref, id))]);
    if (recordText === null) return null;
    const record = recordSchema.parse(JSON.parse(recordText));
    const outcome: HistoryOutcome = outcomeText === null ? { kind: 'interrupted' } : outcomeFileSchema.parse(JSON.parse(outcomeText)).outcome;
    return { ...record, outcome };
  }

  return {
    location: { backend: blobs.backend, where: blobs.where },
    begin: (ref, record) => blobs.create(entryKey(ref, record.id), `${JSON.stringify(record)}\n`),
    settle: (ref, id, outcome) => blobs.create(outcomeKey(ref, id), `${JSON.stringify({ entry: id, outcome })}\n`),
    async page(ref, { cursor, limit }) {
      const keys = await blobs.list(`${folderOf(ref)}/entries`, { ...(cursor && isHistoryId(cursor) ? { startAfter: entryKey(ref, cursor) } : {}), limit: limit + 1 });
      const ids = keys.map(idOfKey).filter(isHistoryId);
      const shown = ids.slice(0, limit);
      const entries = (await Promise.all(shown.map((id) => load(ref, id)))).filter((entry): entry is HistoryEntry => entry !== null);
      return { entries, nextCursor: ids.length > limit ? (shown.at(-1) ?? null) : null };
    },
    get: (ref, id) => (isHistoryId(id) ? load(ref, id) : Promise.resolve(null)),
  };
}
