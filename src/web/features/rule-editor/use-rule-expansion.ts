import { useState } from 'react';

interface Expansion {
  /** The card ids (react-hook-form field ids) the choices below were made on, in order. */
  ids: readonly string[];
  /** Cards the person opened (true) or closed (false); the others follow `opensByDefault`. */
  chosen: ReadonlyMap<string, boolean>;
  /** Rules added empty and not yet touched: their errors wait for a touch or a Save. */
  fresh: ReadonlySet<string>;
  /** The next card to appear was just added or copied (set in the same event as the insertion). */
  arriving: Arrival | null;
}

type Arrival = 'added' | 'copied';

/**
 * Which rule cards are open for editing. Cards are compact unless opened; a card with an error
 * opens by default, and so does a rule just added or duplicated. Choices follow a card when it
 * moves; a replacement of the whole draft (undo, the raw view), which gives every card a new id,
 * keeps them by position.
 */
export function useRuleExpansion(ids: readonly string[]) {
  const [state, setState] = useState<Expansion>({ ids, chosen: new Map(), fresh: new Set(), arriving: null });

  let current = state;
  if (state.ids.join('\n') !== ids.join('\n')) {
    current = follow(state, ids);
    // Adjusting state while rendering, from the ids this render was given (React re-renders at once).
    setState(current);
  }

  const choose = (entries: (chosen: ReadonlyMap<string, boolean>) => Iterable<[string, boolean]>) =>
    setState((s) => ({ ...s, chosen: new Map([...s.chosen, ...entries(s.chosen)]) }));

  return {
    /** Whether card `id` is open; `hasError` opens it unless the person closed it. */
    isOpen: (id: string, hasError: boolean) => current.chosen.get(id) ?? hasError,
    isFresh: (id: string) => current.fresh.has(id),
    // Reads the latest choices: a card that did not re-render calls this with the closure of its last render.
    toggle: (id: string, hasError: boolean) => choose((chosen) => [[id, !(chosen.get(id) ?? hasError)]]),
    setAll: (open: boolean) => choose(() => ids.map((id) => [id, open])),
    /** The next card to appear was just added empty (`added`) or as a copy (`copied`): it opens. */
    expectArrival: (arrival: Arrival) => setState((s) => ({ ...s, arriving: arrival })),
  };
}

function follow(state: Expansion, ids: readonly string[]): Expansion {
  const arrival = state.arriving;
  const known = new Set(state.ids);
  const kept = ids.filter((id) => known.has(id));
  if (kept.length === 0 && state.ids.length > 0 && arrival === null) {
    // Every id is new: the same rules (or a replacement) drawn again; choices stay with positions.
    const byPosition = <T>(pick: (old: string) => T | undefined) =>
      ids.flatMap((id, index) => {
        const old = state.ids[index];
        const value = old === undefined ? undefined : pick(old);
        return value === undefined ? [] : [[id, value] as const];
      });
    return {
      ids,
      chosen: new Map(byPosition((old) => state.chosen.get(old))),
      fresh: new Set(byPosition((old) => (state.fresh.has(old) ? true : undefined)).map(([id]) => id)),
      arriving: null,
    };
  }
  const arrived = ids.filter((id) => !known.has(id));
  const chosen = new Map([...state.chosen].filter(([id]) => ids.includes(id)));
  const fresh = new Set([...state.fresh].filter((id) => ids.includes(id)));
  if (arrival !== null) {
    for (const id of arrived) {
      chosen.set(id, true);
      if (arrival === 'added') fresh.add(id);
    }
  }
  return { ids, chosen, fresh, arriving: null };
}

export type RuleExpansion = ReturnType<typeof useRuleExpansion>;
