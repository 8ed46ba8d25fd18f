import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ChevronDown, ChevronUp, Copy, GripVertical, Trash2 } from 'lucide-react';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Control, UseFormRegister, UseFormReturn } from 'react-hook-form';
import type { CorsConfig, CorsRule, Dialect } from '../../../../core';
import { Badge, Button, IconButton } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import type { RuleField } from '../../../lib/issue-location';
import { mergeRuleIssues, placeOwnIssues, withoutUntouchedErrors, type RuleIssues } from '../issue-placement';
import { issuesOfRule } from '../rule-issues';
import { formToRule, ruleFacts, type EditorFormValues, type RuleFormValues } from '../rule-form';
import { IssueList } from './issue-list';
import { RuleFields } from './rule-fields';
import { ShadowActions, type ShadowActionProps } from './shadow-actions';

export interface RuleCardProps {
  sortableId: string;
  domId: string;
  index: number;
  rule: CorsRule;
  /** The rule's own issues for the draft as last read (an open card works them out as it is typed in). */
  ownIssues: RuleIssues;
  /** The issues across rules placed on this card. */
  acrossIssues: RuleIssues;
  /** Set for a new rule: its errors wait until its fields are touched (those named) or Save is tried. */
  untouched: UntouchedFields | null;
  dialect: Dialect;
  serverMessages: Partial<Record<RuleField, string[]>>;
  /** Open for editing (the fields), or compact (one summary row). */
  isOpen: boolean;
  onToggle: () => void;
  /** The editor's form, which an open card reads its rule from as it is typed in. */
  form: EditorForm;
  register: UseFormRegister<EditorFormValues>;
  control: Control<EditorFormValues, unknown, CorsConfig>;
  onDuplicate: () => void;
  onDelete: () => void;
  /** What a shadowing warning's link and fixes act on (never compared: they act through the form). */
  shadow: ShadowActionProps;
  /** Set when the test pane's last test concerned this rule: says how. */
  testNote?: string | undefined;
}

export interface UntouchedFields {
  touched: (keyof RuleFormValues)[];
}

/** The issues a card shows: its own and those across rules, a new rule's untouched fields without errors. */
function shownIssues(own: RuleIssues, across: RuleIssues, untouched: UntouchedFields | null): RuleIssues {
  const all = mergeRuleIssues(across, own);
  return untouched ? withoutUntouchedErrors(all, (field) => untouched.touched.includes(field)) : all;
}

export function ruleHeadingId(domId: string): string {
  return `${domId}-title`;
}

interface RuleBadge {
  tone: 'danger' | 'warning';
  text: string;
}

/** The row's badges: errors and warnings by level, and "shadowed" for a rule earlier rules take requests from. */
export function ruleBadges(issues: RuleIssues, serverMessages: Partial<Record<RuleField, string[]>>): RuleBadge[] {
  const all = [...issues.rule, ...Object.values(issues.fields).flat()];
  const shadowed = issues.rule.some((placed) => placed.link?.role === 'loser');
  const errors = all.filter((placed) => placed.issue.severity === 'error').length + Object.values(serverMessages).flat().length;
  const warnings = all.filter((placed) => placed.issue.severity === 'warning' && placed.link?.role !== 'loser').length;
  return [
    ...(errors ? [{ tone: 'danger' as const, text: webText('editor.card.errors', { count: errors }) }] : []),
    ...(warnings ? [{ tone: 'warning' as const, text: webText('editor.card.warnings', { count: warnings }) }] : []),
    ...(shadowed ? [{ tone: 'warning' as const, text: webText('editor.card.shadowed') }] : []),
  ];
}

function RuleCardView({ sortableId, domId, index, rule, ownIssues, acrossIssues, untouched, dialect, serverMessages, isOpen, onToggle, form, register, control, onDuplicate, onDelete, shadow, testNote }: RuleCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortableId });
  const n = index + 1;
  const fieldsId = `${domId}-fields`;
  const badges = ruleBadges(shownIssues(ownIssues, acrossIssues, untouched), serverMessages);
  /** Completes each action button's name for screen readers: "Edit rule 2". */
  const which = webText('editor.card.which', { number: n });

  return (
    <li ref={setNodeRef} className={`re-rule${isDragging ? ' re-rule-lifted' : ''}`} style={{ transform: CSS.Translate.toString(transform), transition }}>
      <section aria-label={webText('editor.rule', { number: n })} className={`re-card${isOpen ? ' re-card-open' : ''}${testNote ? ' re-card-tested' : ''}`}>
        <div className="re-row">
          <IconButton label={webText('editor.card.reorder', { number: n })} icon={GripVertical} size="sm" className="re-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} />
          <h3 id={ruleHeadingId(domId)} tabIndex={-1} className="re-row-title">
            {webText('editor.rule', { number: n })}
            {rule.id && (
              <>
                {' '}
                <span className="re-rule-id">{rule.id}</span>
              </>
            )}
          </h3>
          <dl className="re-facts">
            {ruleFacts(rule).map((fact) => (
              <div key={fact.key} className={`re-fact re-fact-${fact.key}`}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
          {isDragging && <Badge tone="info">{webText('editor.card.lifted')}</Badge>}
          {badges.length > 0 && (
            <ul className="re-badges" aria-label={webText('editor.card.issues', { number: n })}>
              {badges.map((badge) => (
                <li key={badge.text}>
                  <Badge tone={badge.tone}>{badge.text}</Badge>
                </li>
              ))}
            </ul>
          )}
          <div className="re-card-actions">
            <Button size="sm" variant={isOpen ? 'ghost' : 'secondary'} icon={isOpen ? ChevronUp : ChevronDown} aria-expanded={isOpen} aria-controls={isOpen ? fieldsId : undefined} onClick={onToggle}>
              {isOpen ? webText('editor.card.close') : webText('editor.card.edit')} <span className="re-sr">{which}</span>
            </Button>
            <Button size="sm" variant="ghost" icon={Copy} onClick={onDuplicate}>
              {webText('editor.card.duplicate')} <span className="re-sr">{which}</span>
            </Button>
            <Button size="sm" variant="ghost" icon={Trash2} className="re-danger-quiet" onClick={onDelete}>
              {webText('editor.card.delete')} <span className="re-sr">{which}</span>
            </Button>
          </div>
        </div>
        {testNote && <p className="re-test-note">{testNote}</p>}
        {isOpen && (
          <OpenRuleBody
            fieldsId={fieldsId}
            domId={domId}
            index={index}
            dialect={dialect}
            acrossIssues={acrossIssues}
            untouched={untouched}
            serverMessages={serverMessages}
            form={form}
            register={register}
            control={control}
            shadow={shadow}
          />
        )}
      </section>
    </li>
  );
}

/**
 * An open card's issues and fields. The card works out its rule's own issues from the fields as
 * they are typed in, so a keystroke's message needs this card alone to render; the editor reads
 * the whole draft after it, in a transition (use-draft-form.ts), and the issues across rules follow.
 */
function OpenRuleBody({ fieldsId, domId, index, dialect, acrossIssues, untouched, serverMessages, form, register, control, shadow }: {
  fieldsId: string;
  domId: string;
  index: number;
  dialect: Dialect;
  acrossIssues: RuleIssues;
  untouched: UntouchedFields | null;
  serverMessages: Partial<Record<RuleField, string[]>>;
  form: EditorForm;
  register: UseFormRegister<EditorFormValues>;
  control: Control<EditorFormValues, unknown, CorsConfig>;
  shadow: ShadowActionProps;
}) {
  const values = useRuleValues(form, index);
  const ownIssues = useMemo(() => placeOwnIssues(issuesOfRule(formToRule(values), index, dialect), values), [values, index, dialect]);
  const issues = shownIssues(ownIssues, acrossIssues, untouched);
  return (
    <>
      <IssueList issues={issues.rule} action={(placed) => <ShadowActions placed={placed} {...shadow} />} />
      <RuleFields id={fieldsId} domId={domId} index={index} issues={issues} serverMessages={serverMessages} register={register} control={control} />
    </>
  );
}

/**
 * Rule `index`'s fields as they are now, this card re-rendered on each change. Not `useWatch`:
 * a watched field makes react-hook-form re-render the whole form's host (the editor) on each
 * keystroke too, which is what this card's reading spares.
 */
function useRuleValues(form: EditorForm, index: number): RuleFormValues {
  const name = `rules.${index}` as const;
  const { getValues, subscribe } = form;
  // A copy: react-hook-form changes its values in place. Kept with the name it was read for, so a
  // card moved to another position reads its new rule at once.
  const [seen, setSeen] = useState(() => ({ name, values: { ...getValues(name) } }));
  useEffect(() => subscribe({ name, formState: { values: true }, callback: () => setSeen({ name, values: { ...getValues(name) } }) }), [getValues, subscribe, name]);
  return seen.name === name ? seen.values : { ...getValues(name) };
}

type EditorForm = UseFormReturn<EditorFormValues, unknown, CorsConfig>;

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
    before.isOpen === after.isOpen &&
    before.testNote === after.testNote &&
    before.shadow.diffFormat === after.shadow.diffFormat &&
    before.form === after.form &&
    before.register === after.register &&
    before.control === after.control &&
    // The draft keeps an unchanged rule the same object (draft-reader.ts): most cards end here.
    (before.rule === after.rule || JSON.stringify(before.rule) === JSON.stringify(after.rule)) &&
    before.dialect === after.dialect &&
    JSON.stringify(before.ownIssues) === JSON.stringify(after.ownIssues) &&
    JSON.stringify(before.acrossIssues) === JSON.stringify(after.acrossIssues) &&
    JSON.stringify(before.untouched) === JSON.stringify(after.untouched) &&
    JSON.stringify(before.serverMessages) === JSON.stringify(after.serverMessages)
  );
}

export const RuleCard = memo(RuleCardView, sameCard);
