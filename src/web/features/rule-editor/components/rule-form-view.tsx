import type { RuleIssues } from '../issue-placement';
import type { CorsConfig, DocumentFormat, RuleFix } from '../../../../core';
import { duplicateRule, emptyRule, formToConfig, formToRule, type RuleFormValues } from '../rule-form';
import { ruleServerMessages } from '../server-issues';
import type { DraftForm } from '../use-draft-form';
import type { FocusRequest } from '../use-pending-focus';
import { RuleCard, ruleHeadingId } from './rule-card';
import { RuleList } from './rule-list';

const NO_ISSUES: RuleIssues = { rule: [], fields: {} };

/** The form view: Vary where the dialect has it, then the rule cards in evaluation order. */
export function RuleFormView({ domId, cardDomId, draftForm, ruleIssues, supportsVary, isEmptyBucket, testNote, focusLater, diffFormat, onApplyFix }: {
  domId: string;
  cardDomId: (fieldId: string) => string;
  draftForm: DraftForm;
  ruleIssues: readonly RuleIssues[];
  supportsVary: boolean;
  isEmptyBucket: boolean;
  testNote: (index: number) => string | undefined;
  focusLater: (request: FocusRequest) => void;
  /** The format a fix's diff is shown in. */
  diffFormat: DocumentFormat;
  /** Replaces the draft with `config`, undoably; `fix` says what changed. */
  onApplyFix: (config: CorsConfig, fix: RuleFix) => void;
}) {
  const { form, ruleArray, draft } = draftForm;
  const { register, control, getValues } = form;
  const { errors } = form.formState;

  const ruleAnchor = (index: number) => {
    const field = ruleArray.fields[index];
    return field ? ruleHeadingId(cardDomId(field.id)) : '';
  };
  // Read through the form at click and render time, so cards that were not re-rendered still act
  // on the draft as it is now.
  const shadow = {
    ruleAnchor,
    focusRule: (index: number) => document.getElementById(ruleAnchor(index))?.focus(),
    currentDraft: () => formToConfig(getValues()),
    diffFormat,
    applyFix: (fix: RuleFix) => onApplyFix({ ...formToConfig(getValues()), rules: fix.rules }, fix),
  };

  return (
    <>
      <p className="re-note">
        Rules are checked from top to bottom: the first rule that matches the request&apos;s origin, method and requested headers answers it, and later rules never see that request. Actual requests carry no requested headers, so an upload&apos;s preflight and its PUT can be answered by different rules. To reorder, drag a rule by its
        handle, or focus the handle, press Space, move with the arrow keys and press Space again.
      </p>
      {supportsVary && (
        <div className="re-vary">
          <input id={`${domId}-vary`} type="checkbox" aria-describedby={`${domId}-vary-note`} {...register('responseVary')} />
          <label htmlFor={`${domId}-vary`}>Vary: Origin</label>
          <span id={`${domId}-vary-note`} className="re-muted">
            Send Vary: Origin on every response (ResponseVary), so caches keep answers per origin.
          </span>
        </div>
      )}
      {ruleArray.fields.length === 0 ? (
        <p className="re-empty">
          {isEmptyBucket
            ? 'This bucket has no CORS configuration. Add a rule to create one.'
            : 'This draft has no rules. Add a rule, or use "Delete all rules" to remove the bucket\'s CORS configuration.'}
        </p>
      ) : (
        <RuleList ids={ruleArray.fields.map((field) => field.id)} onMove={ruleArray.move}>
          {ruleArray.fields.map((field, index) => (
            <RuleCard
              key={field.id}
              sortableId={field.id}
              domId={cardDomId(field.id)}
              index={index}
              rule={draft.rules[index] ?? formToRule(emptyRule())}
              issues={ruleIssues[index] ?? NO_ISSUES}
              serverMessages={ruleServerMessages(errors, index)}
              register={register}
              control={control}
              onDuplicate={() => {
                ruleArray.insert(index + 1, duplicateRule(getValues(`rules.${index}`) as RuleFormValues), { shouldFocus: false });
                focusLater({ rule: index + 1 });
              }}
              onDelete={() => {
                ruleArray.remove(index);
                focusLater({ rule: index });
              }}
              shadow={shadow}
              testNote={testNote(index)}
            />
          ))}
        </RuleList>
      )}
    </>
  );
}
