import { useId } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { TestRequest } from '../../../../contract/api';
import { SCRATCH_PREFIX, writesObject } from '../../../../contract/scratch';
import { METHODS } from '../../../../core';
import { Checkbox, Radio, RadioGroup, Select, TextArea, TextField } from '../../../components/ui';
import { emptyBodyText } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';
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
  /** The bucket's public URL pattern (a CDN or proxy in front of it), when its profile sets one: the request can go there too. */
  publicUrl: string | null;
}

/** The request "Test CORS" sends: every field has a visible label that is its accessible name. */
export function RequestBuilder({ register, control, errors, consoleOrigin, harnessOrigin, signsWrites, publicUrl }: RequestBuilderProps) {
  const signedErrorId = `${useId()}-signed-error`;
  const method = useWatch({ control, name: 'method' });
  const writes = method === 'PUT' || method === 'POST';
  const changesObject = writesObject(method);
  return (
    <div className="tp-form">
      <TextField label={webText('test-pane.request.key')} inputClassName="tp-mono" spellCheck={false} error={errors.key?.message} {...register('key')} />
      <Select label={webText('test-pane.request.method')} {...register('method')}>
        {METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </Select>
      {changesObject && (
        <RadioGroup label={webText('test-pane.request.target', { method })} aria-label={webText('test-pane.request.target-label')} className="tp-wide">
          <Radio value="scratch" label={webText('test-pane.request.target-scratch', { prefix: SCRATCH_PREFIX })} {...register('target')} />
          <Radio value="named" label={webText('test-pane.request.target-named')} {...register('target')} />
        </RadioGroup>
      )}
      <TextArea label={webText('test-pane.request.headers')} className="tp-wide" rows={3} spellCheck={false} placeholder="content-type: application/json" error={errors.headers?.message} {...register('headers')} />
      {writes && (
        // No placeholder: one would look like a value, and an empty body sends the default the hint names.
        <TextArea label={webText('test-pane.request.body')} className="tp-wide" rows={2} spellCheck={false} hint={emptyBodyText(DEFAULT_UPLOAD_BODY)} {...register('body')} />
      )}
      <Select label={webText('test-pane.request.credentials')} {...register('credentials')}>
        <option value="omit">{webText('test-pane.request.credentials-omit')}</option>
        <option value="include">{webText('test-pane.request.credentials-include')}</option>
      </Select>
      <TextField label={webText('test-pane.request.must-read')} inputClassName="tp-mono" spellCheck={false} placeholder="ETag" error={errors.mustRead?.message} {...register('mustRead')} />
      <RadioGroup label={webText('test-pane.request.from')} className="tp-wide">
        <Radio value="console" label={webText('test-pane.request.from-console', { origin: consoleOrigin })} {...register('from')} />
        <Radio value="harness" disabled={!harnessOrigin} label={harnessOrigin ? webText('test-pane.request.from-harness', { origin: harnessOrigin }) : webText('test-pane.request.from-harness-unavailable')} {...register('from')} />
      </RadioGroup>
      {publicUrl !== null && (
        <RadioGroup label={webText('test-pane.request.via')} className="tp-wide">
          <Radio value="endpoint" label={webText('test-pane.request.via-endpoint')} {...register('via')} />
          <Radio
            value="public"
            label={
              <>
                {webText('test-pane.request.via-public')} <code>{publicUrl}</code>
              </>
            }
            {...register('via')}
          />
          <Radio value="both" label={webText('test-pane.request.via-both')} {...register('via')} />
        </RadioGroup>
      )}
      <div className="tp-wide tp-choice">
        <span className="tp-label" aria-hidden="true">
          URL
        </span>
        <div>
          <Checkbox
            label={webText('test-pane.request.signed')}
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
            <p className="tp-muted">{method === 'POST' ? webText('test-pane.request.signs-writes-post') : webText('test-pane.request.signs-writes', { method })}</p>
          )}
        </div>
      </div>
    </div>
  );
}
