import { callRoute, type CallInput, type CallResult } from '../../src/contract/client';
import type { RouteSpec } from '../../src/contract/route';

interface RequestableApp {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}

/** An answer as the typed client parsed it, with the raw text and headers for what a test checks beyond the contract. */
export type ClientAnswer<R extends RouteSpec> = CallResult<R> & { text: string; headers: Headers };

/**
 * The API tests' client: calls a route of the table through `app.request`, building the path from
 * its template and parsing the answer (or the error envelope) with the contract's schemas.
 */
export function typedClient(app: RequestableApp) {
  return async function call<R extends RouteSpec>(route: R, input: CallInput<R>): Promise<ClientAnswer<R>> {
    let seen: Response | undefined;
    const fetcher = async (path: string, init: RequestInit) => {
      seen = await app.request(path, init);
      return seen.clone();
    };
    const result = await callRoute(fetcher, route, input);
    return { ...result, text: seen ? await seen.text() : '', headers: seen?.headers ?? new Headers() };
  };
}

/** The answer of a call that must succeed; a failure fails the test with the API's message. */
export function answered<T>(res: { ok: true; answer: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(`the call failed: ${res.error.message}`);
  return res.answer;
}
