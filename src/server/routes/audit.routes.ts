import { routes } from '../../contract/api';
import { DEFAULT_AUDIT_POLICY } from '../../core';
import type { AuditBook } from '../audit/audit-book';
import { apiError } from '../http/api-error';
import { answer, type Register } from '../http/register';

/** The Audit page: every bucket of a profile checked against a policy, as a job read while it runs. */
export function registerAuditRoutes(register: Register, book: AuditBook) {
  register(routes.startAudit, ({ profile, body }) => answer(book.start({ profile, ...(body.prefix !== undefined ? { prefix: body.prefix } : {}), policy: body.policy ?? DEFAULT_AUDIT_POLICY })));
  register(routes.getAudit, ({ params, query }) => {
    const job = book.get(params.audit, query.from !== undefined ? Number(query.from) : 0);
    return job ? answer(job) : apiError('audit-not-found', { audit: params.audit });
  });
  register(routes.cancelAudit, async ({ params }) => {
    const job = await book.cancel(params.audit);
    return job ? answer(job) : apiError('audit-not-found', { audit: params.audit });
  });
}
