/**
 * What the gate lets an anonymous caller do, as a real S3 bucket whose objects are public-read
 * does: read objects and ask preflights. Every other request needs the store's signature.
 */

/** Query parameters that address a sub-resource or operation rather than the object itself. */
const SUB_RESOURCES = new Set([
  'acl', 'accelerate', 'analytics', 'cors', 'delete', 'encryption', 'intelligent-tiering', 'inventory', 'lifecycle', 'location', 'logging',
  'metrics', 'notification', 'object-lock', 'ownershipControls', 'partNumber', 'policy', 'policyStatus', 'publicAccessBlock', 'replication',
  'requestPayment', 'restore', 'retention', 'legal-hold', 'select', 'tagging', 'torrent', 'uploadId', 'uploads', 'versioning', 'versions',
  'website', 'attributes', 'list-type', 'prefix', 'delimiter', 'marker', 'max-keys', 'continuation-token', 'start-after',
]);

export interface Addressed {
  bucket: string;
  /** The object key, still percent-encoded as it arrived; empty for the bucket itself. */
  rawKey: string;
  queryNames: string[];
}

export function addressOf(rawPath: string, rawQuery: string): Addressed {
  const [, bucket = '', ...rest] = rawPath.split('/');
  const queryNames = rawQuery
    .split('&')
    .filter(Boolean)
    .map((part) => part.split('=')[0]!);
  return { bucket, rawKey: rest.join('/'), queryNames };
}

/**
 * Anonymous GET/HEAD of an object, and preflights, as S3 serves a public-read object. Response
 * header overrides (`response-content-type`...) are S3's "signed requests only" (InvalidRequest
 * for anonymous callers), so they need a signature here too.
 */
export function isAnonymousAllowed(method: string, address: Addressed): boolean {
  if (method === 'OPTIONS') return true;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (!address.bucket || !address.rawKey) return false;
  return !address.queryNames.some((name) => SUB_RESOURCES.has(name) || name.toLowerCase().startsWith('response-'));
}

/** A browser form upload (POST Object): a multipart POST to the bucket itself. */
export function isFormUpload(method: string, address: Addressed, contentType: string | undefined): boolean {
  return method === 'POST' && !!address.bucket && !address.rawKey && address.queryNames.length === 0 && /^multipart\/form-data\b/i.test(contentType ?? '');
}

// s3rver keeps an object as `<key>._S3rver_object` beside `<key>._S3rver_metadata.json`
// (s3rver 3.7.1 lib/stores/filesystem.js), one file per key, its `/`-separated segments as
// folders; a name over the file system's 255 bytes fails with ENAMETOOLONG.
const FILE_NAME_MAX_BYTES = 255;
const LONGEST_SUFFIX = '._S3rver_metadata.json';
/** S3's own limit for a key. */
const KEY_MAX_BYTES = 1024;

/** Why a key cannot be stored by this store, or null when it can. */
export function keyTooLong(key: string): { segmentBytes: number; limit: number } | null {
  const keyBytes = Buffer.byteLength(key);
  if (keyBytes > KEY_MAX_BYTES) return { segmentBytes: keyBytes, limit: KEY_MAX_BYTES };
  const segments = key.split('/');
  const last = segments.pop() ?? '';
  const lastLimit = FILE_NAME_MAX_BYTES - LONGEST_SUFFIX.length;
  if (Buffer.byteLength(last) > lastLimit) return { segmentBytes: Buffer.byteLength(last), limit: lastLimit };
  const folder = segments.find((segment) => Buffer.byteLength(segment) > FILE_NAME_MAX_BYTES);
  return folder === undefined ? null : { segmentBytes: Buffer.byteLength(folder), limit: FILE_NAME_MAX_BYTES };
}

// Types a browser runs as a document with script: served as downloads unless stored otherwise.
const ACTIVE_TYPES = /^\s*(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/xsl|application\/xslt\+xml|multipart\/x-mixed-replace)\b/i;

export function isActiveContentType(contentType: string | undefined): boolean {
  return ACTIVE_TYPES.test(contentType ?? '');
}

/**
 * Every answer of the storage origin: `sandbox` gives a document an opaque origin and no script,
 * so stored HTML can neither run nor read the buckets; `nosniff` stops a browser guessing HTML
 * from a body served as something else.
 */
export const STORAGE_ORIGIN_HEADERS = { 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff' } as const;
