import { useContext } from 'react';
import { ApiRequestError } from '../api/api-error';
import { errorText, IssueTextContext } from '../lib/error-text';
import { webText } from '../lib/i18n/text';

/** An API failure as a person reads it: what happened and the provider's own code. */
export function ErrorMessage({ error, title }: { error: unknown; title: string }) {
  const api = error instanceof ApiRequestError ? error : undefined;
  const issueText = useContext(IssueTextContext);
  return (
    <div role="alert" className="error-message">
      <strong>{title}</strong>
      <p>{errorText(error, issueText)}</p>
      {api?.providerCode && <p className="provider-code">{webText('error-message.provider-code', { code: api.providerCode })}</p>}
    </div>
  );
}
