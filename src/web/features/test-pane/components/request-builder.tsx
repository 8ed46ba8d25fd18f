import { useId } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { TestRequest } from '../../../../contract/api';
import { SCRATCH_PREFIX, writesObject } from '../../../../contract/scratch';
import { METHODS } from '../../../../core';
import { emptyBodyText } from '../../../lib/messages';
import type { RequestFormValues } from '../request-form';
import { DEFAULT_UPLOAD_BODY } from '../run-test';

export interface RequestBuilderProps {
  register: UseFormRegister<RequestFormValues>;
  control: Control<RequestFormValues, unknown, TestRequest>;
  errors: FieldErrors<RequestFormValues>;
  consoleOrigin: string;
  harnessOrigin: string | null;
  /** The store refuses unsigned writes (the embedded store's gate): writing tests are presigned by default. */
  signsWrites: boolean;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="tp-error">
      {message}
    </p>
  );
}

/** The request "Test CORS" sends: every field has a visible label that is its accessible name. */
export function RequestBuilder({ register, control, errors, consoleOrigin, harnessOrigin, signsWrites }: RequestBuilderProps) {
  const id = useId();
  const method = useWatch({ control, name: 'method' });
  const writes = method === 'PUT' || method === 'POST';
  const changesObject = writesObject(method);
  const described = (field: keyof RequestFormValues) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  return (
    <div className="tp-form">
      <label htmlFor={`${id}-key`}>Object key</label>
      <div>
        <input id={`${id}-key`} className="tp-input tp-mono" type="text" spellCheck={false} {...register('key')} {...described('key')} />
        <FieldError id={`${id}-key-error`} message={errors.key?.message} />
      </div>
      <label htmlFor={`${id}-method`}>Method</label>
      <select id={`${id}-method`} className="tp-input" {...register('method')}>
        {METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      {changesObject && (
        <>
          <span className="tp-label">{method} on</span>
          <div role="radiogroup" aria-label="Object the test writes" className="tp-radios">
            <label>
              <input type="radio" value="scratch" {...register('target')} /> A scratch object under {SCRATCH_PREFIX} (created and removed by the test)
            </label>
            <label>
              <input type="radio" value="named" {...register('target')} /> The object key above (asks you first)
            </label>
          </div>
        </>
      )}
      <label htmlFor={`${id}-headers`}>Request headers</label>
      <div>
        <textarea id={`${id}-headers`} className="tp-input tp-mono" rows={3} spellCheck={false} placeholder="content-type: application/json" {...register('headers')} {...described('headers')} />
        <FieldError id={`${id}-headers-error`} message={errors.headers?.message} />
      </div>
      {writes && (
        <>
          <label htmlFor={`${id}-body`}>Body</label>
          <div>
            {/* No placeholder: one would look like a value, and an empty body sends the default below. */}
            <textarea id={`${id}-body`} className="tp-input tp-mono" rows={2} spellCheck={false} aria-describedby={`${id}-body-hint`} {...register('body')} />
            <p id={`${id}-body-hint`} className="tp-hint">
              {emptyBodyText(DEFAULT_UPLOAD_BODY)}
            </p>
          </div>
        </>
      )}
      <label htmlFor={`${id}-credentials`}>Credentials</label>
      <select id={`${id}-credentials`} className="tp-input" {...register('credentials')}>
        <option value="omit">omit (no cookies)</option>
        <option value="include">include (cookies, withCredentials)</option>
      </select>
      <span className="tp-label">Send from</span>
      <div role="radiogroup" aria-label="Send from" className="tp-radios">
        <label>
          <input type="radio" value="console" {...register('from')} /> This console ({consoleOrigin})
        </label>
        <label>
          <input type="radio" value="harness" disabled={!harnessOrigin} {...register('from')} /> Second origin ({harnessOrigin ?? 'not available'})
        </label>
      </div>
      <span className="tp-label">URL</span>
      <div>
        <label>
          <input type="checkbox" {...register('signed')} {...described('signed')} /> Signed URL (presigned by the server, for private buckets)
        </label>
        <FieldError id={`${id}-signed-error`} message={errors.signed?.message} />
        {signsWrites && changesObject && (
          <p className="tp-muted">
            This store refuses unsigned writes, as an S3 bucket whose objects are public-read does, so {method === 'POST' ? 'a POST test gets its 403 AccessDenied: the signed form upload is "Upload with a POST form" below' : `a ${method} test is presigned by default; untick to see the 403 AccessDenied a page without a signature gets`}.
          </p>
        )}
      </div>
      <label htmlFor={`${id}-must-read`}>Headers the app must read</label>
      <div>
        <input id={`${id}-must-read`} className="tp-input tp-mono" type="text" spellCheck={false} placeholder="ETag" {...register('mustRead')} {...described('mustRead')} />
        <FieldError id={`${id}-mustRead-error`} message={errors.mustRead?.message} />
      </div>
    </div>
  );
}
