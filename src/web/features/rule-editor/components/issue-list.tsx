import type { ReactNode } from 'react';
import { refusalText, type Issue } from '../../../../core';
import { webText } from '../../../lib/i18n/feature-text';
import type { PlacedIssue } from '../issue-placement';

function Refusal({ issue }: { issue: Issue }) {
  const refusal = refusalText(issue);
  if (!refusal) return null;
  return (
    <span className={`re-refusal re-refusal-${issue.source ?? 'console'}`}>
      {refusal.text}
      {refusal.quote && <q className="re-provider-quote">{refusal.quote}</q>}
    </span>
  );
}

export function IssueList({ id, issues, serverMessages = [], action }: { id?: string; issues: readonly PlacedIssue[]; serverMessages?: readonly string[]; action?: (issue: PlacedIssue) => ReactNode }) {
  if (issues.length === 0 && serverMessages.length === 0) return null;
  return (
    <ul id={id} className="re-issues">
      {serverMessages.map((text) => (
        <li key={`server-${text}`} className="re-issue re-issue-error">
          <span className="re-sr">{webText('editor.refused-by-server')}</span>
          <span>{text}</span>
        </li>
      ))}
      {issues.map((placed) => (
        <li key={placed.key} className={`re-issue re-issue-${placed.issue.severity}`}>
          <span className="re-sr">{placed.issue.severity === 'error' ? webText('issue-prefix.error') : webText('issue-prefix.warning')}</span>
          <span>{placed.text}</span>
          {placed.hint && <span className="re-hint">{placed.hint}</span>}
          <Refusal issue={placed.issue} />
          {action?.(placed)}
        </li>
      ))}
    </ul>
  );
}
