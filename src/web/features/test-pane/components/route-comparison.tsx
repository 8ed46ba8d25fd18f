import { useId, type ReactNode } from 'react';
import { cacheSignsText, verdictLevelText } from '../../../../core';
import { Table } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { compareRoutes, type DiagnosedRun, type RouteAnswer } from '../route-comparison';
import { allowOriginText } from './cdn-check';
import { LevelBadge } from './verdict-badge';

export const ROUTE_HEADINGS = { endpoint: 'test-pane.via.heading-endpoint', public: 'test-pane.via.heading-public' } as const;

/**
 * The same request through the bucket's endpoint and through its public URL, in two columns: the
 * verdict, the answer, its Access-Control-Allow-Origin and the cache's signs; then what the
 * difference means, pointing to the cache check when what is in front of the bucket changes it.
 */
export function RouteComparison({ runs }: { runs: readonly DiagnosedRun[] }) {
  const titleId = useId();
  const comparison = compareRoutes(runs);
  const rows: { label: string; cell: (route: RouteAnswer) => ReactNode }[] = [
    { label: webText('test-pane.via.url'), cell: (route) => <code className="tp-url">{route.url}</code> },
    { label: webText('test-pane.via.verdict'), cell: (route) => <LevelBadge level={route.level} /> },
    { label: webText('test-pane.via.answer'), cell: (route) => (route.status === null ? webText('test-pane.via.no-answer') : String(route.status)) },
    { label: 'Access-Control-Allow-Origin', cell: (route) => allowOriginText(route.allowOrigin) },
    { label: webText('test-pane.via.cache'), cell: (route) => (route.signs?.signs.length ? cacheSignsText(route.signs) : webText('test-pane.via.none')) },
  ];
  const [endpoint, through] = comparison.routes;
  return (
    <section className="tp-routes" aria-labelledby={titleId}>
      <h3 id={titleId}>{webText('test-pane.via.title')}</h3>
      <Table label={webText('test-pane.via.title')} columns={[webText('test-pane.via.where'), ...comparison.routes.map((route) => webText(ROUTE_HEADINGS[route.through]))]}>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {comparison.routes.map((route) => (
              <td key={route.through} data-through={route.through} data-label={webText(ROUTE_HEADINGS[route.through])}>
                {row.cell(route)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
      <p role="status" className="tp-routes-meaning" data-differs={comparison.verdictsDiffer ? 'verdict' : comparison.headersDiffer ? 'headers' : 'no'}>
        {comparison.verdictsDiffer && endpoint && through
          ? webText('test-pane.via.differs', { endpoint: verdictLevelText(endpoint.level).toLowerCase(), public: verdictLevelText(through.level).toLowerCase() })
          : comparison.headersDiffer
            ? webText('test-pane.via.differs-headers')
            : webText('test-pane.via.same')}
      </p>
    </section>
  );
}
