import { mergeRuleIssues, type RuleIssues } from '../issue-placement';
import type { CorsConfig, Dialect, DocumentFormat, RuleFix } from '../../../../core';
import { duplicateRule, formToConfig, formToRule, emptyRule, type RuleFormValues } from '../rule-form';
import { ruleServerMessages } from '../server-issues';
import type { DraftForm } from '../use-draft-form';
import type { FocusRequest } from '../use-pending-focus';
import type { RuleExpansion } from '../use-rule-expansion';
import { ChevronsDownUp, ChevronsUpDown, FileX2 } from 'lucide-react';
import { Button, Checkbox, EmptyState } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { FirstMatchNote } from './first-match-note';
import { RuleCard, ruleHeadingId, type UntouchedFields } from './rule-card';
import { RuleList } from './rule-list';

const NO_ISSUES: RuleIssues = { rule: [], fields: {} };

const hasError = (issues: RuleIssues, server: Partial<Record<string, string[]>>) =>
  [...issues.rule, ...Object.values(issues.fields).flat()].some((placed) => placed.issue.severity === 'error') || Object.values(server).some((list) => (list ?? []).length > 0);

/** The form view: the first-match note, Vary where the dialect has it, then the rules in evaluation order, compact or open. */
export function RuleFormView({ domId, cardDomId, draftForm, expansion, ownIssues, acrossIssues, dialect, supportsVary, isEmptyBucket, testNote, focusLater, diffFormat, onApplyFix }: {
  domId: string;
  cardDomId: (fieldId: string) => string;
  draftForm: DraftForm;
  expansion: RuleExpansion;
  /** Each rule's own issues, and those across rules, placed on its card. */
  ownIssues: readonly RuleIssues[];
  acrossIssues: readonly RuleIssues[];
  dialect: Dialect;
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
  const { errors, touchedFields, isSubmitted } = form.formState;

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
  // A new rule's errors wait until its fields are touched or Save is tried.
  const untouchedFields = (index: number, id: string): UntouchedFields | null => {
    if (isSubmitted || !expansion.isFresh(id)) return null;
    const touched = touchedFields.rules?.[index] ?? {};
    return { touched: (Object.keys(touched) as (keyof RuleFormValues)[]).filter((field) => touched[field]) };
  };
  const ruleCount = ruleArray.fields.length;

  return (
    <>
      <FirstMatchNote dialect={dialect} />
      {supportsVary && (
        <Checkbox
          id={`${domId}-vary`}
          className="re-vary"
          label="Vary: Origin"
          note={webText('editor.vary-note')}
          {...register('responseVary')}
        />
      )}
      {ruleCount === 0 ? (
        <EmptyState icon={FileX2} title={isEmptyBucket ? webText('editor.empty-bucket') : webText('editor.empty-draft')}>
          <p>{isEmptyBucket ? webText('editor.empty-bucket-action') : webText('editor.empty-draft-action')}</p>
        </EmptyState>
      ) : (
        <>
          {ruleCount > 1 && (
            <div className="re-list-tools" role="group" aria-label={webText('editor.rule-cards')}>
              <Button size="sm" variant="ghost" icon={ChevronsUpDown} onClick={() => expansion.setAll(true)}>
                {webText('editor.expand-all')}
              </Button>
              <Button size="sm" variant="ghost" icon={ChevronsDownUp} onClick={() => expansion.setAll(false)}>
                {webText('editor.collapse-all')}
              </Button>
            </div>
          )}
          <RuleList ids={ruleArray.fields.map((field) => field.id)} onMove={ruleArray.move}>
            {ruleArray.fields.map((field, index) => {
              const own = ownIssues[index] ?? NO_ISSUES;
              const across = acrossIssues[index] ?? NO_ISSUES;
              const serverMessages = ruleServerMessages(errors, index);
              const opensForError = hasError(mergeRuleIssues(across, own), serverMessages);
              return (
                <RuleCard
                  key={field.id}
                  sortableId={field.id}
                  domId={cardDomId(field.id)}
                  index={index}
                  rule={draft.rules[index] ?? formToRule(emptyRule())}
                  ownIssues={own}
                  acrossIssues={across}
                  untouched={untouchedFields(index, field.id)}
                  dialect={dialect}
                  serverMessages={serverMessages}
                  isOpen={expansion.isOpen(field.id, opensForError)}
                  onToggle={() => expansion.toggle(field.id, opensForError)}
                  form={form}
                  register={register}
                  control={control}
                  onDuplicate={() => {
                    expansion.expectArrival('copied');
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
              );
            })}
          </RuleList>
        </>
      )}
    </>
  );
}
