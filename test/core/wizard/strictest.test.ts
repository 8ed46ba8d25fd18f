import { describe, expect, it } from 'vitest';
import { DIALECTS, dialectProfile, type Dialect } from '../../../src/core/dialects';
import { headerReadability, predictBrowserFetch, type BrowserFetch } from '../../../src/core/predict';
import { METHODS, type CorsConfig } from '../../../src/core/rule';
import { validateConfig } from '../../../src/core/validate';
import { appFetches, OPERATION_METHODS, type AppDescription } from '../../../src/core/wizard/app';
import { UNLISTED_ORIGIN } from '../../../src/core/wizard/probe';
import { STRICTEST_MAX_AGE_SECONDS, strictestRules } from '../../../src/core/wizard/strictest';

const APP = 'https://app.example.com';

function generate(app: AppDescription, dialect: Dialect = 's3', maxRules?: number) {
  const result = strictestRules(app, dialect, maxRules === undefined ? {} : { maxRules });
  if (!result.ok) throw new Error(result.error.code);
  return { ...result, config: { rules: result.rules.map((r) => r.rule) } as CorsConfig };
}

function readable(config: CorsConfig, fetch: BrowserFetch & { needsReadableHeaders: string[] }, dialect: Dialect): string[] {
  return headerReadability(predictBrowserFetch(config, fetch, dialect), fetch.needsReadableHeaders).readable;
}

const apps: { name: string; app: AppDescription }[] = [
  { name: 'a download-only public page', app: { origins: [APP], operations: ['download', 'head'] } },
  { name: 'a presigned PUT uploader sending JSON', app: { origins: [APP], operations: ['upload'], requestHeaders: [{ name: 'content-type', value: 'application/json' }] } },
  {
    name: 'a multipart uploader with metadata and credentials',
    app: {
      origins: [APP, 'http://localhost:5173'],
      operations: ['download', 'multipart-upload', 'delete'],
      requestHeaders: [{ name: 'x-amz-meta-*', operations: ['multipart-upload'] }, { name: 'content-type', operations: ['multipart-upload'] }],
      credentials: true,
      readableHeaders: [{ name: 'x-amz-version-id', operations: ['download'] }],
    },
  },
  { name: 'a form uploader on every subdomain', app: { origins: ['https://*.example.com'], operations: ['form-upload'] } },
  { name: 'an SDK signing its requests', app: { origins: [APP], operations: ['download', 'upload'], requestHeaders: ['authorization', 'x-amz-date', 'x-amz-content-sha256'], credentials: true } },
];

// Dialects whose answers the browser accepts for every described app (s3rver answers preflights with `*`).
const FAITHFUL: Dialect[] = DIALECTS.filter((d) => d !== 's3rver');

/** Apps a dialect can serve: credentialed requests need Access-Control-Allow-Credentials, which Ceph RGW never sends. */
function servable(dialect: Dialect) {
  const profile = dialectProfile(dialect);
  const sendsCredentials = profile.response.actualCredentials !== 'never' && profile.response.preflightCredentials !== 'never';
  return apps.filter(({ app }) => sendsCredentials || !app.credentials);
}

describe.each(FAITHFUL)('strictestRules on %s', (dialect) => {
  describe.each(servable(dialect))('for $name', ({ app }) => {
    const { config, warnings } = generate(app, dialect);

    it('validates without errors and leaves no request of the app blocked', () => {
      expect(validateConfig(config, dialect).filter((i) => i.severity === 'error')).toEqual([]);
      expect(warnings).toEqual([]);
    });

    it.each(appFetches(app).map((f) => [`${f.method} from ${f.origin} (${f.operation})`, f] as const))('allows %s and lets script read what it needs', (_, fetch) => {
      expect(predictBrowserFetch(config, fetch, dialect).allowed).toBe(true);
      expect(readable(config, fetch, dialect)).toEqual(expect.arrayContaining(fetch.needsReadableHeaders));
    });

    it('blocks the same requests from an unlisted origin', () => {
      for (const fetch of appFetches(app)) {
        expect(predictBrowserFetch(config, { ...fetch, origin: UNLISTED_ORIGIN }, dialect).allowed).toBe(false);
      }
    });

    it('blocks methods the app does not use', () => {
      const used = new Set(app.operations.flatMap((op) => OPERATION_METHODS[op].map((m) => m.method)));
      for (const method of METHODS.filter((m) => !used.has(m))) {
        // PUT and DELETE are preflighted, so the refusal is certain; GET/HEAD/POST are simple and get no CORS headers.
        expect(predictBrowserFetch(config, { origin: appFetches(app)[0]!.origin, method }, dialect).allowed).toBe(false);
      }
    });

    it('blocks a header the app does not send', () => {
      for (const fetch of appFetches(app)) {
        const p = predictBrowserFetch(config, { ...fetch, headers: { ...fetch.headers, 'x-not-sent': '1' } }, dialect);
        expect(p.allowed).toBe(false);
      }
    });

    it('exposes nothing the app does not read', () => {
      const wanted = new Set(appFetches(app).flatMap((f) => f.needsReadableHeaders));
      for (const rule of config.rules) for (const h of rule.exposeHeaders) expect(wanted).toContain(h.toLowerCase());
    });
  });
});

describe('strictestRules: what it chooses', () => {
  it('gives a download-only page one GET rule with no headers and no max age', () => {
    const { rules } = generate({ origins: [APP], operations: ['download'] });
    expect(rules.map((r) => r.rule)).toEqual([{ id: 'app-get', allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }]);
    expect(rules[0]!.explanations).toContainEqual({ field: 'allowedMethods', value: 'GET', code: 'strictest.method', params: { method: 'GET', purpose: 'download' } });
    expect(rules[0]!.explanations.find((e) => e.field === 'maxAgeSeconds')?.code).toBe('strictest.no-max-age');
  });

  it('allows content-type only for a value that is not CORS-safelisted', () => {
    const json = generate({ origins: [APP], operations: ['upload'], requestHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
    expect(json.config.rules[0]!.allowedHeaders).toEqual(['content-type']);
    expect(json.rules[0]!.explanations).toContainEqual(expect.objectContaining({ field: 'allowedHeaders', value: 'content-type', code: 'strictest.header-unsafe', params: { header: 'content-type', reason: expect.objectContaining({ code: 'content-type-not-safelisted', params: expect.objectContaining({ essence: 'application/json' }) }) } }));

    const text = generate({ origins: [APP], operations: ['upload'], requestHeaders: [{ name: 'Content-Type', value: 'text/plain' }] });
    expect(text.config.rules[0]!.allowedHeaders).toEqual([]);
    expect(text.explanations).toContainEqual(expect.objectContaining({ field: 'allowedHeaders', value: 'content-type', code: 'strictest.header-safelisted' }));
  });

  it('allows content-type when no value is given, since any type may be sent', () => {
    expect(generate({ origins: [APP], operations: ['upload'], requestHeaders: ['content-type'] }).config.rules[0]!.allowedHeaders).toEqual(['content-type']);
  });

  it('skips headers the browser never lets script send', () => {
    const { config, explanations } = generate({ origins: [APP], operations: ['upload'], requestHeaders: ['Cookie', 'content-length'] });
    expect(config.rules[0]!.allowedHeaders).toEqual([]);
    expect(explanations.filter((e) => e.code === 'strictest.header-forbidden').map((e) => e.value)).toEqual(['cookie', 'content-length']);
  });

  it('exposes ETag on the PUT rule of a multipart upload, with PUT and POST allowed', () => {
    const { rules } = generate({ origins: [APP], operations: ['multipart-upload'] });
    const put = rules.find((r) => r.rule.allowedMethods.includes('PUT'))!;
    expect(put.rule.exposeHeaders).toEqual(['ETag']);
    expect(put.explanations).toContainEqual(expect.objectContaining({ field: 'exposeHeaders', value: 'ETag', code: 'strictest.expose-multipart' }));
    expect(rules.flatMap((r) => r.rule.allowedMethods).sort()).toEqual(['POST', 'PUT']);
    expect(rules.every((r) => r.rule.maxAgeSeconds === STRICTEST_MAX_AGE_SECONDS)).toBe(true);
  });

  it('shares a rule between methods that need the same headers', () => {
    const { config } = generate({ origins: [APP], operations: ['download', 'head', 'delete'] });
    expect(config.rules.map((r) => r.allowedMethods)).toEqual([['GET', 'DELETE', 'HEAD']]);
  });

  it('keeps a header off the methods whose operations do not send it', () => {
    const { config } = generate({ origins: [APP], operations: ['download', 'upload'], requestHeaders: [{ name: 'content-type', value: 'application/json', operations: ['upload'] }] });
    expect(config.rules.map((r) => [r.allowedMethods, r.allowedHeaders])).toEqual([[['GET'], []], [['PUT'], ['content-type']]]);
    expect(predictBrowserFetch(config, { origin: APP, method: 'GET', headers: { 'content-type': 'application/json' } }).allowed).toBe(false);
  });

  it('does not expose safelisted response headers, and says so', () => {
    const { config, explanations } = generate({ origins: [APP], operations: ['download'], readableHeaders: ['Content-Length', 'ETag'] });
    expect(config.rules[0]!.exposeHeaders).toEqual(['ETag']);
    expect(explanations).toContainEqual(expect.objectContaining({ field: 'exposeHeaders', value: 'Content-Length', code: 'strictest.expose-safelisted' }));
  });

  it('warns that Set-Cookie can never be read', () => {
    const { config, warnings } = generate({ origins: [APP], operations: ['download'], readableHeaders: ['Set-Cookie'] });
    expect(config.rules[0]!.exposeHeaders).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['strictest.header-never-readable']);
  });

  it('leaves IDs out on OSS, which has none', () => {
    expect(generate({ origins: [APP], operations: ['download'] }, 'oss').config.rules[0]!.id).toBeUndefined();
  });

  it('merges rules when fewer may be added, explaining the merge', () => {
    const app: AppDescription = { origins: [APP], operations: ['download', 'multipart-upload', 'delete'], requestHeaders: [{ name: 'x-amz-meta-*', operations: ['multipart-upload'] }] };
    expect(generate(app).config.rules).toHaveLength(3);
    const { rules, config } = generate(app, 'oss', 1);
    expect(config.rules).toHaveLength(1);
    expect(config.rules[0]).toMatchObject({ allowedMethods: ['GET', 'PUT', 'POST', 'DELETE'], allowedHeaders: ['x-amz-meta-*'], exposeHeaders: ['ETag'] });
    expect(rules[0]!.explanations).toContainEqual(expect.objectContaining({ field: 'rules', code: 'strictest.merged-by-limit', params: { target: 1, provider: 'Alibaba Cloud OSS', max: 10 } }));
    for (const fetch of appFetches(app)) expect(predictBrowserFetch(config, fetch, 'oss').allowed).toBe(true);
  });

  it('merges the cheapest pair first', () => {
    // GET and DELETE need nothing; PUT needs two headers and ETag: merging GET with DELETE costs nothing.
    const app: AppDescription = { origins: [APP], operations: ['download', 'upload', 'delete'], requestHeaders: [{ name: 'x-a', operations: ['download'] }, { name: 'x-b', operations: ['upload'] }] };
    const { config } = generate(app, 's3', 2);
    expect(config.rules.map((r) => r.allowedMethods)).toEqual([['GET', 'DELETE'], ['PUT']]);
  });

  it('lowers a max age above the provider cap and keeps one below it', () => {
    const app: AppDescription = { origins: [APP], operations: ['upload'], maxAgeSeconds: 100_000 };
    const r2 = generate(app, 'r2').rules[0]!;
    expect(r2.rule.maxAgeSeconds).toBe(86_400);
    expect(r2.explanations.find((e) => e.field === 'maxAgeSeconds')).toMatchObject({ code: 'strictest.max-age-capped', params: { max: 86400 } });
    expect(generate({ ...app, maxAgeSeconds: 3000 }, 'r2').rules[0]!.rule.maxAgeSeconds).toBe(3000);
  });

  it('explains the credentials choice', () => {
    const { rules } = generate({ origins: [APP], operations: ['download'], credentials: true });
    expect(rules[0]!.explanations.find((e) => e.field === 'allowedOrigins')).toMatchObject({ code: 'strictest.origin', params: { credentials: { addsCredentials: true } } });
  });

  it('warns when the dialect cannot serve a request: credentialed preflights on s3rver', () => {
    const { warnings } = generate({ origins: [APP], operations: ['upload'], credentials: true }, 's3rver');
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'strictest.request-still-blocked', params: expect.objectContaining({ request: { method: 'PUT', origin: 'https://app.example.com', operation: 'upload' } }) }),
    ]);
  });

  it('warns that credentialed requests stay blocked on Ceph RGW, which never sends Access-Control-Allow-Credentials', () => {
    const { warnings } = generate({ origins: [APP], operations: ['download'], credentials: true }, 'rgw');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'strictest.request-still-blocked',
        params: { request: { method: 'GET', origin: 'https://app.example.com', operation: 'download' }, blockedBy: { check: 'credentials-not-allowed', stage: 'actual', params: {} } },
      }),
    ]);
  });

  it('gives an app one rule on Ceph RGW, where the first rule listing the origin answers every method', () => {
    const app: AppDescription = { origins: [APP], operations: ['download', 'upload'], requestHeaders: [{ name: 'content-type', value: 'application/json', operations: ['upload'] }] };
    expect(generate(app, 's3').rules).toHaveLength(2);
    const { rules, config, warnings } = generate(app, 'rgw');
    expect(rules.map((r) => r.rule.allowedMethods)).toEqual([['GET', 'PUT']]);
    expect(rules[0]!.explanations.find((e) => e.field === 'rules')).toMatchObject({ code: 'strictest.merged-by-origin', params: { provider: 'Ceph RADOS Gateway' } });
    expect(warnings).toEqual([]);
    for (const fetch of appFetches(app)) expect(predictBrowserFetch(config, fetch, 'rgw').allowed).toBe(true);
  });

  it('returns the problems of a bad description as values', () => {
    const result = strictestRules({ origins: ['https://app.example.com/'], operations: ['download'] }, 's3');
    expect(result).toEqual({
      ok: false,
      error: { code: 'app.invalid', params: { issues: [expect.objectContaining({ code: 'origin.trailing-slash' })] } },
      issues: [expect.objectContaining({ code: 'origin.trailing-slash', path: ['origins', 0] })],
    });
  });
});
