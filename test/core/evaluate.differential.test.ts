import { beforeAll, describe, expect, it } from 'vitest';
import { answerDifferences, evaluate, providerErrorOf, serializeCorsDocument } from '../../src/core';
import { differentialCases, differentialConfigs, type DifferentialCase } from '../fixtures/differential-cases';
import type { RawResponse } from '../support/signed-http';
import { STORAGE_BACKENDS, useStorageBackend, type StorageBackend } from '../support/storage-backends';

// Differential test: every case goes over HTTP to each real backend (s3rver, Ceph RGW), and the
// backend's dialect must predict the status, the error and each CORS header exactly.

const bucketOf = (name: string) => `diff-${name.toLowerCase()}`;
const pathOf = (c: DifferentialCase) => {
  if (c.target === 'no-bucket') return '/diff-no-such-bucket/test.txt';
  return c.target === 'bucket' ? `/${bucketOf(c.config)}` : `/${bucketOf(c.config)}/${c.target === 'missing' ? 'missing.txt' : 'test.txt'}`;
};

async function send(storage: StorageBackend, c: DifferentialCase): Promise<RawResponse> {
  const body = c.method === 'PUT' ? 'uploaded' : undefined;
  switch (c.auth ?? 'anonymous') {
    case 'anonymous':
      return storage.http.anonymous(c.method, pathOf(c), c.headers, body);
    case 'signed':
      return storage.http.signed(c.method, pathOf(c), c.headers, body);
    case 'presigned':
      return storage.http.anonymous(c.method, await storage.http.presign(c.method, pathOf(c)), c.headers, body);
  }
}

/** The request as the server sees it: a header-signed one carries Authorization. */
const requestHeadersOf = (c: DifferentialCase) =>
  c.auth === 'signed' ? { ...c.headers, authorization: 'AWS4-HMAC-SHA256 Credential=... (signed by the test)' } : c.headers;

describe.each(STORAGE_BACKENDS)('evaluate() predicts a real %s', (backend) => {
  const storage = useStorageBackend(backend);

  // Registered after useStorageBackend's hook, so it runs once the backend is up.
  beforeAll(async () => {
    for (const [name, config] of Object.entries(differentialConfigs)) {
      const bucket = bucketOf(name);
      await storage.current.createBucket(bucket);
      await storage.current.putObject(bucket, 'test.txt', 'hello');
      if (config) {
        const put = await storage.current.putCors(bucket, serializeCorsDocument(config, 's3-xml'));
        if (put.status !== 200) throw new Error(`${backend} refuses our S3 XML for ${name}: ${put.status} ${put.body}`);
      }
    }
  });

  it('has at least 40 cases, signed and presigned ones among them', () => {
    expect(differentialCases.length).toBeGreaterThanOrEqual(40);
    expect(differentialCases.filter((c) => c.auth === 'signed').length).toBeGreaterThanOrEqual(5);
    expect(differentialCases.filter((c) => c.auth === 'presigned').length).toBeGreaterThanOrEqual(3);
  });

  it.each(differentialCases)('$name', async (c) => {
    const response = await send(storage.current, c);
    const decision = evaluate(
      differentialConfigs[c.config],
      { method: c.method, headers: requestHeadersOf(c), resource: c.target === 'bucket' ? 'bucket' : 'object', bucketExists: c.target !== 'no-bucket' },
      storage.current.dialect,
    );

    expect(answerDifferences(response, decision)).toEqual([]);
    if (decision.kind === 'preflight') expect(providerErrorOf(response.body)).toEqual(decision.error);
  });
});
