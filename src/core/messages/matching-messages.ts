// The catalogue of how a provider picks the rule that answers a request: the editor's first-match
// note and its help panel (messages `matching.*` of locales/*.json). The facts come from the
// dialect profile (dialects/*.ts).
import { dialectProfile, type Dialect, type DialectProfile } from '../dialects';
import { text } from './catalogue';

export interface FirstMatchHelp {
  /** One line for the note above the rules. */
  note: string;
  /** The help panel: how preflights are matched, how actual requests are, and what that means for order. */
  paragraphs: string[];
}

type Matching = DialectProfile['matching'];

const PREFLIGHT: Record<Matching['preflightSelection'], (provider: string) => string> = {
  'all-conditions': (provider) => text('matching.preflight.all-conditions', { provider }),
  'origin-method-then-headers': (provider) => text('matching.preflight.origin-method-then-headers', { provider }),
  'origin-then-method-and-headers': (provider) => text('matching.preflight.origin-then-method-and-headers', { provider }),
};

const ACTUAL: Record<Matching['actualSelection'], () => string> = {
  'all-conditions': () => text('matching.actual.all-conditions'),
  'origin-then-method-and-headers': () => text('matching.actual.origin-then-method-and-headers'),
};

/** How the dialect's provider picks the answering rule, for the editor's note and help panel. */
export function firstMatchHelp(dialect: Dialect): FirstMatchHelp {
  const { label, matching } = dialectProfile(dialect);
  return {
    note: text('matching.note'),
    paragraphs: [PREFLIGHT[matching.preflightSelection](label), ACTUAL[matching.actualSelection](), text('matching.order-advice')],
  };
}
