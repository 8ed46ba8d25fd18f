import { request as httpRequest } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/**
 * One HTTP request exactly as given, through node:http (fetch forbids setting Host, Origin and
 * Sec-Fetch-* headers, which these tests must forge to play a hostile page).
 */
export function httpCall(url: string, method = 'GET', headers: Record<string, string> = {}, body?: string, options: { localAddress?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // Not JSON (a page, or nothing): tests read `text`.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const errorCode = (answer: { json: Record<string, unknown> }) => (answer.json['error'] as { code?: string } | undefined)?.code;
