import type { Drift, HistoryEntry, HistorySnapshot } from '../../contract/history';

/**
 * What the provider should hold after an entry, and which side of the entry that is: what was
 * read back after the write; after a failed write, what it held before (a provider's write is
 * all-or-nothing); after an interrupted one, what the write asked for.
 */
export function lastKnownOf(entry: HistoryEntry): { side: 'after' | 'before'; snapshot: HistorySnapshot } {
  switch (entry.outcome.kind) {
    case 'written':
      return { side: 'after', snapshot: entry.outcome.stored };
    case 'failed':
      return { side: 'before', snapshot: entry.before };
    case 'interrupted':
      return { side: 'after', snapshot: entry.after };
  }
}

/**
 * Whether the provider's configuration is one the history does not end with. Versions are hashes
 * of the core's configuration identity, so equal configurations never count as drift. An
 * interrupted write may have landed or not: either configuration is known.
 */
export function driftOf(latest: HistoryEntry | undefined, current: HistorySnapshot): Drift | null {
  if (!latest) return null;
  const { side, snapshot: lastKnown } = lastKnownOf(latest);
  if (current.version === lastKnown.version) return null;
  if (latest.outcome.kind === 'interrupted' && current.version === latest.before.version) return null;
  return { entry: latest.id, side, lastKnown, current };
}

/**
 * The configuration a restore of `entry` writes back: what its write asked for, or what was
 * there before it. Not the read-back: when another console's save raced this one, the read-back
 * is theirs (measured on RGW: both of two racing saves are accepted, PutBucketCors has no condition).
 */
export function restoreTarget(entry: HistoryEntry, side: 'after' | 'before'): HistorySnapshot {
  return side === 'before' ? entry.before : entry.after;
}
