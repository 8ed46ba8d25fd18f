import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { maxBodyBytesOf, type ErrorCodeOf, type ParamsOf, type RouteSpec } from '../../contract/api';
import type { ParsedBodyOf, ParsedQueryOf } from '../../contract/route';
import { parseIfMatch } from '../cors/version';
import type { ConnectedProfile } from '../profiles/connect';
import type { ProfileRegistry } from '../profiles/registry';
import { apiError, sendError, type ApiErrorOf } from './api-error';
import { isBucketName } from './context';
import { limitBody, readBody } from './read-body';

type ScopeOf<R extends RouteSpec> = 'bucket' extends keyof ParamsOf<R>
  ? { profile: ConnectedProfile; bucket: string }
  : 'profile' extends keyof ParamsOf<R>
    ? { profile: ConnectedProfile }
    : object;

/** What a handler gets: the parsed query and body, the version a write names, and the resolved profile and bucket. */
export type HandlerInput<R extends RouteSpec> = {
  c: Context;
  params: ParamsOf<R>;
  query: ParsedQueryOf<R>;
  body: ParsedBodyOf<R>;
  /** The If-Match version (unquoted); `undefined` when absent, empty or `*`. */
  ifMatch: string | undefined;
} & ScopeOf<R>;

/**
 * An answer already written as UTF-8 JSON (by a worker thread, for a document too large to hold
 * as objects on the event loop); the brand keeps the type of what it holds.
 */
export type SerializedAnswer<T> = Uint8Array<ArrayBuffer> & { readonly answerOf: T };

/** A success (with the ETag to send), the same written as JSON already, or one of the route's errors. */
export type Reply<R extends RouteSpec> =
  | { answer: z.input<R['answer']>; etag?: string }
  | { serialized: SerializedAnswer<z.input<R['answer']>>; etag?: string }
  | ApiErrorOf<ErrorCodeOf<R>>;

export type Handler<R extends RouteSpec> = (input: HandlerInput<R>) => Promise<Reply<R>> | Reply<R>;

/** Returns the success reply of a handler, with the version as ETag when given. */
export function answer<T>(value: T, etag?: string): { answer: T; etag?: string } {
  return etag === undefined ? { answer: value } : { answer: value, etag };
}

/** The version a write names in If-Match; `*` and an empty value name none. */
function versionNamed(header: string | undefined): string | undefined {
  const version = parseIfMatch(header);
  return version === '' || version === '*' ? undefined : version;
}

interface Resolved {
  profile?: ConnectedProfile;
  bucket?: string;
}

/**
 * Registers handlers from the route table on `app`: the path and method come from the route,
 * the body is limited and parsed with its schema, and `:profile` and `:bucket` are resolved (an
 * unknown profile or a name that is no bucket's is refused before the handler runs).
 */
export function createRegistrar(app: Hono, profiles: ProfileRegistry) {
  const resolve = (c: Context): Resolved | Response => {
    const resolved: Resolved = {};
    const profileId = c.req.param('profile');
    if (profileId !== undefined) {
      const profile = profiles.get(profileId);
      if (!profile) return sendError(c, apiError('profile-not-found', { profile: profileId }));
      resolved.profile = profile;
    }
    const bucket = c.req.param('bucket');
    if (bucket !== undefined) {
      if (!isBucketName(bucket)) return sendError(c, apiError('bad-request', { reason: 'bucket-name', bucket }));
      resolved.bucket = bucket;
    }
    return resolved;
  };

  return function register<R extends RouteSpec>(route: R, handler: Handler<R>): void {
    const run = async (c: Context): Promise<Response> => {
      const scope = resolve(c);
      if (scope instanceof Response) return scope;
      let body: unknown;
      if (route.body) {
        // Errors point into the configuration a PUT .../cors carries, as the core's issues do.
        const read = await readBody(c, route.body, 'config');
        if (!read.ok) return read.response;
        body = read.data;
      }
      const query: unknown = route.query ? route.query.parse(c.req.query()) : undefined;
      const input = { c, params: c.req.param(), query, body, ifMatch: versionNamed(c.req.header('if-match')), ...scope };
      // `input` is built from the route's own schemas and path, which is what HandlerInput<R> states.
      const reply = await handler(input as HandlerInput<R>);
      if ('answer' in reply || 'serialized' in reply) {
        if (reply.etag !== undefined) c.header('ETag', `"${reply.etag}"`);
        return 'answer' in reply ? c.json(reply.answer as object) : c.body(reply.serialized, 200, { 'Content-Type': 'application/json' });
      }
      return sendError(c, reply);
    };
    // Every call, with a body or not: an unread body is still received, so it is limited too.
    app.on(route.method, route.path, limitBody(maxBodyBytesOf(route)), run);
  };
}

export type Register = ReturnType<typeof createRegistrar>;
