import { createFolderBlobs } from './folder-blobs';
import { createHistoryStore, type HistoryStore } from './history-store';
import { createSavedTestStore, type SavedTestStore } from './saved-test-store';
import { createMemoryBlobs, type StateBlobs } from './state-blobs';

/** The console's own state, one interface whatever the backend: change history and saved tests. */
export interface StateStore {
  /** Where it lives (a folder, `s3://…`), for the start log. */
  readonly where: string;
  readonly history: HistoryStore;
  readonly savedTests: SavedTestStore;
}

export function stateOver(blobs: StateBlobs): StateStore {
  return { where: blobs.where, history: createHistoryStore(blobs), savedTests: createSavedTestStore(blobs) };
}

/** The default backend: files in the data folder. */
export const createFolderState = (dataDir: string): StateStore => stateOver(createFolderBlobs(dataDir));

/** For an API without a data folder (tests): the same contract, in memory. */
export const createMemoryState = (): StateStore => stateOver(createMemoryBlobs());
