import { z } from 'zod';
import { METHODS, validateConfig, type Dialect } from '../../../core';
import { formFieldName, issueLineText } from './issue-placement';
import { formToConfig } from './rule-form';

export const ruleFormSchema = z.object({
  ruleId: z.string(),
  allowedOrigins: z.string(),
  allowedMethods: z.array(z.enum(METHODS)),
  allowedHeaders: z.string(),
  exposeHeaders: z.string(),
  maxAgeSeconds: z.string(),
});

/**
 * The form's values, checked by the core for the profile's dialect: each error the core finds
 * becomes a field error (warnings never block), and valid values come out as a CorsConfig.
 */
export function editorFormSchema(dialect: Dialect) {
  return z
    .object({ rules: z.array(ruleFormSchema), responseVary: z.boolean() })
    .superRefine((values, ctx) => {
      for (const issue of validateConfig(formToConfig(values), dialect)) {
        if (issue.severity !== 'error') continue;
        const name = formFieldName(issue, values.rules.length);
        ctx.addIssue({ code: 'custom', message: issueLineText(issue, values), path: name ? name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : ['rules'] });
      }
    })
    .transform(formToConfig);
}
