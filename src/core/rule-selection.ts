import type { CompiledRule } from './compiled-rules';
import type { DialectProfile } from './dialects';
import { matchesPattern } from './pattern';

/** What a request offers the rules, read once per request. */
export interface SelectionInput {
  origin: string;
  method: string;
  /** The requested header names, lowercased (matching ignores case), or `undefined` for none. */
  lowercaseHeaders: readonly string[] | undefined;
  headerCheck: 'all-must-match' | 'ignored' | 'allowed-subset';
  selection: DialectProfile['matching']['preflightSelection'];
  affixesMayOverlap: boolean;
}

/** The rule that decided: the one that answers (`matched`), or the one the provider stopped at. */
export interface DecidingIndex {
  at: number;
  matched: boolean;
}

function originAllowed(c: CompiledRule, origin: string, overlap: boolean): boolean {
  for (const p of c.origins) if (matchesPattern(p, origin, overlap)) return true;
  return false;
}

export function headerAllowed(c: CompiledRule, lowercaseName: string, overlap: boolean): boolean {
  for (const p of c.headers) if (matchesPattern(p, lowercaseName, overlap)) return true;
  return false;
}

/**
 * Whether the header check passes. With `allowed-subset` (Ceph RGW on actual requests) a refused
 * name never fails the rule: it is only left out of Allow-Headers.
 */
function headersPass(c: CompiledRule, input: SelectionInput): boolean {
  if (input.headerCheck !== 'all-must-match' || !input.lowercaseHeaders) return true;
  for (const name of input.lowercaseHeaders) if (!headerAllowed(c, name, input.affixesMayOverlap)) return false;
  return true;
}

/**
 * Walks the rules in order, checking with booleans only: the first rule passing every check
 * answers; a rule failing them still ends the search where the dialect stops there (s3rver at the
 * first allowing origin and method, Ceph RGW at the first listing the origin). Every dialect
 * checks the origin first, and a rule whose origin fails neither answers nor stops the search.
 * The reasons, made on demand, re-check only the rules up to the one found here.
 */
export function findDecidingRule(rules: readonly CompiledRule[], input: SelectionInput): DecidingIndex | null {
  for (let at = 0; at < rules.length; at++) {
    const c = rules[at]!;
    if (!originAllowed(c, input.origin, input.affixesMayOverlap)) continue;
    const methodOk = c.allowedMethods.includes(input.method);
    if (methodOk && headersPass(c, input)) return { at, matched: true };
    if (input.selection === 'origin-then-method-and-headers') return { at, matched: false };
    if (input.selection === 'origin-method-then-headers' && methodOk) return { at, matched: false };
  }
  return null;
}
