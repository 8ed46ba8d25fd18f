import { expandPublicUrl, publicUrlPatternOf, type ProfileSummary } from '../../contract/api';

/**
 * The no-open-proxy guarantee for public URLs (issue 19): the server sends to a public URL only
 * the one URL the profile's pattern yields for this bucket and key, never a host or path the
 * caller chose. Patterns come from the profiles file only, checked when it was read.
 */
export type PublicObject = { ok: true; url: URL; pattern: string } | { ok: false };

/** The object's URL through the bucket's public URL pattern; `ok: false` when the profile sets none for the bucket. */
export function publicObjectUrl(profile: Pick<ProfileSummary, 'publicUrl' | 'publicUrls'>, bucket: string, key: string): PublicObject {
  const pattern = publicUrlPatternOf(profile, bucket);
  if (pattern === undefined) return { ok: false };
  return { ok: true, url: new URL(expandPublicUrl(pattern, bucket, key)), pattern };
}

/** Whether `url` is exactly the object's public URL for this profile, bucket and key (and carries no credentials). */
export function isPublicTarget(url: URL, profile: Pick<ProfileSummary, 'publicUrl' | 'publicUrls'>, bucket: string, key: string): boolean {
  const expected = publicObjectUrl(profile, bucket, key);
  return expected.ok && !url.username && !url.password && url.href === expected.url.href;
}
