import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ProbeFailure } from '../../contract/api';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  bodyBytes: number;
  bodyPreview: string;
}

/** An answer, with every header line as received (`lines`: a repeated header stays two lines, where `headers` joins them). */
export type RawOutcome = { ok: true; answer: RawAnswer; lines: Array<[name: string, value: string]>; totalMs: number } | { ok: false; failure: ProbeFailure; totalMs: number };

export interface RawOptions {
  /** A connection of its own (no keep-alive agent): a cache may answer a reused connection differently. */
  freshConnection?: boolean;
}

const PREVIEW_BYTES = 2048;

/**
 * Sends one request exactly as given and reports the answer unfiltered. Redirects are reported,
 * never followed, so a probe cannot be bounced to another host.
 */
export function sendRaw(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number, options: RawOptions = {}): Promise<RawOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(url, { method, headers, timeout: timeoutMs, ...(options.freshConnection ? { agent: false } : {}) }, (res) => {
      const preview: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (bytes < PREVIEW_BYTES) preview.push(chunk.subarray(0, PREVIEW_BYTES - bytes));
        bytes += chunk.length;
      });
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const lines: Array<[string, string]> = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({
          ok: true,
          answer: { status: res.statusCode ?? 0, headers: flat, bodyBytes: bytes, bodyPreview: Buffer.concat(preview).toString('utf8') },
          lines,
          totalMs: elapsed(),
        });
      });
      res.on('error', (error) => resolve({ ok: false, failure: { code: 'provider-unreachable', transportMessage: error.message }, totalMs: elapsed() }));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, failure: { code: 'provider-timeout', timeoutMs }, totalMs: elapsed() });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, failure: { code: 'provider-unreachable', ...(error.code ? { transportCode: error.code } : {}), transportMessage: error.message }, totalMs: elapsed() }),
    );
    req.end(body);
  });
}
