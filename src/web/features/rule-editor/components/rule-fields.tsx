import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { METHODS, type CorsConfig } from '../../../../core';
import type { RuleField } from '../../../lib/issue-location';
import type { RuleIssues } from '../issue-placement';
import type { EditorFormValues } from '../rule-form';
import { Checkbox, TextArea, TextField } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { IssueList } from './issue-list';

/** The fields of an open rule card, each with its issues (`issues` holds only those to show). */
export function RuleFields({ id, domId, index, issues, serverMessages, register, control }: {
  id: string;
  domId: string;
  index: number;
  issues: RuleIssues;
  serverMessages: Partial<Record<RuleField, string[]>>;
  register: UseFormRegister<EditorFormValues>;
  control: Control<EditorFormValues, unknown, CorsConfig>;
}) {
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
    <div className="re-fields" id={id}>
      <div className="re-field re-field-id">
        <TextField id={fieldId('id')} label="ID" type="text" autoComplete="off" spellCheck={false} {...register(`rules.${index}.ruleId`)} {...describe('id')} />
        {fieldIssues('id')}
      </div>
      <div className="re-field re-field-max-age">
        <TextField
          id={fieldId('maxAgeSeconds')}
          label={webText('editor.field.max-age')}
          hint={webText('editor.field.max-age-hint')}
          inputClassName="re-max-age"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          {...register(`rules.${index}.maxAgeSeconds`)}
          {...describe('maxAgeSeconds')}
        />
        {fieldIssues('maxAgeSeconds')}
      </div>
      <Controller
        control={control}
        name={`rules.${index}.allowedMethods`}
        render={({ field }) => (
          <fieldset className="re-field re-methods" {...describe('allowedMethods')}>
            <legend className="ui-field-label">{webText('editor.field.methods')}</legend>
            <div className="re-method-list">
              {METHODS.map((method) => (
                <Checkbox
                  key={method}
                  id={fieldId(`method-${method}`)}
                  label={method}
                  checked={field.value.includes(method)}
                  onBlur={field.onBlur}
                  onChange={(event) => field.onChange(event.target.checked ? [...field.value, method] : field.value.filter((m) => m !== method))}
                />
              ))}
            </div>
            {fieldIssues('allowedMethods')}
          </fieldset>
        )}
      />
      <div className="re-field re-field-wide">
        <TextArea
          id={fieldId('allowedOrigins')}
          label={webText('editor.field.origins')}
          rows={3}
          spellCheck={false}
          placeholder="https://app.example.com"
          {...register(`rules.${index}.allowedOrigins`)}
          {...describe('allowedOrigins', fieldId('one-per-line'))}
        />
        {fieldIssues('allowedOrigins')}
      </div>
      <div className="re-field">
        <TextArea id={fieldId('allowedHeaders')} label={webText('editor.field.allowed-headers')} rows={3} spellCheck={false} {...register(`rules.${index}.allowedHeaders`)} {...describe('allowedHeaders', fieldId('one-per-line'))} />
        {fieldIssues('allowedHeaders')}
      </div>
      <div className="re-field">
        <TextArea id={fieldId('exposeHeaders')} label={webText('editor.field.expose-headers')} rows={3} spellCheck={false} {...register(`rules.${index}.exposeHeaders`)} {...describe('exposeHeaders', fieldId('one-per-line'))} />
        {fieldIssues('exposeHeaders')}
      </div>
      <p id={fieldId('one-per-line')} className="re-field-note">
        {webText('editor.field.one-per-line')}
      </p>
    </div>
  );
}
