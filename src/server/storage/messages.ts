import type { Failure, ThrownFacts } from './error-table';

/** What a failure message is made from: the action that failed ("read the CORS configuration of b") and what was thrown. */
export type MessageFacts = ThrownFacts & { action: string };

/** The English of every failure, in one provider's voice. */
export type Voice = Record<Failure, (facts: MessageFacts) => string>;

/**
 * The S3 API is spoken by many stores (AWS, Ceph RGW, MinIO, R2, s3rver), so the S3 adapter
 * names no provider: "the storage endpoint", "the provider".
 */
export const s3Voice: Voice = {
  unreachable: ({ action, transportCode }) =>
    `Could not ${action}: the storage endpoint did not answer${transportCode ? ` (${transportCode})` : ''}. Check the endpoint and that the service is running.`,
  timeout: ({ action }) => `Could not ${action}: the storage endpoint did not answer in time.`,
  'no-credentials': ({ action, detail }) => `Could not ${action}: no credentials were found for this profile (${detail}).`,
  'not-found': ({ action }) => `Could not ${action}: the bucket does not exist.`,
  'access-denied': ({ action, providerCode, detail }) => `Could not ${action}: the provider refused the credentials (${providerCode}${detail ? `: ${detail}` : ''}).`,
  'not-supported': ({ action, providerCode }) => `Could not ${action}: the provider does not implement it (${providerCode}).`,
  'provider-error': ({ action, providerCode, detail }) => `Could not ${action}: ${detail || 'the provider answered with an error'}${providerCode ? ` (${providerCode})` : ''}.`,
};

/** A provider reached through its own SDK (OSS, COS): named, with where to look when it fails. */
export interface NamedProvider {
  /** `OSS`. */
  name: string;
  /** The endpoint host, as the user configured it or as the region implies. */
  where: string;
  region: string;
  /** What to check when the credentials are refused. */
  credentialHint: string;
}

export function namedVoice({ name, where, region, credentialHint }: NamedProvider): Voice {
  return {
    unreachable: ({ action, transportCode }) =>
      `Could not reach ${name} at ${where} to ${action}${transportCode ? ` (${transportCode})` : ''}. Check the endpoint and region, and that this server can connect to it.`,
    timeout: ({ action }) => `${name} (${where}) did not answer in time when asked to ${action}. Check the network path to it, or allow a longer timeout.`,
    'no-credentials': ({ action, detail }) => `Could not ${action}: no credentials were found for this profile (${detail}).`,
    'not-found': ({ action }) => `Could not ${action}: ${name} has no such bucket. Check the name, and that the bucket is in ${region}.`,
    'access-denied': ({ action, providerCode, detail }) => `Could not ${action}: ${name} refused the credentials (${providerCode}: ${detail}). ${credentialHint}`,
    'not-supported': ({ action, providerCode }) => `Could not ${action}: ${name} does not implement it (${providerCode}).`,
    'provider-error': ({ action, providerCode, providerStatus, detail }) =>
      providerStatus === undefined ? `Could not ${action}: ${detail}` : `Could not ${action}: ${name} answered ${providerCode ?? 'an error'} (HTTP ${providerStatus}): ${detail}`,
  };
}
