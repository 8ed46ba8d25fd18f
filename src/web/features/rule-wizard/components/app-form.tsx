import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2, WandSparkles } from 'lucide-react';
import { useEffect, useId, useMemo } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { APP_OPERATIONS, type AppDescription, type Dialect } from '../../../../core';
import { Button, Checkbox, Select, TextArea, TextField } from '../../../components/ui';
import { appFormSchema, EMPTY_APP_FORM, EMPTY_READABLE_HEADER, EMPTY_REQUEST_HEADER, OPERATION_LABELS, type AppFormValues } from '../app-form';

function ScopeOptions({ all }: { all: string }) {
  return (
    <>
      <option value="all">{all}</option>
      {APP_OPERATIONS.map((op) => (
        <option key={op} value={op}>
          {OPERATION_LABELS[op]}
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
    <form className="rw-form" noValidate onSubmit={(event) => void handleSubmit(onGenerate)(event)} aria-label="Describe the app">
      <TextArea
        id={`${id}-origins`}
        label="Origins the app is served from"
        hint="One per line, as the browser sends it (scheme, host, port). One * stands for a family: https://*.example.com."
        error={errors.origins?.message}
        rows={2}
        spellCheck={false}
        placeholder="https://app.example.com"
        {...register('origins')}
      />

      <fieldset className="rw-choices" {...(operationsError ? { 'aria-describedby': `${id}-operations-error`, 'aria-invalid': true } : {})}>
        <legend className="ui-field-label">Operations</legend>
        {APP_OPERATIONS.map((op) => (
          <Checkbox key={op} label={OPERATION_LABELS[op]} value={op} {...register('operations')} />
        ))}
        {operationsError && (
          <p id={`${id}-operations-error`} className="ui-field-error">
            {operationsError}
          </p>
        )}
      </fieldset>

      <fieldset className="rw-rows">
        <legend className="ui-field-label">Headers the app sends</legend>
        <p className="rw-muted">Only headers its script sets. A typical value decides whether a safelisted header (Content-Type, Range) needs allowing at all.</p>
        {sent.fields.map((field, index) => {
          const rowErrors = errors.requestHeaders?.[index];
          const rowId = `${id}-sent-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <TextField
                id={`${rowId}-name`}
                label={`Header ${index + 1} name`}
                error={rowErrors?.name?.message}
                type="text"
                spellCheck={false}
                placeholder="content-type"
                {...register(`requestHeaders.${index}.name`)}
              />
              <TextField id={`${rowId}-value`} label={`Header ${index + 1} typical value`} type="text" spellCheck={false} placeholder="any value" {...register(`requestHeaders.${index}.value`)} />
              <Select id={`${rowId}-on`} label={`Header ${index + 1} sent on`} error={rowErrors?.on?.message} {...register(`requestHeaders.${index}.on`)}>
                <ScopeOptions all="every operation" />
              </Select>
              <Button size="sm" variant="ghost" icon={Trash2} className="rw-remove" onClick={() => sent.remove(index)}>
                Remove header {index + 1}
              </Button>
            </div>
          );
        })}
        <Button size="sm" icon={Plus} onClick={() => sent.append(EMPTY_REQUEST_HEADER)}>
          Add a header the app sends
        </Button>
      </fieldset>

      <Checkbox id={`${id}-credentials`} label="The app sends credentials (cookies; credentials: 'include', withCredentials)" {...register('credentials')} />

      <fieldset className="rw-rows">
        <legend className="ui-field-label">Response headers the app must read</legend>
        <p className="rw-muted">E.g. ETag after an upload. Safelisted ones (Content-Type, Content-Length…) are always readable.</p>
        {read.fields.map((field, index) => {
          const rowErrors = errors.readableHeaders?.[index];
          const rowId = `${id}-read-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <TextField
                id={`${rowId}-name`}
                label={`Readable header ${index + 1} name`}
                error={rowErrors?.name?.message}
                type="text"
                spellCheck={false}
                placeholder="ETag"
                {...register(`readableHeaders.${index}.name`)}
              />
              <Select id={`${rowId}-on`} label={`Readable header ${index + 1} read on`} error={rowErrors?.on?.message} {...register(`readableHeaders.${index}.on`)}>
                <ScopeOptions all="every operation" />
              </Select>
              <Button size="sm" variant="ghost" icon={Trash2} className="rw-remove" onClick={() => read.remove(index)}>
                Remove readable header {index + 1}
              </Button>
            </div>
          );
        })}
        <Button size="sm" icon={Plus} onClick={() => read.append(EMPTY_READABLE_HEADER)}>
          Add a header the app must read
        </Button>
      </fieldset>

      <TextField
        id={`${id}-max-age`}
        label="Preflight cache (max age, seconds)"
        error={errors.maxAgeSeconds?.message}
        inputClassName="rw-max-age"
        type="text"
        inputMode="numeric"
        placeholder="the wizard chooses"
        {...register('maxAgeSeconds')}
      />

      <div className="rw-actions">
        <Button type="submit" variant="primary" icon={WandSparkles}>
          Generate the strictest rules
        </Button>
      </div>
    </form>
  );
}
