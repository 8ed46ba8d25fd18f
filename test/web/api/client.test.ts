import { describe, expect, it } from 'vitest';
import { routes } from '../../../src/contract/api';
import { callRoute } from '../../../src/contract/client';
import { defineRoute } from '../../../src/contract/route';
import { ApiRequestError } from '../../../src/web/api/api-error';
import { request } from '../../../src/web/api/client';
import { saveCors } from '../../../src/web/api/cors';
import { useRealApi } from '../../support/web-api';

const ctx = useRealApi();

describe('the web API layer', () => {
  it('resolves with the parsed answer and the ETag', async () => {
    await ctx.s3.createBucket('client-ok');
    const { answer, etag } = await request('getCors', { params: { profile: 'local', bucket: 'client-ok' } });
    expect(answer.config).toBeNull();
    expect(etag).toBe(`"${answer.version}"`);
  });

  it("rejects with the server's coded error, its params and the provider's code", async () => {
    const error = await request('getCors', { params: { profile: 'local', bucket: 'missing-bucket' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'bucket-not-found', providerCode: 'NoSuchBucket', error: { params: { reason: 'no-such-bucket', call: { call: 'read-cors', bucket: 'missing-bucket' }, provider: { kind: 's3-api' }, providerCode: 'NoSuchBucket' } } });
  });

  it('refuses an answer that does not fit the route with its own code, naming the route and the field', async () => {
    // The real server's console info, read as if it were a bucket's CORS state.
    const misread = defineRoute({ ...routes.getCors, path: '/api/console' });
    const result = await callRoute((path, init) => fetch(path, init), misread, {});
    expect(result).toMatchObject({ ok: false, status: 200, error: { code: 'malformed-answer', params: { route: 'GET /api/console', status: 200, field: 'config' } } });
  });

  it("refuses as malformed-answer an issue whose params do not fit its code's shape", async () => {
    await ctx.s3.createBucket('client-params');
    const { answer: before } = await request('getCors', { params: { profile: 'local', bucket: 'client-params' } });
    // A PUT rule that does not expose ETag: the stored configuration comes back with that warning.
    const config = { rules: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['PUT' as const], allowedHeaders: [], exposeHeaders: [] }] };
    expect(await saveCors('local', 'client-params', config, before.version)).toMatchObject({ kind: 'saved' });
    const at = { params: { profile: 'local', bucket: 'client-params' } };
    const real = await callRoute((path, init) => fetch(path, init), routes.getCors, at);
    expect(real.ok && real.answer.issues).toContainEqual(expect.objectContaining({ code: 'rule.etag-not-exposed', params: { rule: 0, methods: ['PUT'] } }));

    // The same answer with that issue's params in another shape (methods as a string).
    const reshaped = await callRoute(
      async (path, init) => {
        const answer = (await (await fetch(path, init)).json()) as { issues: { code: string; params: unknown }[] };
        const issues = answer.issues.map((issue) => (issue.code === 'rule.etag-not-exposed' ? { ...issue, params: { rule: 0, methods: 'PUT' } } : issue));
        return Response.json({ ...answer, issues });
      },
      routes.getCors,
      at,
    );
    expect(reshaped).toMatchObject({ ok: false, error: { code: 'malformed-answer', params: { route: 'GET /api/profiles/:profile/buckets/:bucket/cors', field: expect.stringMatching(/^issues\.0/) } } });
  });

  it('sorts a guarded write into an outcome keyed on codes: saved, then a conflict with what the bucket holds', async () => {
    await ctx.s3.createBucket('client-write');
    const { answer: before } = await request('getCors', { params: { profile: 'local', bucket: 'client-write' } });
    const config = { rules: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] };
    const saved = await saveCors('local', 'client-write', config, before.version);
    expect(saved).toMatchObject({ kind: 'saved', value: { config } });
    const stale = await saveCors('local', 'client-write', { rules: [{ ...config.rules[0]!, allowedOrigins: ['https://other.example'] }] }, before.version);
    expect(stale).toMatchObject({ kind: 'conflict', current: { config }, error: { code: 'version-conflict' } });
  });

  it('reports invalid with the issues when the provider would refuse the configuration', async () => {
    await ctx.s3.createBucket('client-invalid');
    const { answer: before } = await request('getCors', { params: { profile: 'local', bucket: 'client-invalid' } });
    const outcome = await saveCors('local', 'client-invalid', { rules: [{ allowedOrigins: ['www.a.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }, before.version);
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.issues.map((i) => [i.code, i.path])).toContainEqual(['origin.missing-scheme', ['rules', 0, 'allowedOrigins', 0]]);
  });
});
