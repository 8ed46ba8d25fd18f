import { dialectProfile, type Dialect } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Table } from '../../../components/ui';
import { LocatedIssues } from '../../../components/located-issues';
import { countRules } from '../../../lib/rule-count';
import { webText } from '../../../lib/i18n/feature-text';
import type { BucketPlan } from '../plan';

function verdict(plan: BucketPlan): string {
  switch (plan.kind) {
    case 'unreadable':
      return plan.failure.providerCode
        ? webText('bulk-apply.plan.unreadable-code', { message: plan.failure.message, code: plan.failure.providerCode })
        : webText('bulk-apply.plan.unreadable', { message: plan.failure.message });
    case 'invalid':
      return webText('bulk-apply.plan.invalid');
    case 'unchanged':
      return webText('bulk-apply.plan.unchanged');
    case 'ready':
      return plan.warnings.length > 0 ? webText('bulk-apply.plan.ready-warnings', { count: plan.warnings.length }) : webText('bulk-apply.plan.ready');
  }
}

/** Per bucket: what it holds now, what it would hold, and whether that can be written. */
export function PlanTable({ plans, dialect }: { plans: readonly BucketPlan[]; dialect: Dialect }) {
  const format = dialectProfile(dialect).documents.native;
  const [now, after, check] = [webText('bulk-apply.plan.now'), webText('bulk-apply.plan.after'), webText('bulk-apply.plan.check')];
  return (
    <Table label={webText('bulk-apply.plan.label')} columns={[webText('bulk-apply.column.bucket'), now, after, check]}>
      {plans.map((plan) => (
        <tr key={plan.bucket} data-plan={plan.kind}>
          <th scope="row">{plan.bucket}</th>
          <td data-label={now}>{plan.kind === 'unreadable' ? '—' : countRules(plan.before)}</td>
          <td data-label={after}>{plan.kind === 'unreadable' ? '—' : countRules(plan.after)}</td>
          <td data-label={check}>
            <span className={`ba-verdict ba-verdict-${plan.kind}`}>{verdict(plan)}</span>
            {plan.kind !== 'unreadable' && (
              <>
                <LocatedIssues issues={[...plan.errors, ...plan.warnings]} label={webText('bulk-apply.plan.issues', { bucket: plan.bucket })} />
                {plan.kind !== 'unchanged' && (
                  <details>
                    <summary>{webText('bulk-apply.plan.changes', { bucket: plan.bucket })}</summary>
                    <ConfigDiff before={plan.before} after={plan.after} format={format} label={webText('bulk-apply.plan.diff', { bucket: plan.bucket })} />
                  </details>
                )}
              </>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
