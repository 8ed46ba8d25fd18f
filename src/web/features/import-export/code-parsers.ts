import { useCallback, useEffect, useState } from 'react';
import { loadCodeParsers, type CodeParserName, type CodeParsers } from '../../../core';

/**
 * The YAML and HCL parsers, loaded (as their own chunks) the first time a document or target
 * needs them. `wanted(parsers)` names what the caller needs with the parsers it has (detection
 * asks for YAML, then, if YAML did not decide, for HCL); `loading` is true until they are there.
 */
export function useCodeParsers(wanted: (parsers: CodeParsers) => readonly CodeParserName[]): { parsers: CodeParsers; loading: boolean } {
  const [parsers, setParsers] = useState<CodeParsers>({});
  const missing = [...new Set(wanted(parsers))].filter((name) => !parsers[name]).sort();
  const key = missing.join(' ');
  const load = useCallback((names: CodeParserName[]) => {
    let current = true;
    void loadCodeParsers(names).then((loaded) => {
      if (current) setParsers((have) => ({ ...have, ...loaded }));
    });
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => (key === '' ? undefined : load(key.split(' ') as CodeParserName[])), [key, load]);
  return { parsers, loading: missing.length > 0 };
}
