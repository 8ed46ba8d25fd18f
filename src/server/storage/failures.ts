import { classify, type ThrownFacts } from './error-table';
import type { OperationFailure } from './result';

/**
 * What an SDK threw, as a failure with a code and the values it names: the provider's code,
 * status and own text are kept as data (the API's catalogue makes the sentence).
 */
export function failureOf(facts: ThrownFacts): OperationFailure {
  const answered = { ...(facts.providerCode ? { providerCode: facts.providerCode } : {}), ...(facts.providerStatus ? { providerStatus: facts.providerStatus } : {}) };
  const providerMessage = facts.detail ? { providerMessage: facts.detail } : {};
  switch (classify(facts)) {
    case 'unreachable':
      return { code: 'unreachable', params: { reason: 'no-answer', ...(facts.transportCode ? { transportCode: facts.transportCode } : {}) }, ...answered };
    case 'timeout':
      return { code: 'timeout', params: { reason: 'no-answer-in-time' }, ...answered };
    case 'not-found':
      return { code: 'not-found', params: { reason: 'no-such-bucket', ...answered }, ...answered };
    case 'no-credentials':
      return { code: 'access-denied', params: { reason: 'no-credentials', ...providerMessage }, ...answered };
    case 'access-denied':
      return { code: 'access-denied', params: { reason: 'credentials-refused', ...(facts.providerCode ? { providerCode: facts.providerCode } : {}), ...providerMessage }, ...answered };
    case 'not-supported':
      return { code: 'not-supported', params: { reason: 'not-implemented', ...(facts.providerCode ? { providerCode: facts.providerCode } : {}) }, ...answered };
    case 'provider-error':
      return { code: 'provider-error', params: { reason: 'error-answer', ...answered, ...providerMessage }, ...answered };
  }
}
