import type { SessionBody, SessionState } from '../../../contract/api';
import { apiPath, callApi } from '../../lib/api-client';

/** Trades the access token for the session cookie (HttpOnly: script never sees it again). */
export async function signIn(token: string): Promise<SessionState> {
  const body: SessionBody = { token };
  return (await callApi<SessionState>(apiPath.session(), { method: 'POST', body: JSON.stringify(body) })).data;
}
