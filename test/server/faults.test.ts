import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/contract/api';
import { parseCorsDocument, serializeCorsDocument, type CorsConfig } from '../../src/core';
import { createApp } from '../../src/server/app';
import type { ConnectedProfile } from '../../src/server/profiles/connect';
import { createProfileRegistry } from '../../src/server/profiles/registry';
import { createS3Adapter } from '../../src/server/storage/s3-adapter';
import { typedClient } from '../support/api-client';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startLocalS3, type LocalS3 } from '../support/s3rver';
import { profileSummary } from '../support/builders';

// A real s3rver behind a TCP proxy that fails on cue: unreachable, wedged, or killed in the
// middle of a save. The API must answer a clear error, and the bucket must hold the old or the
// new configuration whole, never a part of one.

const DEADLINE_MS = 800;
let s3: LocalS3;
let proxy: FaultProxy;
let app: ReturnType<typeof createApp>;

const OLD: CorsConfig = { rules: [{ id: 'old', allowedOrigins: ['https://old.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };
// Long enough that "half the body" cuts inside the rules.
const NEW: CorsConfig = {
  rules: Array.from({ length: 20 }, (_, i) => ({ id: `new-${i}`, allowedOrigins: [`https://new-${i}.example`], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 })),
};

function profileOn(endpoint: string, id: string): ConnectedProfile {
  const adapter = createS3Adapter({ endpoint, region: 'us-east-1', addressing: 'path', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, timeoutMs: DEADLINE_MS });
  return { adapter, summary: profileSummary({ id, label: `Faulty ${id}`, endpoint, embedded: false, capabilities: { ...adapter.capabilities } }) };
}

const client = () => typedClient(app);
const readCors = (bucket: string, profile = 'faulty') => client()(routes.getCors, { params: { profile, bucket } });
const putCors = (bucket: string, config: CorsConfig, version: string) => client()(routes.putCors, { params: { profile: 'faulty', bucket }, body: { config }, ifMatch: version });

/** What s3rver itself holds, read past the proxy: a whole document, or none. */
async function heldByStorage(bucket: string): Promise<CorsConfig | null> {
  const answer = await s3.request('GET', `/${bucket}?cors`);
  if (answer.status === 404) return null;
  const parsed = parseCorsDocument(answer.body, 's3-xml');
  if (!parsed.ok) throw new Error(`s3rver holds a broken document: ${answer.body}`);
  return parsed.config;
}

async function bucketWithOld(name: string): Promise<string> {
  await s3.createBucket(name);
  expect((await s3.putCors(name, serializeCorsDocument(OLD, 's3-xml'))).status).toBe(200);
  const loaded = await readCors(name);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.answer.version;
}

beforeAll(async () => {
  s3 = await startLocalS3();
  proxy = await startFaultProxy({ host: '127.0.0.1', port: s3.port });
  app = createApp({ profiles: createProfileRegistry([profileOn(proxy.endpoint, 'faulty'), profileOn('http://127.0.0.1:1', 'nowhere')]) });
});
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});

describe('storage faults', () => {
  it('answers 502 provider-unreachable, with what to check, when nothing listens at the endpoint', async () => {
    const res = await readCors('any-bucket', 'nowhere');
    expect(res.status).toBe(502);
    expect(!res.ok && res.error).toEqual({
      code: 'provider-unreachable',
      params: { reason: 'no-answer', call: { call: 'read-cors', bucket: 'any-bucket' }, provider: { kind: 's3-api' }, transportCode: 'ECONNREFUSED' },
      message: 'Could not read the CORS configuration of any-bucket: the storage endpoint did not answer (ECONNREFUSED). Check the endpoint and that the service is running.',
      providerCode: 'ECONNREFUSED',
    });
  });

  it('gives up on a wedged storage server at the deadline with 504 provider-timeout, and cancels the request', async () => {
    await s3.createBucket('wedged');
    proxy.arm({ kind: 'hang', on: /^GET \/wedged\/?\?cors/ });
    const started = performance.now();
    const res = await readCors('wedged');
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(!res.ok && res.error).toMatchObject({ code: 'provider-timeout', message: expect.stringContaining('did not answer in time') });
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1500);
    // Cancelled, not abandoned: the console closed its connection to the storage server.
    await expect.poll(() => proxy.abandonedByClient, { timeout: 2000 }).toBeGreaterThanOrEqual(1);
  });

  it('times out a save whose PUT never gets an answer, and says the bucket still holds the old rules', async () => {
    const version = await bucketWithOld('slow-save');
    proxy.arm({ kind: 'hang', on: /^PUT \/slow-save\/?\?cors/ });
    const res = await putCors('slow-save', NEW, version);
    expect(res.status).toBe(504);
    expect(!res.ok && res.error.code).toBe('provider-timeout');
    expect(!res.ok && res.current?.config).toEqual(OLD);
    expect(await heldByStorage('slow-save')).toEqual(OLD);
  });

  it('survives the storage server dying in the middle of the PUT body: a clear error, and the old rules whole', async () => {
    const version = await bucketWithOld('killed-mid-body');
    proxy.arm({ kind: 'die-mid-body', on: /^PUT \/killed-mid-body\/?\?cors/ });
    const res = await putCors('killed-mid-body', NEW, version);
    await proxy.struck();
    // Part of the document reached the storage server, not all of it.
    expect(proxy.cut!.bodyBytesPassed).toBeGreaterThan(100);
    expect(proxy.cut!.bodyBytesPassed).toBeLessThan(proxy.cut!.bodyBytes);
    expect(res.status).toBe(502);
    if (res.ok) throw new Error('written');
    expect(res.error).toMatchObject({ code: 'provider-unreachable', message: expect.stringContaining('write the CORS configuration of killed-mid-body') });
    // Dead storage cannot be read back, so the answer claims nothing about what it holds.
    expect(res.current).toBeUndefined();

    await proxy.revive();
    expect(await heldByStorage('killed-mid-body')).toEqual(OLD);
    const after = await readCors('killed-mid-body');
    expect(after.ok && after.answer.config).toEqual(OLD);
  });

  it('survives the storage server dying after the write but before its answer: a clear error, and the new rules whole', async () => {
    const version = await bucketWithOld('killed-before-answer');
    proxy.arm({ kind: 'die-before-answer', on: /^PUT \/killed-before-answer\/?\?cors/ });
    const res = await putCors('killed-before-answer', NEW, version);
    await proxy.struck();
    expect(res.status).toBe(502);
    expect(!res.ok && res.error.code).toBe('provider-unreachable');

    await proxy.revive();
    expect(await heldByStorage('killed-before-answer')).toEqual(NEW);
    // The editor's next save names the version it loaded: refused with the new state, nothing lost.
    const retry = await putCors('killed-before-answer', NEW, version);
    expect(retry.status).toBe(409);
    expect(!retry.ok && retry.current?.config).toEqual(NEW);
  });
});
