import { issueText, type Issue } from '../../core';
import { webText } from '../lib/i18n/feature-text';
import { issueWhere } from '../lib/issue-location';
import './located-issues.css';

/**
 * Issues outside the rule cards (an imported document, another bucket's configuration), each
 * prefixed with where it is: `Rule 2 · Allowed origins · line 5: …`.
 */
export function LocatedIssues({ issues, label, id }: { issues: readonly Issue[]; label: string; id?: string }) {
  if (issues.length === 0) return null;
  const ordered = [...issues].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return (
    <ul id={id} className="located-issues" aria-label={label}>
      {ordered.map((issue, index) => {
        const where = issueWhere(issue);
        const { message, hint } = issueText(issue);
        return (
          <li key={`${issue.code}-${index}`} className={`located-issue located-issue-${issue.severity}`} data-code={issue.code}>
            <span className="sr-only">{issue.severity === 'error' ? webText('issue-prefix.error') : webText('issue-prefix.warning')}</span>
            {where ? webText('located-issues.at', { where, message }) : message}
            {hint && <span className="located-issue-hint">{hint}</span>}
          </li>
        );
      })}
    </ul>
  );
}
