import { z } from 'zod';
import type { CorsState } from '../../../contract/api';
import { corsConfigSchema, sameConfig, type CorsConfig } from '../../../core';

export interface StoredDraft {
  config: CorsConfig;
  /** The version of the provider's configuration the draft was edited from. */
  baseVersion: string;
  savedAt: string;
}

const storedDraftSchema = z.object({ config: corsConfigSchema, baseVersion: z.string(), savedAt: z.iso.datetime() });

export function draftKey(profile: string, bucket: string): string {
  return `cors-console:draft:${profile}:${bucket}`;
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(profile: string, bucket: string, storage = browserStorage()): StoredDraft | null {
  try {
    const text = storage?.getItem(draftKey(profile, bucket));
    if (!text) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable JSON is dropped below like any other malformed draft.
  }
  clearDraft(profile, bucket, storage);
  return null;
}

/** Storage can be full or switched off; a draft that cannot be kept must not break editing. */
export function storeDraft(profile: string, bucket: string, draft: StoredDraft, storage = browserStorage()): boolean {
  try {
    storage?.setItem(draftKey(profile, bucket), JSON.stringify(draft));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearDraft(profile: string, bucket: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(draftKey(profile, bucket));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

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

/** `09:05`: the local time of day, 24-hour clock. */
export function formatDraftTime(savedAt: string): string {
  const date = new Date(savedAt);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
