/**
 * A pause in typing this long ends an edit: the draft is stored and becomes one Undo step. Shorter
 * would store on every keystroke; longer would lose more when the tab closes without `pagehide`.
 */
export const DRAFT_PAUSE_MS = 300;
