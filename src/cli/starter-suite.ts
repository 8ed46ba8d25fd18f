import { z } from 'zod';
import { SUITE_VERSION, type Suite, type SuiteTest } from '../contract/suite';
import { APP_OPERATIONS, appFetches, type AppDescription, type AppFetch, type AppOperation, type CorsConfig, type CorsRule, type Method } from '../core';

/** The operation each rule method stands for, when the app is read back from the rules. */
const OPERATION_OF: Record<Method, AppOperation> = { GET: 'download', HEAD: 'head', PUT: 'upload', POST: 'form-upload', DELETE: 'delete' };

/** An origin no rule lists, for the one test that must stay blocked (reserved .invalid TLD, RFC 2606). */
export const STRANGER_ORIGIN = 'https://stranger.invalid';

/** The wizard's app description as a file (`--app FILE`): the same fields as its form. */
const operationsOf = z.array(z.enum(APP_OPERATIONS)).optional();
export const appDescriptionSchema = z
  .object({
    origins: z.array(z.string().min(1)).min(1),
    operations: z.array(z.enum(APP_OPERATIONS)).min(1),
    requestHeaders: z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), value: z.string().optional(), operations: operationsOf }).strict()])).optional(),
    credentials: z.boolean().optional(),
    readableHeaders: z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), operations: operationsOf }).strict()])).optional(),
    maxAgeSeconds: z.number().int().min(0).optional(),
  })
  .strict();

/** One rule read as the app it serves: its origins, the operations its methods allow, its headers. */
export function appOfRule(rule: CorsRule): AppDescription {
  return {
    origins: rule.allowedOrigins,
    operations: [...new Set(rule.allowedMethods.map((method) => OPERATION_OF[method]))],
    requestHeaders: rule.allowedHeaders.filter((name) => !name.includes('*')),
    readableHeaders: rule.exposeHeaders.filter((name) => name !== '*'),
  };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 56);

function testOf(fetch: AppFetch, key: string, index: number): SuiteTest {
  const headers = Object.keys(fetch.headers ?? {});
  return {
    id: `${index + 1}-${slug(`${fetch.operation}-${new URL(fetch.origin).hostname}`)}`,
    name: `${fetch.method} ${fetch.operation} from ${fetch.origin}${headers.length ? ` with ${headers.join(', ')}` : ''}`,
    origin: fetch.origin,
    request: { key, method: fetch.method, headers: fetch.headers ?? {}, credentials: fetch.credentials === 'include' ? 'include' : 'omit', signed: false, from: 'console', mustRead: fetch.needsReadableHeaders, target: 'scratch' },
    expect: 'allowed',
  };
}

/**
 * A starter suite: every request the described app makes (the wizard's app description, or each
 * rule of the bucket read as one), expected allowed with the headers it must read, and a GET from
 * an origin no rule lists, expected blocked (left out when a rule allows any origin).
 */
export function starterSuite(config: CorsConfig | null, options: { bucket: string; key: string; app?: AppDescription }): Suite {
  const apps = options.app ? [options.app] : (config?.rules ?? []).map(appOfRule);
  const seen = new Set<string>();
  const fetches = apps.flatMap(appFetches).filter((fetch) => {
    const id = JSON.stringify([fetch.origin, fetch.method, fetch.headers, fetch.needsReadableHeaders]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const tests = fetches.map((fetch, index) => testOf(fetch, options.key, index));
  const anyOrigin = apps.some((app) => app.origins.includes('*'));
  if (!anyOrigin) {
    tests.push({
      id: `${tests.length + 1}-stranger-blocked`,
      name: `GET from ${STRANGER_ORIGIN}, an origin no rule lists`,
      origin: STRANGER_ORIGIN,
      request: { key: options.key, method: 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch' },
      expect: 'blocked',
    });
  }
  return { version: SUITE_VERSION, bucket: options.bucket, tests };
}
