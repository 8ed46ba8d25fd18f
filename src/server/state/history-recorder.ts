import type { Context } from 'hono';
import type { HistoryAction, HistorySnapshot, WriteSource } from '../../contract/history';
import type { CorsConfig } from '../../core';
import type { WriteJournal } from '../cors/cors-service';
import { corsVersion } from '../cors/version';
import { fail, ok } from '../storage/result';
import { newHistoryId, type BucketRef, type HistoryStore } from './history-store';
import { createSessionNamer, type ConsoleIdentity } from './write-author';

/** The file system's code (`EACCES`) or the S3 error's name (`NoSuchBucket`) of a failed state write. */
function systemCodeOf(error: unknown): string | undefined {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  return typeof name === 'string' && name !== 'Error' ? name : undefined;
}

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
      async begin(before) {
        try {
          await history.begin(ref, {
            id,
            at: new Date().toISOString(),
            console,
            session,
            action,
            ...(source ? { source } : {}),
            ...(restoredFrom ? { restoredFrom } : {}),
            before: snapshotOf(before),
            after: { config: after, version: corsVersion(after) },
          });
          return ok(undefined);
        } catch (error) {
          // No entry, no write: a change the history cannot show could not be restored (issue 15.2).
          const systemCode = systemCodeOf(error);
          log(`history: write ${id} of ${ref.profile}/${ref.bucket} refused, its entry could not be written to ${history.location.where}: ${(error as Error).message}`);
          return fail({ bucket: ref.bucket, ...history.location, ...(systemCode ? { systemCode } : {}) });
        }
      },
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
