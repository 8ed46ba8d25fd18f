// A bucket's public URL (issue 19): a CDN or caching proxy in front of it, written as a pattern
// with `{bucket}` and `{key}` in the profiles file. Checked here once, expanded here only, so the
// server, the CLI and the web app read a pattern the same way, and the server can send requests
// to the URL a pattern yields and to nothing else (the no-open-proxy guarantee).

export const PUBLIC_URL_PROBLEMS = [
  'not-a-url',
  'scheme',
  'userinfo',
  'query',
  'fragment',
  'no-key',
  'key-twice',
  'key-outside-path',
  'bucket-twice',
  'unknown-placeholder',
  'stray-brace',
] as const;
export type PublicUrlProblem = (typeof PUBLIC_URL_PROBLEMS)[number];

// Placeholders stand in as plain letters while the pattern is parsed as a URL: a brace in a host is
// no URL, and these survive both the host and the path unchanged.
const KEY_MARK = 'corsconsolekeymark';
const BUCKET_MARK = 'corsconsolebucketmark';

/** Why a public URL pattern is refused, in the words the profiles file's errors use. */
export const PUBLIC_URL_PROBLEM_TEXT: Record<PublicUrlProblem, string> = {
  'not-a-url': 'The public URL must be an absolute URL, such as https://cdn.example.com/{bucket}/{key}.',
  scheme: 'The public URL must be an http:// or https:// URL.',
  userinfo: 'The public URL must not hold a user name or password.',
  query: 'The public URL must not have a query (?…): the cache check adds none to public requests.',
  fragment: 'The public URL must not have a fragment (#…).',
  'no-key': 'The public URL must contain {key}, where the object key goes.',
  'key-twice': 'The public URL must contain {key} exactly once.',
  'key-outside-path': 'The public URL must have {key} in its path, after the host.',
  'bucket-twice': 'The public URL may contain {bucket} at most once.',
  'unknown-placeholder': 'The public URL may only use the placeholders {bucket} and {key}.',
  'stray-brace': 'The public URL has a brace that opens or closes no {bucket} or {key}.',
};

const count = (text: string, part: string) => text.split(part).length - 1;

/** Why `pattern` is no valid public URL pattern, or `null` when it is one. */
export function publicUrlProblem(pattern: string): PublicUrlProblem | null {
  const placeholders = pattern.match(/\{[^{}]*\}/g) ?? [];
  if (placeholders.some((p) => p !== '{key}' && p !== '{bucket}')) return 'unknown-placeholder';
  const keys = count(pattern, '{key}');
  if (keys === 0) return 'no-key';
  if (keys > 1) return 'key-twice';
  if (count(pattern, '{bucket}') > 1) return 'bucket-twice';
  const marked = pattern.replace('{key}', KEY_MARK).replace('{bucket}', BUCKET_MARK);
  if (/[{}]/.test(marked)) return 'stray-brace';
  // Checked on the text: `URL` drops an empty `?` or `#`, which would still say the author meant one.
  if (marked.includes('#')) return 'fragment';
  if (marked.includes('?')) return 'query';
  let url: URL;
  try {
    url = new URL(marked);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'userinfo';
  if (!url.pathname.includes(KEY_MARK)) return 'key-outside-path';
  return null;
}

/** A key as a URL path: each segment percent-encoded, the slashes kept (S3's own addressing). */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * The object's URL through a valid pattern: `{bucket}` and `{key}` substituted, each
 * percent-encoded (the key per path segment). Throws on an invalid pattern: profiles are checked
 * when the file is read, so that is a programmer's error.
 */
export function expandPublicUrl(pattern: string, bucket: string, key: string): string {
  const problem = publicUrlProblem(pattern);
  if (problem) throw new Error(`Invalid public URL pattern ${JSON.stringify(pattern)}: ${PUBLIC_URL_PROBLEM_TEXT[problem]}`);
  return pattern.replace('{bucket}', encodeURIComponent(bucket)).replace('{key}', encodeKeyPath(key));
}

/** Where a profile's public URLs are set: one pattern for every bucket, and patterns for some buckets. */
export interface PublicUrlSettings {
  publicUrl?: string | undefined;
  publicUrls?: Record<string, string> | undefined;
}

/** The pattern that applies to `bucket`: its own, else the profile's; `undefined` when neither is set. */
export function publicUrlPatternOf(settings: PublicUrlSettings, bucket: string): string | undefined {
  return (settings.publicUrls && Object.hasOwn(settings.publicUrls, bucket) ? settings.publicUrls[bucket] : undefined) ?? settings.publicUrl;
}
