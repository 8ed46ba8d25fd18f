import { HARNESS_PING, HARNESS_READY, HARNESS_RUN, isHarnessResult, type FetchOutcome, type FetchSpec, type HarnessRun } from '../../lib/browser-fetch';
import { webText } from '../../lib/i18n/feature-text';

export interface HarnessChannel {
  send(spec: FetchSpec): Promise<FetchOutcome>;
  dispose(): void;
}

const READY_TIMEOUT_MS = 10_000;
const RUN_TIMEOUT_MS = 60_000;
const PING_EVERY_MS = 200;

/**
 * Talks to the harness page in `frame` (served on `origin`) by postMessage: only messages from that
 * window and origin count, and requests are posted to that origin only.
 */
export function createHarnessChannel(frame: HTMLIFrameElement, origin: string): HarnessChannel {
  let ready = false;
  const waitingForReady = new Set<() => void>();
  const pending = new Map<string, (outcome: FetchOutcome) => void>();
  let counter = 0;

  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if ((event.data as { type?: unknown } | null)?.type === HARNESS_READY) {
      ready = true;
      for (const resolve of waitingForReady) resolve();
      waitingForReady.clear();
      return;
    }
    if (isHarnessResult(event.data)) {
      pending.get(event.data.id)?.(event.data.outcome);
      pending.delete(event.data.id);
    }
  };
  window.addEventListener('message', onMessage);

  const whenReady = () =>
    ready
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const ping = window.setInterval(() => frame.contentWindow?.postMessage({ type: HARNESS_PING }, origin), PING_EVERY_MS);
          const timeout = window.setTimeout(() => {
            window.clearInterval(ping);
            waitingForReady.delete(done);
            reject(new Error(webText('test-pane.harness.not-loaded', { origin, seconds: READY_TIMEOUT_MS / 1000 })));
          }, READY_TIMEOUT_MS);
          const done = () => {
            window.clearInterval(ping);
            window.clearTimeout(timeout);
            resolve();
          };
          waitingForReady.add(done);
        });

  return {
    async send(spec) {
      await whenReady();
      const id = `run-${++counter}`;
      return new Promise<FetchOutcome>((resolve, reject) => {
        const timeout = window.setTimeout(() => {
          pending.delete(id);
          reject(new Error(webText('test-pane.harness.no-answer', { seconds: RUN_TIMEOUT_MS / 1000 })));
        }, RUN_TIMEOUT_MS);
        pending.set(id, (outcome) => {
          window.clearTimeout(timeout);
          resolve(outcome);
        });
        const message: HarnessRun = { type: HARNESS_RUN, id, spec };
        frame.contentWindow?.postMessage(message, origin);
      });
    },
    dispose() {
      window.removeEventListener('message', onMessage);
    },
  };
}
