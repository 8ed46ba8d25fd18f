import { useMemo } from 'react';
import type { CorsConfig, Dialect, Issue } from '../../../core';
import { issuesOfRule } from './rule-issues';
import { useAcrossRuleIssues } from './use-across-rule-issues';

export interface EditorIssues {
  /** Each rule's own issues (`validateRuleAt`), which an open card also works out as it is typed in. */
  own: Issue[];
  /** Issues across rules — limits and shadowing — and about the whole configuration. */
  across: Issue[];
}

/**
 * `validateConfig` for the editor, split by cost: each rule's own issues at once (only the rule
 * being typed in is redone), and the issues across rules — limits and shadowing, quadratic in
 * the rule count — checked beside the typing, never holding up a keystroke. Saving still
 * validates the whole draft at once (editor-schema.ts).
 */
export function useEditorIssues(config: CorsConfig, dialect: Dialect): EditorIssues {
  const across = useAcrossRuleIssues(config, dialect);
  return useMemo(() => {
    const ruleCount = config.rules.length;
    // Issues computed for an older draft may name rules that are gone; those wait for the next pass.
    const current = across.filter((issue) => issue.path[0] !== 'rules' || typeof issue.path[1] !== 'number' || issue.path[1] < ruleCount);
    return { across: current, own: config.rules.flatMap((rule, index) => issuesOfRule(rule, index, dialect)) };
  }, [across, config, dialect]);
}
