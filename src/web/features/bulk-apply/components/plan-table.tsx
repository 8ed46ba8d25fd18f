import { dialectProfile, type Dialect } from '../../../../core';
import { ConfigDiff } from '../../../components/config-diff';
import { Table } from '../../../components/ui';
import { LocatedIssues } from '../../../components/located-issues';
import { countRules } from '../../../lib/rule-count';
import type { BucketPlan } from '../plan';

function verdict(plan: BucketPlan): string {
  switch (plan.kind) {
    case 'unreadable':
      return `Could not read: ${plan.failure.message}${plan.failure.providerCode ? ` (${plan.failure.providerCode})` : ''}`;
    case 'invalid':
      return 'Would be refused: not written';
    case 'unchanged':
      return 'Already holds these rules: nothing to write';
    case 'ready':
      return plan.warnings.length > 0 ? `Will be written (${plan.warnings.length} warning${plan.warnings.length === 1 ? '' : 's'})` : 'Will be written';
  }
}

/** Per bucket: what it holds now, what it would hold, and whether that can be written. */
export function PlanTable({ plans, dialect }: { plans: readonly BucketPlan[]; dialect: Dialect }) {
  const format = dialectProfile(dialect).documents.native;
  return (
    <Table label="Preview" columns={['Bucket', 'Now', 'After', 'Check']}>
      {plans.map((plan) => (
        <tr key={plan.bucket} data-plan={plan.kind}>
          <th scope="row">{plan.bucket}</th>
          <td data-label="Now">{plan.kind === 'unreadable' ? '—' : countRules(plan.before)}</td>
          <td data-label="After">{plan.kind === 'unreadable' ? '—' : countRules(plan.after)}</td>
          <td data-label="Check">
            <span className={`ba-verdict ba-verdict-${plan.kind}`}>{verdict(plan)}</span>
            {plan.kind !== 'unreadable' && (
              <>
                <LocatedIssues issues={[...plan.errors, ...plan.warnings]} label={`Issues for ${plan.bucket}`} />
                {plan.kind !== 'unchanged' && (
                  <details>
                    <summary>Changes in {plan.bucket}</summary>
                    <ConfigDiff before={plan.before} after={plan.after} format={format} label={`What changes on ${plan.bucket}`} />
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
