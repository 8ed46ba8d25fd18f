// The English catalogue of how a provider picks the rule that answers a request: the editor's
// first-match note and its help panel. The facts come from the dialect profile (dialects/*.ts).
import { dialectProfile, type Dialect, type DialectProfile } from '../dialects';

export interface FirstMatchHelp {
  /** One line for the note above the rules. */
  note: string;
  /** The help panel: how preflights are matched, how actual requests are, and what that means for order. */
  paragraphs: string[];
}

type Matching = DialectProfile['matching'];

const PREFLIGHT: Record<Matching['preflightSelection'], (provider: string) => string> = {
  'all-conditions': (provider) =>
    `${provider} answers a preflight with the first rule that allows its origin, its method and every header it asks for. Later rules never see that request.`,
  'origin-method-then-headers': (provider) =>
    `${provider} answers a preflight with the first rule that allows its origin and method; only that rule's allowed headers are checked, so a header it lacks refuses the preflight even when a later rule allows it.`,
  'origin-then-method-and-headers': (provider) =>
    `${provider} answers a request with the first rule that lists its origin, whatever the method; that rule alone decides, so a method or header it lacks refuses the request even when a later rule allows it.`,
};

const ACTUAL: Record<Matching['actualSelection'], string> = {
  'all-conditions':
    'An actual request (the GET or PUT that follows a preflight) asks for no headers, so it is matched on origin and method alone: an upload\'s preflight and its PUT can be answered by different rules, with different expose headers.',
  'origin-then-method-and-headers': 'Actual requests are matched the same way: the first rule that lists the origin answers them, and its expose headers are the ones script can read.',
};

/** How the dialect's provider picks the answering rule, for the editor's note and help panel. */
export function firstMatchHelp(dialect: Dialect): FirstMatchHelp {
  const { label, matching } = dialectProfile(dialect);
  return {
    note: 'Rules are checked from top to bottom: the first rule that matches a request answers it.',
    paragraphs: [
      PREFLIGHT[matching.preflightSelection](label),
      ACTUAL[matching.actualSelection],
      'Put narrow rules (one app\'s origins, the headers it needs, ETag exposed) above broad ones (any origin, reads only), or the broad rule answers first.',
    ],
  };
}
