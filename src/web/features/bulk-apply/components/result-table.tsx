import { LocatedIssues } from '../../../components/located-issues';
import { Table } from '../../../components/ui';
import { countRules } from '../../../lib/rule-count';
import type { WriteResult } from '../write-plans';
import { skippedPlanText } from '../../../lib/messages';

const OUTCOME_LABELS: Record<WriteResult['outcome'], string> = {
  saved: 'Saved',
  conflict: 'Conflict: changed since the preview, not written',
  invalid: 'Invalid: refused, not written',
  failed: 'Provider error: not written',
  skipped: 'Skipped',
  'not-attempted': 'Not attempted: stopped before it',
};

function Details({ result }: { result: WriteResult }) {
  switch (result.outcome) {
    case 'saved':
      return <>Now holds {countRules(result.state.config)}.</>;
    case 'conflict':
      return <>{result.current ? `Someone else's change is kept: it holds ${countRules(result.current.config)}. Preview again to apply on top of it.` : 'Preview again to see what it holds now.'}</>;
    case 'invalid':
      return (
        <>
          {result.message}
          <LocatedIssues issues={result.issues} label={`Why ${result.bucket} was refused`} />
        </>
      );
    case 'failed':
      return (
        <>
          {result.failure.message} <span className="provider-code">Code: {result.failure.providerCode ?? result.failure.code}</span>
        </>
      );
    case 'skipped':
      return <>{skippedPlanText(result.plan)}</>;
    case 'not-attempted':
      return <>Left as it was.</>;
  }
}

/** Per bucket: what the write did, so nothing is assumed written that was not. */
export function ResultTable({ results }: { results: readonly WriteResult[] }) {
  return (
    <Table label="Results" columns={['Bucket', 'Result', 'Details']}>
      {results.map((result) => (
        <tr key={result.bucket} data-outcome={result.outcome}>
          <th scope="row">{result.bucket}</th>
          <td data-label="Result" className={`ba-outcome ba-outcome-${result.outcome}`}>
            {OUTCOME_LABELS[result.outcome]}
          </td>
          <td data-label="Details">
            <Details result={result} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
