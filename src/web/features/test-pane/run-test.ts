import type { PresignResult, ProbeResult, TestRequest } from '../../../contract/api';
import { predictBrowserFetch, type BrowserPrediction, type CorsConfig, type Dialect } from '../../../core';
import { apiPath, callApi } from '../../lib/api-client';
import type { FetchOutcome, FetchSpec } from '../../lib/browser-fetch';

/** Sends a request from a page: this one, or the harness on the second origin. */
export type PageSender = (spec: FetchSpec) => Promise<FetchOutcome>;

export interface TestContext {
  profile: string;
  bucket: string;
  dialect: Dialect;
  /** What the provider holds now. */
  saved: CorsConfig | null;
  /** The editor's draft, when it differs from what is saved. */
  draft?: CorsConfig | null | undefined;
  /** The origin the request is sent from, and how to send it from there. */
  origin: string;
  send: PageSender;
}

/** One run of "Test CORS": the browser's verdict beside the server's raw probe and the predictions. */
export interface TestRun {
  request: TestRequest;
  origin: string;
  url: string;
  browser: FetchOutcome;
  probe: ProbeResult;
  /** Against the saved configuration, and against the draft when there is one. */
  prediction: { saved: BrowserPrediction; draft?: BrowserPrediction };
}

export const DEFAULT_UPLOAD_BODY = 'cors-console test upload\n';

export function predictFor(config: CorsConfig | null, request: TestRequest, origin: string, dialect: Dialect): BrowserPrediction {
  return predictBrowserFetch(config, { origin, method: request.method, headers: request.headers, credentials: request.credentials }, dialect);
}

async function presignedUrl(context: TestContext, request: TestRequest): Promise<string> {
  const { data } = await callApi<PresignResult>(apiPath.presign(context.profile, context.bucket), { method: 'POST', body: JSON.stringify({ key: request.key, method: request.method }) });
  return data.url;
}

/**
 * Probes first (the server's raw preflight and actual request, unfiltered), then sends the same
 * request from the chosen page so the browser itself judges, then predicts against the saved
 * configuration and the draft.
 */
export async function runTest(context: TestContext, request: TestRequest): Promise<TestRun> {
  const writes = request.method === 'PUT' || request.method === 'POST';
  const body = writes ? (request.body ?? DEFAULT_UPLOAD_BODY) : undefined;
  const { data: probe } = await callApi<ProbeResult>(apiPath.probe(context.profile, context.bucket), {
    method: 'POST',
    body: JSON.stringify({ key: request.key, origin: context.origin, method: request.method, headers: request.headers, send: 'both', signed: request.signed, ...(body !== undefined ? { body } : {}) }),
  });
  const unsigned = probe.actual?.request.url ?? probe.preflight?.request.url;
  if (!unsigned) throw new Error('The probe answered without the object URL.');
  const url = request.signed ? await presignedUrl(context, request) : unsigned;
  const browser = await context.send({ url, method: request.method, headers: request.headers, credentials: request.credentials, cache: 'no-store', ...(body !== undefined ? { body } : {}) });
  const saved = predictFor(context.saved, request, context.origin, context.dialect);
  const draft = context.draft !== undefined ? predictFor(context.draft, request, context.origin, context.dialect) : undefined;
  return { request, origin: context.origin, url, browser, probe, prediction: { saved, ...(draft ? { draft } : {}) } };
}
