import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from './env';
import { startConsole } from './start';

// Built to dist/server/main.js; the SPA sits beside it in dist/web.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const log = (line: string) => console.log(`[cors-console] ${line}`);

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const env = parsed.env;

try {
  const running = await startConsole({
    env,
    processEnv: process.env,
    dataDir: resolve(env.CORS_CONSOLE_DATA ?? resolve(projectRoot, '.data')),
    webDir: resolve(here, '../web'),
    log,
  });
  log(`console ready: ${running.url}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`cors-console cannot start: ${(error as Error).message}`);
  process.exit(1);
}
