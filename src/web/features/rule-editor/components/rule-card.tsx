import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { METHODS, type CorsConfig, type CorsRule } from '../../../../core';
import type { RuleField } from '../../../lib/issue-location';
import type { RuleIssues } from '../issue-placement';
import { summarizeRule, type EditorFormValues } from '../rule-form';
import { IssueList } from './issue-list';
import { ShadowActions, type ShadowActionProps } from './shadow-actions';

export interface RuleCardProps {
  sortableId: string;
  domId: string;
  index: number;
  rule: CorsRule;
  issues: RuleIssues;
  serverMessages: Partial<Record<RuleField, string[]>>;
  register: UseFormRegister<EditorFormValues>;
  control: Control<EditorFormValues, unknown, CorsConfig>;
  onDuplicate: () => void;
  onDelete: () => void;
  /** What a shadowing warning's link and fixes act on (never compared: they act through the form). */
  shadow: ShadowActionProps;
  /** Set when the test pane's last test concerned this rule: says how. */
  testNote?: string | undefined;
}

export function ruleHeadingId(domId: string): string {
  return `${domId}-title`;
}

function RuleCardView({ sortableId, domId, index, rule, issues, serverMessages, register, control, onDuplicate, onDelete, shadow, testNote }: RuleCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortableId });
  const n = index + 1;
  const fieldId = (field: string) => `${domId}-${field}`;

  const describe = (field: RuleField, extra?: string) => {
    const found = issues.fields[field] ?? [];
    const server = serverMessages[field] ?? [];
    const hasIssues = found.length > 0 || server.length > 0;
    const describedBy = [extra, hasIssues ? fieldId(`${field}-issues`) : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': found.some((i) => i.issue.severity === 'error') || server.length > 0 ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const fieldIssues = (field: RuleField) => <IssueList id={fieldId(`${field}-issues`)} issues={issues.fields[field] ?? []} serverMessages={serverMessages[field]} />;

  return (
    <li ref={setNodeRef} className={`re-rule${isDragging ? ' re-rule-dragging' : ''}`} style={{ transform: CSS.Translate.toString(transform), transition }}>
      <section aria-label={`Rule ${n}`} className={`re-card${testNote ? ' re-card-tested' : ''}`}>
        <div className="re-card-head">
          <button type="button" className="re-handle" ref={setActivatorNodeRef} {...attributes} {...listeners}>
            <span aria-hidden="true">⠿</span> Reorder <span className="re-sr">rule {n}</span>
          </button>
          <div className="re-card-title">
            <h3 id={ruleHeadingId(domId)} tabIndex={-1}>
              Rule {n}
              {rule.id && (
                <>
                  {' '}
                  <span className="re-rule-id">{rule.id}</span>
                </>
              )}
            </h3>
            <p className="re-summary">{summarizeRule(rule)}</p>
          </div>
          <div className="re-card-actions">
            <button type="button" onClick={onDuplicate}>
              Duplicate <span className="re-sr">rule {n}</span>
            </button>
            <button type="button" className="re-danger-quiet" onClick={onDelete}>
              Delete <span className="re-sr">rule {n}</span>
            </button>
          </div>
        </div>
        {testNote && <p className="re-test-note">{testNote}</p>}
        <IssueList issues={issues.rule} action={(placed) => <ShadowActions placed={placed} {...shadow} />} />
        <div className="re-fields">
          <div className="re-field re-field-id">
            <label htmlFor={fieldId('id')}>ID</label>
            <input id={fieldId('id')} type="text" autoComplete="off" spellCheck={false} {...register(`rules.${index}.ruleId`)} {...describe('id')} />
            {fieldIssues('id')}
          </div>
          <div className="re-field re-field-max-age">
            <label htmlFor={fieldId('maxAgeSeconds')}>Max age</label>
            <span className="re-unit">
              <input id={fieldId('maxAgeSeconds')} type="number" min={0} step={1} inputMode="numeric" {...register(`rules.${index}.maxAgeSeconds`)} {...describe('maxAgeSeconds', fieldId('max-age-unit'))} />
              <span id={fieldId('max-age-unit')}>seconds; empty leaves it unset</span>
            </span>
            {fieldIssues('maxAgeSeconds')}
          </div>
          <Controller
            control={control}
            name={`rules.${index}.allowedMethods`}
            render={({ field }) => (
              <fieldset className="re-field re-methods" {...describe('allowedMethods')}>
                <legend>Allowed methods</legend>
                <div className="re-method-list">
                  {METHODS.map((method) => (
                    <span key={method} className="re-method">
                      <input
                        id={fieldId(`method-${method}`)}
                        type="checkbox"
                        checked={field.value.includes(method)}
                        onBlur={field.onBlur}
                        onChange={(event) => field.onChange(event.target.checked ? [...field.value, method] : field.value.filter((m) => m !== method))}
                      />
                      <label htmlFor={fieldId(`method-${method}`)}>{method}</label>
                    </span>
                  ))}
                </div>
                {fieldIssues('allowedMethods')}
              </fieldset>
            )}
          />
          <div className="re-field re-field-wide">
            <label htmlFor={fieldId('allowedOrigins')}>Allowed origins</label>
            <textarea id={fieldId('allowedOrigins')} rows={3} spellCheck={false} placeholder="https://app.example.com" {...register(`rules.${index}.allowedOrigins`)} {...describe('allowedOrigins', fieldId('one-per-line'))} />
            {fieldIssues('allowedOrigins')}
          </div>
          <div className="re-field">
            <label htmlFor={fieldId('allowedHeaders')}>Allowed headers</label>
            <textarea id={fieldId('allowedHeaders')} rows={3} spellCheck={false} {...register(`rules.${index}.allowedHeaders`)} {...describe('allowedHeaders', fieldId('one-per-line'))} />
            {fieldIssues('allowedHeaders')}
          </div>
          <div className="re-field">
            <label htmlFor={fieldId('exposeHeaders')}>Expose headers</label>
            <textarea id={fieldId('exposeHeaders')} rows={3} spellCheck={false} {...register(`rules.${index}.exposeHeaders`)} {...describe('exposeHeaders', fieldId('one-per-line'))} />
            {fieldIssues('exposeHeaders')}
          </div>
          <p id={fieldId('one-per-line')} className="re-field-note">
            Origins and headers: one per line.
          </p>
        </div>
      </section>
    </li>
  );
}

/**
 * With 100 rules, a keystroke in one card must not re-render the other 99. The card's data is
 * compared by value (the editor rebuilds those objects on every render); the callbacks are not
 * compared: they act on the card's `index`, which is, through functions that never change.
 */
function sameCard(before: RuleCardProps, after: RuleCardProps): boolean {
  return (
    before.sortableId === after.sortableId &&
    before.domId === after.domId &&
    before.index === after.index &&
    before.testNote === after.testNote &&
    before.shadow.diffFormat === after.shadow.diffFormat &&
    before.register === after.register &&
    before.control === after.control &&
    JSON.stringify(before.rule) === JSON.stringify(after.rule) &&
    JSON.stringify(before.issues) === JSON.stringify(after.issues) &&
    JSON.stringify(before.serverMessages) === JSON.stringify(after.serverMessages)
  );
}

export const RuleCard = memo(RuleCardView, sameCard);
