import { useEffect, useState } from 'react';

// Read-only view of the rule editor's drafts (features/rule-editor/draft-storage.ts writes them):
// `cors-console:draft:<profile>:<bucket>#<tab id>` in localStorage, the tab id in sessionStorage
// under `cors-console:tab`, and, from before drafts were per tab, the key without `#<tab id>`.
const DRAFT_PREFIX = 'cors-console:draft:';
const TAB_KEY = 'cors-console:tab';
/** The editor writes drafts as they are typed; the list looks again this often, and on focus. */
const RECHECK_MS = 2000;

/** The buckets of a profile that have an unsaved draft in this browser tab. */
export function bucketsWithDraft(profile: string): Set<string> {
  const found = new Set<string>();
  try {
    const tab = window.sessionStorage.getItem(TAB_KEY);
    const prefix = `${DRAFT_PREFIX}${profile}:`;
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const hash = rest.lastIndexOf('#');
      if (hash < 0) found.add(rest);
      else if (tab && rest.slice(hash + 1) === tab) found.add(rest.slice(0, hash));
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
