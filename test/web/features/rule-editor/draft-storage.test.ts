import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKey, formatDraftTime, loadDraft, storeDraft } from '../../../../src/web/features/rule-editor/draft-storage';

const draft = {
  config: { rules: [{ allowedOrigins: ['https://a.example.com'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] },
  baseVersion: 'v1',
  savedAt: '2026-03-04T09:05:00.000Z',
};

beforeEach(() => localStorage.clear());

describe('draft storage', () => {
  it('keeps a draft per profile and bucket', () => {
    storeDraft('local', 'photos', draft);
    expect(localStorage.getItem('cors-console:draft:local:photos')).not.toBeNull();
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
});
