import { LocatedIssues } from '../../../components/located-issues';
import { Table } from '../../../components/ui';
import { countRules } from '../../../lib/rule-count';
import { webText } from '../../../lib/i18n/feature-text';
import type { WriteResult } from '../write-plans';
import { skippedPlanText } from '../../../lib/messages';

const OUTCOME_LABELS = {
  saved: 'bulk-apply.outcome.saved',
  conflict: 'bulk-apply.outcome.conflict',
  invalid: 'bulk-apply.outcome.invalid',
  failed: 'bulk-apply.outcome.failed',
  skipped: 'bulk-apply.outcome.skipped',
  'not-attempted': 'bulk-apply.outcome.not-attempted',
} as const satisfies Record<WriteResult['outcome'], string>;

function Details({ result }: { result: WriteResult }) {
  switch (result.outcome) {
    case 'saved':
      return <>{webText('bulk-apply.result.saved', { rules: countRules(result.state.config) })}</>;
    case 'conflict':
      return <>{result.current ? webText('bulk-apply.result.conflict', { rules: countRules(result.current.config) }) : webText('bulk-apply.result.conflict-unknown')}</>;
    case 'invalid':
      return (
        <>
          {result.message}
          <LocatedIssues issues={result.issues} label={webText('bulk-apply.result.why-refused', { bucket: result.bucket })} />
        </>
      );
    case 'failed':
      return (
        <>
          {result.failure.message} <span className="provider-code">{webText('bulk-apply.result.code', { code: result.failure.providerCode ?? result.failure.code })}</span>
        </>
      );
    case 'skipped':
      return <>{skippedPlanText(result.plan)}</>;
    case 'not-attempted':
      return <>{webText('bulk-apply.result.not-attempted')}</>;
  }
}

/** Per bucket: what the write did, so nothing is assumed written that was not. */
export function ResultTable({ results }: { results: readonly WriteResult[] }) {
  const [resultColumn, detailsColumn] = [webText('bulk-apply.column.result'), webText('bulk-apply.column.details')];
  return (
    <Table label={webText('bulk-apply.results')} columns={[webText('bulk-apply.column.bucket'), resultColumn, detailsColumn]}>
      {results.map((result) => (
        <tr key={result.bucket} data-outcome={result.outcome}>
          <th scope="row">{result.bucket}</th>
          <td data-label={resultColumn} className={`ba-outcome ba-outcome-${result.outcome}`}>
            {webText(OUTCOME_LABELS[result.outcome])}
          </td>
          <td data-label={detailsColumn}>
            <Details result={result} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
