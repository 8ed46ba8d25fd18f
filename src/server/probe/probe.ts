import type { ProbeExchange, ProbeResult, probeBodySchema } from '../../contract/api';
import { classifyBrowserRequest, evaluate, type CorsConfig, type Decision, type Dialect } from '../../core';
import type { z } from 'zod';
import { sendRaw } from './send-raw';

type Probe = z.output<typeof probeBodySchema>;

/** The CORS part of an answer, as a Decision holds it. */
export function corsHeadersOf(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

async function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, prediction: Decision, timeoutMs: number): Promise<ProbeExchange> {
  const outcome = await sendRaw(url, method, headers, body, timeoutMs);
  const request = { method, url: url.toString(), headers };
  if (!outcome.ok) {
    return {
      request,
      response: null,
      error: { code: outcome.code === 'timeout' ? 'provider-timeout' : 'provider-unreachable', message: outcome.message },
      timing: { totalMs: outcome.totalMs },
      prediction,
      matchesPrediction: null,
    };
  }
  const cors = corsHeadersOf(outcome.answer.headers);
  const statusMatches = prediction.status === null || prediction.status === outcome.answer.status;
  return { request, response: outcome.answer, timing: { totalMs: outcome.totalMs }, prediction, matchesPrediction: statusMatches && sameHeaders(cors, prediction.headers) };
}

/**
 * Sends the preflight a browser would send for this request (Access-Control-Request-Headers
 * lists the CORS-unsafe names, as browsers do) and/or the actual request, to the object's URL on
 * the profile's own endpoint, and sets each answer beside the core's prediction.
 */
export async function runProbe(url: URL, probe: Probe, config: CorsConfig | null, dialect: Dialect, timeoutMs: number): Promise<ProbeResult> {
  const origin: Record<string, string> = probe.origin ? { origin: probe.origin } : {};
  const result: ProbeResult = { dialect };
  if (probe.send !== 'actual') {
    const classified = classifyBrowserRequest({ method: probe.method, headers: probe.headers });
    const headers: Record<string, string> = { ...origin, 'access-control-request-method': probe.method };
    if (classified.unsafeHeaders.length) headers['access-control-request-headers'] = classified.unsafeHeaders.join(',');
    const prediction = evaluate(config, { method: 'OPTIONS', headers }, dialect);
    result.preflight = await exchange(url, 'OPTIONS', headers, undefined, prediction, timeoutMs);
  }
  if (probe.send !== 'preflight') {
    const headers = { ...probe.headers, ...origin };
    const prediction = evaluate(config, { method: probe.method, headers }, dialect);
    const body = probe.method === 'PUT' || probe.method === 'POST' ? (probe.body ?? '') : undefined;
    result.actual = await exchange(url, probe.method, headers, body, prediction, timeoutMs);
  }
  return result;
}
