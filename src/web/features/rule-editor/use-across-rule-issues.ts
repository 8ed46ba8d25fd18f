import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { validateAcrossRules, type CorsConfig, type Dialect, type Issue } from '../../../core';
import type { AcrossRulesReply, AcrossRulesRequest } from './across-rules-worker';

/**
 * The issues across rules (limits and shadowing) of the latest draft the worker has checked. The
 * first draft is checked at once, so a configuration opens with its warnings; later drafts go to a
 * worker, one at a time: a draft typed while the worker is busy replaces the one waiting, so a
 * burst of keystrokes costs one pass after the current one, and none on the main thread.
 */
function useAcrossRuleIssuesInWorker(config: CorsConfig, dialect: Dialect): Issue[] {
  const [issues, setIssues] = useState(() => validateAcrossRules(config, dialect));
  const checker = useRef<ReturnType<typeof workerChecker> | null>(null);
  useEffect(() => {
    const started = workerChecker(setIssues);
    checker.current = started;
    return () => {
      started.stop();
      checker.current = null;
    };
  }, []);
  const first = useRef(true);
  useEffect(() => {
    // The first draft was checked when the state was made.
    if (first.current) {
      first.current = false;
      return;
    }
    checker.current?.check(config, dialect);
  }, [config, dialect]);
  return issues;
}

/** A worker checking one draft at a time; after a failure the checks run in the page instead. */
function workerChecker(publish: (issues: Issue[]) => void) {
  let worker: Worker | null = new Worker(new URL('./across-rules-worker.ts', import.meta.url), { type: 'module' });
  let sent = 0;
  let inFlight: AcrossRulesRequest | null = null;
  let waiting: AcrossRulesRequest | null = null;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  const send = (request: AcrossRulesRequest) => {
    inFlight = request;
    worker!.postMessage(request);
  };
  const sendWaiting = () => {
    sendTimer = undefined;
    if (!worker || inFlight || !waiting) return;
    send(waiting);
    waiting = null;
  };
  const checkInPage = (request: AcrossRulesRequest) => publish(validateAcrossRules(request.config, request.dialect));
  worker.onmessage = ({ data }: MessageEvent<AcrossRulesReply>) => {
    if (data.id !== inFlight?.id) return;
    inFlight = null;
    publish(data.issues);
    sendWaiting();
  };
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    clearTimeout(sendTimer);
    const latest = waiting ?? inFlight;
    inFlight = waiting = null;
    if (latest) checkInPage(latest);
  };
  return {
    check(config: CorsConfig, dialect: Dialect) {
      const request = { id: ++sent, config, dialect };
      if (!worker) return checkInPage(request);
      waiting = request;
      // Posting copies the draft (up to 5 ms with 100 rules, bench profile): in a task of its own,
      // after the keystroke's render, not inside it.
      if (!inFlight && sendTimer === undefined) sendTimer = setTimeout(sendWaiting, 0);
    },
    stop() {
      clearTimeout(sendTimer);
      worker?.terminate();
      worker = null;
    },
  };
}

/** Where there are no workers (the component tests' jsdom): the checks in a deferred render. */
function useAcrossRuleIssuesInPage(config: CorsConfig, dialect: Dialect): Issue[] {
  const deferred = useDeferredValue(config);
  return useMemo(() => validateAcrossRules(deferred, dialect), [deferred, dialect]);
}

export const useAcrossRuleIssues = typeof Worker === 'undefined' ? useAcrossRuleIssuesInPage : useAcrossRuleIssuesInWorker;
