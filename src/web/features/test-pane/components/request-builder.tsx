import { useId } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { TestRequest } from '../../../../contract/api';
import { SCRATCH_PREFIX, writesObject } from '../../../../contract/scratch';
import { METHODS } from '../../../../core';
import { Checkbox, Radio, RadioGroup, Select, TextArea, TextField } from '../../../components/ui';
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

/** The request "Test CORS" sends: every field has a visible label that is its accessible name. */
export function RequestBuilder({ register, control, errors, consoleOrigin, harnessOrigin, signsWrites }: RequestBuilderProps) {
  const signedErrorId = `${useId()}-signed-error`;
  const method = useWatch({ control, name: 'method' });
  const writes = method === 'PUT' || method === 'POST';
  const changesObject = writesObject(method);
  return (
    <div className="tp-form">
      <TextField label="Object key" inputClassName="tp-mono" spellCheck={false} error={errors.key?.message} {...register('key')} />
      <Select label="Method" {...register('method')}>
        {METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </Select>
      {changesObject && (
        <RadioGroup label={`${method} on`} aria-label="Object the test writes" className="tp-wide">
          <Radio value="scratch" label={`A scratch object under ${SCRATCH_PREFIX} (created and removed by the test)`} {...register('target')} />
          <Radio value="named" label="The object key above (asks you first)" {...register('target')} />
        </RadioGroup>
      )}
      <TextArea label="Request headers" className="tp-wide" rows={3} spellCheck={false} placeholder="content-type: application/json" error={errors.headers?.message} {...register('headers')} />
      {writes && (
        // No placeholder: one would look like a value, and an empty body sends the default the hint names.
        <TextArea label="Body" className="tp-wide" rows={2} spellCheck={false} hint={emptyBodyText(DEFAULT_UPLOAD_BODY)} {...register('body')} />
      )}
      <Select label="Credentials" {...register('credentials')}>
        <option value="omit">omit (no cookies)</option>
        <option value="include">include (cookies, withCredentials)</option>
      </Select>
      <TextField label="Headers the app must read" inputClassName="tp-mono" spellCheck={false} placeholder="ETag" error={errors.mustRead?.message} {...register('mustRead')} />
      <RadioGroup label="Send from" className="tp-wide">
        <Radio value="console" label={`This console (${consoleOrigin})`} {...register('from')} />
        <Radio value="harness" disabled={!harnessOrigin} label={`Second origin (${harnessOrigin ?? 'not available'})`} {...register('from')} />
      </RadioGroup>
      <div className="tp-wide tp-choice">
        <span className="tp-label" aria-hidden="true">
          URL
        </span>
        <div>
          <Checkbox
            label="Signed URL (presigned by the server, for private buckets)"
            {...register('signed')}
            aria-invalid={errors.signed ? true : undefined}
            aria-describedby={errors.signed ? signedErrorId : undefined}
          />
          {errors.signed?.message && (
            <p id={signedErrorId} className="tp-error">
              {errors.signed.message}
            </p>
          )}
          {signsWrites && changesObject && (
            <p className="tp-muted">
              This store refuses unsigned writes, as an S3 bucket whose objects are public-read does, so {method === 'POST' ? 'a POST test gets its 403 AccessDenied: the signed form upload is "Upload with a POST form" below' : `a ${method} test is presigned by default; untick to see the 403 AccessDenied a page without a signature gets`}.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
