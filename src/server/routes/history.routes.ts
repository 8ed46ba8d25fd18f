import { routes } from '../../contract/api';
import type { CorsAnalyst } from '../cors/cors-analyst';
import type { CorsService } from '../cors/cors-service';
import { apiError } from '../http/api-error';
import { answer, type Register } from '../http/register';
import { driftOf, restoreTarget } from '../state/drift';
import type { HistoryRecorder } from '../state/history-recorder';
import type { HistoryStore } from '../state/history-store';
import { answerWrite } from './cors.routes';

const PAGE = { default: 20, max: 100 };

function pageSize(limit: string | undefined): number {
  const asked = Number(limit);
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, PAGE.max) : PAGE.default;
}

/** A bucket's history through the console, drift from it, and restores of its entries. */
export function registerHistoryRoutes(register: Register, service: CorsService, analyst: CorsAnalyst, history: HistoryStore, journalOf: HistoryRecorder) {
  register(routes.listHistory, async ({ profile: { adapter, summary }, bucket, query }) => {
    const ref = { profile: summary.id, bucket };
    const [page, current] = await Promise.all([history.page(ref, { ...(query.cursor ? { cursor: query.cursor } : {}), limit: pageSize(query.limit) }), service.read(adapter, summary.dialect, bucket, `${summary.id}/${bucket}`)]);
    // Drift compares with the newest entry; a later page is not about the bucket's present.
    const latest = query.cursor ? (await history.page(ref, { limit: 1 })).entries[0] : page.entries[0];
    // The history stays readable while the provider is not; drift is then unknown, not claimed.
    const drift = current.ok ? driftOf(latest, { config: current.value.config, version: current.value.version }) : null;
    return answer({ ...page, drift });
  });

  register(routes.restoreHistory, async ({ c, profile: { adapter, summary }, bucket, params, body, ifMatch }) => {
    const ref = { profile: summary.id, bucket };
    const entry = await history.get(ref, params.entry);
    if (!entry) return apiError('history-entry-not-found', { bucket, entry: params.entry });
    const { config } = restoreTarget(entry, body.side);
    if (config) {
      // The same checks as a save, off the event loop like a save's: the provider (or its dialect) may have changed since the entry.
      const issues = await analyst.issuesForSave(config, summary.dialect);
      const first = issues.find((i) => i.severity === 'error');
      if (first) return apiError('validation-failed', { profile: summary.label, first }, { issues });
    }
    if (!ifMatch) return apiError('precondition-required', {});
    const journal = journalOf(c, ref, { action: 'restore', source: body.source, restoredFrom: entry.id }, config);
    const key = `${summary.id}/${bucket}`;
    const outcome = config ? await service.put(key, adapter, summary.dialect, bucket, ifMatch, config, journal) : await service.remove(key, adapter, summary.dialect, bucket, ifMatch, journal);
    return answerWrite(outcome);
  });
}
