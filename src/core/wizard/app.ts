import type { Dialect } from '../dialects';
import { error, type Issue, type IssuePath } from '../issues';
import type { BrowserFetch } from '../predict';
import type { Method } from '../rule';
import type { MethodPurpose } from './explain';
import { validateConfig } from '../validate';
import { sampleHeader, sampleOrigin } from './samples';

/** What a web app does with a bucket, in the words of the wizard's form. */
export const APP_OPERATIONS = ['download', 'head', 'upload', 'form-upload', 'multipart-upload', 'delete'] as const;
export type AppOperation = (typeof APP_OPERATIONS)[number];

/** The requests each operation makes, and why each method is needed (`purpose`, a code the catalogue explains). */
export const OPERATION_METHODS: Record<AppOperation, readonly { method: Method; purpose: MethodPurpose }[]> = {
  download: [{ method: 'GET', purpose: 'download' }],
  head: [{ method: 'HEAD', purpose: 'head' }],
  upload: [{ method: 'PUT', purpose: 'upload' }],
  'form-upload': [{ method: 'POST', purpose: 'form-upload' }],
  'multipart-upload': [
    { method: 'PUT', purpose: 'multipart-part' },
    { method: 'POST', purpose: 'multipart-start-end' },
  ],
  delete: [{ method: 'DELETE', purpose: 'delete' }],
};

/** A header the app's script sets on its requests. */
export interface AppRequestHeader {
  /** Header name, any case; one `*` names a family such as `x-amz-meta-*`. */
  name: string;
  /**
   * A typical value. It decides whether a safelisted name (Content-Type, Range, Accept...) needs
   * allowing at all: `text/plain` does not, `application/json` does. Omitted: any value.
   */
  value?: string;
  /** The operations that send it; all of them when omitted. */
  operations?: AppOperation[];
}

/** A response header the app's script must read. */
export interface AppReadableHeader {
  name: string;
  /** The operations whose responses it reads; all of them when omitted. */
  operations?: AppOperation[];
}

/** The web app the strictest rules are built for. */
export interface AppDescription {
  /** Origins the app is served from (`https://app.example.com`); `https://*.example.com` for a family. */
  origins: string[];
  operations: AppOperation[];
  /** Headers the app sets; a bare string means any value, on every operation. */
  requestHeaders?: (string | AppRequestHeader)[];
  /** Whether requests include credentials (`credentials: 'include'`, `withCredentials`). */
  credentials?: boolean;
  /** Response headers script must read; a bare string means on every operation. */
  readableHeaders?: (string | AppReadableHeader)[];
  /** Preflight cache time wanted; the wizard picks one when omitted. */
  maxAgeSeconds?: number;
}

/** One request the app makes, as the browser would send it, for checks and tests. */
export interface AppFetch extends BrowserFetch {
  operation: AppOperation;
  method: Method;
  /** Response headers script reads from this request's answer (lowercased). */
  needsReadableHeaders: string[];
}

export function requestHeadersOf(app: AppDescription): AppRequestHeader[] {
  return (app.requestHeaders ?? []).map((h) => (typeof h === 'string' ? { name: h } : h));
}

export function readableHeadersOf(app: AppDescription): AppReadableHeader[] {
  return (app.readableHeaders ?? []).map((h) => (typeof h === 'string' ? { name: h } : h));
}

export function appliesTo(item: { operations?: AppOperation[] }, operation: AppOperation): boolean {
  return item.operations === undefined || item.operations.includes(operation);
}

/** The readable headers an operation needs whatever the app says: part ETags for multipart. */
export function impliedReadableHeaders(operation: AppOperation, method: Method): string[] {
  return operation === 'multipart-upload' && method === 'PUT' ? ['ETag'] : [];
}

/**
 * Checks the description with the same origin and header checks `validateConfig` applies to
 * rules, so the wizard never proposes a value the provider would reject. Issue paths point into
 * the description (`['origins', 1]`, `['requestHeaders', 0, 'name']`).
 */
export function validateApp(app: AppDescription, dialect: Dialect): Issue[] {
  const issues: Issue[] = [];
  if (app.origins.length === 0) issues.push(error('app.no-origins', {}, ['origins']));
  if (app.operations.length === 0) issues.push(error('app.no-operations', {}, ['operations']));
  app.operations.forEach((op, i) => {
    if (!(op in OPERATION_METHODS)) issues.push(error('app.unknown-operation', { value: String(op) }, ['operations', i]));
  });
  const maxAge = app.maxAgeSeconds;
  if (maxAge !== undefined && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) {
    issues.push(error('app.invalid-max-age', { value: String(maxAge) }, ['maxAgeSeconds']));
  }
  if (app.credentials && app.origins.includes('*')) {
    issues.push(error('app.star-with-credentials', {}, ['origins', app.origins.indexOf('*')]));
  }
  const headers = requestHeadersOf(app);
  const readable = readableHeadersOf(app);
  const probe = {
    rules: [{ allowedOrigins: app.origins, allowedMethods: ['GET' as const], allowedHeaders: headers.map((h) => h.name), exposeHeaders: readable.map((h) => h.name) }],
  };
  for (const issue of validateConfig(probe, dialect)) {
    if (issue.severity !== 'error' || issue.path[0] !== 'rules') continue;
    const path = appPath(issue.path);
    if (path) issues.push({ ...issue, path });
  }
  return issues;
}

function appPath(path: IssuePath): IssuePath | undefined {
  const [, , field, index] = path;
  if (typeof index !== 'number') return undefined;
  if (field === 'allowedOrigins') return ['origins', index];
  if (field === 'allowedHeaders') return ['requestHeaders', index, 'name'];
  if (field === 'exposeHeaders') return ['readableHeaders', index, 'name'];
  return undefined;
}

/**
 * The requests the described app makes: one per origin (a sample member for wildcards), operation
 * and method, carrying every header the app sets on that operation.
 */
export function appFetches(app: AppDescription): AppFetch[] {
  const headers = requestHeadersOf(app);
  const readable = readableHeadersOf(app);
  const fetches: AppFetch[] = [];
  for (const pattern of new Set(app.origins)) {
    for (const operation of new Set(app.operations)) {
      for (const { method } of OPERATION_METHODS[operation] ?? []) {
        const sent = Object.fromEntries(headers.filter((h) => appliesTo(h, operation)).map(sampleHeader));
        const needs = [...readable.filter((h) => appliesTo(h, operation)).map((h) => h.name), ...impliedReadableHeaders(operation, method)];
        fetches.push({
          origin: sampleOrigin(pattern),
          method,
          headers: sent,
          credentials: app.credentials ? 'include' : 'omit',
          operation,
          needsReadableHeaders: [...new Set(needs.map((n) => n.toLowerCase()))],
        });
      }
    }
  }
  return fetches;
}
