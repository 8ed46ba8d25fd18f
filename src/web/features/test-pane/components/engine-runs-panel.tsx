import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ListChecks, Play, Square } from 'lucide-react';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { CHROMIUM_PAGE_PLACES, type ChromiumPagePlace, type ProfileSummary, type SavedTest, type TestRequest } from '../../../../contract/api';
import type { AppVerdict, BrowserEngine } from '../../../../core';
import { cancelEngineRun, engineRunQueries, startEngineRun } from '../../../api/engine-runs';
import { savedTestQueries } from '../../../api/testing';
import { ErrorMessage } from '../../../components/error-message';
import { Button, Radio, RadioGroup } from '../../../components/ui';
import type { RequestFormValues } from '../request-form';
import { webText, type WebMessageId } from '../../../lib/i18n/feature-text';
import { EngineChooser } from './engine-chooser';
import { EngineRunResults } from './engine-run-results';
import './engine-runs.css';

const CHROMIUM_PAGE_TEXT: { [P in ChromiumPagePlace]: WebMessageId } = {
  'as-served': 'test-pane.engines.chromium-pages.as-served',
  public: 'test-pane.engines.chromium-pages.public',
  'public-permitted': 'test-pane.engines.chromium-pages.public-permitted',
};

/** The id the current request runs under; the user's own verdict for it is keyed so too. */
export const CURRENT_REQUEST_TEST_ID = 'current-request';

/**
 * "Other engines on this host": the current request, or every saved test, run in the browser
 * engines installed where the console runs, each verdict beside the user's own browser's and the
 * engine's prediction, with Chromium's exact reason for a refusal. One run at a time; cancellable.
 */
export function EngineRunsPanel({
  profile,
  bucket,
  form,
  yourBrowser,
}: {
  profile: ProfileSummary;
  bucket: string;
  form: UseFormReturn<RequestFormValues, unknown, TestRequest>;
  /** The user's own browser's last verdict per test id ({@link CURRENT_REQUEST_TEST_ID} for the current request). */
  yourBrowser: ReadonlyMap<string, AppVerdict>;
}) {
  const queryClient = useQueryClient();
  const host = useQuery(engineRunQueries.host());
  const saved = useQuery(savedTestQueries.list(profile.id, bucket));
  const [chosen, setChosen] = useState<BrowserEngine[] | null>(null);
  const installed = host.data?.engines.flatMap((engine) => (engine.available ? [engine.engine] : [])) ?? [];
  const engines = chosen ?? installed;
  const [chromiumPages, setChromiumPages] = useState<ChromiumPagePlace>('as-served');
  const [runId, setRunId] = useState<string | null>(null);
  const run = useQuery({ ...engineRunQueries.detail(runId ?? ''), enabled: runId !== null });
  const start = useMutation({
    mutationFn: (tests: SavedTest[]) => startEngineRun(profile.id, bucket, { tests, engines, ...(engines.includes('chromium') ? { chromiumPages } : {}) }),
    onSuccess: (started) => {
      queryClient.setQueryData(engineRunQueries.detail(started.id).queryKey, started);
      setRunId(started.id);
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => cancelEngineRun(id),
    onSuccess: (ended) => queryClient.setQueryData(engineRunQueries.detail(ended.id).queryKey, ended),
  });
  const current = run.data;
  const running = start.isPending || current?.state === 'running';
  const canStart = !running && engines.length > 0;
  const savedTests = saved.data ?? [];

  return (
    <section className="tp-engines" aria-label={webText('test-pane.engines.title')}>
      <h3>{webText('test-pane.engines.title')}</h3>
      <p className="tp-muted">{webText('test-pane.engines.intro')}</p>
      {host.isError && <ErrorMessage error={host.error} title={webText('test-pane.engines.list-failed')} />}
      {host.data && <EngineChooser engines={host.data.engines} chosen={engines} onChange={setChosen} disabled={running} />}
      {engines.includes('chromium') && (
        <RadioGroup label={webText('test-pane.engines.chromium-pages')} className="tp-chromium-pages">
          {CHROMIUM_PAGE_PLACES.map((place) => (
            <Radio
              key={place}
              name="chromium-pages"
              value={place}
              label={webText(CHROMIUM_PAGE_TEXT[place])}
              checked={chromiumPages === place}
              disabled={running}
              onChange={() => setChromiumPages(place)}
            />
          ))}
        </RadioGroup>
      )}
      <div className="tp-actions">
        {/* Busy, not disabled, while a run goes on: a disabled button drops the keyboard focus. */}
        <Button
          variant="secondary"
          icon={Play}
          disabled={!host.data || engines.length === 0}
          aria-disabled={!canStart}
          onClick={() => {
            if (!canStart) return;
            void form.handleSubmit((request) => start.mutate([{ id: CURRENT_REQUEST_TEST_ID, name: webText('test-pane.engines.current-request'), request, expect: 'allowed' }]))();
          }}
        >
          {webText('test-pane.engines.run')}
        </Button>
        <Button
          variant="secondary"
          icon={ListChecks}
          disabled={!host.data || engines.length === 0 || savedTests.length === 0}
          aria-disabled={!canStart}
          onClick={() => {
            if (canStart) start.mutate(savedTests);
          }}
        >
          {webText('test-pane.engines.run-saved')}
        </Button>
        {current?.state === 'running' && (
          <Button variant="danger" icon={Square} onClick={() => cancel.mutate(current.id)} aria-disabled={cancel.isPending}>
            {webText('test-pane.engines.cancel')}
          </Button>
        )}
      </div>
      {start.isError && <ErrorMessage error={start.error} title={webText('test-pane.engines.start-failed')} />}
      {cancel.isError && <ErrorMessage error={cancel.error} title={webText('test-pane.engines.cancel-failed')} />}
      {run.isError && <ErrorMessage error={run.error} title={webText('test-pane.engines.progress-failed')} />}
      {current && <EngineRunResults run={current} yourBrowser={yourBrowser} />}
    </section>
  );
}
