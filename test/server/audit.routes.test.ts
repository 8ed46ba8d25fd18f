import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type AuditJob } from '../../src/contract/api';
import type { ConnectedProfile } from '../../src/server/profiles/connect';
import { createS3Adapter } from '../../src/server/storage/s3-adapter';
import { rule } from '../support/builders';
import { consoleWith, s3rverProfile } from '../support/console-app';
import { startLocalS3, type LocalS3 } from '../support/s3rver';

// The Audit page's API (issue 20, item 1): a job per audit, read while it runs (`from` leaves out
// the buckets the poller has), cancelled, and failed with the provider's code when the listing fails.

const MS = 30_000;
let s3: LocalS3;
let profile: ConnectedProfile;
let api: ReturnType<typeof consoleWith>;

const waitEnded = async (id: string): Promise<AuditJob> => {
  for (;;) {
    const read = await api.client(routes.getAudit, { params: { audit: id }, query: {} });
    if (!read.ok) throw new Error(read.error.message);
    if (read.answer.state !== 'running') return read.answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(async () => {
  s3 = await startLocalS3();
  profile = s3rverProfile(s3.endpoint);
  for (const name of ['aud-clean', 'aud-star', 'aud-etag', 'other-star']) await s3.createBucket(name);
  const put = async (bucket: string, ...rules: Parameters<typeof rule>[0][]) => expect((await profile.adapter.putCors(bucket, { rules: rules.map(rule) })).ok).toBe(true);
  await put('aud-clean', { allowedMethods: ['GET'] });
  await put('aud-star', { allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] });
  await put('aud-etag', { allowedMethods: ['PUT'] });
  await put('other-star', { allowedOrigins: ['*'], allowedMethods: ['DELETE'] });
  api = consoleWith([profile]);
}, MS);
afterAll(async () => {
  await s3?.stop();
});

describe('audit jobs', () => {
  it('audits the buckets under the prefix, each with its findings, and finishes', { timeout: MS }, async () => {
    const started = await api.client(routes.startAudit, { params: { profile: 'local' }, body: { prefix: 'aud-' } });
    expect(started.ok && started.answer).toMatchObject({ profile: 'local', prefix: 'aud-', state: 'running', from: 0 });
    const job = await waitEnded(started.ok ? started.answer.id : '');
    expect(job).toMatchObject({ state: 'finished', done: 3, total: 3, from: 0 });
    expect(job.durationMs).toBeGreaterThanOrEqual(0);
    const codes = Object.fromEntries(job.buckets.map((b) => [b.bucket, b.findings.map((f) => f.code)]));
    expect(codes).toEqual({ 'aud-clean': [], 'aud-star': ['wildcard-origin-writes'], 'aud-etag': ['upload-etag-hidden'] });

    // `from` leaves out the buckets a poller already has (capped at what there is).
    const rest = await api.client(routes.getAudit, { params: { audit: job.id }, query: { from: '2' } });
    expect(rest.ok && rest.answer).toMatchObject({ from: 2, buckets: [job.buckets[2]] });
    const past = await api.client(routes.getAudit, { params: { audit: job.id }, query: { from: '99' } });
    expect(past.ok && past.answer).toMatchObject({ from: 3, buckets: [] });
  });

  it('applies the policy it is given: a check switched off, another made an error', { timeout: MS }, async () => {
    const started = await api.client(routes.startAudit, { params: { profile: 'local' }, body: { prefix: 'aud-', policy: { checks: { 'wildcard-origin-writes': { enabled: false }, 'upload-etag-hidden': { severity: 'error' } } } } });
    const job = await waitEnded(started.ok ? started.answer.id : '');
    expect(job.buckets.flatMap((b) => b.findings.map((f) => [b.bucket, f.code, f.severity]))).toEqual([['aud-etag', 'upload-etag-hidden', 'error']]);
  });

  it('refuses a policy that is not one', { timeout: MS }, async () => {
    const refused = await api.call('POST', '/api/profiles/local/audits', { policy: { checks: { 'no-such-check': {} } } });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'bad-request', params: { reason: 'body-shape' } });
  });

  it('cancels: no bucket is started after, and the job ends as cancelled with the buckets audited before', { timeout: MS }, async () => {
    // Reads of a bucket's CORS wait at a gate: the first eight (the console's concurrency) start, the rest never do.
    for (let i = 0; i < 12; i++) await s3.createBucket(`gate-${String(i).padStart(2, '0')}`);
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let reads = 0;
    const adapter = Object.create(profile.adapter) as ConnectedProfile['adapter'];
    adapter.getCors = async (bucket) => {
      reads++;
      await gate;
      return profile.adapter.getCors(bucket);
    };
    const gated = consoleWith([{ ...profile, adapter }]);
    const started = await gated.client(routes.startAudit, { params: { profile: 'local' }, body: { prefix: 'gate-' } });
    const id = started.ok ? started.answer.id : '';
    await expect.poll(() => reads).toBe(8);
    const cancelling = gated.client(routes.cancelAudit, { params: { audit: id } });
    open();
    const cancelled = await cancelling;
    expect(cancelled.ok && cancelled.answer).toMatchObject({ state: 'cancelled', done: 8, total: 12 });
    expect(cancelled.ok && cancelled.answer.buckets).toHaveLength(8);
    expect(reads).toBe(8);
    // Cancelling an ended job answers it as it ended.
    const again = await gated.client(routes.cancelAudit, { params: { audit: id } });
    expect(again.ok && again.answer.state).toBe('cancelled');
  });

  it('answers audit-not-found for an unknown audit, read or cancelled', { timeout: MS }, async () => {
    for (const method of ['GET', 'DELETE']) {
      const missing = await api.call(method, '/api/audits/no-such-audit');
      expect(missing.status).toBe(404);
      expect(missing.json.error).toMatchObject({ code: 'audit-not-found', params: { audit: 'no-such-audit' } });
    }
  });

  it('fails with the provider error code when the buckets cannot be listed', { timeout: MS }, async () => {
    const adapter = createS3Adapter({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', addressing: 'path', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, timeoutMs: 2000 });
    const down = consoleWith([{ adapter, summary: { ...profile.summary, id: 'down' } }]);
    const started = await down.client(routes.startAudit, { params: { profile: 'down' }, body: {} });
    const id = started.ok ? started.answer.id : '';
    let job: AuditJob | undefined;
    for (;;) {
      const read = await down.client(routes.getAudit, { params: { audit: id }, query: {} });
      job = read.ok ? read.answer : undefined;
      if (job?.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(job).toMatchObject({ state: 'failed', done: 0, buckets: [], error: { code: 'provider-unreachable' } });
  });
});
