import { useEffect, useState } from 'react';
import type { CallErrorWording } from './api-error';
import { loadCallErrorWording } from './client';

/**
 * The wording of API errors in the active locale, once the API client has loaded (it has, by the
 * time an answer holding an error arrives); `undefined` before, when the server's English stands in.
 */
export function useCallErrorWording(): CallErrorWording | undefined {
  const [wording, setWording] = useState<CallErrorWording>();
  useEffect(() => {
    let live = true;
    void loadCallErrorWording().then((loaded) => live && setWording(() => loaded));
    return () => {
      live = false;
    };
  }, []);
  return wording;
}
