import type { ProbeResult, TestRequest } from '../../../contract/api';
import { predictBrowserFetch, type BrowserPrediction, type CorsConfig, type Dialect } from '../../../core';
import { probe as probeOnServer } from '../../api/testing';
import type { FetchOutcome, FetchSpec } from '../../lib/browser-fetch';

/** Sends a request from a page: this one, or the harness on the second origin. */
export type PageSender = (spec: FetchSpec) => Promise<FetchOutcome>;

export interface TestContext {
  profile: string;
  bucket: string;
  dialect: Dialect;
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
  /** Against the configuration the server's probe predicted with, and against the draft when there is one. */
  prediction: { saved: BrowserPrediction; draft?: BrowserPrediction };
}

export const DEFAULT_UPLOAD_BODY = 'cors-console test upload\n';

export function predictFor(config: CorsConfig | null, request: TestRequest, origin: string, dialect: Dialect): BrowserPrediction {
  return predictBrowserFetch(config, { origin, method: request.method, headers: request.headers, credentials: request.credentials }, dialect);
}

/**
 * Probes first (the server's raw preflight and actual request, unfiltered; for a signed request
 * the probe also signs the URL the page then uses), then sends the same request from the chosen
 * page so the browser itself judges, then predicts against the configuration the probe predicted
 * with, and the draft. One server call, and one prediction of what the provider holds.
 */
export async function runTest(context: TestContext, request: TestRequest): Promise<TestRun> {
  const writes = request.method === 'PUT' || request.method === 'POST';
  const body = writes ? (request.body ?? DEFAULT_UPLOAD_BODY) : undefined;
  const probe = await probeOnServer(context, { key: request.key, origin: context.origin, method: request.method, headers: request.headers, send: 'both', signed: request.signed, ...(body !== undefined ? { body } : {}) });
  const url = probe.signedUrl ?? probe.objectUrl;
  const browser = await context.send({ url, method: request.method, headers: request.headers, credentials: request.credentials, cache: 'no-store', ...(body !== undefined ? { body } : {}) });
  const saved = predictFor(probe.predictedWith.config, request, context.origin, context.dialect);
  const draft = context.draft !== undefined ? predictFor(context.draft, request, context.origin, context.dialect) : undefined;
  return { request, origin: context.origin, url, browser, probe, prediction: { saved, ...(draft ? { draft } : {}) } };
}
