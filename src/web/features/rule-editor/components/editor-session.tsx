import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CorsState, ProfileSummary } from '../../../../contract/api';
import { configIdentity, dialectProfile, isStoredDocumentIssue, issueText, type CorsConfig, type DocumentFormat, type RuleFix } from '../../../../core';
import { corsQueries } from '../../../api/cors';
import { ErrorMessage } from '../../../components/error-message';
import { webText } from '../../../lib/i18n/feature-text';
import { countRules } from '../../../lib/rule-count';
import { startingPoint, type DraftBase } from '../draft-storage';
import { placeIssues } from '../issue-placement';
import { emptyRule } from '../rule-form';
import { rootServerMessage } from '../server-issues';
import { useDraftForm } from '../use-draft-form';
import { useDraftPersistence } from '../use-draft-persistence';
import { useEditorIssues } from '../use-editor-issues';
import { useGuardedWrite, type WriteIntent, type WriteOutcome } from '../use-guarded-write';
import { usePendingFocus, type FocusButton, type FocusRequest } from '../use-pending-focus';
import { useRuleExpansion } from '../use-rule-expansion';
import { Toaster, useToast } from '../../../components/ui/toast';
import { historyShortcut, useUndoHistory } from '../use-undo-history';
import { useWorkspaceBridge } from '../use-workspace-bridge';
import { ConflictView } from './conflict-view';
import { DeleteConfirm } from './delete-confirm';
import { DraftBanner, ProviderChangedBanner } from './editor-banners';
import { EditorToolbar, type EditorView } from './editor-toolbar';
import { IssueList } from './issue-list';
import { RawView } from './raw-view';
import { ruleHeadingId } from './rule-card';
import { RuleFormView } from './rule-form-view';
import { DraftReview, SaveReview } from './save-review';
import { TheirsAside } from './theirs-aside';
import { draftChangeToastText } from '../../../lib/messages';

type Phase =
  | { kind: 'editing' }
  | { kind: 'confirm-save'; config: CorsConfig; version: string }
  | { kind: 'review' }
  | { kind: 'conflict'; intent: WriteIntent; current: CorsState; afterWrite: boolean }
  | { kind: 'confirm-delete'; version: string };

/** Editing one bucket's configuration, from the provider's state (`provider`, kept fresh by the query) to a guarded write. */
export function EditorSession({ profile, bucket, provider }: { profile: ProfileSummary; bucket: string; provider: CorsState }) {
  const domId = useId();
  const formats = dialectProfile(profile.dialect).documents.offered;
  const [start] = useState(() => startingPoint(profile.id, bucket, provider));
  const [base, setBase] = useState<DraftBase>(start.base);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [view, setView] = useState<EditorView>('form');
  const [format, setFormat] = useState<DocumentFormat>(formats[0]!);
  const [theirs, setTheirs] = useState<CorsState | null>(null);
  // A draft replaced by an import is saved as one (the history says "from an import"), until it restarts from the provider.
  const [importedDraft, setImportedDraft] = useState(false);

  const draftForm = useDraftForm(profile.dialect, start.config);
  const { form, ruleArray, values, draft } = draftForm;
  const persistence = useDraftPersistence({ profile: profile.id, bucket, draft, base, restoredAt: start.restoredAt });
  const history = useUndoHistory(draft);
  const writes = useGuardedWrite(profile.id, bucket);
  const toast = useToast();
  const queryClient = useQueryClient();
  const cardDomId = (fieldId: string) => `${domId}-rule-${fieldId}`;
  const root = useRef<HTMLDivElement>(null);
  const { buttons, focusLater } = usePendingFocus(
    phase.kind === 'editing',
    (index) => {
      const field = ruleArray.fields[Math.min(index, ruleArray.fields.length - 1)];
      return field ? document.getElementById(ruleHeadingId(cardDomId(field.id))) : null;
    },
    (name) => [...(root.current?.querySelectorAll<HTMLElement>('[name]') ?? [])].find((element) => element.getAttribute('name') === name) ?? null,
  );
  const expansion = useRuleExpansion(ruleArray.fields.map((field) => field.id));
  const [historyNote, setHistoryNote] = useState('');

  const issues = useEditorIssues(draft, profile.dialect);
  const ownPlacement = placeIssues(issues.own, values);
  const acrossPlacement = placeIssues(issues.across, values);
  const errorCount = ownPlacement.errorCount + acrossPlacement.errorCount;
  // A stored document the console reads differently (RGW's `COPY`) is worth saving even unchanged: saving rewrites it.
  const storedIssues = provider.issues.filter(isStoredDocumentIssue).map((issue, index) => {
    const { message, hint } = issueText(issue);
    return { key: `stored-${index}`, issue, text: message, ...(hint ? { hint } : {}) };
  });
  // Each identity is a configuration serialized: the draft's once per keystroke, not once per comparison.
  const draftIdentity = useMemo(() => configIdentity(draft), [draft]);
  const providerIdentity = useMemo(() => configIdentity(provider.config), [provider.config]);
  const baseIdentity = useMemo(() => configIdentity(base.config), [base.config]);
  const differsFromProvider = draftIdentity !== providerIdentity || storedIssues.length > 0;
  const hasDraft = draftIdentity !== baseIdentity;
  const isEmptyBucket = provider.config === null && draft.rules.length === 0;

  /** Replaces the draft from outside the form, keeping what it replaces undoable. */
  const replaceDraft = (next: CorsConfig | null, options?: { fresh: boolean }) => {
    history.record();
    draftForm.load(next, options);
  };
  const applyFix = (next: CorsConfig, fix: RuleFix) => {
    replaceDraft(next);
    focusLater({ rule: 'above' in fix ? fix.above : 'into' in fix ? fix.into : fix.rule });
    toast.show(draftChangeToastText({ code: 'shadow-fix-applied', fix }));
  };
  const testNote = useWorkspaceBridge(draft, (next, note) => {
    replaceDraft(next);
    if (note.code === 'imported') setImportedDraft(true);
    toast.show(draftChangeToastText(note));
  });

  /** The draft starts again from what the provider holds (`state`); `fresh` also forgets a blocked Save. */
  const restartFrom = (state: CorsState, { fresh }: { fresh: boolean }) => {
    replaceDraft(state.config, { fresh });
    setBase({ config: state.config, version: state.version });
    persistence.forget();
    setImportedDraft(false);
    setTheirs(null);
    writes.clearFailure();
  };

  const discard = () => restartFrom(provider, { fresh: true });

  const takeTheirs = (current: CorsState) => {
    restartFrom(current, { fresh: false });
    setPhase({ kind: 'editing' });
    focusLater({ button: 'add' });
    toast.show(hasDraft ? webText('editor.toast.took-theirs-undo') : webText('editor.toast.took-theirs'));
  };

  const keepMine = (current: CorsState, intent: WriteIntent) => {
    setBase({ config: current.config, version: current.version });
    setPhase(intent === 'save' ? { kind: 'confirm-save', config: draft, version: current.version } : { kind: 'confirm-delete', version: current.version });
  };

  const mergeByHand = (current: CorsState) => {
    setBase({ config: current.config, version: current.version });
    setTheirs(current);
    setPhase({ kind: 'editing' });
    focusLater({ button: 'save' });
  };

  const onWriteOutcome = (intent: WriteIntent) => (outcome: WriteOutcome) => {
    if (outcome.kind === 'saved') {
      restartFrom(outcome.value, { fresh: true });
      setPhase({ kind: 'editing' });
      focusLater({ button: 'add' });
      toast.show(intent === 'save' ? webText('editor.toast.saved', { rules: countRules(outcome.value.config) }) : webText('editor.toast.deleted'));
    } else if (outcome.kind === 'conflict') {
      persistence.keepNow();
      setPhase({ kind: 'conflict', intent, current: outcome.current, afterWrite: true });
    } else {
      persistence.keepAndAnnounce();
      setPhase({ kind: 'editing' });
      if (outcome.kind === 'invalid') draftForm.showServerIssues(outcome.issues);
      focusLater({ button: intent });
    }
  };

  const onSave = form.handleSubmit((valid) => {
    writes.clearFailure();
    setPhase({ kind: 'confirm-save', config: valid, version: base.version });
    // The review compares with what the provider holds now, not with what was read minutes ago.
    void queryClient.refetchQueries({ queryKey: corsQueries.detail(profile.id, bucket).queryKey, exact: true });
  });

  const cancelDialog = (button: 'save' | 'delete') => {
    setPhase({ kind: 'editing' });
    focusLater({ button });
  };

  /**
   * Where focus goes once undo or redo has replaced the draft, which re-creates every card: the
   * same field (by name) or card, or, from Undo or Redo, that button while it can still act, else
   * the other one (a disabled button drops focus to the page, where shortcuts no longer reach).
   */
  const focusAfterHistory = (step: 'undo' | 'redo'): FocusRequest => {
    const other: FocusButton = step === 'undo' ? 'redo' : 'undo';
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !root.current?.contains(active) || active === buttons[step].current || active === buttons[other].current) {
      return { button: active === buttons[other].current ? other : step, fallback: active === buttons[other].current ? step : other };
    }
    const card = active.closest('li.re-rule');
    const rule = card?.parentElement ? [...card.parentElement.children].indexOf(card) : -1;
    const name = active.getAttribute('name');
    if (name) return { field: name, rule: Math.max(rule, 0) };
    return rule >= 0 ? { rule } : { button: step, fallback: other };
  };
  const step = (which: 'undo' | 'redo') => {
    const next = which === 'undo' ? history.undo() : history.redo();
    if (!next) return;
    focusLater(focusAfterHistory(which));
    draftForm.load(next);
    setHistoryNote(which === 'undo' ? webText('editor.undone') : webText('editor.redone'));
  };
  const undo = () => step('undo');
  const redo = () => step('redo');

  const onKeyDown = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'preventDefault'>) => {
    const shortcut = phase.kind === 'editing' ? historyShortcut(event) : null;
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === 'undo') undo();
    else redo();
  };
  // Focus can still end up on the page itself (a click on empty space): the shortcuts work from there too.
  const onPageKeyDown = useRef(onKeyDown);
  useLayoutEffect(() => {
    onPageKeyDown.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => {
      if (event.target === document.body) onPageKeyDown.current(event);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const rootMessage = rootServerMessage(form.formState.errors);
  const editing = (
    <>
      {persistence.restoredAt && <DraftBanner savedAt={persistence.restoredAt} onReview={() => setPhase({ kind: 'review' })} />}
      {provider.version !== base.version && (
        <ProviderChangedBanner
          holds={countRules(provider.config)}
          hasDraft={hasDraft}
          onCompare={() => setPhase({ kind: 'conflict', intent: 'save', current: provider, afterWrite: false })}
          onLoad={() => takeTheirs(provider)}
        />
      )}
      {writes.failure !== null && <ErrorMessage error={writes.failure} title={webText('editor.write-failed')} />}
      <EditorToolbar
        view={view}
        onView={setView}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={undo}
        onRedo={redo}
        onAdd={() => {
          expansion.expectArrival('added');
          ruleArray.append(emptyRule(), { shouldFocus: false });
          focusLater({ rule: ruleArray.fields.length });
        }}
        canDiscard={differsFromProvider || hasDraft}
        onDiscard={discard}
        canDelete={provider.config !== null}
        onDelete={() => {
          writes.clearFailure();
          setPhase({ kind: 'confirm-delete', version: base.version });
        }}
        canSave={differsFromProvider}
        onSave={() => void onSave()}
        addButton={buttons.add}
        deleteButton={buttons.delete}
        saveButton={buttons.save}
        undoButton={buttons.undo}
        redoButton={buttons.redo}
      />
      <p className="re-sr" role="status">
        {historyNote}
      </p>
      {draftForm.isSaveBlocked && errorCount > 0 && (
        <p role="alert" className="re-blocked">
          {webText('editor.save-blocked', { count: errorCount })}
        </p>
      )}
      <IssueList issues={storedIssues} />
      <IssueList issues={[...acrossPlacement.config, ...ownPlacement.config].filter((p) => !(isEmptyBucket && p.issue.code === 'config.no-rules'))} serverMessages={rootMessage ? [rootMessage] : []} />
      <div className={theirs ? 're-body re-body-split' : 're-body'}>
        <div className="re-main">
          {view === 'form' ? (
            <RuleFormView
              domId={domId}
              cardDomId={cardDomId}
              draftForm={draftForm}
              expansion={expansion}
              ownIssues={ownPlacement.rules}
              acrossIssues={acrossPlacement.rules}
              dialect={profile.dialect}
              supportsVary={dialectProfile(profile.dialect).supportsResponseVary}
              isEmptyBucket={isEmptyBucket}
              testNote={testNote}
              focusLater={focusLater}
              diffFormat={format}
              onApplyFix={applyFix}
            />
          ) : (
            <RawView domId={`${domId}-raw`} config={draft} format={format} formats={formats} onFormatChange={setFormat} onApply={draftForm.load} />
          )}
        </div>
        {theirs && <TheirsAside theirs={theirs} format={format} onHide={() => setTheirs(null)} />}
      </div>
    </>
  );

  return (
    <div className="rule-editor" ref={root} onKeyDown={onKeyDown}>
      <Toaster toast={toast} />
      {phase.kind === 'confirm-save' ? (
        <SaveReview
          before={provider.config}
          changedOnProvider={provider.version !== phase.version}
          after={phase.config}
          format={format}
          isSaving={writes.pending !== null}
          onConfirm={() => writes.write({ intent: 'save', config: phase.config, version: phase.version, ...(importedDraft ? { source: 'import' as const } : {}) }, onWriteOutcome('save'))}
          onCancel={() => cancelDialog('save')}
        />
      ) : phase.kind === 'review' ? (
        <DraftReview before={provider.config} after={draft} format={format} onClose={() => cancelDialog('save')} />
      ) : phase.kind === 'conflict' ? (
        <ConflictView
          intent={phase.intent}
          afterWrite={phase.afterWrite}
          current={phase.current}
          draft={draft}
          format={format}
          onKeepMine={() => keepMine(phase.current, phase.intent)}
          onTakeTheirs={() => takeTheirs(phase.current)}
          onMergeByHand={() => mergeByHand(phase.current)}
        />
      ) : phase.kind === 'confirm-delete' ? (
        <DeleteConfirm
          bucket={bucket}
          holds={countRules(provider.config)}
          isDeleting={writes.pending !== null}
          onConfirm={() => writes.write({ intent: 'delete', version: phase.version }, onWriteOutcome('delete'))}
          onCancel={() => cancelDialog('delete')}
        />
      ) : (
        editing
      )}
    </div>
  );
}
