// The catalogue of a drift comparison (messages `drift.*` of locales/*.json): the verdict, and each
// request whose outcome differs between the live configuration and the file.
import type { ChangedRequest, ConfigComparison, RequestOutcome } from '../drift';
import { text } from './catalogue';

/** The comparison's verdict as one sentence. */
export function comparisonVerdictText(comparison: ConfigComparison): string {
  switch (comparison.verdict) {
    case 'identical':
      return text('drift.verdict.identical');
    case 'reordered-without-effect':
      return text('drift.verdict.reordered-without-effect', { sampled: comparison.sampled });
    case 'reordered-with-effect':
      return text('drift.verdict.reordered-with-effect', { count: comparison.changedRequests.length });
    case 'changed':
      return text('drift.verdict.changed', { edits: comparison.edits.length, count: comparison.changedRequests.length });
  }
}

function outcomeText(outcome: RequestOutcome): string {
  const allowOrigin = outcome.actualHeaders?.['access-control-allow-origin'] ?? outcome.preflightHeaders?.['access-control-allow-origin'];
  const expose = outcome.actualHeaders?.['access-control-expose-headers'];
  if (!outcome.allowed) return text('drift.outcome.blocked', { check: outcome.blockedAt ?? 'cors' });
  return text('drift.outcome.allowed', { allowOrigin: allowOrigin ?? '-', expose: expose ?? '-' });
}

/** `GET from https://app.example.com (with credentials): live allowed …; file blocked …`. */
export function changedRequestText(changed: ChangedRequest): string {
  const { request } = changed;
  const headers = Object.keys(request.headers ?? {});
  return text('drift.request', {
    method: request.method,
    origin: request.origin,
    headers: headers.length ? headers.join(', ') : '-',
    credentials: request.credentials === 'include' ? 'include' : 'omit',
    live: outcomeText(changed.live),
    file: outcomeText(changed.file),
  });
}
