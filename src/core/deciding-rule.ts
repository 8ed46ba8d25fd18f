import type { Decision, StopSelection } from './evaluate';

/**
 * The rule that decided a provider's answer: the one that answers it, or the one the provider
 * stopped at although its checks failed (s3rver stops at the first rule allowing origin and
 * method, Ceph RGW at the first listing the origin); `null` when no rule decided. The test pane's
 * findings, its rules column and the Rules tab's highlight all name the rule from here, so they
 * cannot disagree (issue 14: "not allowed in rule 1" beside "no rule matches").
 */
export type DecidingRule =
  | { role: 'answers'; rule: number; ruleId?: string }
  | { role: 'refuses'; rule: number; ruleId?: string; selection: StopSelection; provider: string };

export function decidingRule(decision: Decision): DecidingRule | null {
  for (const reason of decision.reasons) {
    const at = reason.id ? { rule: reason.rule, ruleId: reason.id } : { rule: reason.rule };
    if (reason.outcome === 'matched') return { role: 'answers', ...at };
    if (reason.code === 'stopped-search') return { role: 'refuses', ...at, selection: reason.params.selection, provider: reason.params.provider };
  }
  return null;
}
