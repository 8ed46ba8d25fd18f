import { describe, expect, it } from 'vitest';
import type { HistoryEntry, HistoryOutcome, HistorySnapshot } from '../../../src/contract/history';
import { driftOf, lastKnownOf, restoreTarget } from '../../../src/server/state/drift';

const snap = (version: string): HistorySnapshot => ({ config: { rules: [{ allowedOrigins: [`https://${version}`], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, version });
const OLD = snap('old');
const NEW = snap('new');
const OUTSIDE = snap('outside');
const EMPTY: HistorySnapshot = { config: null, version: 'none' };

const entry = (outcome: HistoryOutcome): HistoryEntry => ({ id: 'e1', at: '', console: { id: 'c', host: 'h', pid: 1 }, session: null, action: 'save', before: OLD, after: NEW, outcome });

describe('drift from the history', () => {
  it.each([
    ['written, provider holds it', entry({ kind: 'written', stored: NEW }), NEW, null],
    ['written, changed outside', entry({ kind: 'written', stored: NEW }), OUTSIDE, NEW],
    ['written, emptied by a crash', entry({ kind: 'written', stored: NEW }), EMPTY, NEW],
    ['failed, provider kept the old', entry({ kind: 'failed', code: 'unreachable', stored: OLD }), OLD, null],
    ['failed unread, provider kept the old', entry({ kind: 'failed', code: 'unreachable', stored: null }), OLD, null],
    ['failed, changed outside since', entry({ kind: 'failed', code: 'unreachable', stored: OLD }), OUTSIDE, OLD],
    ['interrupted, the write landed', entry({ kind: 'interrupted' }), NEW, null],
    ['interrupted, the write never landed', entry({ kind: 'interrupted' }), OLD, null],
    ['interrupted, the bucket was emptied', entry({ kind: 'interrupted' }), EMPTY, NEW],
  ])('%s', (_name, latest, current, lastKnown) => {
    const drift = driftOf(latest, current);
    expect(drift).toEqual(lastKnown ? { entry: 'e1', side: lastKnown === OLD ? 'before' : 'after', lastKnown, current } : null);
  });

  it('has nothing to compare with before the first entry', () => {
    expect(driftOf(undefined, OUTSIDE)).toBeNull();
  });

  it('restores what the write asked for (not a racing console\'s read-back), or what was there before', () => {
    expect(restoreTarget(entry({ kind: 'written', stored: OUTSIDE }), 'after')).toBe(NEW);
    expect(restoreTarget(entry({ kind: 'interrupted' }), 'after')).toBe(NEW);
    expect(restoreTarget(entry({ kind: 'interrupted' }), 'before')).toBe(OLD);
    expect(lastKnownOf(entry({ kind: 'failed', code: 'x', stored: null }))).toEqual({ side: 'before', snapshot: OLD });
  });
});
