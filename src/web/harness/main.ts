import { HARNESS_PING, HARNESS_READY, HARNESS_RESULT, isHarnessRun, performFetch, type HarnessResult } from '../lib/browser-fetch';

// The test harness page, served on the console's second origin and loaded in an iframe by the test
// pane. It runs the requests the console asks for, so the browser judges them by this page's
// origin, and reports back. Only the console's own origins may ask (the server lists them, and its
// frame-ancestors keeps other pages from embedding this one).

interface HarnessConfig {
  consoleOrigins: string[];
}

async function start(): Promise<void> {
  const config = (await (await fetch('/harness-config.json', { cache: 'no-store' })).json()) as HarnessConfig;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!config.consoleOrigins.includes(event.origin)) return;
    if ((event.data as { type?: unknown } | null)?.type === HARNESS_PING) {
      (event.source as Window | null)?.postMessage({ type: HARNESS_READY }, event.origin);
      return;
    }
    if (!isHarnessRun(event.data)) return;
    const { id, spec } = event.data;
    const source = event.source as Window | null;
    void performFetch(spec).then((outcome) => {
      const result: HarnessResult = { type: HARNESS_RESULT, id, outcome };
      source?.postMessage(result, event.origin);
    });
  });
  // No announcement to the parent: the console pings until it hears back (harness-channel.ts), and
  // the answer above goes to the pinging window's own, checked origin. Posting READY to every
  // console origin in turn made Chromium warn for each one that was not the parent's (two
  // warnings on every bucket page, issue 16).
}

void start();
