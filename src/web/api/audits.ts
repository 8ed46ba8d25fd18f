import type { StartAuditBody } from '../../contract/api';
import { fetchAnswer } from './client';

// The Audit page's calls: an audit is a job of the console, read while it runs. The page keeps the
// buckets it has and asks only for those after them (`from`), so a large fleet polls cheaply.

export function startAudit(profile: string, body: StartAuditBody) {
  return fetchAnswer('startAudit', { params: { profile }, body });
}

/** The job, with the buckets audited after the first `from`. */
export function readAudit(audit: string, from: number, signal?: AbortSignal) {
  return fetchAnswer('getAudit', { params: { audit }, query: { from: String(from) }, ...(signal ? { signal } : {}) });
}

/** Stops the audit starting buckets; answers it once the buckets being read are in. */
export function cancelAudit(audit: string) {
  return fetchAnswer('cancelAudit', { params: { audit } });
}
