// A console process kept warm for tests that kill and restart the console round after round: it
// loads what dist/server/main.js imports (the Node modules and its chunks; about 0.8 s of a
// 1.2 s start on an idle machine, measured), then waits for one line on stdin and imports
// main.js itself, which starts the console as `npm start` does. Nothing of the console runs
// before that line: only modules are loaded, so the start that follows is a real one.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const main = pathToFileURL(process.argv[2]);
const source = readFileSync(main, 'utf8');
const specifiers = [...source.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)].map((match) => match[1]);
await Promise.all(specifiers.map((specifier) => import(specifier.startsWith('.') ? new URL(specifier, main).href : specifier)));
process.stdout.write('standby: loaded\n');
process.stdin.once('data', () => {
  process.stdin.pause();
  void import(main.href);
});
