// Reading an answer seen through a cache: headers may repeat (a CDN that adds its own
// Access-Control-Allow-Origin beside the bucket's gives two lines, hackclub/cdn PR#100), so every
// value is kept, and only this module decides how repeated or comma-joined values are read.
import { corsHeadersOf } from '../answer';

/** An answer as received: its status and every header line, values kept apart (names in any case). */
export interface ObservedAnswer {
  status: number;
  headers: Record<string, readonly string[]>;
}

/** An answer from its status and header lines as received (`[name, value]`, in order): values kept apart per name. */
export function observedAnswer(status: number, lines: ReadonlyArray<readonly [string, string]>): ObservedAnswer {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of lines) (headers[name] ??= []).push(value);
  return { status, headers };
}

/** Every value of header `name` (any case), in order. */
export function headerValues(answer: ObservedAnswer, name: string): string[] {
  const wanted = name.toLowerCase();
  return Object.entries(answer.headers).flatMap(([key, values]) => (key.toLowerCase() === wanted ? [...values] : []));
}

/** The items of a list-valued header, lines and commas alike: `a, b` and two lines `a`, `b` read the same. */
function listItems(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Every Access-Control-Allow-Origin value. A serialized origin holds no comma, so `a, b` in one
 * line is two values, as two lines are: browsers refuse both (MultipleAllowOriginValues).
 */
export function allowOriginValues(answer: ObservedAnswer): string[] {
  return listItems(headerValues(answer, 'access-control-allow-origin'));
}

/** Whether `Vary` names Origin (or is `*`, which varies on everything), so a cache keeps one answer per Origin. */
export function variesOnOrigin(answer: ObservedAnswer): boolean {
  return listItems(headerValues(answer, 'vary')).some((item) => item === '*' || item.toLowerCase() === 'origin');
}

/**
 * The `Access-Control-*` headers of an answer, repeated lines joined, names lowercased. `Vary` is
 * left out: a CDN adds its own items (`Accept-Encoding`) without changing what CORS answers.
 */
export function accessControlHeaders(answer: ObservedAnswer): Record<string, string> {
  const joined = Object.fromEntries(Object.entries(answer.headers).map(([name, values]) => [name, values.join(', ')]));
  // corsHeadersOf decides which headers are CORS's; names repeated in two cases are joined below.
  const cors: Record<string, string> = {};
  for (const name of Object.keys(joined)) {
    const lower = name.toLowerCase();
    if (lower === 'vary' || !(lower in corsHeadersOf({ [name]: '' }))) continue;
    cors[lower] = cors[lower] === undefined ? joined[name]! : `${cors[lower]}, ${joined[name]!}`;
  }
  return cors;
}
