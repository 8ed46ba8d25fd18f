import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { CorsConfig, Dialect, Issue } from '../../../core';
import { editorFormSchema } from './editor-schema';
import { DraftReader } from './draft-reader';
import { configToForm, type EditorFormValues } from './rule-form';
import { serverIssueErrors } from './server-issues';

// A replacement from outside the form (undo, the raw view, a proposal, their version) keeps the
// outcome of the last Save: a blocked Save stays blocked until Save passes.
const KEEP_SAVE_ATTEMPT = { keepIsSubmitted: true, keepIsSubmitSuccessful: true, keepSubmitCount: true } as const;

/**
 * The draft as react-hook-form holds it (text per field) and as a configuration. `draft` is one
 * object per distinct configuration, so what depends on the draft (issues, the test pane, the
 * stored draft) is redone only when it changes.
 */
export function useDraftForm(dialect: Dialect, start: CorsConfig | null) {
  const schema = useMemo(() => editorFormSchema(dialect), [dialect]);
  const form = useForm<EditorFormValues, unknown, CorsConfig>({ resolver: zodResolver(schema), defaultValues: configToForm(start) });
  const { control, formState, reset, getValues, setError } = form;
  const ruleArray = useFieldArray({ control, name: 'rules' });
  const rules = useWatch({ control, name: 'rules' });
  const responseVary = useWatch({ control, name: 'responseVary' });
  const [reader] = useState(() => new DraftReader());
  const draft = useMemo(() => reader.read({ rules, responseVary }), [reader, rules, responseVary]);
  const values: EditorFormValues = { rules, responseVary };

  return {
    form,
    ruleArray,
    values,
    draft,
    /** A Save was tried and refused by the form's own checks. */
    isSaveBlocked: formState.isSubmitted && !formState.isSubmitSuccessful,
    /** Shows `config`; `fresh` also forgets the last Save attempt (after a write or a discard). */
    load: (config: CorsConfig | null, { fresh = false } = {}) => reset(configToForm(config), fresh ? undefined : KEEP_SAVE_ATTEMPT),
    /** Shows the server's refusal at the fields it concerns. */
    showServerIssues: (issues: readonly Issue[]) => {
      const { fields, root } = serverIssueErrors(issues, getValues());
      for (const [name, error] of fields) setError(name, error);
      if (root) setError('root.server', root);
    },
  };
}

export type DraftForm = ReturnType<typeof useDraftForm>;
