import type { SavedTest } from '../../../contract/api';
import { suiteFromSavedTests } from '../../../contract/suite';
import type { DownloadFile } from '../../lib/download';

/**
 * The bucket's saved tests as a suite file (`cors-console test --suite FILE` reads it), sent from
 * the origins the console sends them from.
 */
export function savedTestsSuiteFile(tests: readonly SavedTest[], bucket: string, origins: { console: string; harness: string | null }): DownloadFile {
  const suite = suiteFromSavedTests(tests, { bucket, origin: origins.console, ...(origins.harness ? { harnessOrigin: origins.harness } : {}) });
  return { fileName: `${bucket}.cors-suite.json`, text: `${JSON.stringify(suite, null, 2)}\n`, mimeType: 'application/json' };
}
