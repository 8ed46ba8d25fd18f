import { useMemo, useState } from 'react';
import { explanationText, issueMessage, strictestRules, verdictLevelText, wizardErrorText, type AppDescription, type CorsConfig, type Dialect } from '../../../../core';
import { Table } from '../../../components/ui';
import { appRequestOutcomes, otherRequestOutcomes, type RequestOutcome } from '../app-requests';
import { ruleRoom, type Placement } from '../insertion';
import { AppForm } from './app-form';
import { InsertionPreview } from './insertion-preview';
import { RulePreview } from './rule-preview';
import { appRequestText, requestOutcomeText, type DraftNote } from '../../../lib/messages';

export interface StrictestPanelProps {
  draft: CorsConfig;
  dialect: Dialect;
  loosestIndex: number;
  focusToken: number;
  onInsert: (config: CorsConfig, note: DraftNote) => boolean;
}

const OUTCOME_COLUMNS = ['Request', 'Verdict', 'Detail'];

function OutcomeTable({ caption, outcomes }: { caption: string; outcomes: RequestOutcome[] }) {
  return (
    <Table label={caption} caption={caption} columns={OUTCOME_COLUMNS}>
      {outcomes.map((o) => {
        const request = appRequestText(o.request);
        return (
          <tr key={request}>
            <td data-label="Request">{request}</td>
            <td data-label="Verdict" className={`rw-${o.verdict.level}`} data-level={o.verdict.level}>
              {verdictLevelText(o.verdict.level).toLowerCase()}
              {o.allowed && o.rule ? ` (rule ${o.rule})` : ''}
            </td>
            <td data-label="Detail">{o.detail && requestOutcomeText(o.detail)}</td>
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
export function StrictestPanel({ draft, dialect, loosestIndex, focusToken, onInsert }: StrictestPanelProps) {
  const [app, setApp] = useState<AppDescription | null>(null);
  const [placement, setPlacement] = useState<Placement>(loosestIndex === -1 ? 'effective' : 'replace-loosest');
  const room = ruleRoom(draft, dialect, placement, loosestIndex);
  const result = useMemo(() => (app ? strictestRules(app, dialect, room.room === null ? {} : { maxRules: room.room }) : null), [app, dialect, room.room]);
  const rules = useMemo(() => (result?.ok ? result.rules.map((r) => r.rule) : []), [result]);

  return (
    <div className="rw-panel">
      <p>Describe what the web app does with this bucket; the wizard allows exactly that and nothing more.</p>
      <AppForm dialect={dialect} onGenerate={setApp} focusToken={focusToken} />
      {result && !result.ok && (
        <p role="alert" className="rw-error">
          {wizardErrorText(result.error)}
        </p>
      )}
      {app && result?.ok && (
        <section className="rw-generated" aria-label="Generated rules">
          <h3>
            {result.rules.length === 1 ? 'One rule' : `${result.rules.length} rules`} for the app
          </h3>
          {result.explanations.length > 0 && (
            <ul className="rw-why" aria-label="Choices about the rules">
              {result.explanations.map((e, i) => (
                <li key={i}>{explanationText(e)}</li>
              ))}
            </ul>
          )}
          {result.warnings.length > 0 && (
            <ul className="rw-warnings" aria-label="Warnings">
              {result.warnings.map((w, i) => (
                <li key={i}>{issueMessage(w)}</li>
              ))}
            </ul>
          )}
          {result.rules.map((r, i) => (
            <RulePreview key={i} rule={r.rule} explanations={r.explanations} caption={`Rule ${i + 1} of ${result.rules.length}${r.rule.id ? `: ${r.rule.id}` : ''}`} />
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
                <OutcomeTable caption="The app's requests under the new draft" outcomes={appRequestOutcomes(app, config, dialect)} />
                <OutcomeTable caption="Requests the app does not make" outcomes={otherRequestOutcomes(app, config, dialect)} />
              </>
            )}
          />
        </section>
      )}
    </div>
  );
}
