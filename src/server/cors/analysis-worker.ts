import { parentPort } from 'node:worker_threads';
import { analyseStored, issuesForSave, storedVersion } from './analysis';
import type { AnalysisJob, AnalysisAnswer } from './cors-analyst';

// The entry of the analysis worker thread (built to dist/server/cors-analysis-worker.js): the
// core is pure, so it runs here unchanged, away from the event loop that answers every request.

function run(job: AnalysisJob): unknown {
  switch (job.kind) {
    case 'state':
      return analyseStored(job.stored, job.dialect);
    case 'version':
      return storedVersion(job.stored, job.dialect);
    case 'save':
      return issuesForSave(job.config, job.dialect);
  }
}

parentPort?.on('message', (job: AnalysisJob) => {
  let answer: AnalysisAnswer;
  try {
    answer = { id: job.id, ok: true, value: run(job) };
  } catch (thrown) {
    answer = { id: job.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  parentPort?.postMessage(answer);
});
