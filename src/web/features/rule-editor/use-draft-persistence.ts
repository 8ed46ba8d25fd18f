import { useEffect, useEffectEvent, useState } from 'react';
import type { CorsConfig } from '../../../core';
import { DRAFT_PAUSE_MS } from './draft-pause';
import { clearDraft, keepDraft, type DraftBase } from './draft-storage';

/**
 * The draft survives reloads and failures: it is stored after each pause in typing, when the
 * editor goes away and when the page is hidden (a reload within the pause would otherwise lose the
 * last keystrokes). `restoredAt` is the time the banner announces.
 */
export function useDraftPersistence({ profile, bucket, draft, base, restoredAt: restored }: { profile: string; bucket: string; draft: CorsConfig; base: DraftBase; restoredAt: string | null }) {
  const [restoredAt, setRestoredAt] = useState(restored);

  useEffect(() => {
    const timer = window.setTimeout(() => keepDraft(profile, bucket, draft, base), DRAFT_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [profile, bucket, draft, base]);

  const keepLatest = useEffectEvent(() => keepDraft(profile, bucket, draft, base));
  useEffect(() => {
    const onPageHide = () => keepLatest();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      keepLatest();
    };
  }, []);

  return {
    restoredAt,
    /** Stores the draft now (a write was refused, so it must survive whatever comes next). */
    keepNow: () => keepDraft(profile, bucket, draft, base),
    /** Stores the draft now and announces it, so the user sees it is kept after a failed write. */
    keepAndAnnounce: () => {
      const savedAt = keepDraft(profile, bucket, draft, base);
      if (savedAt) setRestoredAt(savedAt);
    },
    /** The draft was written, discarded or replaced by the provider's configuration. */
    forget: () => {
      clearDraft(profile, bucket);
      setRestoredAt(null);
    },
  };
}
