import { Hono } from 'hono';
import { presignBodySchema, probeBodySchema, type PresignResult, type ProfileSummary } from '../../contract/api';
import type { CorsService } from '../cors/cors-service';
import { apiError, fromStorageError, sendError } from '../http/api-error';
import type { ApiEnv } from '../http/context';
import { limitBody, readBody } from '../http/read-body';
import { runProbe } from '../probe/probe';
import { isStorageTarget, storageOriginsOf } from '../security/storage-origins';

/** A probe may carry a 1 MiB body for an actual PUT/POST, JSON-escaped. */
const MAX_PROBE_BODY_BYTES = 4 * 1024 * 1024;

/** Answered when an adapter built a URL outside the profile's endpoint: a bug, never sent. */
function offEndpoint(url: URL, profile: ProfileSummary) {
  return apiError('bad-request', `The console will not send requests to ${url.origin}: it is not ${profile.label}'s endpoint (${profile.endpoint ?? 'default'}).`);
}

const PROBE_TIMEOUT_MS = 10_000;
const SIGNED_PROBE_EXPIRY_SECONDS = 60;
/** How old the configuration a probe's prediction uses may be, when it was read by this console. */
const PROBE_CONFIG_MAX_AGE_MS = 2_000;
// The probe sets these itself (or the HTTP stack does); letting a caller set them would let it
// forge another request than the one the console shows.
const RESERVED_HEADERS = new Set(['host', 'origin', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'te', 'trailer', 'proxy-connection', 'access-control-request-method', 'access-control-request-headers', 'expect', 'upgrade']);

/** Raw probes and presigned URLs, only ever for the profile's own endpoint. */
export function testingRoutes(service: CorsService) {
  return new Hono<ApiEnv>()
    .post('/probe', limitBody(MAX_PROBE_BODY_BYTES), async (c) => {
      const { adapter, summary } = c.get('profile');
      const body = await readBody(c, probeBodySchema);
      if (!body.ok) return body.response;
      const reserved = Object.keys(body.data.headers).filter((name) => RESERVED_HEADERS.has(name.toLowerCase()));
      if (reserved.length) {
        return sendError(c, apiError('bad-request', `Header ${reserved.join(', ')} cannot be set here: ${reserved.some((r) => r.toLowerCase() === 'origin') ? 'use the origin field; ' : ''}the probe sets it itself.`));
      }
      const bucket = c.get('bucket');
      const { key, method, signed } = body.data;
      const addressed = adapter.objectUrl(bucket, key);
      // The adapters refuse keys or buckets that would leave the bucket's URL space.
      if (!addressed.ok) return sendError(c, apiError('bad-request', `Cannot address ${JSON.stringify(key)} in bucket ${bucket}: ${addressed.error.message}`));
      let url = addressed.value;
      if (signed) {
        if (method === 'POST') return sendError(c, apiError('bad-request', 'A signed POST is a form upload: use the presign call with method POST and send the form.'));
        const presigned = await adapter.presign(bucket, key, { method, expiresSeconds: SIGNED_PROBE_EXPIRY_SECONDS });
        if (!presigned.ok) return sendError(c, fromStorageError(presigned.error));
        url = new URL(presigned.value);
      }
      // Belt and braces: only the profile's own storage is ever probed (no open proxy).
      if (!isStorageTarget(url, storageOriginsOf(summary))) return sendError(c, offEndpoint(url, summary));
      // A test run sends many probes to one bucket within seconds; one read of its configuration
      // serves them (a save through the console is seen at once).
      const readConfig = async () => {
        const stored = await service.readRecent(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, PROBE_CONFIG_MAX_AGE_MS);
        return stored.ok ? { ok: true as const, config: stored.value.config } : stored;
      };
      const probed = await runProbe(url, body.data, readConfig, summary.dialect, PROBE_TIMEOUT_MS);
      return probed.ok ? c.json(probed.result) : sendError(c, fromStorageError(probed.error));
    })
    .post('/presign', limitBody(), async (c) => {
      const { adapter, summary } = c.get('profile');
      const body = await readBody(c, presignBodySchema);
      if (!body.ok) return body.response;
      const { key, method, expiresSeconds, contentType } = body.data;
      const bucket = c.get('bucket');
      const expiresAt = new Date(Date.now() + expiresSeconds * 1000).toISOString();
      if (method === 'POST') {
        if (!summary.capabilities.presignedPost) return sendError(c, apiError('not-supported', `${summary.label} has no browser POST uploads here.`));
        const post = await adapter.presignPost(bucket, key, expiresSeconds);
        if (!post.ok) return sendError(c, fromStorageError(post.error));
        if (!isStorageTarget(new URL(post.value.url), storageOriginsOf(summary))) return sendError(c, offEndpoint(new URL(post.value.url), summary));
        const result: PresignResult = { method, url: post.value.url, fields: post.value.fields, expiresAt };
        return c.json(result);
      }
      const signed = await adapter.presign(bucket, key, { method, expiresSeconds, ...(contentType ? { contentType } : {}) });
      if (!signed.ok) return sendError(c, fromStorageError(signed.error));
      if (!isStorageTarget(new URL(signed.value), storageOriginsOf(summary))) return sendError(c, offEndpoint(new URL(signed.value), summary));
      const result: PresignResult = { method, url: signed.value, expiresAt };
      return c.json(result);
    });
}
