// Where the rule editor keeps drafts in this browser, in one place: the editor writes them
// (features/rule-editor/draft-storage.ts) and the bucket list marks the buckets that have one.
// `cors-console:draft:<profile>:<bucket>#<tab id>` in localStorage; the tab id lives in
// sessionStorage under `cors-console:tab`; drafts kept before they were per tab have no `#<tab id>`.

const DRAFT_PREFIX = 'cors-console:draft:';
/** The sessionStorage key of this tab's id. */
export const TAB_KEY = 'cors-console:tab';

/** One draft key per bucket before drafts were per tab; still read, once, so no draft kept then is lost. */
export const sharedDraftKey = (profile: string, bucket: string) => `${DRAFT_PREFIX}${profile}:${bucket}`;

export const tabDraftKey = (profile: string, bucket: string, tab: string) => `${sharedDraftKey(profile, bucket)}#${tab}`;

/** The bucket and tab a draft key of `profile` names, or null for any other key. */
export function draftKeyParts(key: string, profile: string): { bucket: string; tab?: string } | null {
  const prefix = `${DRAFT_PREFIX}${profile}:`;
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const hash = rest.lastIndexOf('#');
  return hash < 0 ? { bucket: rest } : { bucket: rest.slice(0, hash), tab: rest.slice(hash + 1) };
}
