import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ChevronDown, ChevronUp, Copy, GripVertical, Trash2 } from 'lucide-react';
import { memo } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import type { CorsConfig, CorsRule } from '../../../../core';
import { Badge, Button, IconButton } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import type { RuleField } from '../../../lib/issue-location';
import type { RuleIssues } from '../issue-placement';
import { ruleFacts, type EditorFormValues } from '../rule-form';
import { IssueList } from './issue-list';
import { RuleFields } from './rule-fields';
import { ShadowActions, type ShadowActionProps } from './shadow-actions';

export interface RuleCardProps {
  sortableId: string;
  domId: string;
  index: number;
  rule: CorsRule;
  /** The issues to show: a new rule's errors wait until its fields are touched or Save is tried. */
  issues: RuleIssues;
  serverMessages: Partial<Record<RuleField, string[]>>;
  /** Open for editing (the fields), or compact (one summary row). */
  isOpen: boolean;
  onToggle: () => void;
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

function RuleCardView({ sortableId, domId, index, rule, issues, serverMessages, isOpen, onToggle, register, control, onDuplicate, onDelete, shadow, testNote }: RuleCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortableId });
  const n = index + 1;
  const fieldsId = `${domId}-fields`;
  const badges = ruleBadges(issues, serverMessages);
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
          <>
            <IssueList issues={issues.rule} action={(placed) => <ShadowActions placed={placed} {...shadow} />} />
            <RuleFields id={fieldsId} domId={domId} index={index} issues={issues} serverMessages={serverMessages} register={register} control={control} />
          </>
        )}
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
    before.isOpen === after.isOpen &&
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
