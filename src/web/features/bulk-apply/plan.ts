import type { CorsState } from '../../../contract/api';
import type { CallError } from '../../../contract/call-error';
import { issueMessage, sameConfig, validateConfig, type CorsConfig, type Dialect, type Issue } from '../../../core';
import { ApiRequestError } from '../../api/api-error';
import { errorText } from '../../lib/error-text';

export type ApplyMode = 'replace' | 'append';

/** Why a call failed, as the tables show it. */
export interface Failure {
  code: CallError['code'];
  message: string;
  providerCode?: string;
}

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiRequestError) {
    const { code, providerCode } = error;
    return { code, message: errorText(error, issueMessage), ...(providerCode ? { providerCode } : {}) };
  }
  return { code: 'internal-error', message: errorText(error) };
}

/** What one bucket would hold, read at the preview, with the version its write must name. */
export type BucketPlan =
  | { bucket: string; kind: 'unreadable'; failure: Failure }
  | {
      bucket: string;
      /** `ready` is written; `unchanged` already holds it; `invalid` the provider would refuse. */
      kind: 'ready' | 'unchanged' | 'invalid';
      version: string;
      before: CorsConfig | null;
      after: CorsConfig;
      errors: Issue[];
      warnings: Issue[];
    };

/**
 * Replace: the bucket takes the rules and the ResponseVary switch as they are. Append: the rules
 * go after the bucket's own, which keep answering first (first match wins), and the bucket keeps
 * its ResponseVary switch.
 */
export function nextConfig(before: CorsConfig | null, rules: CorsConfig, mode: ApplyMode): CorsConfig {
  if (mode === 'replace' || !before) return { rules: [...rules.rules], ...(rules.responseVary ? { responseVary: true } : {}) };
  return { rules: [...before.rules, ...rules.rules], ...(before.responseVary ? { responseVary: true } : {}) };
}

/** A bucket's plan, validated as the profile's provider would (rule limit included). */
export function planBucket(bucket: string, state: CorsState, rules: CorsConfig, mode: ApplyMode, dialect: Dialect): BucketPlan {
  const after = nextConfig(state.config, rules, mode);
  const issues = validateConfig(after, dialect);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const kind = errors.length > 0 ? 'invalid' : sameConfig(state.config, after) ? 'unchanged' : 'ready';
  return { bucket, kind, version: state.version, before: state.config, after, errors, warnings };
}
