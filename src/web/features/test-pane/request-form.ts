import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { testRequestSchema, type ProbeTarget, type TestRequest } from '../../../contract/api';
import { writesObject } from '../../../contract/scratch';
import { METHODS, misfitOf } from '../../../core';
import { formMessage } from '../../lib/messages';

/** The request builder's fields, as the user types them. */
export interface RequestFormValues {
  key: string;
  method: TestRequest['method'];
  /** `name: value`, one per line. */
  headers: string;
  body: string;
  credentials: TestRequest['credentials'];
  signed: boolean;
  from: TestRequest['from'];
  /** Response header names the app must read, one per line or comma-separated. */
  mustRead: string;
  /** What a PUT, POST or DELETE writes to: a scratch object, or the object named by `key`. */
  target: TestRequest['target'];
  /** Where the request goes when the bucket has a public URL (a CDN or proxy in front of it): the endpoint, that URL, or both side by side. */
  via: TestVia;
}

/** The bucket's endpoint, its public URL, or one run through each. */
export const TEST_VIAS = ['endpoint', 'public', 'both'] as const;
export type TestVia = (typeof TEST_VIAS)[number];

/** The probe targets one press of "Test CORS" runs, in order; without a public URL, the endpoint only. */
export function targetsOf(via: TestVia, hasPublicUrl: boolean): ProbeTarget[] {
  if (!hasPublicUrl || via === 'endpoint') return ['endpoint'];
  return via === 'both' ? ['endpoint', 'public'] : ['public'];
}

export const DEFAULT_REQUEST: RequestFormValues = { key: 'test.txt', method: 'GET', headers: '', body: '', credentials: 'omit', signed: false, from: 'console', mustRead: '', target: 'scratch', via: 'endpoint' };

function headerLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Parses the header lines; a line without `name: value` is reported, never dropped silently. */
export function parseHeaderLines(text: string): { headers: Record<string, string>; bad: string[] } {
  const headers: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of headerLines(text)) {
    const at = line.indexOf(':');
    if (at <= 0) bad.push(line);
    else headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { headers, bad };
}

const mustReadNames = (text: string) =>
  text
    .split(/[\n,]/)
    .map((n) => n.trim())
    .filter(Boolean);

/** The form's values as the API's TestRequest; messages are placed on the field they concern. */
export const requestFormSchema = z
  .object({
    key: z.string(),
    method: z.enum(METHODS),
    headers: z.string(),
    body: z.string(),
    credentials: z.enum(['omit', 'include']),
    signed: z.boolean(),
    from: z.enum(['console', 'harness']),
    mustRead: z.string(),
    target: z.enum(['scratch', 'named']),
    via: z.enum(TEST_VIAS),
  })
  .transform((values, ctx): TestRequest => {
    const { headers, bad } = parseHeaderLines(values.headers);
    if (bad.length) ctx.addIssue({ code: 'custom', path: ['headers'], message: formMessage('header-lines-unreadable', { lines: bad }) });
    const writes = values.method === 'PUT' || values.method === 'POST';
    const parsed = testRequestSchema.safeParse({
      key: values.key,
      method: values.method,
      headers,
      ...(writes && values.body !== '' ? { body: values.body } : {}),
      credentials: values.credentials,
      signed: values.signed,
      from: values.from,
      mustRead: mustReadNames(values.mustRead),
      target: values.target,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'key');
        const misfit = misfitOf(issue);
        ctx.addIssue({ code: 'custom', path: [field], message: formMessage('request-misfit', field === 'headers' ? { misfit, header: String(issue.path[1] ?? '') } : { misfit }) });
      }
      return z.NEVER;
    }
    if (values.signed && values.method === 'POST') {
      ctx.addIssue({ code: 'custom', path: ['signed'], message: formMessage('signed-post') });
      return z.NEVER;
    }
    if (values.signed && values.via !== 'endpoint') {
      ctx.addIssue({ code: 'custom', path: ['signed'], message: formMessage('signed-public') });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * On a store that refuses unsigned writes (the embedded store's gate, like an S3 bucket whose
 * objects are public-read), a PUT or DELETE test is presigned unless the user unticks it; each
 * change of method sets the default again. A signed POST is the form upload, not this request.
 */
export function useSignedWritesByDefault(form: UseFormReturn<RequestFormValues, unknown, TestRequest>, signsWrites: boolean): void {
  const { watch, setValue } = form;
  useEffect(() => {
    if (!signsWrites) return;
    // Only the user's change of method sets the default: a form restored from storage or loaded
    // from a saved test (a reset, which names no field) keeps its own choice.
    const subscription = watch((values, { name, type }) => {
      if (name === 'method' && type === 'change' && values.method) setValue('signed', writesObject(values.method) && values.method !== 'POST');
    });
    return () => subscription.unsubscribe();
  }, [signsWrites, watch, setValue]);
}

/** A saved test's request as the form shows it, for "Load into form" (`via` stays the user's choice: a saved test names no route). */
export function formValuesOf(request: TestRequest, via: TestVia): RequestFormValues {
  return {
    key: request.key,
    method: request.method,
    headers: Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    body: request.body ?? '',
    credentials: request.credentials,
    signed: request.signed,
    from: request.from,
    mustRead: request.mustRead.join(', '),
    target: request.target,
    via,
  };
}
