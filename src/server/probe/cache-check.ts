import { randomBytes } from 'node:crypto';
import type { CacheCheckResult, CacheCheckStepResult, cacheCheckBodySchema } from '../../contract/api';
import { analyseCacheCheck, cacheCheckPlan, cacheSigns, observedAnswer, type CacheCheckPlan, type CacheCheckStepId, type Dialect, type ObservedAnswer } from '../../core';
import type { z } from 'zod';
import { apiError, type ApiErrorOf } from '../http/api-error';
import type { ConnectedProfile } from '../profiles/connect';
import { publicObjectUrl, refuseOffEndpoint, refuseOffPublicUrl, unaddressable } from '../security/request-targets';
import { sendRaw } from './send-raw';

/** Unique to one run, so the plan's cache-busted URLs were never seen by any cache. */
export function cacheCheckNonce(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * Sends the plan's steps strictly in order, one at a time, each on a connection of its own (a
 * public step builds on what the cache kept from the ones before, and a kept-alive connection
 * could be answered differently), and reads the answers with the core. The caller has checked
 * every step's URL (the bucket's public URL or its endpoint, nothing else).
 */
export async function runCacheCheck(
  plan: CacheCheckPlan,
  context: { dialect: Dialect; publicUrlPattern: string; timeoutMs: number },
): Promise<CacheCheckResult> {
  const steps: CacheCheckStepResult[] = [];
  const answers: Partial<Record<CacheCheckStepId, ObservedAnswer>> = {};
  for (const step of plan.steps) {
    const outcome = await sendRaw(new URL(step.url), step.method, step.headers, undefined, context.timeoutMs, { freshConnection: true });
    if (!outcome.ok) {
      steps.push({ step, response: null, error: outcome.failure, timing: { totalMs: outcome.totalMs }, signs: null });
      continue;
    }
    const answer = observedAnswer(outcome.answer.status, outcome.lines);
    answers[step.id] = answer;
    steps.push({
      step,
      response: { status: outcome.answer.status, headers: outcome.answer.headers, lines: outcome.lines },
      timing: { totalMs: outcome.totalMs },
      signs: cacheSigns(answer),
    });
  }
  const analysed = analyseCacheCheck(plan, answers, { dialect: context.dialect });
  const { input } = plan;
  return {
    dialect: context.dialect,
    publicUrl: input.publicUrl,
    directUrl: input.directUrl,
    publicUrlPattern: context.publicUrlPattern,
    plan: {
      publicUrl: input.publicUrl,
      directUrl: input.directUrl,
      originA: input.originA,
      originB: input.originB,
      preflightMethod: input.preflightMethod ?? 'PUT',
      preflightHeaders: [...(input.preflightHeaders ?? [])],
      nonce: input.nonce,
    },
    steps,
    findings: analysed.findings,
    cache: analysed.cache ?? null,
  };
}

/**
 * The cache check of one object, as the API route and the CLI run it: the plan for the bucket's
 * public URL and its endpoint, every step's URL checked before any is sent, then sent and read.
 */
export async function checkCache(
  { adapter, summary }: ConnectedProfile,
  bucket: string,
  body: z.output<typeof cacheCheckBodySchema>,
  timeoutMs: number,
): Promise<{ ok: true; result: CacheCheckResult } | { ok: false; error: ApiErrorOf<'no-public-url' | 'bad-request'> }> {
  const { key } = body;
  const through = publicObjectUrl(summary, bucket, key);
  if (!through.ok) return { ok: false, error: apiError('no-public-url', { profile: summary.id, bucket }) };
  const addressed = adapter.objectUrl(bucket, key);
  if (!addressed.ok) return { ok: false, error: apiError('bad-request', { reason: 'key-unaddressable', key, bucket, ...unaddressable(addressed.error) }) };
  const plan = cacheCheckPlan({
    publicUrl: through.url.toString(),
    directUrl: addressed.value.toString(),
    originA: body.originA,
    originB: body.originB,
    preflightMethod: body.preflightMethod,
    preflightHeaders: body.preflightHeaders,
    nonce: cacheCheckNonce(),
  });
  // Public steps go to the pattern's URL for this key exactly, direct ones (unsigned, cache-busted) to the profile's own storage.
  for (const step of plan.steps) {
    const url = new URL(step.url);
    const off = step.target === 'public' ? refuseOffPublicUrl(url, summary, bucket, key) : refuseOffEndpoint(url, summary);
    if (off) return { ok: false, error: off };
  }
  return { ok: true, result: await runCacheCheck(plan, { dialect: summary.dialect, publicUrlPattern: through.pattern, timeoutMs }) };
}
