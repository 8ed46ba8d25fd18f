import { Ban, Braces, FileSpreadsheet, Play, ShieldAlert } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import { ApiRequestError } from '../../../api/api-error';
import { useCallErrorWording } from '../../../api/use-call-error-wording';
import { ErrorMessage } from '../../../components/error-message';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { downloadFile } from '../../../lib/download';
import { formatNumber } from '../../../lib/i18n/format';
import { webText } from '../../../lib/i18n/feature-text';
import { severityCounts } from '../../../../contract/audit';
import { samePolicy } from '../../../../core';
import { auditFile, type ExportFormat } from '../audit-export';
import { useAudit } from '../use-audit';
import { policyName, useAuditPolicy, type PolicyName } from '../use-audit-policy';
import { AuditFindings } from './audit-findings';
import { AuditPolicyPanel, policyNameText } from './audit-policy';
import './audit.css';

const EXPORTS = [
  { format: 'json', icon: Braces, label: 'audit-page.export.json' },
  { format: 'csv', icon: FileSpreadsheet, label: 'audit-page.export.csv' },
  { format: 'sarif', icon: ShieldAlert, label: 'audit-page.export.sarif' },
] as const satisfies readonly { format: ExportFormat; icon: unknown; label: string }[];

/**
 * The fleet audit (issue 20, item 1): every bucket of the profile under a prefix, read a few at a
 * time by the console and checked against the page's policy (the default, a project's file, or
 * either changed here); results come in as they are read, the audit can be cancelled, and the
 * findings filtered, sorted, opened and exported.
 */
export function AuditPage({ profile }: { profile: ProfileSummary }) {
  const [prefix, setPrefix] = useState('');
  const audit = useAudit(profile.id);
  const policy = useAuditPolicy(profile.id);
  // The policy's name when this audit started: the panel may be changed while it runs or after.
  const [ranWith, setRanWith] = useState<PolicyName | null>(null);
  const wording = useCallErrorWording();
  const { job, buckets } = audit;
  const running = job?.state === 'running';
  const counts = useMemo(() => severityCounts({ buckets }), [buckets]);
  const clean = useMemo(() => buckets.filter((b) => b.findings.length === 0).length, [buckets]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRanWith(policyName(policy.choice));
    audit.start({ ...(prefix ? { prefix } : {}), policy: policy.choice.policy });
  };
  const policyChangedSince = job !== null && !running && !samePolicy(job.policy, policy.choice.policy);

  return (
    <section className="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{webText('audit-page.title')}</h2>
      <p className="audit-lead">{webText('audit-page.lead')}</p>
      <form className="audit-start" onSubmit={submit}>
        <TextField label={webText('audit-page.prefix')} hint={webText('audit-page.prefix-hint')} value={prefix} onChange={(e) => setPrefix(e.target.value)} disabled={running || audit.starting} spellCheck={false} autoComplete="off" />
        <AuditPolicyPanel state={policy} disabled={running || audit.starting} />
        <div className="audit-actions">
          <Button type="submit" variant="primary" icon={Play} disabled={running || audit.starting}>
            {webText('audit-page.start')}
          </Button>
          {running && (
            <Button variant="danger" icon={Ban} onClick={audit.cancel} disabled={audit.cancelling}>
              {webText('audit-page.cancel')}
            </Button>
          )}
        </div>
      </form>

      {audit.error !== null && <ErrorMessage error={audit.error} title={webText(job ? 'audit-page.read-failed' : 'audit-page.start-failed')} />}

      {job && (
        <div className="audit-run">
          <p role="status" aria-live="polite" className="audit-progress">
            {job.state === 'running'
              ? job.total === 0
                ? webText('audit-page.progress.listing')
                : webText('audit-page.progress.running', { done: formatNumber(job.done), total: formatNumber(job.total) })
              : job.state === 'failed'
                ? webText('audit-page.progress.failed')
                : webText(job.state === 'cancelled' ? 'audit-page.progress.cancelled' : 'audit-page.progress.finished', { done: formatNumber(job.done), total: formatNumber(job.total) })}
          </p>
          {ranWith && <p className="audit-ran-with">{webText('audit-page.ran-with', { policy: policyNameText(ranWith) })}</p>}
          {policyChangedSince && <p className="audit-policy-since muted">{webText('audit-page.policy-since')}</p>}
          {running && <progress className="audit-bar" max={Math.max(job.total, 1)} value={job.done} aria-label={webText('audit-page.progress.label')} />}
          {job.state === 'failed' && job.error && <ErrorMessage error={new ApiRequestError(job.error, undefined, wording)} title={webText('audit-page.progress.failed')} />}

          {job.state !== 'failed' && (
            <>
              <ul className="audit-summary" aria-label={webText('audit-page.summary')}>
                <li>
                  <Badge tone="danger">{webText('audit-page.count.error', { count: counts.error })}</Badge>
                </li>
                <li>
                  <Badge tone="warning">{webText('audit-page.count.warning', { count: counts.warning })}</Badge>
                </li>
                <li>
                  <Badge tone="info">{webText('audit-page.count.note', { count: counts.note })}</Badge>
                </li>
                <li>
                  <Badge tone="success">{webText('audit-page.count.clean', { count: clean })}</Badge>
                </li>
              </ul>
              {!running && (
                <div className="audit-export" role="group" aria-label={webText('audit-page.export')}>
                  {EXPORTS.map(({ format, icon, label }) => (
                    <Button key={format} size="sm" icon={icon} onClick={() => downloadFile(auditFile(job, buckets, format))}>
                      {webText(label)}
                    </Button>
                  ))}
                </div>
              )}
              <AuditFindings profile={profile.id} buckets={buckets} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
