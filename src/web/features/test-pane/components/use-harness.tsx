import { useCallback, useEffect, useRef } from 'react';
import type { FetchSpec } from '../../../lib/browser-fetch';
import { createHarnessChannel, type HarnessChannel } from '../harness-channel';

/**
 * The harness iframe on the second origin, and a sender that runs requests in it. The frame is
 * rendered once, while the pane is mounted, so it is loaded by the time a test needs it.
 */
export function useHarness(origin: string | null) {
  const frame = useRef<HTMLIFrameElement>(null);
  const channel = useRef<HarnessChannel | null>(null);

  useEffect(() => {
    if (!origin || !frame.current) return;
    const created = createHarnessChannel(frame.current, origin);
    channel.current = created;
    return () => {
      created.dispose();
      if (channel.current === created) channel.current = null;
    };
  }, [origin]);

  const send = useCallback((spec: FetchSpec) => {
    if (!channel.current) return Promise.reject(new Error('The test harness is not available: the console did not report a second origin.'));
    return channel.current.send(spec);
  }, []);

  const element = origin ? <iframe ref={frame} src={`${origin}/`} title={`Test harness on ${origin}`} className="tp-harness" /> : null;
  return { element, send };
}
