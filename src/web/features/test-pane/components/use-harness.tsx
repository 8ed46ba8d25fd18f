import { useCallback, useEffect, useRef } from 'react';
import type { FetchSpec } from '../../../lib/browser-fetch';
import { webText } from '../../../lib/i18n/feature-text';
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
    if (!channel.current) return Promise.reject(new Error(webText('test-pane.harness.unavailable')));
    return channel.current.send(spec);
  }, []);

  const element = origin ? <iframe ref={frame} src={`${origin}/`} title={webText('test-pane.harness.title', { origin })} className="tp-harness" /> : null;
  return { element, send };
}
