import { writesObject, type ProbeExchange, type ProbeResult, type probeBodySchema } from '../../contract/api';
import { answerMatches, classifyBrowserRequest, evaluate, preflightAnswerBlock, type BrowserRequestClass, type CorsConfig, type Decision, type Dialect } from '../../core';
import type { z } from 'zod';
import { sendRaw } from './send-raw';

type Probe = z.output<typeof probeBodySchema>;

type Outcome = Awaited<ReturnType<typeof sendRaw>>;

/** One raw request and its answer, set beside the core's prediction. */
function judge(request: ProbeExchange['request'], outcome: Outcome, prediction: Decision): ProbeExchange {
  if (!outcome.ok) {
    return {
      request,
      response: null,
      error: outcome.failure,
      timing: { totalMs: outcome.totalMs },
      prediction,
      matchesPrediction: null,
    };
  }
  return { request, response: outcome.answer, timing: { totalMs: outcome.totalMs }, prediction, matchesPrediction: answerMatches(outcome.answer, prediction) };
}

/**
 * Sends the preflight a browser would send for this request (Access-Control-Request-Headers
 * lists the CORS-unsafe names, as browsers do) and/or the actual request, to the object's URL on
 * the profile's own endpoint, and sets each answer beside the core's prediction for the stored
 * configuration (named in the answer with its version, so a test run predicts with the same);
 * both go to the signed URL when there is one. A read-only probe (GET, HEAD) sends both
 * requests while the configuration is being read, so a probe costs about one round trip more than
 * the requests themselves. A probe that writes (PUT, POST, DELETE) reads the configuration first,
 * and sends its actual request only if a browser would: never when the browser refuses the
 * request outright, and, when the browser preflights, only after the real preflight's answer
 * passed the browser's checks (so a refused preflight never deletes or replaces anything; the
 * preflight is then sent even if only the actual request was asked for).
 */
export async function runProbe<E>(
  target: { objectUrl: URL; signedUrl?: URL },
  probe: Probe,
  readConfig: () => Promise<{ ok: true; value: { config: CorsConfig | null; version: string } } | { ok: false; error: E }>,
  dialect: Dialect,
  timeoutMs: number,
): Promise<{ ok: true; result: ProbeResult } | { ok: false; error: E }> {
  const url = target.signedUrl ?? target.objectUrl;
  const origin: Record<string, string> = probe.origin ? { origin: probe.origin } : {};
  const classified = classifyBrowserRequest({ method: probe.method, headers: probe.headers, credentials: probe.credentials });
  const preflightHeaders: Record<string, string> = { ...origin, 'access-control-request-method': probe.method };
  if (classified.unsafeHeaders.length) preflightHeaders['access-control-request-headers'] = classified.unsafeHeaders.join(',');
  const actualHeaders = { ...probe.headers, ...origin };
  const body = probe.method === 'PUT' || probe.method === 'POST' ? (probe.body ?? '') : undefined;
  const sendPreflight = () => sendRaw(url, 'OPTIONS', preflightHeaders, undefined, timeoutMs);
  const sendActual = () => sendRaw(url, probe.method, actualHeaders, body, timeoutMs);

  let stored: Awaited<ReturnType<typeof readConfig>>;
  let preflight: Outcome | undefined;
  let actual: Outcome | undefined;
  let actualNotSent: ProbeResult['actualNotSent'];
  if (writesObject(probe.method)) {
    stored = await readConfig();
    if (!stored.ok) return stored;
    // Without an Origin it is no browser request; with one, only what a browser would send is sent.
    const asBrowser = probe.origin !== undefined;
    if (probe.send !== 'actual' || (asBrowser && classified.preflight)) preflight = await sendPreflight();
    if (probe.send !== 'preflight') {
      actualNotSent = asBrowser ? browserStop(classified, probe.origin!, preflight) : undefined;
      if (!actualNotSent) actual = await sendActual();
    }
  } else {
    const none = Promise.resolve(undefined);
    [stored, preflight, actual] = await Promise.all([readConfig(), probe.send !== 'actual' ? sendPreflight() : none, probe.send !== 'preflight' ? sendActual() : none]);
    if (!stored.ok) return stored;
  }
  const { config, version } = stored.value;
  const result: ProbeResult = { dialect, objectUrl: target.objectUrl.toString(), ...(target.signedUrl ? { signedUrl: target.signedUrl.toString() } : {}), predictedWith: { config, version } };
  if (preflight) result.preflight = judge({ method: 'OPTIONS', url: url.toString(), headers: preflightHeaders }, preflight, evaluate(config, { method: 'OPTIONS', headers: preflightHeaders }, dialect));
  if (actual) result.actual = judge({ method: probe.method, url: url.toString(), headers: actualHeaders }, actual, evaluate(config, { method: probe.method, headers: actualHeaders }, dialect));
  if (actualNotSent) result.actualNotSent = actualNotSent;
  return { ok: true, result };
}

/** Why the browser would not send the actual request, given the real preflight's outcome; undefined when it would. */
function browserStop(classified: BrowserRequestClass, origin: string, preflight: Outcome | undefined): ProbeResult['actualNotSent'] {
  if (classified.refused) return { code: 'browser-refuses-request' };
  if (!classified.preflight) return undefined;
  if (!preflight?.ok) return { code: 'browser-stops-at-preflight' };
  const block = preflightAnswerBlock(classified, origin, preflight.answer);
  return block ? { code: 'browser-stops-at-preflight', check: block.check } : undefined;
}
