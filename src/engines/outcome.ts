import type { EngineName, EngineOutcome } from './engine';
import { EngineTimeoutError, type PageFetchResult } from './page-script';

/** The outcome of a page's fetch; a fetch that ran out of time is an infrastructure failure, thrown. */
export function outcomeOf(engine: EngineName, result: PageFetchResult, timeoutMs: number): EngineOutcome {
  if (result.timedOut) throw new EngineTimeoutError(`${engine}: the page's fetch() did not finish within ${timeoutMs} ms`);
  return {
    engine,
    readable: result.readable,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.headers ? { readableHeaders: result.headers } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ms: Math.round(result.ms),
  };
}
