import { parentPort } from 'node:worker_threads';
import { analyseStored, analyseStoredAnswer, issuesForSave, storedVersion } from './analysis';
import type { AnalysisJob, AnalysisAnswer } from './cors-analyst';

// The entry of the analysis worker thread (built to dist/server/cors-analysis-worker.js): the
// core is pure, so it runs here unchanged, away from the event loop that answers every request.

/** The job's answer, and the buffers to move (not copy) to the event loop's thread with it. */
function run(job: AnalysisJob): { value: unknown; transfer?: ArrayBuffer[] } {
  switch (job.kind) {
    case 'state':
      return { value: analyseStored(job.stored, job.dialect) };
    case 'state-answer': {
      const analysed = analyseStoredAnswer(job.stored, job.dialect);
      return { value: analysed, ...(analysed.ok ? { transfer: [analysed.value.json.buffer] } : {}) };
    }
    case 'version':
      return { value: storedVersion(job.stored, job.dialect) };
    case 'save':
      return { value: issuesForSave(job.config, job.dialect) };
  }
}

parentPort?.on('message', (job: AnalysisJob) => {
  let answer: AnalysisAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const done = run(job);
    answer = { id: job.id, ok: true, value: done.value };
    transfer = done.transfer ?? [];
  } catch (thrown) {
    answer = { id: job.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  parentPort?.postMessage(answer, transfer);
});
