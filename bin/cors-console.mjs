#!/usr/bin/env node
// Runs the built command (dist/cli/main.js); `npm run build` makes it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`cors-console is not built (${main} is missing): run npm run build first.\n`);
  process.exit(2);
}
await import(pathToFileURL(main).href);
