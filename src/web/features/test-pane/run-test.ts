import type { ProbeResult } from '../../../contract/api';
import { predictBrowserFetch, type BrowserPrediction, type CorsConfig, type Dialect } from '../../../core';
import { apiPath, callApi } from '../../lib/api-client';

export interface TestRequest {
  key: string;
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  credentials: 'omit' | 'include';
}

export interface BrowserOutcome {
  allowed: boolean;
  status?: number;
  /** Response headers script can read. */
  readableHeaders?: Record<string, string>;
  error?: string;
  ms: number;
}

export interface TestRun {
  origin: string;
  browser: BrowserOutcome;
  probe: ProbeResult;
  prediction: BrowserPrediction;
}

async function fetchFromBrowser(url: string, request: TestRequest): Promise<BrowserOutcome> {
  const started = performance.now();
  try {
    const body = request.method === 'PUT' || request.method === 'POST' ? 'cors-console test upload\n' : undefined;
    const response = await fetch(url, { method: request.method, headers: request.headers, credentials: request.credentials, mode: 'cors', cache: 'no-store', body });
    const readableHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (readableHeaders[name] = value));
    return { allowed: true, status: response.status, readableHeaders, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // The browser tells script nothing more than this; the probe and prediction explain why.
    return { allowed: false, error: String(error), ms: Math.round(performance.now() - started) };
  }
}

/** Runs the server's raw probe, then the real request from this page, and the core's prediction. */
export async function runTest(profile: string, bucket: string, dialect: Dialect, config: CorsConfig | null, request: TestRequest): Promise<TestRun> {
  const origin = window.location.origin;
  const { data: probe } = await callApi<ProbeResult>(apiPath.probe(profile, bucket), {
    method: 'POST',
    body: JSON.stringify({ key: request.key, origin, method: request.method, headers: request.headers, send: 'both' }),
  });
  const url = probe.actual?.request.url ?? probe.preflight?.request.url;
  const browser: BrowserOutcome = url ? await fetchFromBrowser(url, request) : { allowed: false, error: 'The probe gave no URL.', ms: 0 };
  const prediction = predictBrowserFetch(config, { origin, method: request.method, headers: request.headers, credentials: request.credentials }, dialect);
  return { origin, browser, probe, prediction };
}
