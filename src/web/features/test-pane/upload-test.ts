import { dialectProfile, headerReadability, judgeOutcome, predictBrowserFetch, preflightFacts, type AppVerdict, type CorsConfig, type Dialect, type OutcomeFacts } from '../../../core';
import { newScratchKey } from '../../../contract/scratch';
import { presign, removeScratch } from '../../api/testing';
import { performFetch, type FetchOutcome } from '../../lib/browser-fetch';

export type UploadKind = 'presigned-put' | 'post-form';

export interface UploadResult {
  kind: UploadKind;
  url: string;
  outcome: FetchOutcome;
  /** The ETag as script sees it, or null when CORS hides it (not in Expose headers). */
  etag: string | null;
  /** What the rules predict for the same upload; `noEtag` when the provider sends no ETag at all. */
  predicted: { allowed: boolean; etagReadable: boolean; noEtag: boolean; verdict: AppVerdict; preflight?: OutcomeFacts['preflight'] };
  /** The verdict for the app: the browser's outcome, ETag included (the app must read it). */
  verdict: AppVerdict;
  /** The scratch object uploaded to, and the error when it could not be removed right after. */
  scratch?: { key: string; notRemoved?: unknown };
}

/** The rules' prediction for an upload from `origin`: allowed, and ETag readable? */
export function predictUpload(config: CorsConfig | null, dialect: Dialect, origin: string, kind: UploadKind, file: Blob): UploadResult['predicted'] {
  // A form upload's body is multipart/form-data, a safelisted type; a PUT carries the file's own type.
  const headers: Record<string, string> = kind === 'post-form' ? { 'content-type': 'multipart/form-data; boundary=x' } : file.type ? { 'content-type': file.type } : {};
  const prediction = predictBrowserFetch(config, { origin, method: kind === 'post-form' ? 'POST' : 'PUT', headers, ...(kind === 'post-form' ? { resource: 'bucket' as const } : {}) }, dialect);
  const noEtag = kind === 'post-form' && !dialectProfile(dialect).response.formUploadHasEtag;
  const exposed = headerReadability(prediction, ['etag']).readable.length === 1;
  const etagReadable = exposed && !noEtag;
  // The browser does not tell script how long it caches the preflight: that fact is the rules'.
  const preflight = preflightFacts(prediction, dialect);
  const verdict = judgeOutcome({ allowed: prediction.allowed, unreadable: etagReadable ? [] : ['etag'], ...(preflight ? { preflight } : {}) });
  return { allowed: prediction.allowed, etagReadable, noEtag, verdict, ...(preflight ? { preflight } : {}) };
}

/**
 * Uploads `file` the two ways a web app does it straight to a bucket — a presigned PUT, or a POST
 * form with a signed policy — from this page, and reports whether script can read the ETag.
 */
export interface UploadTarget {
  profile: string;
  bucket: string;
  dialect: Dialect;
  /** What the provider holds, for the prediction. */
  saved: CorsConfig | null;
}

/**
 * `key` null uploads to a fresh scratch object, removed right after; a named key is the user's
 * object, written only with `confirmWrite` (they confirmed it).
 */
export async function runUpload({ profile, bucket, dialect, saved }: UploadTarget, named: string | null, file: Blob, fileName: string, kind: UploadKind, confirmWrite = false): Promise<UploadResult> {
  const method = kind === 'presigned-put' ? 'PUT' : 'POST';
  const key = named ?? newScratchKey();
  const signed = await presign({ profile, bucket }, { key, method, ...(named !== null && confirmWrite ? { confirmWrite } : {}) });
  const upload = () =>
    kind === 'presigned-put'
      ? performFetch({ url: signed.url, method: 'PUT', headers: {}, body: file, credentials: 'omit', cache: 'no-store' })
      : performFetch({ url: signed.url, method: 'POST', headers: {}, form: { fields: signed.fields ?? {}, file, fileName }, credentials: 'omit', cache: 'no-store' });
  let notRemoved: unknown;
  let outcome: FetchOutcome;
  try {
    outcome = await upload();
  } finally {
    if (named === null) notRemoved = await removeScratch({ profile, bucket }, { key }).then(() => undefined, (error: unknown) => error);
  }
  const predicted = predictUpload(saved, dialect, window.location.origin, kind, file);
  const etag = outcome.readableHeaders?.etag ?? null;
  const stored = outcome.readable && outcome.status !== undefined && outcome.status < 300;
  const verdict = judgeOutcome({ allowed: stored, unreadable: etag === null ? ['etag'] : [], ...(predicted.preflight ? { preflight: predicted.preflight } : {}) });
  return { kind, url: signed.url, outcome, etag, predicted, verdict, ...(named === null ? { scratch: { key, ...(notRemoved !== undefined ? { notRemoved } : {}) } } : {}) };
}
