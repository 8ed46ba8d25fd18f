import { ApiRequestError } from '../api/api-error';

/** An API failure as a person reads it: what happened and the provider's own code. */
export function ErrorMessage({ error, title }: { error: unknown; title: string }) {
  const api = error instanceof ApiRequestError ? error : undefined;
  return (
    <div role="alert" className="error-message">
      <strong>{title}</strong>
      <p>{api?.message ?? (error instanceof Error ? error.message : String(error))}</p>
      {api?.providerCode && <p className="provider-code">Provider code: {api.providerCode}</p>}
    </div>
  );
}
