import { useId } from 'react';
import { changedRequestText, compareConfigurations, comparisonVerdictText, type CorsConfig, type Dialect } from '../../../../core';
import { Badge } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';

/**
 * The file against what the provider holds now, as browsers see them (the same comparison as
 * `cors-console diff`): equivalent, reordered with or without effect, or changed, with the
 * requests that would fare differently. A file kept in code is often checked, not imported.
 */
export function DriftSummary({ live, file, dialect }: { live: CorsConfig | null; file: CorsConfig; dialect: Dialect }) {
  const titleId = useId();
  const comparison = compareConfigurations(live, file.rules.length ? file : null, dialect);
  return (
    <section className="ie-drift" aria-labelledby={titleId} data-verdict={comparison.verdict}>
      <h3 id={titleId}>{webText('import-export.drift.title')}</h3>
      <p role="status">
        <Badge tone={comparison.equivalent ? 'success' : 'warning'}>{comparison.equivalent ? webText('import-export.drift.equivalent') : webText('import-export.drift.different')}</Badge>{' '}
        {comparisonVerdictText(comparison)}
      </p>
      {comparison.changedRequests.length > 0 && (
        <ul className="ie-drift-requests" aria-label={webText('import-export.drift.requests')}>
          {comparison.changedRequests.map((changed, index) => (
            <li key={index}>{changedRequestText(changed)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
