import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, serializeCorsDocument } from '../../src/core';
import { differentialCases, differentialConfigs, type DifferentialCase } from '../fixtures/s3rver-differential-cases';
import { corsHeadersOf, startLocalS3, type LocalS3 } from '../support/s3rver';

// Differential test: every case goes over HTTP to a real s3rver, and the core's 's3rver'
// dialect must predict the status, the error and each CORS header exactly.

let s3: LocalS3;
const bucketOf = (name: string) => `diff-${name.toLowerCase()}`;
const pathOf = (c: DifferentialCase) =>
  c.target === 'bucket' ? `/${bucketOf(c.config)}` : `/${bucketOf(c.config)}/${c.target === 'missing' ? 'missing.txt' : 'test.txt'}`;

function errorOf(body: string): { code: string; message: string } | undefined {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return code === undefined ? undefined : { code, message: (message ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') };
}

beforeAll(async () => {
  s3 = await startLocalS3();
  for (const [name, config] of Object.entries(differentialConfigs)) {
    const bucket = bucketOf(name);
    await s3.createBucket(bucket);
    await s3.putObject(bucket, 'test.txt', 'hello');
    if (config) {
      const put = await s3.putCors(bucket, serializeCorsDocument(config, 's3-xml'));
      expect(put.status, `s3rver accepts our S3 XML for ${name}: ${put.body}`).toBe(200);
    }
  }
});

afterAll(async () => {
  await s3?.stop();
});

describe('evaluate(..., "s3rver") predicts a real s3rver', () => {
  it('has at least 40 cases', () => {
    expect(differentialCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(differentialCases)('$name', async (c) => {
    const body = c.method === 'PUT' ? 'uploaded' : undefined;
    const response = await s3.request(c.method, pathOf(c), c.headers, body);
    const decision = evaluate(differentialConfigs[c.config], { method: c.method, headers: c.headers, resource: c.target === 'bucket' ? 'bucket' : 'object' }, 's3rver');

    expect(corsHeadersOf(response.headers)).toEqual(decision.headers);
    if (decision.kind === 'preflight') {
      expect(response.status).toBe(decision.status);
      expect(errorOf(response.body)).toEqual(decision.error);
    }
  });
});
