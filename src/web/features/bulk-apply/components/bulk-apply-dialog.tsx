import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ProfileSummary } from '../../../../contract/api';
import type { CorsConfig } from '../../../../core';
import { Button, Dialog, DialogActions, Radio } from '../../../components/ui';
import { listText } from '../../../../core/messages/words';
import { formatNumber } from '../../../lib/i18n/format';
import { webText } from '../../../lib/i18n/feature-text';
import { countRules } from '../../../lib/rule-count';
import { bucketQueries } from '../../../api/buckets';
import { corsQueries, saveCors } from '../../../api/cors';
import { historyQueries } from '../../../api/history';
import { planBucket, type ApplyMode, type BucketPlan } from '../plan';
import { readPlans } from '../read-plans';
import { writePlans, type WriteResult } from '../write-plans';
import { BucketPicker } from './bucket-picker';
import { PlanTable } from './plan-table';
import { ResultTable } from './result-table';

type Step =
  | { kind: 'select' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'preview'; plans: BucketPlan[]; mode: ApplyMode }
  | { kind: 'applying'; plans: BucketPlan[]; results: WriteResult[] }
  | { kind: 'done'; plans: BucketPlan[]; results: WriteResult[] };

const MODES: readonly ApplyMode[] = ['replace', 'append'];

/** Each mode's label, note, and the preview's opening sentence, which names the mode. */
function modeText(mode: ApplyMode): { label: string; note: string; preview: string } {
  return mode === 'replace'
    ? { label: webText('bulk-apply.mode.replace'), note: webText('bulk-apply.mode.replace-note'), preview: webText('bulk-apply.preview-intro.replace') }
    : { label: webText('bulk-apply.mode.append'), note: webText('bulk-apply.mode.append-note'), preview: webText('bulk-apply.preview-intro.append') };
}

const ready = (plan: BucketPlan) => plan.kind === 'ready';

/** `2 saved, 1 skipped`: each outcome that happened, with its count. */
function summary(results: readonly WriteResult[]): string {
  const count = (outcome: WriteResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const parts = [
    [count('saved'), 'bulk-apply.summary.saved'],
    [count('conflict'), 'bulk-apply.summary.conflict'],
    [count('invalid'), 'bulk-apply.summary.invalid'],
    [count('failed'), 'bulk-apply.summary.failed'],
    [count('skipped'), 'bulk-apply.summary.skipped'],
    [count('not-attempted'), 'bulk-apply.summary.not-attempted'],
  ] as const;
  return listText(parts.filter(([n]) => n > 0).map(([n, id]) => webText(id, { count: formatNumber(n) })));
}

/**
 * Applies the draft to other buckets: pick them, preview what each would hold (read with its
 * version), then write one by one, each guarded by If-Match with the version of the preview, and
 * report every bucket's result. The current bucket is not touched: its editor saves it.
 */
export function BulkApplyDialog({ profile, bucket, draft, onClose, returnFocusTo }: { profile: ProfileSummary; bucket: string; draft: CorsConfig; onClose: () => void; returnFocusTo?: RefObject<HTMLElement | null> }) {
  const ids = { mode: useId() };
  const queryClient = useQueryClient();
  const [nameFilter, setNameFilter] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [mode, setMode] = useState<ApplyMode>('replace');
  const [step, setStep] = useState<Step>({ kind: 'select' });
  const stopRequested = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const preview = async () => {
    const buckets = [...selected].sort();
    const rules = draft;
    setStep({ kind: 'reading', done: 0, total: buckets.length });
    const plans = await readPlans(
      buckets,
      // staleTime 0: the preview's version must be the provider's now, not a cached one.
      (name) => queryClient.fetchQuery({ ...corsQueries.detail(profile.id, name), staleTime: 0 }),
      (name, state) => planBucket(name, state, rules, mode, profile.dialect),
      (done) => mounted.current && setStep({ kind: 'reading', done, total: buckets.length }),
    );
    if (mounted.current) setStep({ kind: 'preview', plans, mode });
  };

  const apply = async (plans: BucketPlan[]) => {
    stopRequested.current = false;
    setStep({ kind: 'applying', plans, results: [] });
    const results = await writePlans(plans, (name, config, version) => saveCors(profile.id, name, config, version, 'bulk-apply'), {
      onResult: (result) => mounted.current && setStep((s) => (s.kind === 'applying' ? { ...s, results: [...s.results, result] } : s)),
      shouldStop: () => stopRequested.current,
    });
    for (const result of results) {
      const key = corsQueries.detail(profile.id, result.bucket).queryKey;
      if (result.outcome === 'saved') queryClient.setQueryData(key, result.state);
      else if (result.outcome !== 'skipped' && result.outcome !== 'not-attempted') void queryClient.invalidateQueries({ queryKey: key });
    }
    void queryClient.invalidateQueries({ queryKey: bucketQueries.all(profile.id) });
    void queryClient.invalidateQueries({ queryKey: historyQueries.all(profile.id) });
    if (mounted.current) setStep({ kind: 'done', plans, results });
  };

  // Escape during the writes stops after the bucket being written, so the results still show.
  const requestClose = () => {
    if (step.kind === 'applying') stopRequested.current = true;
    else onClose();
  };

  let body;
  if (step.kind === 'select' || step.kind === 'reading') {
    const reading = step.kind === 'reading';
    body = (
      <>
        <p className="modal-muted">
          {webText('bulk-apply.intro', { rules: countRules(draft), bucket })}
        </p>
        <BucketPicker profile={profile.id} currentBucket={bucket} text={nameFilter} onTextChange={setNameFilter} selected={selected} onChange={setSelected} />
        <fieldset className="ba-mode">
          <legend id={ids.mode}>{webText('bulk-apply.mode')}</legend>
          {MODES.map((m) => (
            <Radio key={m} name={ids.mode} value={m} checked={mode === m} onChange={() => setMode(m)} label={modeText(m).label} note={modeText(m).note} />
          ))}
        </fieldset>
        <DialogActions>
          <Button variant="primary" disabled={selected.size === 0 || reading} onClick={() => void preview()}>
            {webText('bulk-apply.preview', { count: selected.size })}
          </Button>
          <Button onClick={onClose}>{webText('bulk-apply.cancel')}</Button>
          <span role="status" className="modal-muted">
            {reading ? webText('bulk-apply.reading', { done: formatNumber(step.done), total: formatNumber(step.total) }) : ''}
          </span>
        </DialogActions>
      </>
    );
  } else if (step.kind === 'preview') {
    const writable = step.plans.filter(ready).length;
    body = (
      <>
        <p>{modeText(step.mode).preview}</p>
        <PlanTable plans={step.plans} dialect={profile.dialect} />
        <DialogActions>
          <Button variant="primary" disabled={writable === 0} data-autofocus onClick={() => void apply(step.plans)}>
            {webText('bulk-apply.apply', { count: writable })}
          </Button>
          <Button onClick={() => setStep({ kind: 'select' })}>{webText('bulk-apply.back')}</Button>
          <Button onClick={onClose}>{webText('bulk-apply.cancel')}</Button>
        </DialogActions>
      </>
    );
  } else {
    const total = step.plans.filter(ready).length;
    const readyBuckets = new Set(step.plans.filter(ready).map((p) => p.bucket));
    const done = step.results.filter((r) => readyBuckets.has(r.bucket)).length;
    body = (
      <>
        <div className="modal-row">
          <label htmlFor={`${ids.mode}-progress`}>{webText('bulk-apply.written')}</label>
          <progress id={`${ids.mode}-progress`} max={Math.max(total, 1)} value={done} />
          <span role="status">{step.kind === 'applying' ? webText('bulk-apply.progress', { done: formatNumber(done), total: formatNumber(total) }) : webText('bulk-apply.done', { summary: summary(step.results) })}</span>
        </div>
        {step.results.length > 0 && <ResultTable results={step.results} />}
        <DialogActions>
          {step.kind === 'applying' ? (
            <Button
              onClick={() => {
                stopRequested.current = true;
              }}
            >
              {webText('bulk-apply.stop')}
            </Button>
          ) : (
            <Button data-autofocus onClick={onClose}>
              {webText('bulk-apply.close')}
            </Button>
          )}
        </DialogActions>
      </>
    );
  }

  return (
    <Dialog title={webText('bulk-apply.title')} onClose={requestClose} className="ba-dialog" {...(returnFocusTo ? { returnFocusTo } : {})}>
      {body}
    </Dialog>
  );
}
