import type { CallInput } from '../../contract/client';
import type { AnswerOf } from '../../contract/api';
import type { RouteName, Routes } from '../../contract/routes';
import { ApiRequestError, type CallErrorWording } from './api-error';

// The route table and its parsers (zod) load with the first call, not with the page, so the
// initial bundle stays small; callers name a route and are typed by the table all the same.
const loadCaller = async () => {
  const [{ routes }, { callRoute, callErrorText }] = await Promise.all([import('../../contract/routes'), import('../../contract/client')]);
  return { routes, callRoute, callErrorText };
};

const browserFetch = (path: string, init: RequestInit) => fetch(path, init);

/** Calls one route of the table; resolves with its parsed answer and ETag, or rejects with ApiRequestError. */
export async function request<N extends RouteName>(name: N, input: CallInput<Routes[N]>): Promise<{ answer: AnswerOf<Routes[N]>; etag: string | null }> {
  const { routes, callRoute, callErrorText } = await loadCaller();
  const route: Routes[N] = routes[name];
  const result = await callRoute(browserFetch, route, input);
  if (!result.ok) throw new ApiRequestError(result.error, result.current, callErrorText);
  return { answer: result.answer, etag: result.etag };
}

/**
 * How a failed call is worded in the active locale, for errors an answer carries inside it (a
 * bucket whose CORS could not be read, in the bucket list): the same words as a thrown error's.
 */
export async function loadCallErrorWording(): Promise<CallErrorWording> {
  return (await loadCaller()).callErrorText;
}

/** `request`, for the answer alone. */
export async function fetchAnswer<N extends RouteName>(name: N, input: CallInput<Routes[N]>): Promise<AnswerOf<Routes[N]>> {
  return (await request(name, input)).answer;
}
