import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
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
  // Read once: useForm takes its defaults on the first render only, and this converts every rule.
  const [defaultValues] = useState(() => configToForm(start));
  const form = useForm<EditorFormValues, unknown, CorsConfig>({ resolver: zodResolver(schema), defaultValues });
  const { control, formState, reset, getValues, setError, subscribe } = form;
  const ruleArray = useFieldArray({ control, name: 'rules' });
  const [values, setValues] = useTransitionValues(subscribe, getValues);
  const [reader] = useState(() => new DraftReader());
  const draft = useMemo(() => reader.read(values), [reader, values]);

  return {
    form,
    ruleArray,
    values,
    draft,
    /** A Save was tried and refused by the form's own checks. */
    isSaveBlocked: formState.isSubmitted && !formState.isSubmitSuccessful,
    /** Shows `config`; `fresh` also forgets the last Save attempt (after a write or a discard). */
    load: (config: CorsConfig | null, { fresh = false } = {}) => {
      reset(configToForm(config), fresh ? undefined : KEEP_SAVE_ATTEMPT);
      // At once, not in a transition: focus goes to what the replacement shows.
      setValues({ ...getValues() });
    },
    /** Shows the server's refusal at the fields it concerns. */
    showServerIssues: (issues: readonly Issue[]) => {
      const { fields, root } = serverIssueErrors(issues, getValues());
      for (const [name, error] of fields) setError(name, error);
      if (root) setError('root.server', root);
    },
  };
}

export type DraftForm = ReturnType<typeof useDraftForm>;

/**
 * The form's values, each change in a transition: what the whole draft feeds (the issues
 * across rules, every card's badges, the toolbar, the other tabs) renders after a keystroke's own
 * render, which needs only the open card it was typed in (rule-card.tsx reads its rule itself).
 * With 100 rules a render of the whole editor is 5-15 ms (bench/scenarios/rule-editor.ts), more
 * than a keystroke's budget, and react-hook-form's `useFieldArray` alone makes 100 ids on each.
 * A replacement (`load`: undo, a write, their version) shows at once, so focus can follow it.
 */
function useTransitionValues(subscribe: DraftFormApi['subscribe'], getValues: DraftFormApi['getValues']) {
  const [values, setValues] = useState<EditorFormValues>(() => ({ ...getValues() }));
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        // A new object each time: react-hook-form changes its own values in place.
        callback: (state) => startTransition(() => setValues({ ...(state.values as EditorFormValues) })),
      }),
    [subscribe],
  );
  return [values, setValues] as const;
}

type DraftFormApi = ReturnType<typeof useForm<EditorFormValues, unknown, CorsConfig>>;
