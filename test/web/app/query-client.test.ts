import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../src/web/api/api-error';
import { createQueryClient } from '../../../src/web/app/query-client';
import type { CallError } from '../../../src/contract/call-error';

async function attemptsUntilGivingUp(error: Error): Promise<number> {
  const client = createQueryClient();
  let attempts = 0;
  await client
    .fetchQuery({
      queryKey: ['attempts', error.message],
      queryFn: () => {
        attempts++;
        throw error;
      },
      // The default retry policy under test; only the wait between tries is cut.
      retryDelay: 0,
    })
    .catch(() => undefined);
  return attempts;
}

const callError = (code: string, params: object = {}) => new ApiRequestError({ code, params, message: code } as unknown as CallError);

describe('the query client asks again only when the answer may differ', () => {
  it('reads a missing bucket, a refusal or a sign-in prompt once', async () => {
    expect(await attemptsUntilGivingUp(callError('bucket-not-found'))).toBe(1);
    expect(await attemptsUntilGivingUp(callError('provider-access-denied'))).toBe(1);
    expect(await attemptsUntilGivingUp(callError('unauthenticated', { reason: 'no-session' }))).toBe(1);
  });

  it('tries an unreachable or slow provider, or an unreachable console, four times in all', async () => {
    expect(await attemptsUntilGivingUp(callError('provider-unreachable'))).toBe(4);
    expect(await attemptsUntilGivingUp(callError('provider-timeout'))).toBe(4);
    expect(await attemptsUntilGivingUp(callError('console-unreachable'))).toBe(4);
    expect(await attemptsUntilGivingUp(new TypeError('unexpected'))).toBe(4);
  });
});
