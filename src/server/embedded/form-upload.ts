import type { IncomingMessage } from 'node:http';
import type { PostPolicyFields } from './request-signature';

/**
 * A browser form upload (S3's POST Object), read whole so its signed policy can be checked
 * before anything reaches the store. https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
export interface FormUpload {
  /** The key the object is stored under (`${filename}` replaced, as S3 does). */
  key: string;
  signature: PostPolicyFields;
  /** The body as it came, passed on to the store unchanged. */
  body: Buffer;
  /** The first of the policy's conditions this form does not meet, in words; null when it meets them all. */
  unmetCondition(bucket: string): string | null;
}

/** Larger forms are refused before they are read (S3 allows 5 GB; a console's tests send little). */
export const FORM_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

type ReadResult = { ok: true; form: FormUpload } | { ok: false; code: string; message: string };

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Condition = Record<string, unknown> | unknown[];

function unmetOf(conditions: Condition[], fields: Map<string, string>, fileSize: number): string | null {
  for (const condition of conditions) {
    if (Array.isArray(condition)) {
      const [op, name, expected] = condition as [unknown, unknown, unknown];
      if (op === 'content-length-range') {
        if (fileSize < Number(name) || fileSize > Number(expected)) return `the file is ${fileSize} bytes, outside ${String(name)}–${String(expected)}`;
        continue;
      }
      const field = String(name).replace(/^\$/, '').toLowerCase();
      const actual = fields.get(field) ?? '';
      if (op === 'eq' && actual !== String(expected)) return `${field} must be "${String(expected)}"`;
      if (op === 'starts-with' && !actual.startsWith(String(expected))) return `${field} must start with "${String(expected)}"`;
      continue;
    }
    for (const [name, expected] of Object.entries(condition)) {
      const field = name.toLowerCase();
      if ((fields.get(field) ?? '') !== String(expected)) return `${field} must be "${String(expected)}"`;
    }
  }
  return null;
}

export async function readFormUpload(req: IncomingMessage, contentType: string): Promise<ReadResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > FORM_UPLOAD_MAX_BYTES) return { ok: false, code: 'EntityTooLarge', message: `Your proposed upload exceeds the maximum allowed size of ${FORM_UPLOAD_MAX_BYTES} bytes for a form upload to this store.` };
  const body = await readBody(req, FORM_UPLOAD_MAX_BYTES);
  if (!body) return { ok: false, code: 'EntityTooLarge', message: `Your proposed upload exceeds the maximum allowed size of ${FORM_UPLOAD_MAX_BYTES} bytes for a form upload to this store.` };
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { ok: false, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' };
  }
  // S3's form field names are case-insensitive.
  const fields = new Map<string, string>();
  let file: File | null = null;
  for (const [name, value] of parsed.entries()) {
    if (typeof value === 'string') fields.set(name.toLowerCase(), value);
    else if (name.toLowerCase() === 'file' && !file) file = value;
  }
  const key = (fields.get('key') ?? '').replace('${filename}', file?.name ?? '');
  const signature: PostPolicyFields = {
    ...(fields.has('policy') ? { policy: fields.get('policy')! } : {}),
    ...(fields.has('x-amz-algorithm') ? { algorithm: fields.get('x-amz-algorithm')! } : {}),
    ...(fields.has('x-amz-credential') ? { credential: fields.get('x-amz-credential')! } : {}),
    ...(fields.has('x-amz-date') ? { date: fields.get('x-amz-date')! } : {}),
    ...(fields.has('x-amz-signature') ? { signature: fields.get('x-amz-signature')! } : {}),
  };
  const unmetCondition = (bucket: string): string | null => {
    let policy: { expiration?: string; conditions?: Condition[] };
    try {
      policy = JSON.parse(Buffer.from(signature.policy ?? '', 'base64').toString('utf8')) as typeof policy;
    } catch {
      return 'the policy is not a base64-encoded JSON document';
    }
    const expiration = Date.parse(policy.expiration ?? '');
    if (!(expiration > Date.now())) return 'the policy has expired';
    return unmetOf(policy.conditions ?? [], new Map([...fields, ['bucket', bucket], ['key', key]]), file?.size ?? 0);
  };
  return { ok: true, form: { key, signature, body, unmetCondition } };
}
