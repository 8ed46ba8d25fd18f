import type { z } from 'zod';
import type { Method } from '../core';
import type { ApiErrorCode } from './errors';
import { GUARD_ERRORS } from './errors';

/** The methods the API uses: the CORS methods but HEAD (the core's METHODS, written once). */
export type RouteMethod = Exclude<Method, 'HEAD'>;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;

/** `'/api/profiles/:profile/buckets'` → `{ profile: string }`. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/** One call of the console API: everything a server or a client needs to agree on. */
export interface RouteSpec {
  method: RouteMethod;
  /** Path template; `:name` segments are path parameters. */
  path: string;
  /** Query parameters, as strings on the wire. */
  query?: z.ZodType;
  /** The JSON request body. */
  body?: z.ZodType;
  /** The JSON answer of a success (200). */
  answer: z.ZodType;
  /** Codes this call answers beyond the guard's (GUARD_ERRORS) and its path's (profile, bucket name). */
  errors: readonly ApiErrorCode[];
  /** `etag`: the answer's version is also its ETag; `if-match`: a write that must name the version it replaces. */
  version?: 'etag' | 'if-match';
  /** Largest request body accepted, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
}

/** The largest request body of a call that states none: a CORS configuration is at most 64 KB as XML, so this leaves room. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** The largest body a call accepts, with or without a body of its own (413 `payload-too-large` beyond it). */
export const maxBodyBytesOf = (route: RouteSpec): number => route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

export const defineRoute = <const R extends RouteSpec>(route: R): R => route;

export type BodyOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : undefined;
export type ParsedBodyOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
export type QueryOf<R extends RouteSpec> = R['query'] extends z.ZodType ? z.input<R['query']> : undefined;
export type ParsedQueryOf<R extends RouteSpec> = R['query'] extends z.ZodType ? z.output<R['query']> : undefined;
export type AnswerOf<R extends RouteSpec> = z.output<R['answer']>;
export type ParamsOf<R extends RouteSpec> = PathParams<R['path']>;

/** A path's own refusals: an unknown profile, a name that is no bucket's. */
type PathErrors<P extends string> = ('profile' extends ParamNames<P> ? 'profile-not-found' : never) | ('bucket' extends ParamNames<P> ? 'bad-request' : never);
type BodyErrors<R extends RouteSpec> = R['body'] extends z.ZodType ? 'bad-request' | 'payload-too-large' : never;

/** Every code a call may answer. */
export type ErrorCodeOf<R extends RouteSpec> = R['errors'][number] | (typeof GUARD_ERRORS)[number] | PathErrors<R['path']> | BodyErrors<R>;

export function errorCodesOf(route: RouteSpec): ApiErrorCode[] {
  const names = paramNames(route.path);
  return [
    ...new Set<ApiErrorCode>([
      ...route.errors,
      ...GUARD_ERRORS,
      ...(names.includes('profile') ? (['profile-not-found'] as const) : []),
      ...(names.includes('bucket') || route.body ? (['bad-request'] as const) : []),
      ...(route.body ? (['payload-too-large'] as const) : []),
    ]),
  ];
}

export function paramNames(template: string): string[] {
  return template
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}

/** The path of one call: the template with each parameter URL-encoded. */
export function pathOf<P extends string>(template: P, params: PathParams<P>): string {
  const values: Record<string, string> = params;
  return template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(values[segment.slice(1)] ?? '') : segment))
    .join('/');
}
