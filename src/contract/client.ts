import type { z } from 'zod';
import type { CorsState } from './cors';
import { apiErrorEnvelopeSchema, type ApiError } from './envelope';
import type { CallError, ClientError } from './call-error';
import { callErrorText } from './messages/api-error-text';
import './messages/english';
import { pathOf, type AnswerOf, type BodyOf, type ParamsOf, type QueryOf, type RouteSpec } from './route';

export type { CallError, ClientError } from './call-error';
export { isServerError } from './call-error';
export { callErrorText } from './messages/api-error-text';

/** Fetches one request: `fetch` in the browser, `app.request` in the API tests. */
export type Fetcher = (path: string, init: RequestInit) => Promise<Response>;

type Empty<T> = keyof T extends never ? true : false;

/** What a call needs: its path parameters, query, body and version, as the route table says. */
export type CallInput<R extends RouteSpec> = { signal?: AbortSignal; headers?: Record<string, string>; rawBody?: string } & (Empty<ParamsOf<R>> extends true
  ? { params?: undefined }
  : { params: ParamsOf<R> }) &
  (R['body'] extends z.ZodType ? { body: BodyOf<R> } : { body?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: QueryOf<R> } : { query?: undefined }) &
  (R['version'] extends 'if-match' ? { ifMatch: string } : { ifMatch?: undefined });

export type CallResult<R extends RouteSpec> =
  | { ok: true; status: number; answer: AnswerOf<R>; etag: string | null }
  | { ok: false; status: number; error: CallError; current?: CorsState };

function queryString(query: unknown): string {
  const entries = Object.entries(typeof query === 'object' && query !== null ? query : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

function malformed(route: RouteSpec, status: number, issues: z.core.$ZodIssue[] | undefined): ClientError {
  const error = { code: 'malformed-answer', params: { route: `${route.method} ${route.path}`, status, field: issues?.[0]?.path.map(String).join('.') ?? '' } } as const;
  return { ...error, message: callErrorText({ ...error, message: '' }) };
}

const UNREACHABLE = { code: 'console-unreachable', params: {} } as const;

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls one route: builds the path from its template, sends the body as JSON (and If-Match for a
 * guarded write), and parses the answer with the route's schema, or the error with the envelope's.
 * Never throws: an unreachable server and an answer that does not fit are errors with codes too.
 */
export async function callRoute<R extends RouteSpec>(fetcher: Fetcher, route: R, input: CallInput<R>): Promise<CallResult<R>> {
  const path = pathOf(route.path, input.params ?? {}) + queryString(input.query);
  const body = input.rawBody ?? (input.body !== undefined ? JSON.stringify(input.body) : undefined);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(input.ifMatch !== undefined ? { 'if-match': `"${input.ifMatch}"` } : {}),
    ...input.headers,
  };
  let response: Response;
  try {
    response = await fetcher(path, { method: route.method, headers, ...(body !== undefined ? { body } : {}), ...(input.signal ? { signal: input.signal } : {}) });
  } catch (error) {
    if (input.signal?.aborted) throw error;
    return { ok: false, status: 0, error: { ...UNREACHABLE, message: callErrorText({ ...UNREACHABLE, message: '' }) } };
  }
  const json = parseJson(await response.text());
  if (response.ok) {
    const answer = parseWith<R['answer']>(route.answer, json);
    if (answer.success) return { ok: true, status: response.status, answer: answer.data, etag: response.headers.get('etag') };
    return { ok: false, status: response.status, error: malformed(route, response.status, answer.error.issues) };
  }
  const envelope = apiErrorEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, status: response.status, error: malformed(route, response.status, undefined) };
  const failed: ApiError = envelope.data;
  return { ok: false, status: response.status, error: failed.error, ...(failed.current ? { current: failed.current } : {}) };
}
