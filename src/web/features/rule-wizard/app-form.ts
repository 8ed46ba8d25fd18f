import { z } from 'zod';
import { APP_OPERATIONS, validateApp, type AppDescription, type AppOperation, type Dialect, type Issue, type IssuePath } from '../../../core';
import { webText } from '../../lib/i18n/feature-text';
import { formMessage } from '../../lib/messages';

const OPERATION_LABELS = {
  download: 'wizard.operation.download',
  head: 'wizard.operation.head',
  upload: 'wizard.operation.upload',
  'form-upload': 'wizard.operation.form-upload',
  'multipart-upload': 'wizard.operation.multipart-upload',
  delete: 'wizard.operation.delete',
} as const satisfies Record<AppOperation, string>;

/** An operation as the form offers it, with the methods it uses. */
export function operationLabel(operation: AppOperation): string {
  return webText(OPERATION_LABELS[operation]);
}

/** Which of the app's operations send (or read) a header: all of them, or one. */
export type HeaderScope = 'all' | AppOperation;

export interface RequestHeaderRow {
  name: string;
  value: string;
  on: HeaderScope;
}

export interface ReadableHeaderRow {
  name: string;
  on: HeaderScope;
}

/** The form's own shape: text as typed; `appFormSchema` turns it into an `AppDescription`. */
export interface AppFormValues {
  /** One origin per line. */
  origins: string;
  operations: AppOperation[];
  requestHeaders: RequestHeaderRow[];
  credentials: boolean;
  readableHeaders: ReadableHeaderRow[];
  /** Seconds; empty lets the wizard choose. */
  maxAgeSeconds: string;
}

export const EMPTY_APP_FORM: AppFormValues = { origins: '', operations: [], requestHeaders: [], credentials: false, readableHeaders: [], maxAgeSeconds: '' };

export const EMPTY_REQUEST_HEADER: RequestHeaderRow = { name: '', value: '', on: 'all' };
export const EMPTY_READABLE_HEADER: ReadableHeaderRow = { name: '', on: 'all' };

const scope = z.union([z.literal('all'), z.enum(APP_OPERATIONS)]);

function originLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function scoped(on: HeaderScope): { operations?: AppOperation[] } {
  return on === 'all' ? {} : { operations: [on] };
}

function toAppDescription(values: z.output<ReturnType<typeof formShape>>): AppDescription {
  return {
    origins: originLines(values.origins),
    operations: values.operations,
    requestHeaders: values.requestHeaders.map((h) => ({ name: h.name, ...(h.value.trim() ? { value: h.value.trim() } : {}), ...scoped(h.on) })),
    credentials: values.credentials,
    readableHeaders: values.readableHeaders.map((h) => ({ name: h.name, ...scoped(h.on) })),
    ...(values.maxAgeSeconds === '' ? {} : { maxAgeSeconds: Number(values.maxAgeSeconds) }),
  };
}

/** Built with the form (not at import), so its messages are in the locale the form is shown in. */
function formShape() {
  const headerName = z.string().trim().min(1, formMessage('header-row-unnamed'));
  return z
    .object({
    origins: z.string(),
    operations: z.array(z.enum(APP_OPERATIONS)),
    requestHeaders: z.array(z.object({ name: headerName, value: z.string(), on: scope })),
    credentials: z.boolean(),
    readableHeaders: z.array(z.object({ name: headerName, on: scope })),
    maxAgeSeconds: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\d+$/.test(v), formMessage('max-age-not-whole')),
    })
    .superRefine((values, ctx) => {
      // A header scoped to an operation the app does not perform would silently allow nothing.
      const check = (rows: { on: HeaderScope }[], field: 'requestHeaders' | 'readableHeaders') =>
        rows.forEach((row, index) => {
          if (row.on !== 'all' && !values.operations.includes(row.on)) {
            ctx.addIssue({ code: 'custom', path: [field, index, 'on'], message: formMessage('operation-not-chosen', { operation: operationLabel(row.on) }) });
          }
        });
      check(values.requestHeaders, 'requestHeaders');
      check(values.readableHeaders, 'readableHeaders');
    });
}

/**
 * Where a problem with the description shows in the form: origins are one textarea, so every
 * origin's problem shows there; header problems show at their row's name.
 */
export function formPathOf(path: IssuePath): (string | number)[] {
  const [field, index, part] = path;
  if ((field === 'requestHeaders' || field === 'readableHeaders') && typeof index === 'number') return [field, index, typeof part === 'string' ? part : 'name'];
  return [String(field ?? 'origins')];
}

/**
 * The form's schema: its own shape first, then the core's `validateApp`, so a bad origin or header
 * name is refused with the provider's reason, at the field, before any rule is generated.
 */
export function appFormSchema(dialect: Dialect) {
  return formShape()
    .transform(toAppDescription)
    .superRefine((app, ctx) => {
      const byField = new Map<string, { path: (string | number)[]; issues: Issue[] }>();
      for (const issue of validateApp(app, dialect)) {
        if (issue.severity !== 'error') continue;
        const path = formPathOf(issue.path);
        const key = path.join('.');
        const entry = byField.get(key) ?? { path, issues: [] };
        entry.issues.push(issue);
        byField.set(key, entry);
      }
      for (const { path, issues } of byField.values()) ctx.addIssue({ code: 'custom', path, message: formMessage('issues', { issues }) });
    });
}
