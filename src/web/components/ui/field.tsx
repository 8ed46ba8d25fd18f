import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import './ui.css';

interface FieldFrame {
  label: ReactNode;
  /** A short help line under the control. */
  hint?: ReactNode;
  /** An error under the control; marks it invalid and describes it. */
  error?: ReactNode;
  /** Hides the label visually (it still names the control). */
  hideLabel?: boolean;
  className?: string;
}

function useFieldIds(id: string | undefined, hint: ReactNode, error: ReactNode, describedBy: string | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, described };
}

function Frame({ label, hint, error, hideLabel, className, ids, children }: FieldFrame & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={cx('ui-field', className)}>
      <label htmlFor={ids.controlId} className={hideLabel ? 'sr-only' : 'ui-field-label'}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={ids.hintId} className="ui-field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="ui-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { ref?: Ref<HTMLInputElement>; inputClassName?: string };

export function TextField({ label, hint, error, hideLabel, className, inputClassName, id, 'aria-describedby': describedBy, ...input }: TextFieldProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <Frame {...{ label, hint, error, hideLabel, className, ids }}>
      <input id={ids.controlId} className={cx('ui-input', inputClassName)} aria-invalid={error ? true : undefined} aria-describedby={ids.described} {...input} />
    </Frame>
  );
}

export type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & { ref?: Ref<HTMLTextAreaElement>; inputClassName?: string };

export function TextArea({ label, hint, error, hideLabel, className, inputClassName, id, 'aria-describedby': describedBy, ...textarea }: TextAreaProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <Frame {...{ label, hint, error, hideLabel, className, ids }}>
      <textarea id={ids.controlId} className={cx('ui-input', 'ui-textarea', inputClassName)} aria-invalid={error ? true : undefined} aria-describedby={ids.described} {...textarea} />
    </Frame>
  );
}

export type SelectProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { ref?: Ref<HTMLSelectElement>; inputClassName?: string };

/** A native select, styled: the platform's own picker is the most accessible one on phones. */
export function Select({ label, hint, error, hideLabel, className, inputClassName, id, 'aria-describedby': describedBy, children, ...select }: SelectProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <Frame {...{ label, hint, error, hideLabel, className, ids }}>
      <select id={ids.controlId} className={cx('ui-input', 'ui-select', inputClassName)} aria-invalid={error ? true : undefined} aria-describedby={ids.described} {...select}>
        {children}
      </select>
    </Frame>
  );
}
