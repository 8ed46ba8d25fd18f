import { createHash } from 'node:crypto';
import { DEFAULT_AUDIT_POLICY, serializeCorsDocument, type CorsConfig } from '../../src/core';
import { auditFleet } from '../../src/server/audit/audit-fleet';
import { createS3Adapter } from '../../src/server/storage/s3-adapter';
import { profileSummary } from '../../test/support/builders';
import { createBuckets, startConsoleProcess } from '../lib/console-process';
import type { Figure } from '../lib/report';

const BUCKETS = 10_000;
/** Every 10th bucket gets rules the checks have something to say about (a * that writes, a shadowed rule). */
const WITH_RULES_EVERY = 10;
const RULES: CorsConfig = {
  rules: [
    { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
    { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 3600 },
    { allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [] },
  ],
};

/** `cors-console audit` of 10,000 buckets on the embedded store: wall time, from the listing to the last bucket's findings. */
export async function measureAudit(log: (line: string) => void): Promise<Figure[]> {
  const app = await startConsoleProcess();
  try {
    const arranged = performance.now();
    await createBuckets(app.storage, BUCKETS, 'audit');
    const xml = serializeCorsDocument(RULES, 's3-xml');
    const headers = { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(xml).digest('base64') };
    for (let i = 0; i < BUCKETS; i += WITH_RULES_EVERY) {
      const response = await app.storage.signed('PUT', `/audit-${String(i).padStart(5, '0')}?cors`, headers, xml);
      if (response.status !== 200) throw new Error(`PutBucketCors on audit-${i}: ${response.status}`);
    }
    log(`audit: ${BUCKETS} buckets (${BUCKETS / WITH_RULES_EVERY} with rules) arranged in ${Math.round(performance.now() - arranged)} ms`);
    const adapter = createS3Adapter({ endpoint: app.s3, region: 'us-east-1', addressing: 'path', credentials: app.keys, timeoutMs: 30_000 });
    const profile = { summary: profileSummary({ id: 'local', endpoint: app.s3, dialect: 's3rver', capabilities: { ...adapter.capabilities } }), adapter };
    let progress = 0;
    const started = performance.now();
    const audited = await auditFleet({ profile, policy: DEFAULT_AUDIT_POLICY, onBucket: () => progress++ });
    const seconds = (performance.now() - started) / 1000;
    if (!audited.ok) throw new Error(`The audit could not list the buckets: ${audited.error.code}`);
    const findings = audited.report.buckets.reduce((n, b) => n + b.findings.length, 0);
    return [
      {
        id: 'audit-10000',
        label: 'Audit of 10,000 buckets on the embedded store',
        value: Math.round(seconds * 10) / 10,
        unit: 's',
        goal: { op: '<', value: 60 },
        detail: `one run, wall time: listing, one GetBucketCors per bucket 8 at a time, the checks; ${audited.report.total} buckets (the store's demo buckets too), ${progress} progress events, ${findings} findings on the ${BUCKETS / WITH_RULES_EVERY} with rules`,
      },
    ];
  } finally {
    await app.stop();
  }
}
