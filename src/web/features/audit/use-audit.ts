import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditJob, BucketAudit, StartAuditBody } from '../../../contract/api';
import { cancelAudit, readAudit, startAudit } from '../../api/audits';

/** How often a running audit is read: each read brings only the buckets audited since the last. */
const POLL_EVERY_MS = 400;

export type AuditMeta = Omit<AuditJob, 'buckets' | 'from'>;

export interface AuditRun {
  job: AuditMeta | null;
  /** Every bucket audited so far, in completion order. */
  buckets: BucketAudit[];
  error: unknown;
  starting: boolean;
  cancelling: boolean;
  start: (body: StartAuditBody) => void;
  cancel: () => void;
}

/**
 * One audit of the page: started, polled while it runs (appending the buckets after those it
 * has), cancelled. A new start forgets the previous audit; leaving the page stops the polling.
 */
export function useAudit(profile: string): AuditRun {
  const [job, setJob] = useState<AuditMeta | null>(null);
  const [buckets, setBuckets] = useState<BucketAudit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // The audit being followed; a read for another (an earlier start) is dropped.
  const current = useRef<string | null>(null);
  const have = useRef(0);

  const take = useCallback((answer: AuditJob) => {
    if (answer.id !== current.current || answer.from !== have.current) return;
    const more = answer.buckets;
    have.current += more.length;
    setJob({ id: answer.id, profile: answer.profile, prefix: answer.prefix, policy: answer.policy, state: answer.state, done: answer.done, total: answer.total, startedAt: answer.startedAt, ...(answer.durationMs !== undefined ? { durationMs: answer.durationMs } : {}), ...(answer.error ? { error: answer.error } : {}) });
    if (more.length) setBuckets((list) => [...list, ...more]);
  }, []);

  const id = job?.id;
  const running = job?.state === 'running';
  useEffect(() => {
    if (!id || !running) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        take(await readAudit(id, have.current, controller.signal));
        setError(null);
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(failure);
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void poll(), POLL_EVERY_MS);
    };
    timer = window.setTimeout(() => void poll(), POLL_EVERY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id, running, take]);

  const start = useCallback(
    (body: StartAuditBody) => {
      setStarting(true);
      setError(null);
      setJob(null);
      setBuckets([]);
      current.current = null;
      have.current = 0;
      startAudit(profile, body)
        .then((answer) => {
          current.current = answer.id;
          take(answer);
        })
        .catch(setError)
        .finally(() => setStarting(false));
    },
    [profile, take],
  );

  const cancel = useCallback(() => {
    const audit = current.current;
    if (!audit) return;
    setCancelling(true);
    cancelAudit(audit)
      .then(async () => take(await readAudit(audit, have.current)))
      .catch(setError)
      .finally(() => setCancelling(false));
  }, [take]);

  return { job, buckets, error, starting, cancelling, start, cancel };
}
