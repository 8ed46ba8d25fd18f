import { expandPublicUrl, publicUrlPatternOf, type ProfileSummary, type UnaddressableCause } from '../../contract/api';
import { apiError } from '../http/api-error';
import type { StorageError } from '../storage/result';
import { isStorageTarget, storageOriginsOf } from './storage-origins';

// Where the server may send a request for a profile (no open proxy): its own storage, and, for a
// public URL (issue 19), the one URL the profile's pattern yields for this bucket and key, never a
// host or path the caller chose. Patterns come from the profiles file only, checked when read.

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

/**
 * Only the profile's own storage is ever addressed (no open proxy). A URL outside it is an
 * adapter's bug, answered and never sent; null when the URL is the profile's own.
 */
export function refuseOffEndpoint(url: URL, profile: ProfileSummary) {
  if (isStorageTarget(url, storageOriginsOf(profile))) return null;
  return apiError('bad-request', { reason: 'off-endpoint', origin: url.origin, profile: profile.label, endpoint: profile.endpoint ?? 'default' });
}

/**
 * A public URL is addressed only as the profile's pattern yields it for this bucket and key (no
 * open proxy); null when `url` is exactly that.
 */
export function refuseOffPublicUrl(url: URL, profile: ProfileSummary, bucket: string, key: string) {
  if (isPublicTarget(url, profile, bucket, key)) return null;
  return apiError('bad-request', { reason: 'off-endpoint', origin: url.origin, profile: profile.label, endpoint: profile.endpoint ?? 'default' });
}

/** Why the adapter could not build an object's URL, from its failure's values. */
export function unaddressable(error: StorageError): { cause: UnaddressableCause; providerMessage?: string } {
  const { params } = error;
  if (params.reason === 'invalid-bucket-name' || params.reason === 'key-outside-bucket' || params.reason === 'no-url') return { cause: params.reason };
  return { cause: 'sdk-refused', ...('providerMessage' in params && params.providerMessage ? { providerMessage: params.providerMessage } : {}) };
}
