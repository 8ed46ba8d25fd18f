import type { AuditReport, BucketAudit } from '../../contract/audit';
import { applyPolicy, auditConfiguration, dialectProfile, issueMessage, parseCorsDocument, type AuditFinding, type AuditPolicy, type CorsConfig, type Dialect } from '../../core';
import { corsVersion } from '../cors/version';
import { mapWithConcurrency } from '../http/concurrency';
import type { ConnectedProfile } from '../profiles/connect';
import { driftOf } from '../state/drift';
import type { StateStore } from '../state/state-store';
import type { StorageError } from '../storage/result';

/** Buckets read at once: the bucket list's own figure (buckets.routes.ts), below provider rate limits. */
export const AUDIT_CONCURRENCY = 8;

export interface FleetAuditOptions {
  profile: ConnectedProfile;
  /** The console's state: its history (for changes made outside it) and saved tests (an app that sends credentials). */
  state?: Pick<StateStore, 'history' | 'savedTests'>;
  prefix?: string;
  policy: AuditPolicy;
  concurrency?: number;
  /** Stops starting new buckets; the report then says `cancelled` and holds the buckets audited. */
  signal?: AbortSignal;
  /** Each bucket as soon as it is audited (in completion order), with the progress. */
  onBucket?: (audit: BucketAudit, progress: { done: number; total: number }) => void;
}

export type FleetAuditResult = { ok: true; report: AuditReport } | { ok: false; error: StorageError };

type ReadOutcome = { config: CorsConfig | null; finding?: undefined } | { config?: undefined; finding: AuditFinding };

/**
 * The bucket's configuration as the console reads it, or the finding that says why it cannot be
 * audited. The provider's own document is read again by the core, strictly: the adapter reads
 * leniently (s3rver stores `<MaxAgeSeconds>abc</MaxAgeSeconds>`, which the adapter reads as no
 * number), and a value the core cannot read means the rules checked are not the provider's.
 */
async function readConfiguration(profile: ConnectedProfile, bucket: string): Promise<ReadOutcome> {
  const stored = await profile.adapter.getCors(bucket);
  if (!stored.ok) {
    const { error } = stored;
    return { finding: { code: 'configuration-refused', params: { providerCode: error.providerCode ?? error.code, ...(error.providerStatus !== undefined ? { status: error.providerStatus } : {}) } } };
  }
  const { config, raw, unread } = stored.value;
  if (raw === null) return { config };
  const format = unread ?? nativeFormat(profile.summary.dialect);
  const parsed = parseCorsDocument(raw, format);
  const unreadable = parsed.issues.find((issue) => issue.severity === 'error');
  if (!parsed.ok || unreadable) return { finding: { code: 'configuration-unreadable', params: { reason: unreadable ? issueMessage(unreadable) : format } } };
  return { config: unread === undefined ? config : parsed.config };
}

const nativeFormat = (dialect: Dialect) => dialectProfile(dialect).documents.native;

/** Whether the app sends credentials: the policy says so, or a saved test of the bucket sends them. */
async function credentialsExpected(options: FleetAuditOptions, bucket: string): Promise<'policy' | 'saved-tests' | undefined> {
  if (options.policy.expectCredentials) return 'policy';
  const tests = (await options.state?.savedTests.list(options.profile.summary.id, bucket).catch(() => [])) ?? [];
  return tests.some((test) => test.request.credentials === 'include') ? 'saved-tests' : undefined;
}

/** A change the console's history does not end with (state/drift.ts decides, as the History tab does). */
async function changedOutside(options: FleetAuditOptions, bucket: string, config: CorsConfig | null): Promise<AuditFinding[]> {
  if (!options.state) return [];
  const latest = (await options.state.history.page({ profile: options.profile.summary.id, bucket }, { limit: 1 })).entries[0];
  const drift = driftOf(latest, { config, version: corsVersion(config) });
  return drift ? [{ code: 'changed-outside-console', params: { entry: drift.entry, lastKnownVersion: drift.lastKnown.version, currentVersion: drift.current.version } }] : [];
}

async function auditBucket(options: FleetAuditOptions, bucket: string): Promise<BucketAudit> {
  const read = await readConfiguration(options.profile, bucket);
  if (read.finding) return { bucket, ruleCount: null, findings: applyPolicy([read.finding], options.policy) };
  const { config } = read;
  const expectsCredentials = await credentialsExpected(options, bucket);
  const findings = [...auditConfiguration(config, { dialect: options.profile.summary.dialect, ...(expectsCredentials ? { expectsCredentials } : {}) }), ...(await changedOutside(options, bucket, config))];
  return { bucket, ruleCount: config?.rules.length ?? 0, findings: applyPolicy(findings, options.policy) };
}

/**
 * Every bucket of the profile under `prefix`, read `concurrency` at a time and checked against the
 * policy. A failed listing is the audit's failure; a bucket that cannot be read is a finding.
 */
export async function auditFleet(options: FleetAuditOptions): Promise<FleetAuditResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const listed = await options.profile.adapter.listBuckets();
  if (!listed.ok) return listed;
  const prefix = options.prefix ?? '';
  const names = listed.value.map((entry) => entry.name).filter((name) => name.startsWith(prefix));
  let done = 0;
  const audited = await mapWithConcurrency(
    names,
    options.concurrency ?? AUDIT_CONCURRENCY,
    async (bucket) => {
      const audit = await auditBucket(options, bucket);
      options.onBucket?.(audit, { done: ++done, total: names.length });
      return audit;
    },
    options.signal,
  );
  const buckets = audited.filter((audit) => audit !== undefined);
  return {
    ok: true,
    report: {
      version: 1,
      profile: options.profile.summary.id,
      prefix,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      total: names.length,
      cancelled: buckets.length < names.length,
      policy: options.policy,
      buckets,
    },
  };
}
