import type { ApiErrorCode, ApiErrorParams } from '../../contract/api';
import { apiErrorText } from '../../contract/messages/api-error-text';
import '../../contract/messages/english';
import { issueMessage } from '../../core';

/** The English message of an error, from its code and params (the contract's catalogue, which the web app renders in its locale too). */
export function messageOf<C extends ApiErrorCode>(code: C, params: ApiErrorParams<C>): string {
  return apiErrorText(code, params, issueMessage);
}

/** Why a call was refused as cross-origin, for the server log (English only: the API's message is the catalogue's). */
export function crossOriginReason(params: ApiErrorParams<'cross-origin-refused'>): string {
  switch (params.reason) {
    case 'host':
      return `it does not answer to host "${params.host}". Open the console at ${params.consoleOrigin ?? 'its own address'}.`;
    case 'site':
      return `this call came from another site (Sec-Fetch-Site: ${params.site}).`;
    case 'origin':
      return `this call came from origin ${JSON.stringify(params.origin)}, not ${params.expected}.`;
  }
}
