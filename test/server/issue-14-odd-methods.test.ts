import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { answerDifferences, evaluate, issueText } from '../../src/core';
import { consoleOver } from '../support/console-app';
import { useStorageBackend } from '../support/storage-backends';

// Issue 14, item 4: methods a provider stored that the console used to refuse to read. Only Ceph
// RGW takes them (s3rver answers InvalidRequest for `get` and `COPY`, as AWS does for any method
// outside the five). Measured on Ceph 16.2.15: PutBucketCors takes `get` and stores `GET`; it takes
// `COPY` and gives it back, yet a preflight asking for COPY gets 403.

const APP = 'http://app.test:8080';
const ODD = `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule><AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>get</AllowedMethod><AllowedMethod>COPY</AllowedMethod></CORSRule></CORSConfiguration>`;

describe('odd methods stored on a real Ceph RGW', () => {
  const storage = useStorageBackend('rgw');
  const bucket = 'edges-odd-methods';
  let api: ReturnType<typeof consoleOver>;
  beforeAll(async () => {
    api = consoleOver(storage.current);
    await storage.current.createBucket(bucket);
    await storage.current.putObject(bucket, 'test.txt', 'hello');
  });

  const read = async () => {
    const res = await api.client(routes.getCors, { params: { profile: 'local', bucket } });
    if (!res.ok) throw new Error(`GET .../cors failed: ${res.error.message}`);
    return res.answer;
  };

  it('stores `get` as GET and keeps COPY', async () => {
    expect((await storage.current.putCors(bucket, ODD)).status).toBe(200);
    const raw = (await storage.current.getCors(bucket)).body;
    expect(raw).toContain('<AllowedMethod>GET</AllowedMethod>');
    expect(raw).toContain('<AllowedMethod>COPY</AllowedMethod>');
    expect(raw).not.toContain('<AllowedMethod>get</AllowedMethod>');
  });

  it('is read through the API, with COPY left out and flagged', async () => {
    const state = await read();
    expect(state.config?.rules.map((r) => r.allowedMethods)).toEqual([['GET']]);
    const flagged = state.issues.filter((i) => i.code === 'method.stored-never-matches');
    expect(flagged).toEqual([expect.objectContaining({ severity: 'warning', code: 'method.stored-never-matches', params: { value: 'COPY' }, path: ['rules', 0, 'allowedMethods', 1] })]);
    expect(issueText(flagged[0]!).message).toBe(
      'The provider stored method "COPY", but no browser request ever matches it (Ceph RGW answers a COPY preflight with 403), so the console leaves it out.',
    );
  });

  it.each([
    ['a GET preflight', 'OPTIONS', { origin: APP, 'access-control-request-method': 'GET' }],
    ['a preflight asking for `get`', 'OPTIONS', { origin: APP, 'access-control-request-method': 'get' }],
    ['a preflight asking for COPY', 'OPTIONS', { origin: APP, 'access-control-request-method': 'COPY' }],
    ['a GET', 'GET', { origin: APP }],
    ['a HEAD', 'HEAD', { origin: APP }],
  ] as const)('predicts what RGW answers to %s', async (_, method, headers) => {
    const state = await read();
    const answer = await storage.current.http.anonymous(method, `/${bucket}/test.txt`, headers);
    expect(answerDifferences(answer, evaluate(state.config, { method, headers }, 'rgw'))).toEqual([]);
  });

  it('is fixed by saving what the console read: COPY is gone and nothing is flagged', async () => {
    const before = await read();
    const res = await api.client(routes.putCors, { params: { profile: 'local', bucket }, body: { config: before.config! }, ifMatch: before.version });
    if (!res.ok) throw new Error(res.error.message);
    const raw = (await storage.current.getCors(bucket)).body;
    expect(raw).toContain('<AllowedMethod>GET</AllowedMethod>');
    expect(raw).not.toContain('COPY');
    expect((await read()).issues.filter((i) => i.code.startsWith('method.'))).toEqual([]);
  });
});
