import { useEffect, useState } from 'react';
import { draftKeyParts, TAB_KEY } from './draft-keys';

/** The editor writes drafts as they are typed; the list looks again this often, and on focus. */
const RECHECK_MS = 2000;

/** The buckets of a profile that have an unsaved draft in this browser tab. */
export function bucketsWithDraft(profile: string): Set<string> {
  const found = new Set<string>();
  try {
    const tab = window.sessionStorage.getItem(TAB_KEY);
    for (let i = 0; i < window.localStorage.length; i++) {
      const parts = draftKeyParts(window.localStorage.key(i) ?? '', profile);
      // A draft of before drafts were per tab belongs to every tab; another tab's draft is not this tab's.
      if (parts && (parts.tab === undefined || parts.tab === tab)) found.add(parts.bucket);
    }
  } catch {
    // No storage: no drafts either.
  }
  return found;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** `bucketsWithDraft`, kept current while the page is open. */
export function useBucketsWithDraft(profile: string): Set<string> {
  const [drafts, setDrafts] = useState(() => bucketsWithDraft(profile));
  useEffect(() => {
    const recheck = () => setDrafts((last) => {
      const now = bucketsWithDraft(profile);
      return sameSet(last, now) ? last : now;
    });
    recheck();
    const timer = window.setInterval(recheck, RECHECK_MS);
    window.addEventListener('storage', recheck);
    window.addEventListener('focus', recheck);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('storage', recheck);
      window.removeEventListener('focus', recheck);
    };
  }, [profile]);
  return drafts;
}
