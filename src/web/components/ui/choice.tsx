import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import './ui.css';

export type ChoiceProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  /** The visible label, which is the control's accessible name. */
  label: ReactNode;
  /** Quieter text after the label, outside it (the name stays the label alone); it describes the control. */
  note?: ReactNode;
  className?: string;
  ref?: Ref<HTMLInputElement>;
};

/** The native control (keyboard, form and react-hook-form behaviour for free), styled, with its label beside it. */
function Choice({ type, label, note, className, id, 'aria-describedby': describedBy, ...input }: ChoiceProps & { type: 'checkbox' | 'radio' }) {
  const generated = useId();
  const controlId = id ?? generated;
  const noteId = note ? `${controlId}-note` : undefined;
  return (
    <div className={cx('ui-choice', className)}>
      <input id={controlId} type={type} className="ui-choice-input" aria-describedby={[describedBy, noteId].filter(Boolean).join(' ') || undefined} {...input} />
      <span className="ui-choice-text">
        <label htmlFor={controlId} className="ui-choice-label">
          {label}
        </label>
        {note && (
          <span id={noteId} className="ui-choice-note">
            {' '}
            {note}
          </span>
        )}
      </span>
    </div>
  );
}

export function Checkbox(props: ChoiceProps) {
  return <Choice type="checkbox" {...props} />;
}

export function Radio(props: ChoiceProps) {
  return <Choice type="radio" {...props} />;
}

export interface RadioGroupProps {
  /** The visible heading of the choices. */
  label: ReactNode;
  /** The group's accessible name when it should say more than the visible heading (which is then hidden from screen readers). */
  'aria-label'?: string;
  children: ReactNode;
  className?: string;
}

/** Radios under one heading, named as a radiogroup; arrow keys move between native radios of one name. */
export function RadioGroup({ label, 'aria-label': ariaLabel, children, className }: RadioGroupProps) {
  const labelId = useId();
  return (
    <div className={cx('ui-choice-group', className)}>
      <span id={labelId} className="ui-field-label" {...(ariaLabel ? { 'aria-hidden': true } : {})}>
        {label}
      </span>
      <div role="radiogroup" className="ui-choice-list" {...(ariaLabel ? { 'aria-label': ariaLabel } : { 'aria-labelledby': labelId })}>
        {children}
      </div>
    </div>
  );
}
