import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import type { CorsState, ProfileSummary } from '../../../../contract/api';
import { configIdentity, dialectProfile, documentFormatInfo, sameConfig, type CorsConfig, type DocumentFormat, type Issue } from '../../../../core';
import { ErrorMessage } from '../../../components/error-message';
import { ApiRequestError } from '../../../lib/api-client';
import { useBucketWorkspace } from '../../../lib/bucket-workspace';
import { deleteCors, saveCors } from '../../../lib/write-cors';
import { documentText } from '../../../lib/document-formats';
import { clearDraft, formatDraftTime, loadDraft, storeDraft, type StoredDraft } from '../draft-storage';
import { editorFormSchema } from '../editor-schema';
import { useEditorIssues } from '../use-editor-issues';
import { canRedo, canUndo, recordHistory, redoHistory, startHistory, undoHistory } from '../history';
import { formFieldName, issueLineText, placeIssues, type RuleFieldName } from '../issue-placement';
import { RULE_FIELDS, type RuleField } from '../../../lib/issue-location';
import { bucketListKey, corsQueries } from '../../../lib/cors-queries';
import { countRules } from '../../../lib/rule-count';
import { configToForm, duplicateRule, emptyRule, formToConfig, formToRule, moveItem, type EditorFormValues, type RuleFormValues } from '../rule-form';
import { ConfigSummary } from './config-summary';
import { ConflictView } from './conflict-view';
import { DiffView } from '../../../components/diff-view';
import { IssueList } from './issue-list';
import { RawView } from './raw-view';
import { RuleCard, ruleHeadingId } from './rule-card';
import { RuleList } from './rule-list';
import './rule-editor.css';

const DRAFT_DELAY_MS = 300;
const TOAST_MS = 8000;

interface Base {
  config: CorsConfig | null;
  version: string;
}

type Phase =
  | { kind: 'editing' }
  | { kind: 'confirm-save'; config: CorsConfig; version: string }
  | { kind: 'review' }
  | { kind: 'conflict'; intent: 'save' | 'delete'; current: CorsState; afterWrite: boolean }
  | { kind: 'confirm-delete'; version: string };

type FocusTarget = 'save' | 'delete' | 'add';

export function RuleEditor({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  if (!profile.capabilities.bucketCors) {
    return (
      <div className="rule-editor">
        <p className="re-notice">
          {profile.label} has no per-bucket CORS configuration, so there are no rules to edit for {bucket}. CORS for this provider is set for the whole server (for MinIO community edition,
          MINIO_API_CORS_ALLOW_ORIGIN).
        </p>
      </div>
    );
  }
  return <BucketCorsEditor profile={profile} bucket={bucket} />;
}

function BucketCorsEditor({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const query = useQuery(corsQueries.detail(profile.id, bucket));
  if (query.isPending) {
    return (
      <div className="rule-editor">
        <p className="re-loading">Loading the CORS configuration of {bucket}…</p>
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="rule-editor">
        <ErrorMessage error={query.error} title={`The CORS configuration of ${bucket} could not be loaded.`} />
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <EditorSession key={`${profile.id}/${bucket}`} profile={profile} bucket={bucket} provider={query.data} />;
}

function normalize(config: CorsConfig | null): CorsConfig {
  return formToConfig(configToForm(config));
}

function startingPoint(profile: string, bucket: string, provider: CorsState): { config: CorsConfig | null; base: Base; restored: StoredDraft | null } {
  const fromProvider = { config: provider.config, version: provider.version };
  const draft = loadDraft(profile, bucket);
  if (!draft || sameConfig(draft.config, provider.config)) return { config: provider.config, base: fromProvider, restored: null };
  return { config: draft.config, base: { config: provider.config, version: draft.baseVersion }, restored: draft };
}

function draftIdentity(config: CorsConfig, baseVersion: string): string {
  return `${baseVersion}:${configIdentity(config)}`;
}

function serverMessages(error: FieldError | undefined): string[] {
  if (error?.type !== 'server') return [];
  const types = Object.values(error.types ?? {}).flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []));
  return types.length ? types : error.message ? [error.message] : [];
}

function EditorSession({ profile, bucket, provider }: { profile: ProfileSummary; bucket: string; provider: CorsState }) {
  const domId = useId();
  const queryClient = useQueryClient();
  const dialect = profile.dialect;
  const formats = dialectProfile(dialect).documents.offered;
  const supportsVary = dialectProfile(dialect).supportsResponseVary;

  const [start] = useState(() => startingPoint(profile.id, bucket, provider));
  const [base, setBase] = useState<Base>(start.base);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [view, setView] = useState<'form' | 'raw'>('form');
  const [format, setFormat] = useState<DocumentFormat>(formats[0]!);
  const [restoredAt, setRestoredAt] = useState<string | null>(start.restored?.savedAt ?? null);
  const [failure, setFailure] = useState<unknown>(null);
  const [blocked, setBlocked] = useState(false);
  const [theirs, setTheirs] = useState<CorsState | null>(null);
  const [toast, setToast] = useState<{ text: string } | null>(null);
  const [history, setHistory] = useState(() => startHistory(normalize(start.config)));

  const schema = useMemo(() => editorFormSchema(dialect), [dialect]);
  const form = useForm<EditorFormValues, unknown, CorsConfig>({ resolver: zodResolver(schema), defaultValues: configToForm(start.config) });
  const { control, register, reset, getValues, handleSubmit, setError } = form;
  const { errors } = form.formState;
  const ruleArray = useFieldArray({ control, name: 'rules' });
  const watchedRules = useWatch({ control, name: 'rules' });
  const responseVary = useWatch({ control, name: 'responseVary' });
  const values: EditorFormValues = { rules: watchedRules, responseVary };
  const current = formToConfig(values);
  const configKey = configIdentity(current);
  // One object per distinct draft, so what depends on the draft is recomputed only when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const config = useMemo(() => current, [configKey]);
  const baseKey = draftIdentity(normalize(base.config), base.version);
  const issues = useEditorIssues(config, dialect);
  const placement = placeIssues(issues, values);
  const differsFromProvider = !sameConfig(config, provider.config);
  const hasDraft = !sameConfig(config, base.config);

  const latest = useRef({ config, base });
  const stored = useRef<{ identity: string; savedAt: string } | null>(
    start.restored ? { identity: draftIdentity(start.restored.config, start.restored.baseVersion), savedAt: start.restored.savedAt } : null,
  );
  const pendingFocus = useRef<{ rule: number } | { target: FocusTarget } | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const cardDomId = (fieldId: string) => `${domId}-rule-${fieldId}`;

  useEffect(() => {
    latest.current = { config, base };
  });

  const commitDraft = useCallback(() => {
    const { config: draft, base: from } = latest.current;
    setHistory((h) => recordHistory(h, draft, sameConfig));
    if (sameConfig(draft, from.config)) {
      clearDraft(profile.id, bucket);
      stored.current = null;
      return;
    }
    const identity = draftIdentity(draft, from.version);
    if (stored.current?.identity === identity) return;
    const savedAt = new Date().toISOString();
    if (storeDraft(profile.id, bucket, { config: draft, baseVersion: from.version, savedAt })) stored.current = { identity, savedAt };
  }, [profile.id, bucket]);

  useEffect(() => {
    const timer = window.setTimeout(commitDraft, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [configKey, baseKey, commitDraft]);

  useEffect(() => () => commitDraft(), [commitDraft]);

  // A reload or a closed tab within the debounce would otherwise lose the last keystrokes.
  useEffect(() => {
    window.addEventListener('pagehide', commitDraft);
    return () => window.removeEventListener('pagehide', commitDraft);
  }, [commitDraft]);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus || phase.kind !== 'editing') return;
    pendingFocus.current = null;
    if ('rule' in focus) {
      const field = ruleArray.fields[Math.min(focus.rule, ruleArray.fields.length - 1)];
      if (field) document.getElementById(ruleHeadingId(cardDomId(field.id)))?.focus();
      else addButton.current?.focus();
      return;
    }
    const button = { save: saveButton, delete: deleteButton, add: addButton }[focus.target].current;
    (button && !button.disabled ? button : addButton.current)?.focus();
  });

  const showToast = (text: string) => setToast({ text });
  const focusLater = (focus: { rule: number } | { target: FocusTarget }) => {
    pendingFocus.current = focus;
  };

  const rebase = (next: Base) => {
    latest.current = { ...latest.current, base: next };
    setBase(next);
  };

  const applyConfig = (next: CorsConfig | null) => {
    reset(configToForm(next));
    latest.current = { ...latest.current, config: normalize(next) };
  };

  /** Replaces the draft from outside the form (a write, their version, a discard), keeping what it replaces undoable. */
  const replaceDraft = (next: CorsConfig | null) => {
    const replaced = latest.current.config;
    setHistory((h) => recordHistory(h, replaced, sameConfig));
    applyConfig(next);
  };

  const forgetDraft = () => {
    clearDraft(profile.id, bucket);
    stored.current = null;
    setRestoredAt(null);
  };

  const undo = () => {
    const recorded = recordHistory(history, config, sameConfig);
    if (!canUndo(recorded)) return;
    const next = undoHistory(recorded);
    setHistory(next);
    applyConfig(next.present);
  };

  const redo = () => {
    if (!canRedo(history) || !sameConfig(config, history.present)) return;
    const next = redoHistory(history);
    setHistory(next);
    applyConfig(next.present);
  };

  const workspace = useBucketWorkspace();
  const publishDraft = workspace?.publishDraft;
  useEffect(() => publishDraft?.(latest.current.config), [configKey, publishDraft]);
  const takeProposal = useRef<(config: CorsConfig | null, note: string) => void>(() => {});
  useEffect(() => {
    takeProposal.current = (next, note) => {
      replaceDraft(next);
      showToast(`${note} Undo takes it back.`);
    };
  });
  const onProposal = workspace?.onProposal;
  useEffect(() => onProposal?.((next, note) => takeProposal.current(next, note)), [onProposal]);
  const testNote = (index: number) => (workspace?.highlight?.rules.includes(index) ? workspace.highlight.note : undefined);

  const discard = () => {
    replaceDraft(provider.config);
    rebase({ config: provider.config, version: provider.version });
    forgetDraft();
    setTheirs(null);
    setFailure(null);
    setBlocked(false);
  };

  const showServerIssues = (found: readonly Issue[]) => {
    const current = getValues();
    const byField = new Map<RuleFieldName, string[]>();
    const general: string[] = [];
    for (const issue of found.filter((i) => i.severity === 'error')) {
      const name = formFieldName(issue, current.rules.length);
      const text = issueLineText(issue, current);
      if (name) byField.set(name, [...(byField.get(name) ?? []), text]);
      else general.push(text);
    }
    for (const [name, texts] of byField) {
      setError(name, { type: 'server', message: texts[0], types: Object.fromEntries(texts.map((text, k) => [`server-${k}`, text])) });
    }
    if (general.length) setError('root.server', { type: 'server', message: general.join(' ') });
  };

  const written = (state: CorsState, message: string) => {
    queryClient.setQueryData(corsQueries.detail(profile.id, bucket).queryKey, state);
    void queryClient.invalidateQueries({ queryKey: bucketListKey(profile.id) });
    replaceDraft(state.config);
    rebase({ config: state.config, version: state.version });
    forgetDraft();
    setFailure(null);
    setTheirs(null);
    setBlocked(false);
    setPhase({ kind: 'editing' });
    focusLater({ target: 'add' });
    showToast(message);
  };

  const failed = (error: unknown, intent: 'save' | 'delete') => {
    commitDraft();
    if (error instanceof ApiRequestError && error.status === 409 && error.body.current) {
      queryClient.setQueryData(corsQueries.detail(profile.id, bucket).queryKey, error.body.current);
      setPhase({ kind: 'conflict', intent, current: error.body.current, afterWrite: true });
      return;
    }
    setPhase({ kind: 'editing' });
    setFailure(error);
    if (error instanceof ApiRequestError && error.status === 422 && error.body.error.issues) showServerIssues(error.body.error.issues);
    if (stored.current) setRestoredAt(stored.current.savedAt);
    focusLater({ target: intent === 'save' ? 'save' : 'delete' });
  };

  const saveMutation = useMutation({ mutationFn: (write: { config: CorsConfig; version: string }) => saveCors(profile.id, bucket, write.config, write.version) });
  const deleteMutation = useMutation({ mutationFn: (version: string) => deleteCors(profile.id, bucket, version) });

  const confirmSave = (write: { config: CorsConfig; version: string }) =>
    saveMutation.mutate(write, {
      onSuccess: (state) => written(state, `Saved: the provider now holds ${countRules(state.config)}.`),
      onError: (error) => failed(error, 'save'),
    });

  const confirmDelete = (version: string) =>
    deleteMutation.mutate(version, {
      onSuccess: (state) => written(state, 'Deleted: the bucket has no CORS configuration now.'),
      onError: (error) => failed(error, 'delete'),
    });

  const onSave = handleSubmit(
    (valid) => {
      setBlocked(false);
      setFailure(null);
      setPhase({ kind: 'confirm-save', config: valid, version: base.version });
    },
    () => setBlocked(true),
  );

  const cancelDialog = (target: FocusTarget) => {
    setPhase({ kind: 'editing' });
    focusLater({ target });
  };

  const keepMine = (current: CorsState, intent: 'save' | 'delete') => {
    rebase({ config: current.config, version: current.version });
    setPhase(intent === 'save' ? { kind: 'confirm-save', config, version: current.version } : { kind: 'confirm-delete', version: current.version });
  };

  const takeTheirs = (current: CorsState) => {
    replaceDraft(current.config);
    rebase({ config: current.config, version: current.version });
    forgetDraft();
    setTheirs(null);
    setFailure(null);
    setPhase({ kind: 'editing' });
    focusLater({ target: 'add' });
    showToast(hasDraft ? 'Loaded the configuration the provider holds now. Undo brings your draft back.' : 'Loaded the configuration the provider holds now.');
  };

  const mergeByHand = (current: CorsState) => {
    rebase({ config: current.config, version: current.version });
    setTheirs(current);
    setPhase({ kind: 'editing' });
    focusLater({ target: 'save' });
  };

  const addRule = () => {
    ruleArray.append(emptyRule(), { shouldFocus: false });
    focusLater({ rule: ruleArray.fields.length });
  };

  const moveRule = (from: number, to: number) => {
    // After a pointer drag in Chromium, `move` left useWatch on the old order (Save stayed
    // disabled); `replace` notifies every subscriber.
    ruleArray.replace(moveItem(getValues('rules'), from, to));
    focusLater({ rule: to });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (phase.kind !== 'editing' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  };

  const ruleServerMessages = (index: number): Partial<Record<RuleField, string[]>> => {
    const ruleErrors = errors.rules?.[index];
    if (!ruleErrors) return {};
    const fieldErrors: Record<RuleField, FieldError | undefined> = {
      id: ruleErrors.ruleId,
      allowedOrigins: ruleErrors.allowedOrigins,
      allowedMethods: ruleErrors.allowedMethods as FieldError | undefined,
      allowedHeaders: ruleErrors.allowedHeaders,
      exposeHeaders: ruleErrors.exposeHeaders,
      maxAgeSeconds: ruleErrors.maxAgeSeconds,
    };
    return Object.fromEntries(RULE_FIELDS.map((field) => [field, serverMessages(fieldErrors[field])]));
  };

  const undoable = canUndo(history) || !sameConfig(config, history.present);
  const redoable = canRedo(history) && sameConfig(config, history.present);
  const isEmptyBucket = provider.config === null && config.rules.length === 0;
  const configIssues = placement.config.filter((p) => !(isEmptyBucket && p.issue.code === 'config.no-rules'));
  const rootServerError = errors.root?.server?.type === 'server' ? errors.root.server.message : undefined;
  const providerChanged = provider.version !== base.version;
  const pending = saveMutation.isPending || deleteMutation.isPending;

  const formView = (
    <>
      <p className="re-note">
        Rules are checked from top to bottom: the first rule that matches the request&apos;s origin, method and requested headers answers it, and later rules never see that request. Actual requests carry no requested headers, so an upload&apos;s preflight and its PUT can be answered by different rules. To reorder, drag a rule by its
        handle, or focus the handle, press Space, move with the arrow keys and press Space again.
      </p>
      {supportsVary && (
        <div className="re-vary">
          <input id={`${domId}-vary`} type="checkbox" aria-describedby={`${domId}-vary-note`} {...register('responseVary')} />
          <label htmlFor={`${domId}-vary`}>Vary: Origin</label>
          <span id={`${domId}-vary-note`} className="re-muted">
            Send Vary: Origin on every response (ResponseVary), so caches keep answers per origin.
          </span>
        </div>
      )}
      {ruleArray.fields.length === 0 ? (
        <p className="re-empty">
          {isEmptyBucket
            ? 'This bucket has no CORS configuration. Add a rule to create one.'
            : 'This draft has no rules. Add a rule, or use "Delete all rules" to remove the bucket\'s CORS configuration.'}
        </p>
      ) : (
        <RuleList ids={ruleArray.fields.map((field) => field.id)} onMove={ruleArray.move}>
          {ruleArray.fields.map((field, index) => (
            <RuleCard
              key={field.id}
              sortableId={field.id}
              domId={cardDomId(field.id)}
              index={index}
              rule={config.rules[index] ?? formToRule(emptyRule())}
              issues={placement.rules[index] ?? { rule: [], fields: {} }}
              serverMessages={ruleServerMessages(index)}
              register={register}
              control={control}
              onDuplicate={() => {
                ruleArray.insert(index + 1, duplicateRule(getValues(`rules.${index}`) as RuleFormValues), { shouldFocus: false });
                focusLater({ rule: index + 1 });
              }}
              onDelete={() => {
                ruleArray.remove(index);
                focusLater({ rule: index });
              }}
              onMoveAbove={(target) => moveRule(index, target)}
              testNote={testNote(index)}
            />
          ))}
        </RuleList>
      )}
    </>
  );

  const editing = (
    <>
      {restoredAt && (
        <div className="re-banner" role="region" aria-label="Unsaved draft">
          <p>
            Unsaved draft from {formatDraftTime(restoredAt)}. It is kept in this browser until you save or discard it.
          </p>
          <button type="button" onClick={() => setPhase({ kind: 'review' })}>
            Review
          </button>
          <button type="button" onClick={discard}>
            Discard
          </button>
        </div>
      )}
      {providerChanged && (
        <div className="re-banner re-banner-info">
          {hasDraft ? (
            <>
              <p>The provider&apos;s configuration changed since this draft started; it now holds {countRules(provider.config)}.</p>
              <button type="button" onClick={() => setPhase({ kind: 'conflict', intent: 'save', current: provider, afterWrite: false })}>
                Compare
              </button>
            </>
          ) : (
            <>
              <p>The provider&apos;s configuration changed; it now holds {countRules(provider.config)}.</p>
              <button type="button" onClick={() => takeTheirs(provider)}>
                Load it
              </button>
            </>
          )}
        </div>
      )}
      {failure !== null && <ErrorMessage error={failure} title="Nothing was written. Your draft is kept." />}
      <div className="re-toolbar">
        <div className="re-view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>
            Form
          </button>
          <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
            Raw
          </button>
        </div>
        <button type="button" onClick={undo} disabled={!undoable} aria-keyshortcuts="Control+Z" title="Ctrl+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!redoable} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Ctrl+Shift+Z">
          Redo
        </button>
        <span className="re-spacer" />
        <button type="button" ref={addButton} onClick={addRule}>
          Add rule
        </button>
        <button type="button" onClick={discard} disabled={!differsFromProvider && !hasDraft}>
          Discard changes
        </button>
        <button
          type="button"
          ref={deleteButton}
          className="re-danger"
          onClick={() => {
            setFailure(null);
            setPhase({ kind: 'confirm-delete', version: base.version });
          }}
        >
          Delete all rules
        </button>
        <button type="button" ref={saveButton} className="re-primary" onClick={(event) => void onSave(event)} disabled={!differsFromProvider}>
          Save
        </button>
      </div>
      {blocked && placement.errorCount > 0 && (
        <p role="alert" className="re-blocked">
          Save is blocked: fix the {placement.errorCount === 1 ? 'error' : `${placement.errorCount} errors`} marked below. Warnings do not block saving.
        </p>
      )}
      <IssueList issues={configIssues} serverMessages={rootServerError ? [rootServerError] : []} />
      <div className={theirs ? 're-body re-body-split' : 're-body'}>
        <div className="re-main">
          {view === 'form' ? (
            formView
          ) : (
            <RawView domId={`${domId}-raw`} config={config} format={format} formats={formats} onFormatChange={setFormat} onApply={applyConfig} />
          )}
        </div>
        {theirs && (
          <aside className="re-theirs" aria-label="Theirs: on the provider">
            <h3>Theirs: on the provider</h3>
            <ConfigSummary config={theirs.config} format={format} />
            <button type="button" onClick={() => setTheirs(null)}>
              Hide theirs
            </button>
          </aside>
        )}
      </div>
    </>
  );

  const formatLabel = documentFormatInfo(format).label;
  let dialog = null;
  if (phase.kind === 'confirm-save') {
    dialog = (
      <section role="dialog" aria-labelledby={`${domId}-diff-title`} className="re-dialog">
        <h3 id={`${domId}-diff-title`}>Review the change before saving</h3>
        <p>
          Before: what the provider holds ({countRules(provider.config)}). After: your draft ({countRules(phase.config)}).
        </p>
        <DiffView before={documentText(provider.config, format)} after={documentText(phase.config, format)} label={`Changes as ${formatLabel}`} />
        <div className="re-actions">
          <button type="button" className="re-primary" autoFocus disabled={pending} onClick={() => confirmSave({ config: phase.config, version: phase.version })}>
            Confirm save
          </button>
          <button type="button" disabled={pending} onClick={() => cancelDialog('save')}>
            Cancel
          </button>
          {saveMutation.isPending && <span className="re-muted">Saving…</span>}
        </div>
      </section>
    );
  } else if (phase.kind === 'review') {
    dialog = (
      <section role="dialog" aria-labelledby={`${domId}-review-title`} className="re-dialog">
        <h3 id={`${domId}-review-title`}>Your draft compared with the provider&apos;s configuration</h3>
        <DiffView before={documentText(provider.config, format)} after={documentText(config, format)} label={`Changes as ${formatLabel}`} />
        <div className="re-actions">
          <button type="button" autoFocus onClick={() => cancelDialog('save')}>
            Close
          </button>
        </div>
      </section>
    );
  } else if (phase.kind === 'conflict') {
    const { current, intent } = phase;
    dialog = (
      <ConflictView
        intent={intent}
        afterWrite={phase.afterWrite}
        current={current}
        draft={config}
        format={format}
        onKeepMine={() => keepMine(current, intent)}
        onTakeTheirs={() => takeTheirs(current)}
        onMergeByHand={() => mergeByHand(current)}
      />
    );
  } else if (phase.kind === 'confirm-delete') {
    dialog = (
      <section role="alertdialog" aria-labelledby={`${domId}-delete-title`} aria-describedby={`${domId}-delete-what`} className="re-dialog">
        <h3 id={`${domId}-delete-title`}>Delete all rules?</h3>
        <p id={`${domId}-delete-what`}>
          This removes the whole CORS configuration of {bucket} from the provider ({countRules(provider.config)}). Browsers lose cross-origin access to it at once. Undo brings the rules back into
          the editor as a draft.
        </p>
        <div className="re-actions">
          <button type="button" className="re-danger" disabled={pending} onClick={() => confirmDelete(phase.version)}>
            Delete all rules
          </button>
          <button type="button" autoFocus disabled={pending} onClick={() => cancelDialog('delete')}>
            Cancel
          </button>
          {deleteMutation.isPending && <span className="re-muted">Deleting…</span>}
        </div>
      </section>
    );
  }

  return (
    <div className="rule-editor" onKeyDown={onKeyDown}>
      <div className="re-toast" role="status">
        {toast?.text}
      </div>
      {dialog ?? editing}
    </div>
  );
}
