import { beforeEach, describe, expect, it } from 'vitest';
import type { CorsState } from '../../../../src/contract/api';
import type { CorsConfig } from '../../../../src/core';
import { clearDraft, currentTabId, draftKey, formatDraftTime, keepDraft, loadDraft, startingPoint, storeDraft } from '../../../../src/web/features/rule-editor/draft-storage';

const draft = {
  config: { rules: [{ allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] },
  baseVersion: 'v1',
  savedAt: '2026-03-04T09:05:00.000Z',
};

const providerHolds = (config: CorsConfig | null, version: string): CorsState => ({ config, raw: null, dialect: 's3', version, issues: [] });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** Runs `work` as another browser tab would: with its own sessionStorage id (localStorage is shared). */
function inTab<T>(id: string, work: () => T): T {
  const before = sessionStorage.getItem('cors-console:tab');
  sessionStorage.setItem('cors-console:tab', id);
  try {
    return work();
  } finally {
    if (before === null) sessionStorage.removeItem('cors-console:tab');
    else sessionStorage.setItem('cors-console:tab', before);
  }
}

describe('draft storage', () => {
  it('keeps a draft per profile and bucket', () => {
    storeDraft('local', 'photos', draft);
    expect(localStorage.getItem(`cors-console:draft:local:photos#${currentTabId()}`)).not.toBeNull();
    expect(loadDraft('local', 'photos')).toEqual(draft);
    expect(loadDraft('local', 'videos')).toBeNull();
    expect(loadDraft('other', 'photos')).toBeNull();
  });

  it('forgets a draft when cleared', () => {
    storeDraft('local', 'photos', draft);
    clearDraft('local', 'photos');
    expect(loadDraft('local', 'photos')).toBeNull();
  });

  it('drops a stored value that is not a draft instead of restoring it', () => {
    localStorage.setItem(draftKey('local', 'photos'), '{"config": {"rules": "nope"}}');
    expect(loadDraft('local', 'photos')).toBeNull();
    expect(localStorage.getItem(draftKey('local', 'photos'))).toBeNull();
    localStorage.setItem(draftKey('local', 'photos'), 'not json');
    expect(loadDraft('local', 'photos')).toBeNull();
  });

  it('reports a draft that storage refuses', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    expect(storeDraft('local', 'photos', draft, full)).toBe(false);
  });

  it('formats the time of a draft on a 24-hour local clock', () => {
    const at = new Date(2026, 2, 4, 17, 5);
    expect(formatDraftTime(at.toISOString())).toBe('17:05');
  });

  it('keeps a draft that differs from its base, keeps its time while it is unchanged, and forgets one equal to the base', () => {
    const base = { config: null, version: 'v1' };
    const savedAt = keepDraft('local', 'photos', draft.config, base);
    expect(loadDraft('local', 'photos')).toEqual({ config: draft.config, baseVersion: 'v1', savedAt });
    storeDraft('local', 'photos', draft);
    expect(keepDraft('local', 'photos', draft.config, base)).toBe(draft.savedAt);
    expect(keepDraft('local', 'photos', draft.config, { ...base, version: 'v2' })).not.toBe(draft.savedAt);
    expect(loadDraft('local', 'photos')?.baseVersion).toBe('v2');
    expect(keepDraft('local', 'photos', draft.config, { config: draft.config, version: 'v2' })).toBeNull();
    expect(loadDraft('local', 'photos')).toBeNull();
  });

  it('starts from a stored draft over the version it was edited from, unless it equals what the provider holds', () => {
    expect(startingPoint('local', 'photos', providerHolds(null, 'v2'))).toEqual({ config: null, base: { config: null, version: 'v2' }, restoredAt: null });
    storeDraft('local', 'photos', draft);
    expect(startingPoint('local', 'photos', providerHolds(null, 'v2'))).toEqual({ config: draft.config, base: { config: null, version: 'v1' }, restoredAt: draft.savedAt });
    expect(startingPoint('local', 'photos', providerHolds(draft.config, 'v2')).restoredAt).toBeNull();
  });

  describe('issue 15: one stored draft per tab', () => {
    const other = { ...draft, config: { rules: [{ ...draft.config.rules[0]!, allowedOrigins: ['https://b.example.com'] }] }, savedAt: '2026-03-04T09:06:00.000Z' };

    it('keeps each tab its own draft: storing or clearing in one leaves the other', () => {
      inTab('tab-a', () => storeDraft('local', 'photos', draft));
      inTab('tab-b', () => storeDraft('local', 'photos', other));
      expect(inTab('tab-a', () => loadDraft('local', 'photos'))).toEqual(draft);
      inTab('tab-b', () => clearDraft('local', 'photos'));
      expect(inTab('tab-a', () => loadDraft('local', 'photos'))).toEqual(draft);
      expect(inTab('tab-b', () => loadDraft('local', 'photos'))).toBeNull();
    });

    it('gives a new tab the newest draft another tab left that still differs from the provider, and leaves it there', () => {
      inTab('tab-a', () => storeDraft('local', 'photos', draft));
      inTab('tab-b', () => storeDraft('local', 'photos', other));
      const fresh = inTab('tab-c', () => startingPoint('local', 'photos', providerHolds(null, 'v2')));
      expect(fresh).toEqual({ config: other.config, base: { config: null, version: 'v1' }, restoredAt: other.savedAt });
      expect(inTab('tab-b', () => loadDraft('local', 'photos'))).toEqual(other);
      // Once the provider holds tab B's draft, nothing of it is unsaved: tab A's is the one to restore, and B's is dropped.
      expect(inTab('tab-d', () => startingPoint('local', 'photos', providerHolds(other.config, 'v3'))).config).toEqual(draft.config);
      expect(inTab('tab-b', () => loadDraft('local', 'photos'))).toBeNull();
    });

    it('moves a draft kept under the shared key of before to the tab that opens the bucket', () => {
      localStorage.setItem('cors-console:draft:local:photos', JSON.stringify(draft));
      expect(inTab('tab-a', () => startingPoint('local', 'photos', providerHolds(null, 'v2'))).config).toEqual(draft.config);
      expect(localStorage.getItem('cors-console:draft:local:photos')).toBeNull();
      expect(inTab('tab-a', () => loadDraft('local', 'photos'))).toEqual(draft);
    });

    it('keeps at most 8 drafts of a bucket, dropping the oldest of other tabs', () => {
      for (let i = 0; i < 12; i++) inTab(`tab-${i}`, () => storeDraft('local', 'photos', { ...draft, savedAt: `2026-03-04T09:${String(10 + i)}:00.000Z` }));
      const kept = Object.keys(localStorage).filter((key) => key.startsWith('cors-console:draft:local:photos#')).sort();
      expect(kept).toEqual([4, 5, 6, 7, 8, 9, 10, 11].map((i) => `cors-console:draft:local:photos#tab-${i}`).sort());
    });
  });
});
