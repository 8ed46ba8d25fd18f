import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluate, parseCorsDocument, type CorsConfig } from '../../core';
import { addressOf, isActiveContentType, isAnonymousAllowed, isFormUpload, keyTooLong, STORAGE_ORIGIN_HEADERS, type Addressed } from './gate-rules';
import { checkPolicySignature, checkRequestSignature, safeDecode, withoutAuthQuery, type SignatureCheck, type SignatureRefusal } from './request-signature';
import { readFormUpload, type FormUpload } from './form-upload';
import type { StoreKeys } from './store-keys';
import type { StoreProcess } from './store-process';

/**
 * The embedded store's front door, on the port browsers and other processes reach: it answers
 * like a real S3 bucket whose objects are public-read (see gate-rules.ts) and passes what it
 * allows to s3rver, which listens on a socket nobody else reaches.
 */
export interface StoreGate {
  endpoint: string;
  close(): Promise<void>;
}

export interface StoreGateOptions {
  host: string;
  port: number;
  keys: StoreKeys;
  store: StoreProcess;
  log: (line: string) => void;
}

/** How long a request waits for a store that is being started again before it gets no answer. */
// Long enough for a first restart (250 ms, then s3rver's start); short enough that the SDK's three
// attempts end well inside the console's 10 s call deadline, as "unreachable" rather than a timeout.
const STORE_RESTART_WAIT_MS = 1500;
/** How long the gate waits to learn what killed the store before it answers the request it was serving. */
const STORE_EXIT_WAIT_MS = 1000;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'expect', 'upgrade', 'proxy-connection', 'te', 'trailer', 'authorization']);

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An S3 error document, as S3 writes one. */
function s3ErrorBody(code: string, message: string, extra: Record<string, string> = {}): string {
  const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: randomBytes(8).toString('hex').toUpperCase() })
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

export async function startStoreGate({ host, port, keys, store, log }: StoreGateOptions): Promise<StoreGate> {
  /** One request to the store over its socket, answered in full (small documents only). */
  const askStore = (path: string) =>
    new Promise<{ status: number; body: string } | null>((resolve) => {
      const req = httpRequest({ socketPath: store.socketPath, method: 'GET', path, headers: { host: '127.0.0.1' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve(null));
      });
      req.on('error', () => resolve(null));
      req.end();
    });

  /** The bucket's rules, as the store keeps them; null when it has none (or cannot say). */
  const bucketRules = async (bucket: string): Promise<CorsConfig | null> => {
    if (!bucket) return null;
    const answer = await askStore(`/${bucket}?cors`);
    if (answer?.status !== 200) return null;
    const parsed = parseCorsDocument(answer.body, 's3-xml');
    return parsed.ok ? parsed.config : null;
  };

  /**
   * A refusal as S3 sends it. S3 puts the CORS headers the bucket's rules give the request on
   * its error answers too, so a page reads the 403 instead of seeing a CORS failure; the core
   * says which, in the store's own dialect.
   */
  const refuse = async (req: IncomingMessage, res: ServerResponse, address: Addressed, status: number, code: string, message: string, extra: Record<string, string> = {}) => {
    const headers = headersOf(req);
    let cors: Record<string, string> = {};
    if (headers.origin !== undefined) {
      const decision = evaluate(await bucketRules(address.bucket), { method: req.method ?? 'GET', headers, resource: address.rawKey ? 'object' : 'bucket' }, 's3rver');
      cors = decision.headers;
    }
    const body = s3ErrorBody(code, message, extra);
    res.writeHead(status, { ...cors, ...STORAGE_ORIGIN_HEADERS, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    // Drain what the caller still sends, so it reads the answer rather than a reset.
    req.resume();
  };

  const refuseSignature = (req: IncomingMessage, res: ServerResponse, address: Addressed, refusal: SignatureRefusal) => {
    log(`embedded store gate: ${refusal.code} for ${req.method} /${address.bucket}${address.rawKey ? `/${address.rawKey.slice(0, 80)}` : ''}`);
    return refuse(req, res, address, refusal.code === 'AuthorizationQueryParametersError' ? 400 : 403, refusal.code, refusal.message);
  };

  /** Passes an allowed request on to the store and its answer back, with the storage origin's headers. */
  const forward = async (req: IncomingMessage, res: ServerResponse, address: Addressed, rawQuery: string, body: Buffer | null) => {
    if (!store.isUp() && !(await store.whenUp(STORE_RESTART_WAIT_MS))) {
      // No store, no answer: callers (and the console's own SDK) see the endpoint as unreachable.
      log(`embedded store is down (${store.lastFailure() ?? 'starting'}): ${req.method} /${address.bucket} got no answer`);
      req.socket.destroy();
      return;
    }
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    // s3rver would take another host name for a virtual-hosted bucket; the gate addresses by path.
    headers.host = '127.0.0.1';
    if (body) {
      headers['content-length'] = String(body.length);
      delete headers['transfer-encoding'];
    }
    if (req.method === 'PUT' && address.rawKey && isActiveContentType(req.headers['content-type']) && !req.headers['content-disposition']) {
      headers['content-disposition'] = 'attachment';
    }
    const path = `/${address.bucket}${address.rawKey ? `/${address.rawKey}` : ''}`.replace(/^\/$/, '/') + (rawQuery ? `?${rawQuery}` : '');
    const upstream = httpRequest({ socketPath: store.socketPath, method: req.method, path, headers }, (answer) => {
      const out: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
      Object.assign(out, STORAGE_ORIGIN_HEADERS);
      if (isActiveContentType(answer.headers['content-type']) && !answer.headers['content-disposition'] && address.rawKey) out['content-disposition'] = 'attachment';
      const status = answer.statusCode ?? 502;
      if (status >= 500) log(`embedded store answered ${status} to ${req.method} /${address.bucket}${address.rawKey ? `/${address.rawKey.slice(0, 80)}` : ''}`);
      res.writeHead(status, out);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // The store died while serving this request: its exit says of what (ENOSPC, EROFS...).
      void store.whenStopped(STORE_EXIT_WAIT_MS).then((why) => {
        const cause = why ?? error.code ?? error.message;
        log(`embedded store failed ${req.method} /${address.bucket} (${cause}); it is being started again`);
        const message = `The embedded store stopped while handling this request (${cause}); it is being started again.`;
        return refuse(req, res, address, 500, 'InternalError', message);
      });
    });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const rawPath = at < 0 ? url : url.slice(0, at);
    const rawQuery = at < 0 ? '' : url.slice(at + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    const address = addressOf(rawPath, rawQuery);
    const headers = headersOf(req);

    // A preflight is never authenticated (S3 answers it from the bucket's rules alone), even when
    // its URL is a presigned one: the browser sends the URL it will PUT to, signature and all.
    if (method === 'OPTIONS') return forward(req, res, address, withoutAuthQuery(rawQuery), null);

    let form: FormUpload | null = null;
    let check: SignatureCheck;
    if (isFormUpload(method, address, headers['content-type'])) {
      const read = await readFormUpload(req, headers['content-type'] ?? '');
      if (!read.ok) return refuse(req, res, address, 400, read.code, read.message);
      form = read.form;
      check = await checkPolicySignature(form.signature, keys);
      if (check.signed && check.ok) {
        const unmet = form.unmetCondition(address.bucket);
        if (unmet) return refuse(req, res, address, 403, 'AccessDenied', `Invalid according to Policy: ${unmet}`);
      }
    } else {
      check = await checkRequestSignature({ method, rawPath, rawQuery, headers }, keys);
    }
    if (check.signed && !check.ok) return refuseSignature(req, res, address, check.refusal);
    if (!check.signed && !isAnonymousAllowed(method, address)) {
      log(`embedded store gate: AccessDenied for an unsigned ${method} /${address.bucket}${address.rawKey ? '/…' : ''}${rawQuery ? `?${rawQuery.slice(0, 40)}` : ''}`);
      return refuse(req, res, address, 403, 'AccessDenied', 'Access Denied');
    }

    const writtenKey = form ? form.key : method === 'PUT' || method === 'POST' ? safeDecode(address.rawKey) : '';
    const tooLong = writtenKey ? keyTooLong(writtenKey) : null;
    if (tooLong) {
      log(`embedded store gate: KeyTooLongError for ${method} /${address.bucket} (a key part of ${tooLong.segmentBytes} bytes, limit ${tooLong.limit})`);
      return refuse(req, res, address, 400, 'KeyTooLongError', `Your key is too long: this store keeps each object as a file, and one part of its key is ${tooLong.segmentBytes} bytes, over the limit of ${tooLong.limit}.`, { MaxSizeAllowed: String(tooLong.limit), Size: String(tooLong.segmentBytes) });
    }
    return forward(req, res, address, check.signed ? withoutAuthQuery(rawQuery) : rawQuery, form ? form.body : null);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      log(`embedded store gate: ${req.method} failed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/xml', ...STORAGE_ORIGIN_HEADERS });
      res.end(s3ErrorBody('InternalError', 'We encountered an internal error. Please try again.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
