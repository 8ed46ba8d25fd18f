// The embedded store's own process: a real s3rver, listening on a Unix socket that only the
// console (its parent, through the gate) connects to. Plain JavaScript, so `node` runs it as it is
// from src/ (tests) and from dist/ (`npm start`); the console forks it and restarts it when it dies.
//
// A failing file write is not always handled inside s3rver 3.7.1: a key segment over the file
// system's name limit made an unhandled ENAMETOOLONG 'error' on a WriteStream (measured), which
// ends the process. That is why it runs here and not in the console: this process reports what
// killed it to its parent and exits, and the parent answers the request and starts a new one.
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import S3rver from 's3rver';

const { CORS_CONSOLE_STORE_DIR: directory, CORS_CONSOLE_STORE_SOCKET: socketPath } = process.env;
if (!directory || !socketPath || !process.send) {
  console.error('s3rver-child: started without its directory, its socket or its parent');
  process.exit(2);
}

const reportAndExit = (error) => {
  const { code, syscall, message } = error ?? {};
  process.send?.({ kind: 'fatal', code: code ?? null, syscall: syscall ?? null, message: String(message ?? error) }, () => process.exit(70));
  // If the parent is gone, the callback never comes.
  setTimeout(() => process.exit(70), 1000).unref();
};
process.on('uncaughtException', reportAndExit);
process.on('unhandledRejection', reportAndExit);
// The console went away (crashed or killed): nothing can reach this store any more.
process.on('disconnect', () => process.exit(0));

const s3rver = new S3rver({ silent: true, directory });
rmSync(socketPath, { force: true });
const server = createServer(s3rver.callback());
server.on('error', reportAndExit);
server.listen(socketPath, () => process.send({ kind: 'ready' }));
