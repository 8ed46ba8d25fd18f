import { useEffect, useState } from 'react';
import { loadCodeParsers, type CodeParserName, type CodeParsers } from '../../../core';

/**
 * The YAML and HCL parsers, loaded (as their own chunks) the first time a document or target
 * needs them. The caller works out what it needs from `parsers` (memoised: parsing is what costs)
 * and hands it to `useParsersNeeded`, which loads what is missing.
 */
export function useCodeParsers(): [CodeParsers, (loaded: CodeParsers) => void] {
  const [parsers, setParsers] = useState<CodeParsers>({});
  return [parsers, (loaded) => setParsers((have) => ({ ...have, ...loaded }))];
}

/** Loads the named parsers that `parsers` lacks; true while any is missing. */
export function useParsersNeeded(needs: readonly CodeParserName[], parsers: CodeParsers, onLoaded: (loaded: CodeParsers) => void): boolean {
  const missing = [...new Set(needs)].filter((name) => !parsers[name]).sort();
  const key = missing.join(' ');
  useEffect(() => {
    if (key === '') return undefined;
    let current = true;
    void loadCodeParsers(key.split(' ') as CodeParserName[]).then((loaded) => {
      if (current) onLoaded(loaded);
    });
    return () => {
      current = false;
    };
    // onLoaded only merges into state; a new function each render must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return missing.length > 0;
}
