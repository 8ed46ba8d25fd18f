import { randomUUID } from 'node:crypto';
import type { AuditJob, BucketAudit } from '../../contract/audit';
import type { AuditPolicy } from '../../core';
import { fromStorageError } from '../http/api-error';
import type { ConnectedProfile } from '../profiles/connect';
import type { StateStore } from '../state/state-store';
import { auditFleet } from './audit-fleet';

/** An audit longer than this is cancelled (bench: 10,000 buckets on s3rver take well under a minute). */
const AUDIT_TIMEOUT_MS = 30 * 60_000;
/** Audits kept readable, the running ones included (the page polls an audit once more after it ends). */
const KEPT_AUDITS = 10;
/** How long a cancellation waits for the buckets being read before it answers anyway. */
const CANCEL_WAIT_MS = 10_000;

export interface AuditRequest {
  profile: ConnectedProfile;
  prefix?: string;
  policy: AuditPolicy;
}

/** The web app's audits: in memory, a few kept, each cancellable and bounded in time. */
export interface AuditBook {
  start(request: AuditRequest): AuditJob;
  /** The job, with only the buckets after the first `from`. */
  get(id: string, from?: number): AuditJob | undefined;
  /** Stops the job starting buckets; answers it once the buckets being read are in. */
  cancel(id: string): Promise<AuditJob | undefined>;
  /** Cancels every running audit (the console is stopping). */
  stopAll(): Promise<void>;
}

interface Entry {
  job: Omit<AuditJob, 'buckets' | 'from'>;
  buckets: BucketAudit[];
  abort: AbortController;
  ended: Promise<void>;
}

const viewOf = (entry: Entry, from = 0): AuditJob => {
  const start = Math.min(from, entry.buckets.length);
  return { ...entry.job, from: start, buckets: entry.buckets.slice(start) };
};

export function createAuditBook({ state, log = () => {} }: { state?: Pick<StateStore, 'history' | 'savedTests'>; log?: (line: string) => void } = {}): AuditBook {
  const audits = new Map<string, Entry>();

  const keepFew = () => {
    for (const [id, entry] of audits) {
      if (audits.size <= KEPT_AUDITS) break;
      if (entry.job.state !== 'running') audits.delete(id);
    }
  };

  function start({ profile, prefix = '', policy }: AuditRequest): AuditJob {
    const id = randomUUID();
    const started = performance.now();
    const abort = new AbortController();
    const entry: Entry = {
      job: { id, profile: profile.summary.id, prefix, policy, state: 'running', done: 0, total: 0, startedAt: new Date().toISOString() },
      buckets: [],
      abort,
      ended: Promise.resolve(),
    };
    const timer = setTimeout(() => abort.abort(), AUDIT_TIMEOUT_MS);
    log(`audit ${id}: buckets of ${profile.summary.id} under "${prefix}"`);
    entry.ended = auditFleet({
      profile,
      ...(state ? { state } : {}),
      prefix,
      policy,
      signal: abort.signal,
      onBucket: (audit, progress) => {
        entry.buckets.push(audit);
        entry.job.done = progress.done;
        entry.job.total = progress.total;
      },
    })
      .then(
        (result) => {
          if (!result.ok) {
            entry.job.state = 'failed';
            entry.job.error = fromStorageError(result.error).error;
            return;
          }
          entry.job.total = result.report.total;
          entry.job.state = result.report.cancelled ? 'cancelled' : 'finished';
        },
        (error: unknown) => {
          entry.job.state = 'failed';
          log(`audit ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(() => {
        clearTimeout(timer);
        entry.job.durationMs = Math.round(performance.now() - started);
        log(`audit ${id} ${entry.job.state}: ${entry.job.done} of ${entry.job.total} bucket(s)`);
      });
    audits.set(id, entry);
    keepFew();
    return viewOf(entry);
  }

  async function cancel(id: string): Promise<AuditJob | undefined> {
    const entry = audits.get(id);
    if (!entry) return undefined;
    if (entry.job.state === 'running') {
      entry.abort.abort();
      await Promise.race([entry.ended, new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())]);
    }
    return viewOf(entry);
  }

  return {
    start,
    get: (id, from) => {
      const entry = audits.get(id);
      return entry && viewOf(entry, from);
    },
    cancel,
    stopAll: async () => {
      await Promise.all([...audits.values()].filter((entry) => entry.job.state === 'running').map((entry) => cancel(entry.job.id)));
    },
  };
}
