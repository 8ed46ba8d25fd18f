import type { ProbeResult, ProbeTarget, TestRequest } from '../../../contract/api';
import { predictBrowserFetch, type BrowserPrediction, type CorsConfig, type Dialect } from '../../../core';
import { newScratchKey, writesObject } from '../../../contract/scratch';
import { probe as probeOnServer, removeScratch } from '../../api/testing';
import type { FetchOutcome, FetchSpec } from '../../lib/browser-fetch';
import type { WriteEffect } from '../../lib/messages';

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
  /** Where the requests went: the bucket's endpoint, or its public URL (a CDN or proxy in front of it). */
  through: ProbeTarget;
  origin: string;
  url: string;
  browser: FetchOutcome;
  probe: ProbeResult;
  /** Against the configuration the server's probe predicted with, and against the draft when there is one. */
  prediction: { saved: BrowserPrediction; draft?: BrowserPrediction };
  /** A writing test's scratch object, and the error when it could not be removed right after. */
  scratch?: { key: string; notRemoved?: unknown };
}

export const DEFAULT_UPLOAD_BODY = 'cors-console test upload\n';

/** The prediction for a test's request from `origin`; with the `url` fetched it also knows mixed content and Local Network Access. */
export function predictFor(config: CorsConfig | null, request: TestRequest, origin: string, dialect: Dialect, url?: string): BrowserPrediction {
  return predictBrowserFetch(config, { origin, method: request.method, headers: request.headers, credentials: request.credentials, ...(url ? { url } : {}) }, dialect);
}

/** The body a PUT or POST test sends. */
export function testBody(request: TestRequest): string | undefined {
  return request.method === 'PUT' || request.method === 'POST' ? (request.body ?? DEFAULT_UPLOAD_BODY) : undefined;
}

/** What the test will do to the object the user named, for the confirmation; null when it writes no such object. */
export function namedWriteEffect(bucket: string, request: TestRequest): WriteEffect | null {
  if (!writesObject(request.method) || request.target !== 'named') return null;
  return { method: request.method, bucket, key: request.key, bodyBytes: new TextEncoder().encode(testBody(request) ?? '').length };
}

/**
 * Probes first (the server's raw preflight and actual request, unfiltered; for a signed request
 * the probe also signs the URL the page then uses), then sends the same request from the chosen
 * page so the browser itself judges, then predicts against the configuration the probe predicted
 * with, and the draft. One server call, and one prediction of what the provider holds.
 * `through: 'public'` sends both the probe and the page's request through the bucket's public URL
 * (the server expands the profile's pattern), so a cache in front of the bucket answers them.
 * A PUT, POST or DELETE test runs on a fresh scratch object unless the user named the object
 * (`confirmWrite` says they confirmed it); the page removes the scratch object after its own
 * request, whatever happened, and the server removes it later if that call fails.
 */
export async function runTest(context: TestContext, asked: TestRequest, { confirmWrite = false, through = 'endpoint' as ProbeTarget } = {}): Promise<TestRun> {
  const onScratch = writesObject(asked.method) && asked.target === 'scratch';
  const request = onScratch ? { ...asked, key: newScratchKey() } : asked;
  const body = testBody(request);
  const probe = await probeOnServer(context, {
    key: request.key,
    origin: context.origin,
    method: request.method,
    headers: request.headers,
    send: 'both',
    signed: request.signed,
    credentials: request.credentials,
    confirmWrite: confirmWrite && !onScratch,
    target: through,
    ...(body !== undefined ? { body } : {}),
  });
  const url = probe.signedUrl ?? probe.objectUrl;
  // Resolves with the error when the scratch object could not be removed: the run's result still counts.
  const removeScratchObject = async (): Promise<unknown> => (onScratch ? removeScratch(context, { key: request.key }).then(() => undefined, (error: unknown) => error) : undefined);
  let browser: FetchOutcome;
  try {
    browser = await context.send({ url, method: request.method, headers: request.headers, credentials: request.credentials, cache: 'no-store', ...(body !== undefined ? { body } : {}) });
  } catch (error) {
    await removeScratchObject();
    throw error;
  }
  const notRemoved = await removeScratchObject();
  const saved = predictFor(probe.predictedWith.config, request, context.origin, context.dialect, url);
  const draft = context.draft !== undefined ? predictFor(context.draft, request, context.origin, context.dialect, url) : undefined;
  return {
    request,
    through,
    origin: context.origin,
    url,
    browser,
    probe,
    prediction: { saved, ...(draft ? { draft } : {}) },
    ...(onScratch ? { scratch: { key: request.key, ...(notRemoved !== undefined ? { notRemoved } : {}) } } : {}),
  };
}
