import type { Context } from 'hono';
import type { z } from 'zod';
import type { Issue } from '../../core';
import { apiError, sendError } from './api-error';

/** Zod issues as core Issues; `stripPrefix` drops a leading path segment (e.g. `config`). */
export function zodIssues(zodError: z.ZodError, stripPrefix?: string): Issue[] {
  return zodError.issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const rel = stripPrefix && path[0] === stripPrefix ? path.slice(1) : path;
    return { severity: 'error' as const, code: `body.${i.code}`, message: `${rel.length ? `${rel.join('.')}: ` : ''}${i.message}`, path: rel };
  });
}

/**
 * Reads a JSON body and parses it with a contract schema. Answers 400 with the issues (paths
 * into the body) when it does not fit; never throws.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S, stripPrefix?: string): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return { ok: false, response: sendError(c, apiError('bad-request', 'The request body must be JSON (Content-Type: application/json).')) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, response: sendError(c, apiError('bad-request', 'The request body does not fit the API.', { issues: zodIssues(parsed.error, stripPrefix) })) };
  }
  return { ok: true, data: parsed.data };
}
