import { Download, RotateCcw } from 'lucide-react';
import { useId, type ChangeEvent } from 'react';
import { AUDIT_CHECK_CODES, AUDIT_SEVERITIES, auditCheckTitle, checkSetting, DEFAULT_SEVERITIES, type AuditCheckCode, type CheckSetting } from '../../../../core';
import { LocatedIssues } from '../../../components/located-issues';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/choice';
import { Disclosure } from '../../../components/ui/disclosure';
import { Select, TextField } from '../../../components/ui/field';
import { Table } from '../../../components/ui/table';
import { downloadFile } from '../../../lib/download';
import { webText } from '../../../lib/i18n/feature-text';
import { policyChanges, policyName, type AuditPolicyState, type PolicyName } from '../use-audit-policy';

const SETTING_TEXT = { error: 'audit-page.severity.error', warning: 'audit-page.severity.warning', note: 'audit-page.severity.note', off: 'audit-page.policy.off' } as const satisfies Record<CheckSetting, string>;
const SETTINGS: readonly CheckSetting[] = [...AUDIT_SEVERITIES, 'off'];

/** The policy's name as the page says it: in the panel, and over the results it produced. */
export function policyNameText(name: PolicyName): string {
  switch (name.kind) {
    case 'default':
      return webText('audit-page.policy.default');
    case 'changed-default':
      return webText('audit-page.policy.changed-default');
    case 'file':
      return webText(name.changed ? 'audit-page.policy.file-changed' : 'audit-page.policy.file', { name: name.name });
  }
}

function settingText(code: AuditCheckCode, setting: CheckSetting): string {
  const label = webText(SETTING_TEXT[setting]);
  return setting === DEFAULT_SEVERITIES[code] ? webText('audit-page.policy.default-mark', { setting: label }) : label;
}

/**
 * The policy the audit runs with (issue 20, item 1: policies are data): a project's policy file
 * loaded, each check's severity set or switched off here, and the result downloaded as the file
 * `cors-console audit --policy` reads, so the page and CI run the same checks.
 */
export function AuditPolicyPanel({ state, disabled }: { state: AuditPolicyState; disabled: boolean }) {
  const { choice, refused } = state;
  const name = policyName(choice);
  const changes = policyChanges(choice.policy);
  const running = AUDIT_CHECK_CODES.length - changes.off.length;
  const refusedId = useId();
  const columns = [webText('audit-page.policy.column.check'), webText('audit-page.policy.column.setting')];

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so picking the same file again (after editing it) reads it again.
    event.target.value = '';
    if (file) void state.load(file);
  };

  return (
    <section className="audit-policy" aria-labelledby="audit-policy-title">
      <h3 id="audit-policy-title">{webText('audit-page.policy.title')}</h3>
      <p className="audit-policy-name" data-testid="audit-policy-name">
        {policyNameText(name)}
      </p>
      {(changes.off.length > 0 || changes.rerated.length > 0 || changes.expectCredentials) && (
        <ul className="audit-policy-changes" aria-label={webText('audit-page.policy.changes')}>
          {changes.off.length > 0 && (
            <li>
              <Badge tone="neutral">{webText('audit-page.policy.count.off', { count: changes.off.length })}</Badge>
            </li>
          )}
          {changes.rerated.length > 0 && (
            <li>
              <Badge tone="neutral">{webText('audit-page.policy.count.rerated', { count: changes.rerated.length })}</Badge>
            </li>
          )}
          {changes.expectCredentials && (
            <li>
              <Badge tone="neutral">{webText('audit-page.policy.credentials-expected')}</Badge>
            </li>
          )}
        </ul>
      )}
      <div className="audit-policy-actions">
        <TextField
          label={webText('audit-page.policy.load')}
          hint={webText('audit-page.policy.load-hint')}
          type="file"
          accept=".json,application/json"
          onChange={onFile}
          disabled={disabled}
          aria-describedby={refused ? refusedId : undefined}
          aria-invalid={refused ? true : undefined}
        />
        <div className="audit-actions">
          <Button size="sm" icon={Download} onClick={() => downloadFile(state.file())}>
            {webText('audit-page.policy.download')}
          </Button>
          <Button size="sm" icon={RotateCcw} onClick={state.reset} disabled={disabled || (name.kind === 'default' && !refused)}>
            {webText('audit-page.policy.reset')}
          </Button>
        </div>
      </div>
      {refused && (
        <div role="alert" className="audit-policy-refused" id={refusedId}>
          <strong>{webText('audit-page.policy.refused', { name: refused.name })}</strong>
          <LocatedIssues issues={refused.issues} label={webText('audit-page.policy.refused-issues', { name: refused.name })} />
        </div>
      )}
      <Disclosure summary={webText('audit-page.policy.checks', { running, total: AUDIT_CHECK_CODES.length })} className="audit-policy-checks">
        <Checkbox
          label={webText('audit-page.policy.credentials')}
          note={webText('audit-page.policy.credentials-note')}
          checked={choice.policy.expectCredentials}
          onChange={(e) => state.setExpectCredentials(e.target.checked)}
          disabled={disabled}
        />
        <Table label={webText('audit-page.policy.checks-table')} columns={columns} className="audit-policy-table">
          {AUDIT_CHECK_CODES.map((code) => (
            <tr key={code}>
              <th scope="row">
                {auditCheckTitle(code)} <code>{code}</code>
              </th>
              <td data-label={columns[1]}>
                <Select label={webText('audit-page.policy.setting-label', { check: auditCheckTitle(code) })} hideLabel value={checkSetting(choice.policy, code)} onChange={(e) => state.setCheck(code, e.target.value as CheckSetting)} disabled={disabled}>
                  {SETTINGS.map((setting) => (
                    <option key={setting} value={setting}>
                      {settingText(code, setting)}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          ))}
        </Table>
      </Disclosure>
    </section>
  );
}
