import { routes, type CorsState } from '../../contract/api';
import type { Issue } from '../../core';
import type { CorsAnalyst } from '../cors/cors-analyst';
import type { CorsService, WriteOutcome } from '../cors/cors-service';
import { apiError, fromStorageError } from '../http/api-error';
import { answer, type Register } from '../http/register';
import type { HistoryRecorder } from '../state/history-recorder';
import { demoLessonOf } from '../embedded/seeds';

/** The first error, so the message can name its field: `rules.2.allowedHeaders.0`. */
function firstError(issues: Issue[]): { first?: Issue } {
  const first = issues.find((i) => i.severity === 'error');
  return first ? { first } : {};
}

const withVersion = (state: CorsState) => answer(state, state.version);

/** A guarded write's answer: the state written, a 409 with `current`, or the provider's failure. */
export function answerWrite(outcome: WriteOutcome) {
  switch (outcome.kind) {
    case 'written':
      return withVersion(outcome.state);
    case 'conflict':
      return { ...apiError('version-conflict', {}), current: outcome.current };
    case 'failed':
      return { ...fromStorageError(outcome.error), ...(outcome.current ? { current: outcome.current } : {}) };
  }
}

const precondition = () => apiError('precondition-required', {});

/** GET/PUT/DELETE of one bucket's CORS configuration, every write guarded by If-Match. */
export function registerCorsRoutes(register: Register, service: CorsService, analyst: CorsAnalyst, journalOf: HistoryRecorder) {
  register(routes.getCors, async ({ profile: { adapter, summary }, bucket }) => {
    const state = await service.read(adapter, summary.dialect, bucket, `${summary.id}/${bucket}`);
    if (!state.ok) return fromStorageError(state.error);
    // Only the embedded store's demo buckets teach: a bucket of the same name elsewhere is someone's own.
    const lesson = summary.embedded ? demoLessonOf(bucket) : undefined;
    return answer({ ...state.value, ...(lesson ? { lesson } : {}) }, state.value.version);
  });
  register(routes.putCors, async ({ c, profile: { adapter, summary }, bucket, body, ifMatch }) => {
    const issues = await analyst.issuesForSave(body.config, summary.dialect);
    if (issues.some((i) => i.severity === 'error')) return apiError('validation-failed', { profile: summary.label, ...firstError(issues) }, { issues });
    if (!ifMatch) return precondition();
    const journal = journalOf(c, { profile: summary.id, bucket }, { action: 'save', source: body.source }, body.config);
    return answerWrite(await service.put(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, ifMatch, body.config, journal));
  });
  register(routes.deleteCors, async ({ c, profile: { adapter, summary }, bucket, ifMatch }) => {
    if (!ifMatch) return precondition();
    const journal = journalOf(c, { profile: summary.id, bucket }, { action: 'delete' }, null);
    return answerWrite(await service.remove(`${summary.id}/${bucket}`, adapter, summary.dialect, bucket, ifMatch, journal));
  });
}
