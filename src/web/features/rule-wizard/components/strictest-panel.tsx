import { useMemo, useState } from 'react';
import { explanationText, issueMessage, localNetworkFetch, strictestRules, verdictLevelText, wizardErrorText, type AppDescription, type CorsConfig, type Dialect } from '../../../../core';
import { LocalNetworkNotice } from '../../../components/local-network-notice';
import { Table } from '../../../components/ui';
import { appRequestOutcomes, otherRequestOutcomes, type RequestOutcome } from '../app-requests';
import { ruleRoom, type Placement } from '../insertion';
import { AppForm } from './app-form';
import { InsertionPreview } from './insertion-preview';
import { RulePreview } from './rule-preview';
import { webText } from '../../../lib/i18n/feature-text';
import { appRequestText, requestOutcomeText, type DraftNote } from '../../../lib/messages';

export interface StrictestPanelProps {
  draft: CorsConfig;
  dialect: Dialect;
  /** The profile's endpoint, when it names one: a public app reaching it on a private address meets Chrome's Local Network Access. */
  endpoint?: string | null;
  loosestIndex: number;
  focusToken: number;
  onInsert: (config: CorsConfig, note: DraftNote) => boolean;
}

function OutcomeTable({ caption, outcomes }: { caption: string; outcomes: RequestOutcome[] }) {
  const [requestColumn, verdictColumn, detailColumn] = [webText('wizard.outcome.request'), webText('wizard.outcome.verdict'), webText('wizard.outcome.detail')];
  return (
    <Table label={caption} caption={caption} columns={[requestColumn, verdictColumn, detailColumn]}>
      {outcomes.map((o) => {
        const request = appRequestText(o.request);
        const verdict = verdictLevelText(o.verdict.level).toLowerCase();
        return (
          <tr key={request}>
            <td data-label={requestColumn}>{request}</td>
            <td data-label={verdictColumn} className={`rw-${o.verdict.level}`} data-level={o.verdict.level}>
              {o.allowed && o.rule ? webText('wizard.outcome.verdict-rule', { verdict, number: o.rule }) : verdict}
            </td>
            <td data-label={detailColumn}>{o.detail && requestOutcomeText(o.detail)}</td>
          </tr>
        );
      })}
    </Table>
  );
}

/**
 * The strictest rules for a described app: the form, then each generated rule with its reasons,
 * the requests of the app (and a few it does not make) judged under the new draft, and the draft.
 */
export function StrictestPanel({ draft, dialect, endpoint, loosestIndex, focusToken, onInsert }: StrictestPanelProps) {
  const [app, setApp] = useState<AppDescription | null>(null);
  const [placement, setPlacement] = useState<Placement>(loosestIndex === -1 ? 'effective' : 'replace-loosest');
  const room = ruleRoom(draft, dialect, placement, loosestIndex);
  const result = useMemo(() => (app ? strictestRules(app, dialect, room.room === null ? {} : { maxRules: room.room }) : null), [app, dialect, room.room]);
  const rules = useMemo(() => (result?.ok ? result.rules.map((r) => r.rule) : []), [result]);
  const localNetwork = app && endpoint ? app.origins.map((origin) => localNetworkFetch(origin, endpoint)).find((access) => access !== undefined) : undefined;

  return (
    <div className="rw-panel">
      <p>{webText('wizard.strictest.lead')}</p>
      <AppForm dialect={dialect} onGenerate={setApp} focusToken={focusToken} />
      {localNetwork && <LocalNetworkNotice access={localNetwork} />}
      {result && !result.ok && (
        <p role="alert" className="rw-error">
          {wizardErrorText(result.error)}
        </p>
      )}
      {app && result?.ok && (
        <section className="rw-generated" aria-label={webText('wizard.strictest.generated')}>
          <h3>{webText('wizard.strictest.heading', { count: result.rules.length })}</h3>
          {result.explanations.length > 0 && (
            <ul className="rw-why" aria-label={webText('wizard.strictest.choices')}>
              {result.explanations.map((e, i) => (
                <li key={i}>{explanationText(e)}</li>
              ))}
            </ul>
          )}
          {result.warnings.length > 0 && (
            <ul className="rw-warnings" aria-label={webText('wizard.strictest.warnings')}>
              {result.warnings.map((w, i) => (
                <li key={i}>{issueMessage(w)}</li>
              ))}
            </ul>
          )}
          {result.rules.map((r, i) => (
            <RulePreview key={i} rule={r.rule} explanations={r.explanations} caption={
                r.rule.id
                  ? webText('wizard.strictest.rule-of-named', { number: i + 1, count: result.rules.length, id: r.rule.id })
                  : webText('wizard.strictest.rule-of', { number: i + 1, count: result.rules.length })
              } />
          ))}
          <InsertionPreview
            draft={draft}
            rules={rules}
            dialect={dialect}
            placement={placement}
            onPlacementChange={setPlacement}
            loosestIndex={loosestIndex}
            what="strictest"
            onInsert={onInsert}
            checks={(config) => (
              <>
                <OutcomeTable caption={webText('wizard.strictest.app-requests')} outcomes={appRequestOutcomes(app, config, dialect)} />
                <OutcomeTable caption={webText('wizard.strictest.other-requests')} outcomes={otherRequestOutcomes(app, config, dialect)} />
              </>
            )}
          />
        </section>
      )}
    </div>
  );
}
