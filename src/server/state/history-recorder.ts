import type { Context } from 'hono';
import type { HistoryAction, HistorySnapshot, WriteSource } from '../../contract/history';
import type { CorsConfig } from '../../core';
import type { WriteJournal } from '../cors/cors-service';
import { corsVersion } from '../cors/version';
import { newHistoryId, type BucketRef, type HistoryStore } from './history-store';
import { createSessionNamer, type ConsoleIdentity } from './write-author';

const snapshotOf = ({ config, version }: { config: CorsConfig | null; version: string }): HistorySnapshot => ({ config, version });

export interface WriteAuthor {
  action: HistoryAction;
  source?: WriteSource | undefined;
  restoredFrom?: string;
}

/** Makes the journal of one write: its history entry before the provider is written, and its outcome after. */
export function createHistoryRecorder({ history, console, sessionCookie, log }: { history: HistoryStore; console: ConsoleIdentity; sessionCookie: () => string; log: (line: string) => void }) {
  const sessionOf = createSessionNamer(sessionCookie);
  return (c: Context, ref: BucketRef, { action, source, restoredFrom }: WriteAuthor, after: CorsConfig | null): WriteJournal => {
    const id = newHistoryId();
    const session = sessionOf(c);
    return {
      begin: (before) =>
        history.begin(ref, {
          id,
          at: new Date().toISOString(),
          console,
          session,
          action,
          ...(source ? { source } : {}),
          ...(restoredFrom ? { restoredFrom } : {}),
          before: snapshotOf(before),
          after: { config: after, version: corsVersion(after) },
        }),
      async settle(outcome) {
        try {
          await history.settle(
            ref,
            id,
            outcome.kind === 'written'
              ? { kind: 'written', stored: snapshotOf(outcome.state) }
              : { kind: 'failed', code: outcome.error.code, stored: outcome.current ? snapshotOf(outcome.current) : null },
          );
        } catch (error) {
          // The write is done; its entry exists and shows as interrupted, which the drift check handles.
          log(`history: could not record how write ${id} of ${ref.profile}/${ref.bucket} ended: ${(error as Error).message}`);
        }
      },
    };
  };
}

export type HistoryRecorder = ReturnType<typeof createHistoryRecorder>;
