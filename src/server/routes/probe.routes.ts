import { Hono } from 'hono';
import { presignBodySchema, probeBodySchema, type PresignResult } from '../../contract/api';
import type { CorsService } from '../cors/cors-service';
import { apiError, fromStorageError, sendError } from '../http/api-error';
import type { ApiEnv } from '../http/context';
import { readBody } from '../http/read-body';
import { runProbe } from '../probe/probe';

const PROBE_TIMEOUT_MS = 10_000;
const SIGNED_PROBE_EXPIRY_SECONDS = 60;
/** How old the configuration a probe's prediction uses may be, when it was read by this console. */
const PROBE_CONFIG_MAX_AGE_MS = 2_000;
// The probe sets these itself (or the HTTP stack does); letting a caller set them would let it
// forge another request than the one the console shows.
const RESERVED_HEADERS = new Set(['host', 'origin', 'content-length', 'transfer-encoding', 'connection', 'access-control-request-method', 'access-control-request-headers', 'expect', 'upgrade']);

/** Raw probes and presigned URLs, only ever for the profile's own endpoint. */
export function testingRoutes(service: CorsService) {
  return new Hono<ApiEnv>()
    .post('/probe', async (c) => {
      const { adapter, summary } = c.get('profile');
      const body = await readBody(c, probeBodySchema);
      if (!body.ok) return body.response;
      const reserved = Object.keys(body.data.headers).filter((name) => RESERVED_HEADERS.has(name.toLowerCase()));
      if (reserved.length) {
        return sendError(c, apiError('bad-request', `Header ${reserved.join(', ')} cannot be set here: ${reserved.some((r) => r.toLowerCase() === 'origin') ? 'use the origin field; ' : ''}the probe sets it itself.`));
      }
      const bucket = c.get('bucket');
      const { key, method, signed } = body.data;
      let url = adapter.objectUrl(bucket, key);
      if (signed) {
        if (method === 'POST') return sendError(c, apiError('bad-request', 'A signed POST is a form upload: use the presign call with method POST and send the form.'));
        const presigned = await adapter.presign(bucket, key, { method, expiresSeconds: SIGNED_PROBE_EXPIRY_SECONDS });
        if (!presigned.ok) return sendError(c, fromStorageError(presigned.error));
        url = new URL(presigned.value);
      }
      // A test run sends many probes to one bucket within seconds; one read of its configuration
      // serves them (a save through the console is seen at once).
      const readConfig = async () => {
        const stored = await service.readRecent(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, PROBE_CONFIG_MAX_AGE_MS);
        return stored.ok ? { ok: true as const, config: stored.value.config } : stored;
      };
      const probed = await runProbe(url, body.data, readConfig, summary.dialect, PROBE_TIMEOUT_MS);
      return probed.ok ? c.json(probed.result) : sendError(c, fromStorageError(probed.error));
    })
    .post('/presign', async (c) => {
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
        const result: PresignResult = { method, url: post.value.url, fields: post.value.fields, expiresAt };
        return c.json(result);
      }
      const signed = await adapter.presign(bucket, key, { method, expiresSeconds, ...(contentType ? { contentType } : {}) });
      if (!signed.ok) return sendError(c, fromStorageError(signed.error));
      const result: PresignResult = { method, url: signed.value, expiresAt };
      return c.json(result);
    });
}
