import { useMemo, useState } from 'react';
import type { BucketAudit } from '../../../../contract/api';
import { AUDIT_SEVERITIES, auditCheckTitle, auditFindingText, type AuditCheckCode, type AuditSeverity } from '../../../../core';
import { Link } from '../../../components/link';
import { Badge, type Tone } from '../../../components/ui/badge';
import { Select } from '../../../components/ui/field';
import { Table } from '../../../components/ui/table';
import { formatNumber } from '../../../lib/i18n/format';
import { webText } from '../../../lib/i18n/feature-text';
import { checksPresent, shownRows, SORT_KEYS, type FindingFilter, type SortKey } from '../audit-findings';

const TONE: Record<AuditSeverity, Tone> = { error: 'danger', warning: 'warning', note: 'info' };
const SEVERITY_TEXT = { error: 'audit-page.severity.error', warning: 'audit-page.severity.warning', note: 'audit-page.severity.note' } as const satisfies Record<AuditSeverity, string>;
const SORT_TEXT = { severity: 'audit-page.sort.severity', bucket: 'audit-page.sort.bucket', check: 'audit-page.sort.check' } as const satisfies Record<SortKey, string>;

/** The findings as a table: filtered by check and severity, sorted, each bucket a link to its page. */
export function AuditFindings({ profile, buckets }: { profile: string; buckets: readonly BucketAudit[] }) {
  const [filter, setFilter] = useState<FindingFilter>({ check: 'all', severity: 'all', sort: 'severity' });
  const checks = useMemo(() => checksPresent(buckets), [buckets]);
  const all = useMemo(() => buckets.reduce((n, b) => n + b.findings.length, 0), [buckets]);
  const rows = useMemo(() => shownRows(buckets, filter), [buckets, filter]);
  const columns = [webText('audit-page.column.bucket'), webText('audit-page.column.severity'), webText('audit-page.column.check'), webText('audit-page.column.finding')];

  return (
    <section className="audit-findings" aria-labelledby="audit-findings-title">
      <h3 id="audit-findings-title">{webText('audit-page.findings')}</h3>
      <div className="audit-filters">
        <Select label={webText('audit-page.filter.check')} value={filter.check} onChange={(e) => setFilter({ ...filter, check: e.target.value as AuditCheckCode | 'all' })}>
          <option value="all">{webText('audit-page.filter.all-checks')}</option>
          {checks.map((code) => (
            <option key={code} value={code}>
              {auditCheckTitle(code)} ({code})
            </option>
          ))}
        </Select>
        <Select label={webText('audit-page.filter.severity')} value={filter.severity} onChange={(e) => setFilter({ ...filter, severity: e.target.value as AuditSeverity | 'all' })}>
          <option value="all">{webText('audit-page.filter.all-severities')}</option>
          {AUDIT_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {webText(SEVERITY_TEXT[severity])}
            </option>
          ))}
        </Select>
        <Select label={webText('audit-page.sort')} value={filter.sort} onChange={(e) => setFilter({ ...filter, sort: e.target.value as SortKey })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {webText(SORT_TEXT[key])}
            </option>
          ))}
        </Select>
      </div>
      {all > 0 && <p className="audit-shown muted">{webText('audit-page.shown', { shown: formatNumber(rows.length), total: formatNumber(all) })}</p>}
      {rows.length === 0 ? (
        <p className="muted">{webText(all === 0 ? 'audit-page.no-findings' : 'audit-page.no-match')}</p>
      ) : (
        <Table label={webText('audit-page.findings')} columns={columns} className="audit-table">
          {rows.map(({ bucket, finding }, index) => (
            <tr key={`${bucket}/${finding.code}/${index}`}>
              <th scope="row">
                <Link to={{ name: 'bucket', profile, bucket, tab: 'rules' }}>
                  <code>{bucket}</code>
                </Link>
              </th>
              <td data-label={columns[1]}>
                <Badge tone={TONE[finding.severity]}>{webText(SEVERITY_TEXT[finding.severity])}</Badge>
              </td>
              <td data-label={columns[2]}>
                <code>{finding.code}</code>
              </td>
              <td data-label={columns[3]} className="audit-finding-text">
                {auditFindingText(finding)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
