import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CorsState } from '../../contract/api';
import type { CorsConfig, Dialect, Issue } from '../../core';
import type { StoredCors } from '../storage/adapter';
import type { SerializedAnswer } from '../http/register';
import { analyseStored, analyseStoredAnswer, issuesForSave, storedVersion, type Analysed } from './analysis';

/**
 * Analyses configurations for the API: reading one (version and issues) and checking one before a
 * save. Linear in the rules, but a provider can hold thousands (s3rver stores 10,000), and the
 * shadowing analysis of even 100 rules takes seconds on a busy machine: run on the event loop,
 * that froze every other request of the console meanwhile.
 */
export interface CorsAnalyst {
  state(stored: StoredCors, dialect: Dialect): Promise<Analysed<CorsState>>;
  /**
   * `state` written as the UTF-8 JSON of its answer, with its version: for a request that only
   * sends it on. A worker's answer reaches the event loop as a structured clone whose objects the
   * event loop builds (10,000 rules: 0.27-0.34 s median on the loaded shared machine, then
   * JSON.stringify again); these bytes are moved to it, not copied.
   */
  stateAnswer(stored: StoredCors, dialect: Dialect): Promise<Analysed<StateAnswer>>;
  version(stored: StoredCors, dialect: Dialect): Promise<Analysed<string>>;
  issuesForSave(config: CorsConfig, dialect: Dialect): Promise<Issue[]>;
  close(): Promise<void>;
}

/** A configuration's answer as JSON, and its version (the ETag). */
export type StateAnswer = { json: SerializedAnswer<CorsState>; version: string };

type AnalysisRequest = { kind: 'state' | 'state-answer' | 'version'; stored: StoredCors; dialect: Dialect } | { kind: 'save'; config: CorsConfig; dialect: Dialect };
export type AnalysisJob = AnalysisRequest & { id: number };
export type AnalysisAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Analyses on the calling thread: for tests from source, where no worker is built. */
export function inlineAnalyst(): CorsAnalyst {
  return {
    state: async (stored, dialect) => analyseStored(stored, dialect),
    stateAnswer: async (stored, dialect) => analyseStoredAnswer(stored, dialect),
    version: async (stored, dialect) => storedVersion(stored, dialect),
    issuesForSave: async (config, dialect) => issuesForSave(config, dialect),
    close: async () => {},
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One worker thread and the jobs it owes; a worker that dies fails its jobs and is replaced on the next one. */
function workerSlot(file: string, log: (line: string) => void) {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(file);
    started.on('message', (answer: AnalysisAnswer) => {
      const job = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.ok) job?.resolve(answer.value);
      else job?.reject(new Error(`CORS analysis failed: ${answer.message}`));
    });
    started.on('error', (error: Error) => log(`CORS analysis worker failed: ${error.message}`));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`The CORS analysis worker exited (${code})`));
    });
    return started;
  };
  return {
    get load() {
      return pending.size;
    },
    run(job: AnalysisJob): Promise<unknown> {
      worker ??= start();
      const promise = new Promise<unknown>((resolve, reject) => pending.set(job.id, { resolve, reject }));
      worker.postMessage(job);
      return promise;
    },
    async close() {
      const stopping = worker;
      worker = null;
      await stopping?.terminate();
    },
  };
}

/**
 * Analyses in worker threads (`file`: the built `cors-analysis-worker.js`), one per core but one
 * left for the event loop; each job goes to the least busy worker.
 */
export function workerAnalyst(file: string, log: (line: string) => void): CorsAnalyst {
  const slots = Array.from({ length: Math.max(1, Math.min(4, availableParallelism() - 1)) }, () => workerSlot(file, log));
  let nextId = 1;
  const run = <T>(request: AnalysisRequest): Promise<T> => {
    const slot = slots.reduce((least, s) => (s.load < least.load ? s : least));
    // The answer is the worker's structured clone of what the same functions return inline.
    return slot.run({ ...request, id: nextId++ }) as Promise<T>;
  };
  return {
    state: (stored, dialect) => run<Analysed<CorsState>>({ kind: 'state', stored, dialect }),
    stateAnswer: (stored, dialect) => run<Analysed<StateAnswer>>({ kind: 'state-answer', stored, dialect }),
    // Most stored documents are read by the adapter already: their version needs no thread.
    version: (stored, dialect) => (stored.unread === undefined ? Promise.resolve(storedVersion(stored, dialect)) : run<Analysed<string>>({ kind: 'version', stored, dialect })),
    issuesForSave: (config, dialect) => run<Issue[]>({ kind: 'save', config, dialect }),
    close: async () => {
      await Promise.all(slots.map((s) => s.close()));
    },
  };
}

/** The built worker file of a console whose web app is built to `webDir` (`dist/web` → `dist/server`). */
export const ANALYSIS_WORKER_FILE = 'cors-analysis-worker.js';

/** Worker threads when the worker is built beside the server (`npm start`), else the calling thread, said in the log. */
export function analystFor(workerFile: string, log: (line: string) => void): CorsAnalyst {
  if (existsSync(workerFile)) return workerAnalyst(workerFile, log);
  log(`CORS analysis runs on the event loop: ${workerFile} is not built (npm run build builds it)`);
  return inlineAnalyst();
}
