import { z } from 'zod';
import { corsStateSchema } from './cors';
import { apiErrorSchema } from './errors';

/** The one error envelope every failing `/api` call answers. */
export const apiErrorEnvelopeSchema = z.object({
  error: apiErrorSchema,
  /** On 409 (and a failed write, when the provider could still be read): what the provider holds now. */
  current: corsStateSchema.optional(),
});
export type ApiError = z.infer<typeof apiErrorEnvelopeSchema>;
