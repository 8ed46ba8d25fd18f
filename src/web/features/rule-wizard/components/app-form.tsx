import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2, WandSparkles } from 'lucide-react';
import { useEffect, useId, useMemo } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { APP_OPERATIONS, type AppDescription, type Dialect } from '../../../../core';
import { Button, Checkbox, Select, TextArea, TextField } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { appFormSchema, EMPTY_APP_FORM, EMPTY_READABLE_HEADER, EMPTY_REQUEST_HEADER, operationLabel, type AppFormValues } from '../app-form';

function ScopeOptions() {
  return (
    <>
      <option value="all">{webText('wizard.form.every-operation')}</option>
      {APP_OPERATIONS.map((op) => (
        <option key={op} value={op}>
          {operationLabel(op)}
        </option>
      ))}
    </>
  );
}

export interface AppFormProps {
  dialect: Dialect;
  onGenerate: (app: AppDescription) => void;
  /** Changes when the form should take focus (after "Tighten now"). */
  focusToken: number;
}

/** What the web app does, in its own terms; each problem shows at its field, with the provider's reason. */
export function AppForm({ dialect, onGenerate, focusToken }: AppFormProps) {
  const id = useId();
  const schema = useMemo(() => appFormSchema(dialect), [dialect]);
  const form = useForm<AppFormValues, unknown, AppDescription>({ resolver: zodResolver(schema), defaultValues: EMPTY_APP_FORM });
  const { register, control, handleSubmit, setFocus } = form;
  const { errors } = form.formState;
  const sent = useFieldArray({ control, name: 'requestHeaders' });
  const read = useFieldArray({ control, name: 'readableHeaders' });

  useEffect(() => {
    if (focusToken > 0) setFocus('origins');
  }, [focusToken, setFocus]);

  const operationsError = (errors.operations as FieldError | undefined)?.message;
  return (
    <form className="rw-form" noValidate onSubmit={(event) => void handleSubmit(onGenerate)(event)} aria-label={webText('wizard.form.label')}>
      <TextArea
        id={`${id}-origins`}
        label={webText('wizard.form.origins')}
        hint={webText('wizard.form.origins-hint')}
        error={errors.origins?.message}
        rows={2}
        spellCheck={false}
        placeholder="https://app.example.com"
        {...register('origins')}
      />

      <fieldset className="rw-choices" {...(operationsError ? { 'aria-describedby': `${id}-operations-error`, 'aria-invalid': true } : {})}>
        <legend className="ui-field-label">{webText('wizard.form.operations')}</legend>
        {APP_OPERATIONS.map((op) => (
          <Checkbox key={op} label={operationLabel(op)} value={op} {...register('operations')} />
        ))}
        {operationsError && (
          <p id={`${id}-operations-error`} className="ui-field-error">
            {operationsError}
          </p>
        )}
      </fieldset>

      <fieldset className="rw-rows">
        <legend className="ui-field-label">{webText('wizard.form.sent')}</legend>
        <p className="rw-muted">{webText('wizard.form.sent-hint')}</p>
        {sent.fields.map((field, index) => {
          const rowErrors = errors.requestHeaders?.[index];
          const rowId = `${id}-sent-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <TextField
                id={`${rowId}-name`}
                label={webText('wizard.form.sent-name', { number: index + 1 })}
                error={rowErrors?.name?.message}
                type="text"
                spellCheck={false}
                placeholder="content-type"
                {...register(`requestHeaders.${index}.name`)}
              />
              <TextField
                id={`${rowId}-value`}
                label={webText('wizard.form.sent-value', { number: index + 1 })}
                type="text"
                spellCheck={false}
                placeholder={webText('wizard.form.any-value')} {...register(`requestHeaders.${index}.value`)} />
              <Select id={`${rowId}-on`} label={webText('wizard.form.sent-on', { number: index + 1 })} error={rowErrors?.on?.message} {...register(`requestHeaders.${index}.on`)}>
                <ScopeOptions />
              </Select>
              <Button size="sm" variant="ghost" icon={Trash2} className="rw-remove" onClick={() => sent.remove(index)}>
                {webText('wizard.form.sent-remove', { number: index + 1 })}
              </Button>
            </div>
          );
        })}
        <Button size="sm" icon={Plus} onClick={() => sent.append(EMPTY_REQUEST_HEADER)}>
          {webText('wizard.form.sent-add')}
        </Button>
      </fieldset>

      <Checkbox id={`${id}-credentials`} label={webText('wizard.form.credentials')} {...register('credentials')} />

      <fieldset className="rw-rows">
        <legend className="ui-field-label">{webText('wizard.form.read')}</legend>
        <p className="rw-muted">{webText('wizard.form.read-hint')}</p>
        {read.fields.map((field, index) => {
          const rowErrors = errors.readableHeaders?.[index];
          const rowId = `${id}-read-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <TextField
                id={`${rowId}-name`}
                label={webText('wizard.form.read-name', { number: index + 1 })}
                error={rowErrors?.name?.message}
                type="text"
                spellCheck={false}
                placeholder="ETag"
                {...register(`readableHeaders.${index}.name`)}
              />
              <Select id={`${rowId}-on`} label={webText('wizard.form.read-on', { number: index + 1 })} error={rowErrors?.on?.message} {...register(`readableHeaders.${index}.on`)}>
                <ScopeOptions />
              </Select>
              <Button size="sm" variant="ghost" icon={Trash2} className="rw-remove" onClick={() => read.remove(index)}>
                {webText('wizard.form.read-remove', { number: index + 1 })}
              </Button>
            </div>
          );
        })}
        <Button size="sm" icon={Plus} onClick={() => read.append(EMPTY_READABLE_HEADER)}>
          {webText('wizard.form.read-add')}
        </Button>
      </fieldset>

      <TextField
        id={`${id}-max-age`}
        label={webText('wizard.form.max-age')}
        error={errors.maxAgeSeconds?.message}
        inputClassName="rw-max-age"
        type="text"
        inputMode="numeric"
        placeholder={webText('wizard.form.max-age-placeholder')}
        {...register('maxAgeSeconds')}
      />

      <div className="rw-actions">
        <Button type="submit" variant="primary" icon={WandSparkles}>
          {webText('wizard.form.generate')}
        </Button>
      </div>
    </form>
  );
}
