import { Hono, type Context } from 'hono';
import { putCorsBodySchema, type CorsState } from '../../contract/api';
import { issueMessage, validateConfig, validateSize, type Issue } from '../../core';
import type { CorsService, WriteOutcome } from '../cors/cors-service';
import { parseIfMatch } from '../cors/version';
import { apiError, fromStorageError, sendError } from '../http/api-error';
import type { ApiEnv } from '../http/context';
import { limitBody, readBody } from '../http/read-body';

/** Where the first error is, so the message names the field: `rules.2.allowedHeaders.0`. */
function firstError(issues: Issue[]): string {
  const first = issues.find((i) => i.severity === 'error');
  if (!first) return '';
  return ` First: config.${first.path.join('.') || '(root)'}: ${issueMessage(first)}`;
}

function withVersion(c: Context, state: CorsState): Response {
  c.header('ETag', `"${state.version}"`);
  return c.json(state);
}

function expectedVersion(c: Context): string | Response {
  const version = parseIfMatch(c.req.header('if-match'));
  if (version === undefined || version === '' || version === '*') {
    return sendError(c, apiError('precondition-required', 'Send If-Match with the version you loaded (the ETag of GET .../cors), so a newer configuration is never overwritten blindly.'));
  }
  return version;
}

function answerWrite(c: Context, outcome: WriteOutcome): Response {
  switch (outcome.kind) {
    case 'written':
      return withVersion(c, outcome.state);
    case 'conflict':
      return sendError(c, {
        ...apiError('version-conflict', 'The bucket\'s CORS configuration changed since you loaded it. Nothing was written; compare your draft with the current configuration.'),
        current: outcome.current,
      });
    case 'failed':
      return sendError(c, { ...fromStorageError(outcome.error), ...(outcome.current ? { current: outcome.current } : {}) });
  }
}

/** GET/PUT/DELETE of one bucket's CORS configuration, every write guarded by If-Match. */
export function corsRoutes(service: CorsService) {
  return new Hono<ApiEnv>()
    .get('/', async (c) => {
      const { adapter, summary } = c.get('profile');
      const bucket = c.get('bucket');
      const state = await service.read(adapter, summary.dialect, bucket, `${summary.id}/${bucket}`);
      return state.ok ? withVersion(c, state.value) : sendError(c, fromStorageError(state.error));
    })
    .put('/', limitBody(), async (c) => {
      const { adapter, summary } = c.get('profile');
      const body = await readBody(c, putCorsBodySchema, 'config');
      if (!body.ok) return body.response;
      // Size first: it is cheap, and it bounds the pairwise shadowing analysis that follows.
      const tooBig = validateSize(body.data.config, summary.dialect);
      const issues = tooBig.length ? tooBig : validateConfig(body.data.config, summary.dialect);
      if (issues.some((i) => i.severity === 'error')) {
        return sendError(c, apiError('validation-failed', `The configuration has problems ${summary.label} would reject or that can never work; nothing was written.${firstError(issues)}`, { issues }));
      }
      const version = expectedVersion(c);
      if (typeof version !== 'string') return version;
      const bucket = c.get('bucket');
      return answerWrite(c, await service.put(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, version, body.data.config));
    })
    .delete('/', async (c) => {
      const { adapter, summary } = c.get('profile');
      const version = expectedVersion(c);
      if (typeof version !== 'string') return version;
      const bucket = c.get('bucket');
      return answerWrite(c, await service.remove(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, version));
    });
}
