import { isIP } from 'node:net';
import type { ProfileSummary } from '../../contract/api';

/**
 * Where a profile's buckets live, as origins a browser or a probe may reach: the endpoint itself
 * and, for virtual-hosted addressing, its subdomains (`<bucket>.<endpoint host>`).
 */
export interface StorageOrigin {
  scheme: 'http' | 'https';
  /** Host name without port; with `anySubdomain` it is the suffix after `*.`. */
  host: string;
  anySubdomain: boolean;
  /** Explicit port, or '' for the scheme's default. */
  port: string;
}

// The providers' own domains: the SDKs address buckets there even when the profile's endpoint
// is an IP (ali-oss and the COS SDK keep the regional host), and AWS buckets are virtual-hosted.
const PROVIDER_DOMAINS: Record<ProfileSummary['kind'], string> = { s3: 'amazonaws.com', oss: 'aliyuncs.com', cos: 'myqcloud.com' };

function isIpHost(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, '')) !== 0;
}

/** The origins one profile's requests may go to. */
export function storageOriginsOf(profile: Pick<ProfileSummary, 'kind' | 'endpoint'>): StorageOrigin[] {
  const origins: StorageOrigin[] = [];
  const domain = PROVIDER_DOMAINS[profile.kind];
  if (profile.endpoint) {
    const url = new URL(profile.endpoint);
    const scheme = url.protocol === 'http:' ? 'http' : 'https';
    const host = url.hostname.toLowerCase();
    if (!(host === domain || host.endsWith(`.${domain}`))) {
      origins.push({ scheme, host, anySubdomain: false, port: url.port });
      if (!isIpHost(host)) origins.push({ scheme, host, anySubdomain: true, port: url.port });
    }
  }
  if (profile.kind !== 's3' || !profile.endpoint || new URL(profile.endpoint).hostname.endsWith(`.${domain}`)) {
    origins.push({ scheme: 'https', host: domain, anySubdomain: true, port: '' });
  }
  return origins;
}

/** As a CSP source expression: `https://*.amazonaws.com`, `http://127.0.0.1:4568`. */
export function toCspSource(origin: StorageOrigin): string {
  return `${origin.scheme}://${origin.anySubdomain ? '*.' : ''}${origin.host}${origin.port ? `:${origin.port}` : ''}`;
}

/** The CSP sources for every profile's storage: what `connect-src` and `form-action` need. */
export function storageCspSources(profiles: readonly Pick<ProfileSummary, 'kind' | 'endpoint'>[]): string[] {
  return [...new Set(profiles.flatMap((p) => storageOriginsOf(p).map(toCspSource)))];
}

/**
 * The CSP sources of the profiles' public URL patterns (a CDN or proxy in front of the buckets),
 * which the Test tab's "Through the CDN" loads as an image and fetches: the pattern's origin, a
 * `{bucket}` in its host read as any name there (`https://{bucket}.cdn.example` → `https://*.cdn.example`).
 */
export function publicUrlCspSources(profiles: readonly Pick<ProfileSummary, 'publicUrl' | 'publicUrls'>[]): string[] {
  const patterns = profiles.flatMap((profile) => [...(profile.publicUrl ? [profile.publicUrl] : []), ...Object.values(profile.publicUrls ?? {})]);
  return [...new Set(patterns.map(patternCspSource))];
}

function patternCspSource(pattern: string): string {
  const [scheme, rest = ''] = pattern.split('://', 2);
  // Host and port; a `{bucket}` label becomes `*` for the labels after it (CSP's only wildcard).
  const authority = rest.split('/', 1)[0]!;
  const bucketAt = authority.indexOf('{bucket}');
  return `${scheme}://${bucketAt < 0 ? authority : `*.${authority.slice(authority.indexOf('.', bucketAt) + 1)}`}`;
}

/** Whether `url` goes to one of these origins (and nowhere else): the no-open-proxy check. */
export function isStorageTarget(url: URL, origins: readonly StorageOrigin[]): boolean {
  const scheme = url.protocol.replace(/:$/, '');
  const host = url.hostname.toLowerCase();
  if (url.username || url.password) return false;
  return origins.some(
    (o) =>
      o.scheme === scheme &&
      o.port === url.port &&
      (o.anySubdomain ? host.endsWith(`.${o.host}`) && host.length > o.host.length + 1 : host === o.host),
  );
}
