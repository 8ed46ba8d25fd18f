import { isScratchKey, routes, writesObject, type PresignResult } from '../../contract/api';
import type { Method } from '../../core';
import type { CorsService } from '../cors/cors-service';
import { apiError, fromStorageError } from '../http/api-error';
import { answer, type Register } from '../http/register';
import { checkCache } from '../probe/cache-check';
import { runProbe } from '../probe/probe';
import type { ScratchObjects } from '../probe/scratch-objects';
import { publicObjectUrl, refuseOffEndpoint, refuseOffPublicUrl, unaddressable } from '../security/request-targets';

/**
 * A request that writes or deletes an object the console did not create must say so
 * (`confirmWrite`), so a script cannot do by accident what the web app asks the user about.
 */
function refuseUnconfirmedWrite(bucket: string, key: string, method: Method, confirmWrite: boolean) {
  if (!writesObject(method) || isScratchKey(key) || confirmWrite) return null;
  return apiError('confirmation-required', { bucket, key, method });
}

const PROBE_TIMEOUT_MS = 10_000;
/** How long after its signed URL expires a scratch object is removed, if the page has not removed it already. */
const SCRATCH_GRACE_MS = 30_000;
const SIGNED_PROBE_EXPIRY_SECONDS = 60;
/** How old the configuration a probe's prediction uses may be, when it was read by this console. */
const PROBE_CONFIG_MAX_AGE_MS = 2_000;
// The probe sets these itself (or the HTTP stack does); letting a caller set them would let it
// forge another request than the one the console shows.
const RESERVED_HEADERS = new Set(['host', 'origin', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'te', 'trailer', 'proxy-connection', 'access-control-request-method', 'access-control-request-headers', 'expect', 'upgrade']);

/** Raw probes and presigned URLs, only ever for the profile's own endpoint. */
export function registerTestingRoutes(register: Register, service: CorsService, scratch: ScratchObjects) {
  register(routes.probe, async ({ profile: { adapter, summary }, bucket, body }) => {
    const reserved = Object.keys(body.headers).filter((name) => RESERVED_HEADERS.has(name.toLowerCase()));
    if (reserved.length) return apiError('bad-request', { reason: 'reserved-header', headers: reserved });
    const { key, method, signed } = body;
    const addressed = adapter.objectUrl(bucket, key);
    // The adapters refuse keys or buckets that would leave the bucket's URL space.
    if (!addressed.ok) return apiError('bad-request', { reason: 'key-unaddressable', key, bucket, ...unaddressable(addressed.error) });
    let objectUrl = addressed.value;
    if (signed && method === 'POST') return apiError('bad-request', { reason: 'signed-post' });
    if (body.target === 'public') {
      // A presigned URL is the endpoint's: a CDN would cache it, or refuse a signature made for another host.
      if (signed) return apiError('bad-request', { reason: 'signed-public' });
      const through = publicObjectUrl(summary, bucket, key);
      if (!through.ok) return apiError('no-public-url', { profile: summary.id, bucket });
      objectUrl = through.url;
    }
    const unconfirmed = body.send === 'preflight' ? null : refuseUnconfirmedWrite(bucket, key, method, body.confirmWrite);
    if (unconfirmed) return unconfirmed;
    let url = objectUrl;
    // (A signed POST was refused above.)
    if (signed && method !== 'POST') {
      const presigned = await adapter.presign(bucket, key, { method, expiresSeconds: SIGNED_PROBE_EXPIRY_SECONDS });
      if (!presigned.ok) return fromStorageError(presigned.error);
      url = new URL(presigned.value);
    }
    // Belt and braces: the adapter built it, and still only the profile's own storage is probed.
    const offEndpoint = body.target === 'public' ? refuseOffPublicUrl(url, summary, bucket, key) : refuseOffEndpoint(url, summary);
    if (offEndpoint) return offEndpoint;
    // A test run sends many probes to one bucket within seconds; one read of its configuration
    // serves them (a save through the console is seen at once).
    const readConfig = () => service.readRecent(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, PROBE_CONFIG_MAX_AGE_MS);
    const scratchTarget = writesObject(method) && isScratchKey(key) && body.send !== 'preflight' ? { profile: summary.id, adapter, bucket, key } : null;
    // A DELETE test deletes a real object: the scratch object exists before the probe's DELETE,
    // and again after it, for the page's own DELETE.
    const deletes = scratchTarget && method === 'DELETE';
    if (deletes) {
      const created = await scratch.create(scratchTarget);
      if (!created.ok) return fromStorageError(created.error);
    }
    const probed = await runProbe({ objectUrl, ...(signed ? { signedUrl: url } : {}) }, body, readConfig, summary.dialect, PROBE_TIMEOUT_MS);
    if (scratchTarget) {
      if (deletes && probed.ok && (probed.result.actual?.response?.status ?? 300) < 300) await scratch.create(scratchTarget);
      scratch.removeLater(scratchTarget, SIGNED_PROBE_EXPIRY_SECONDS * 1000 + SCRATCH_GRACE_MS);
    }
    return probed.ok ? answer({ ...probed.result, target: body.target }) : fromStorageError(probed.error);
  });
  register(routes.cacheCheck, async ({ profile, bucket, body }) => {
    const checked = await checkCache(profile, bucket, body, PROBE_TIMEOUT_MS);
    return checked.ok ? answer(checked.result) : checked.error;
  });
  register(routes.presign, async ({ profile: { adapter, summary }, bucket, body }) => {
    const { key, method, expiresSeconds, contentType } = body;
    const unconfirmed = refuseUnconfirmedWrite(bucket, key, method, body.confirmWrite);
    if (unconfirmed) return unconfirmed;
    if (writesObject(method) && isScratchKey(key)) scratch.removeLater({ profile: summary.id, adapter, bucket, key }, expiresSeconds * 1000 + SCRATCH_GRACE_MS);
    const expiresAt = new Date(Date.now() + expiresSeconds * 1000).toISOString();
    if (method === 'POST') {
      if (!summary.capabilities.presignedPost) return apiError('not-supported', { feature: 'presigned-post', profile: summary.label });
      const post = await adapter.presignPost(bucket, key, expiresSeconds);
      if (!post.ok) return fromStorageError(post.error);
      const offEndpoint = refuseOffEndpoint(new URL(post.value.url), summary);
      if (offEndpoint) return offEndpoint;
      const result: PresignResult = { method, url: post.value.url, fields: post.value.fields, expiresAt };
      return answer(result);
    }
    const signed = await adapter.presign(bucket, key, { method, expiresSeconds, ...(contentType ? { contentType } : {}) });
    if (!signed.ok) return fromStorageError(signed.error);
    const offEndpoint = refuseOffEndpoint(new URL(signed.value), summary);
    if (offEndpoint) return offEndpoint;
    const result: PresignResult = { method, url: signed.value, expiresAt };
    return answer(result);
  });
  register(routes.removeScratch, async ({ profile: { adapter, summary }, bucket, body: { key } }) => {
    const removed = await scratch.remove({ profile: summary.id, adapter, bucket, key });
    return removed.ok ? answer({ key, removed: true as const }) : fromStorageError(removed.error);
  });
}
