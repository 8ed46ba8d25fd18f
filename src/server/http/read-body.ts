import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { misfitOf, type IssueOf } from '../../core';
import { apiError, sendError } from './api-error';

/** Zod issues as core Issues; `stripPrefix` drops a leading path segment (e.g. `config`). */
export function zodIssues(zodError: z.ZodError, stripPrefix?: string): IssueOf<'body.invalid'>[] {
  return zodError.issues.map((i): IssueOf<'body.invalid'> => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const rel = stripPrefix && path[0] === stripPrefix ? path.slice(1) : path;
    return { severity: 'error', code: 'body.invalid', params: { field: rel.join('.'), misfit: misfitOf(i) }, path: rel };
  });
}

/**
 * Reads a JSON body and parses it with a contract schema. Answers 400 with the issues (paths
 * into the body, less `stripPrefix`) when it does not fit; never throws.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S, stripPrefix?: string): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return { ok: false, response: sendError(c, apiError('bad-request', { reason: 'body-not-json' })) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = zodIssues(parsed.error)[0];
    const where = first ? first.params : { field: '', misfit: { kind: 'other' as const } };
    return { ok: false, response: sendError(c, apiError('bad-request', { reason: 'body-shape', ...where }, { issues: zodIssues(parsed.error, stripPrefix) })) };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Refuses a body over `maxBytes` with 413 before anything reads it (by Content-Length, or by
 * counting a streamed body). A GET's body is never read (the Node adapter gives GET and HEAD no
 * body stream), but one announced over the limit is refused all the same: every call has a limit.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const refuse = (c: Context) => sendError(c, apiError('payload-too-large', { method: c.req.method, path: c.req.path, limitKiB: Math.round(maxBytes / 1024) }));
  const counted = bodyLimit({ maxSize: maxBytes, onError: refuse });
  return async (c, next) => {
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) return refuse(c);
    return counted(c, next);
  };
}
