import type { Reporter } from './reporter';

/** The run as data, for other tools: `version` says the shape (this is 1). */
export const jsonReporter = (): Reporter => ({
  render: (report) => `${JSON.stringify({ version: 1, ...report }, null, 2)}\n`,
});
