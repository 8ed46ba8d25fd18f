import { useEffect, useEffectEvent, useState } from 'react';
import type { CorsState } from '../../../contract/api';
import type { CorsConfig } from '../../../core';
import { sameConfig } from '../../lib/config-identity';
import { DRAFT_PAUSE_MS } from './draft-pause';
import { clearDraft, loadDraft, storeDraft } from './draft-storage';

/** The provider's configuration a draft was edited from, and its version (what a save must match). */
export interface DraftBase {
  config: CorsConfig | null;
  version: string;
}

export interface StartingPoint {
  config: CorsConfig | null;
  base: DraftBase;
  /** When the draft restored from this browser was stored; null when the editor starts from the provider. */
  restoredAt: string | null;
}

/** The stored draft when there is one that differs from the provider's configuration, else the provider's. */
export function startingPoint(profile: string, bucket: string, provider: CorsState): StartingPoint {
  const draft = loadDraft(profile, bucket);
  if (!draft || sameConfig(draft.config, provider.config)) return { config: provider.config, base: { config: provider.config, version: provider.version }, restoredAt: null };
  return { config: draft.config, base: { config: provider.config, version: draft.baseVersion }, restoredAt: draft.savedAt };
}

/**
 * Keeps `draft` in this browser as the unsaved draft over `base`, or forgets it when it equals the
 * base. Returns when the kept draft was stored (unchanged drafts keep their time), or null when none is kept.
 */
export function keepDraft(profile: string, bucket: string, draft: CorsConfig, base: DraftBase): string | null {
  if (sameConfig(draft, base.config)) {
    clearDraft(profile, bucket);
    return null;
  }
  const kept = loadDraft(profile, bucket);
  if (kept && kept.baseVersion === base.version && sameConfig(kept.config, draft)) return kept.savedAt;
  const savedAt = new Date().toISOString();
  return storeDraft(profile, bucket, { config: draft, baseVersion: base.version, savedAt }) ? savedAt : null;
}

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
