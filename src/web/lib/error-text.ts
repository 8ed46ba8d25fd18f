// A failure as a person reads it: an API error worded from its code and params in the active
// locale (the contract's catalogue, loaded with the API client), not the server's English
// `message`. The issue an error names is worded by the core, which the first bundle leaves out:
// the pages that load the core provide its wording (IssueTextContext); the shell's errors name none.
import { createContext } from 'react';
import type { IssueText } from '../../contract/messages/api-error-text';
import { ApiRequestError } from '../api/api-error';

/** How the core words an issue, where the core is loaded; `undefined` in the shell. */
export const IssueTextContext = createContext<IssueText | undefined>(undefined);

/** The sentence of a failure: an API call's in the active locale, else the thrown error's own text. */
export function errorText(error: unknown, issueText?: IssueText): string {
  if (error instanceof ApiRequestError) return error.text(issueText);
  return error instanceof Error ? error.message : String(error);
}
