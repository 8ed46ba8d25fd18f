import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { APP_OPERATIONS, type AppDescription, type Dialect } from '../../../../core';
import { appFormSchema, EMPTY_APP_FORM, EMPTY_READABLE_HEADER, EMPTY_REQUEST_HEADER, OPERATION_LABELS, type AppFormValues } from '../app-form';

function FieldMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error?.message) return null;
  return (
    <p id={id} className="rw-error">
      {error.message}
    </p>
  );
}

/** Links a control to its hint and, when there is one, its error. */
function describedBy(id: string, error: FieldError | undefined, hint?: string) {
  const ids = [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true } : {}) };
}

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

  const operationsError = errors.operations as FieldError | undefined;
  return (
    <form className="rw-form" noValidate onSubmit={(event) => void handleSubmit(onGenerate)(event)} aria-label="Describe the app">
      <label htmlFor={`${id}-origins`}>Origins the app is served from</label>
      <div>
        <textarea id={`${id}-origins`} rows={2} spellCheck={false} placeholder="https://app.example.com" {...register('origins')} {...describedBy(`${id}-origins`, errors.origins, `${id}-origins-hint`)} />
        <p id={`${id}-origins-hint`} className="rw-muted">
          One per line, as the browser sends it (scheme, host, port). One * stands for a family: https://*.example.com.
        </p>
        <FieldMessage id={`${id}-origins-error`} error={errors.origins} />
      </div>

      <fieldset className="rw-choices" {...describedBy(`${id}-operations`, operationsError)}>
        <legend>Operations</legend>
        {APP_OPERATIONS.map((op) => (
          <label key={op}>
            <input type="checkbox" value={op} {...register('operations')} /> {OPERATION_LABELS[op]}
          </label>
        ))}
        <FieldMessage id={`${id}-operations-error`} error={operationsError} />
      </fieldset>

      <fieldset className="rw-rows">
        <legend>Headers the app sends</legend>
        <p className="rw-muted">Only headers its script sets. A typical value decides whether a safelisted header (Content-Type, Range) needs allowing at all.</p>
        {sent.fields.map((field, index) => {
          const rowErrors = errors.requestHeaders?.[index];
          const rowId = `${id}-sent-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <label htmlFor={`${rowId}-name`}>Header {index + 1} name</label>
              <div>
                <input id={`${rowId}-name`} type="text" spellCheck={false} placeholder="content-type" {...register(`requestHeaders.${index}.name`)} {...describedBy(`${rowId}-name`, rowErrors?.name)} />
                <FieldMessage id={`${rowId}-name-error`} error={rowErrors?.name} />
              </div>
              <label htmlFor={`${rowId}-value`}>Header {index + 1} typical value</label>
              <input id={`${rowId}-value`} type="text" spellCheck={false} placeholder="any value" {...register(`requestHeaders.${index}.value`)} />
              <label htmlFor={`${rowId}-on`}>Header {index + 1} sent on</label>
              <div>
                <select id={`${rowId}-on`} {...register(`requestHeaders.${index}.on`)} {...describedBy(`${rowId}-on`, rowErrors?.on)}>
                  <ScopeOptions all="every operation" />
                </select>
                <FieldMessage id={`${rowId}-on-error`} error={rowErrors?.on} />
              </div>
              <button type="button" onClick={() => sent.remove(index)}>
                Remove header {index + 1}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => sent.append(EMPTY_REQUEST_HEADER)}>
          Add a header the app sends
        </button>
      </fieldset>

      <div className="rw-check">
        <input id={`${id}-credentials`} type="checkbox" {...register('credentials')} />
        <label htmlFor={`${id}-credentials`}>The app sends credentials (cookies; credentials: &apos;include&apos;, withCredentials)</label>
      </div>

      <fieldset className="rw-rows">
        <legend>Response headers the app must read</legend>
        <p className="rw-muted">E.g. ETag after an upload. Safelisted ones (Content-Type, Content-Length…) are always readable.</p>
        {read.fields.map((field, index) => {
          const rowErrors = errors.readableHeaders?.[index];
          const rowId = `${id}-read-${index}`;
          return (
            <div key={field.id} className="rw-row">
              <label htmlFor={`${rowId}-name`}>Readable header {index + 1} name</label>
              <div>
                <input id={`${rowId}-name`} type="text" spellCheck={false} placeholder="ETag" {...register(`readableHeaders.${index}.name`)} {...describedBy(`${rowId}-name`, rowErrors?.name)} />
                <FieldMessage id={`${rowId}-name-error`} error={rowErrors?.name} />
              </div>
              <label htmlFor={`${rowId}-on`}>Readable header {index + 1} read on</label>
              <div>
                <select id={`${rowId}-on`} {...register(`readableHeaders.${index}.on`)} {...describedBy(`${rowId}-on`, rowErrors?.on)}>
                  <ScopeOptions all="every operation" />
                </select>
                <FieldMessage id={`${rowId}-on-error`} error={rowErrors?.on} />
              </div>
              <button type="button" onClick={() => read.remove(index)}>
                Remove readable header {index + 1}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => read.append(EMPTY_READABLE_HEADER)}>
          Add a header the app must read
        </button>
      </fieldset>

      <label htmlFor={`${id}-max-age`}>Preflight cache (max age, seconds)</label>
      <div>
        <input id={`${id}-max-age`} type="text" inputMode="numeric" placeholder="the wizard chooses" {...register('maxAgeSeconds')} {...describedBy(`${id}-max-age`, errors.maxAgeSeconds)} />
        <FieldMessage id={`${id}-max-age-error`} error={errors.maxAgeSeconds} />
      </div>

      <div className="rw-actions">
        <button type="submit" className="rw-primary">
          Generate the strictest rules
        </button>
      </div>
    </form>
  );
}
