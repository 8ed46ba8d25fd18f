import { z } from 'zod';
import { corsConfigSchema, type CorsConfig } from '../../../core';

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

/** `09:05`: the local time of day, 24-hour clock. */
export function formatDraftTime(savedAt: string): string {
  const date = new Date(savedAt);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
