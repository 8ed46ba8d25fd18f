import { i18n } from '@lingui/core';
import { z } from 'zod';
import type { CorsState } from '../../../contract/api';
import { corsConfigSchema, sameConfig, type CorsConfig } from '../../../core';
import { sharedDraftKey, tabDraftKey, TAB_KEY } from '../../lib/draft-keys';

export interface StoredDraft {
  config: CorsConfig;
  /** The version of the provider's configuration the draft was edited from. */
  baseVersion: string;
  savedAt: string;
}

const storedDraftSchema = z.object({ config: corsConfigSchema, baseVersion: z.string(), savedAt: z.iso.datetime() });

/** Drafts kept per bucket across tabs; beyond it the oldest of other tabs are dropped, so closed tabs do not pile up. */
const MAX_DRAFTS_PER_BUCKET = 8;

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

const newTabId = () => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
let tabWithoutStorage: string | undefined;

/**
 * This tab's id, kept in sessionStorage: each tab has its own, and a reload keeps it. Each tab
 * stores its draft under its own key, so saving in one tab never deletes another tab's draft.
 */
export function currentTabId(session = tabStorage()): string {
  try {
    const known = session?.getItem(TAB_KEY);
    if (known) return known;
    if (session) {
      const id = newTabId();
      session.setItem(TAB_KEY, id);
      return id;
    }
  } catch {
    // No sessionStorage: one id for this page's life.
  }
  return (tabWithoutStorage ??= newTabId());
}

export function draftKey(profile: string, bucket: string, tab = currentTabId()): string {
  return tabDraftKey(profile, bucket, tab);
}

/** The keys of every tab's draft of this bucket (and the shared key of before). */
function bucketDraftKeys(profile: string, bucket: string, storage: Storage): string[] {
  const shared = sharedDraftKey(profile, bucket);
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === shared || key?.startsWith(`${shared}#`)) keys.push(key);
  }
  return keys;
}

function readDraftAt(key: string, storage: Storage | undefined): StoredDraft | null {
  try {
    const text = storage?.getItem(key);
    if (!text) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable JSON is dropped below like any other malformed draft.
  }
  removeKey(key, storage);
  return null;
}

function removeKey(key: string, storage: Storage | undefined): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

/** This tab's draft of the bucket. */
export function loadDraft(profile: string, bucket: string, storage = browserStorage()): StoredDraft | null {
  return readDraftAt(draftKey(profile, bucket), storage);
}

/** Drops the oldest drafts of other tabs beyond {@link MAX_DRAFTS_PER_BUCKET}. */
function pruneDrafts(profile: string, bucket: string, storage: Storage): void {
  const own = draftKey(profile, bucket);
  const others = bucketDraftKeys(profile, bucket, storage)
    .filter((key) => key !== own)
    .map((key) => ({ key, savedAt: readDraftAt(key, storage)?.savedAt ?? '' }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  for (const { key } of others.slice(MAX_DRAFTS_PER_BUCKET - 1)) removeKey(key, storage);
}

/** Storage can be full or switched off; a draft that cannot be kept must not break editing. */
export function storeDraft(profile: string, bucket: string, draft: StoredDraft, storage = browserStorage()): boolean {
  try {
    storage?.setItem(draftKey(profile, bucket), JSON.stringify(draft));
    if (storage) pruneDrafts(profile, bucket, storage);
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** Forgets this tab's draft of the bucket; other tabs' drafts stay. */
export function clearDraft(profile: string, bucket: string, storage = browserStorage()): void {
  removeKey(draftKey(profile, bucket), storage);
}

/**
 * For a tab without a draft of its own (a new tab, or the browser restarted): the newest draft
 * another tab left that still differs from what the provider holds, copied (this tab stores it
 * under its own key at its first pause, and the other tab keeps its own). Drafts equal to the
 * provider's configuration hold nothing unsaved and are dropped; the shared key of before is
 * moved, not copied.
 */
function adoptDraft(profile: string, bucket: string, provider: CorsConfig | null, storage = browserStorage()): StoredDraft | null {
  if (!storage) return null;
  const found = bucketDraftKeys(profile, bucket, storage).flatMap((key) => {
    const draft = readDraftAt(key, storage);
    if (draft && sameConfig(draft.config, provider)) removeKey(key, storage);
    return draft && !sameConfig(draft.config, provider) ? [{ key, draft }] : [];
  });
  const newest = found.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt))[0];
  if (newest?.key === sharedDraftKey(profile, bucket)) {
    storeDraft(profile, bucket, newest.draft, storage);
    removeKey(newest.key, storage);
  }
  return newest?.draft ?? null;
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
  const draft = loadDraft(profile, bucket) ?? adoptDraft(profile, bucket, provider.config);
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

/** `09:05`: the local time of day, 24-hour clock, in the active locale's digits and separator. */
export function formatDraftTime(savedAt: string): string {
  return new Intl.DateTimeFormat(i18n.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(savedAt));
}
