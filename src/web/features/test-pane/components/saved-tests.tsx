import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, FormInput, Play, Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ProfileSummary, SavedTest, TestRequest } from '../../../../contract/api';
import { Button, Select, Table, TextField } from '../../../components/ui';
import { ErrorMessage } from '../../../components/error-message';
import type { RequestFormValues } from '../request-form';
import { consoleQueries } from '../../../api/console';
import { replaceSavedTests, savedTestQueries } from '../../../api/testing';
import { downloadFile } from '../../../lib/download';
import { savedOrThrow } from '../../../api/write-outcome';
import { namedWriteEffect, predictFor, runTest, type TestContext } from '../run-test';
import type { WriteEffect } from '../../../lib/messages';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { judgeSavedTest, type SavedTestOutcome } from '../saved-test-verdicts';
import { savedTestsSuiteFile } from '../suite-file';
import { Breakages, VerdictBadge } from './verdict-badge';

function newTestId(): string {
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** "Save test": names the current request and what the app needs of it, and keeps it with the bucket. */
export function SaveTestButton({ profile, bucket, form }: { profile: ProfileSummary; bucket: string; form: UseFormReturn<RequestFormValues, unknown, TestRequest> }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [expect, setExpect] = useState<SavedTest['expect']>('allowed');
  const listKey = savedTestQueries.list(profile.id, bucket).queryKey;
  const save = useMutation({
    mutationFn: async (request: TestRequest) => {
      const current = await queryClient.fetchQuery(savedTestQueries.list(profile.id, bucket));
      return savedOrThrow(await replaceSavedTests(profile.id, bucket, [...current, { id: newTestId(), name: name.trim(), request, expect }]));
    },
    onSuccess: (tests) => {
      queryClient.setQueryData(listKey, tests);
      setOpen(false);
      setName('');
    },
  });
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} icon={Save}>
        Save test
      </Button>
    );
  }
  return (
    <div className="tp-save-test" role="group" aria-label="Save this test">
      <TextField label="Test name" value={name} onChange={(e) => setName(e.target.value)} placeholder="App uploads a JSON file" />
      <Select label="The app needs it" value={expect} onChange={(e) => setExpect(e.target.value as SavedTest['expect'])}>
        <option value="allowed">allowed</option>
        <option value="blocked">blocked</option>
      </Select>
      <Button variant="primary" disabled={name.trim() === '' || save.isPending} onClick={() => void form.handleSubmit((request) => save.mutate(request))()}>
        Save this test
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {save.isError && <ErrorMessage error={save.error} title="The test was not saved." />}
    </div>
  );
}

function VerdictCell({ verdict }: { verdict: SavedTestOutcome['live'] }) {
  return (
    <>
      <VerdictBadge verdict={verdict} />
      <Breakages verdict={verdict} />
    </>
  );
}

/** The bucket's saved tests, and "Run all": each against the draft (predicted) and the live bucket (the browser). */
export function SavedTests({
  profile,
  bucket,
  contextFor,
  canRun,
  onLoad,
  onOutcomes,
}: {
  profile: ProfileSummary;
  bucket: string;
  contextFor: (request: TestRequest) => TestContext | null;
  canRun: boolean;
  /** "Load into form": puts a saved test's request back in the request form. */
  onLoad: (test: SavedTest) => void;
  /** Each test's outcome as "Run all" finishes it. */
  onOutcomes?: (outcomes: SavedTestOutcome[]) => void;
}) {
  const queryClient = useQueryClient();
  const tests = useQuery(savedTestQueries.list(profile.id, bucket));
  // The pane has asked for it already: the second origin, which tests sent from it keep in the suite.
  const info = useQuery(consoleQueries.info());
  const [exported, setExported] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<SavedTestOutcome[] | null>(null);
  // Tests that write to or delete objects the user named wait for one yes that lists them all.
  const [unconfirmed, setUnconfirmed] = useState<{ list: SavedTest[]; effects: WriteEffect[] } | null>(null);
  const runAll = useMutation({
    mutationFn: async ({ list, confirmWrite }: { list: SavedTest[]; confirmWrite: boolean }) => {
      const results: SavedTestOutcome[] = [];
      for (const test of list) {
        const context = contextFor(test.request);
        if (!context) throw new Error(`"${test.name}" cannot run yet: the bucket configuration or the harness is not loaded.`);
        const run = await runTest(context, test.request, { confirmWrite });
        // Predicted against the draft when there is one: "does my change keep the app working?"
        const prediction = context.draft !== undefined ? predictFor(context.draft, test.request, context.origin, context.dialect) : run.prediction.saved;
        results.push(judgeSavedTest(test, prediction, run.browser, context.dialect, { pageOrigin: run.origin, url: run.url }));
        setOutcomes([...results]);
        onOutcomes?.([...results]);
      }
      return results;
    },
    onMutate: () => setOutcomes([]),
  });
  const remove = useMutation({
    mutationFn: async (id: string) => savedOrThrow(await replaceSavedTests(profile.id, bucket, (tests.data ?? []).filter((t) => t.id !== id))),
    onSuccess: (list) => queryClient.setQueryData(savedTestQueries.list(profile.id, bucket).queryKey, list),
  });
  const list = tests.data ?? [];
  const passed = outcomes?.filter((o) => o.passed).length ?? 0;
  return (
    <section className="tp-saved" aria-label="Saved tests">
      <h3>Saved tests</h3>
      {tests.isError && <ErrorMessage error={tests.error} title="The saved tests could not be loaded." />}
      {list.length === 0 && tests.isSuccess && <p className="tp-muted">No saved tests yet: build a request above and use "Save test".</p>}
      {list.length > 0 && (
        <>
          <div className="tp-saved-tools">
            {/* The list can load before the bucket's configuration and the console's origins; until those are in, a run could only fail. */}
            <Button
              variant="secondary"
              icon={Play}
              disabled={!canRun || runAll.isPending}
              onClick={() => {
                const effects = list.map((test) => namedWriteEffect(bucket, test.request)).filter((effect) => effect !== null);
                if (effects.length) setUnconfirmed({ list, effects });
                else runAll.mutate({ list, confirmWrite: false });
              }}
            >
              Run all
            </Button>
            <Button
              variant="ghost"
              icon={Download}
              onClick={() => {
                const file = savedTestsSuiteFile(list, bucket, { console: window.location.origin, harness: info.data?.harnessOrigin ?? null });
                downloadFile(file);
                setExported(file.fileName);
              }}
            >
              Export suite
            </Button>
            {/* A live region, not a status: the pane's one status says what the form holds. */}
            <span aria-live="polite" className="tp-muted">
              {exported ? `Downloaded ${exported}: run it with cors-console test --suite ${exported}.` : ''}
            </span>
          </div>
          {unconfirmed && (
            <ConfirmWriteDialog
              effects={unconfirmed.effects}
              onCancel={() => setUnconfirmed(null)}
              onConfirm={() => {
                setUnconfirmed(null);
                runAll.mutate({ list: unconfirmed.list, confirmWrite: true });
              }}
            />
          )}
          {outcomes && outcomes.length === list.length && (
            <p role="status">
              {passed} of {list.length} passed.
            </p>
          )}
          <Table label="The bucket's saved tests" columns={['Test', 'Request', 'Expected', 'Draft (predicted)', 'Live bucket (browser)', 'Result', { label: 'Actions', hidden: true }]}>
            {list.map((test) => {
                const outcome = outcomes?.find((o) => o.test.id === test.id);
                return (
                  <tr key={test.id}>
                    <th scope="row">{test.name}</th>
                    <td data-label="Request">
                      {test.request.method} {test.request.key} from {test.request.from === 'harness' ? 'the second origin' : 'the console'}
                      {test.request.mustRead.length > 0 && `, reads ${test.request.mustRead.join(', ')}`}
                    </td>
                    <td data-label="Expected">{test.expect}</td>
                    <td data-label="Draft (predicted)">{outcome ? <VerdictCell verdict={outcome.predicted} /> : '—'}</td>
                    <td data-label="Live bucket (browser)">{outcome ? <VerdictCell verdict={outcome.live} /> : runAll.isPending ? 'running…' : '—'}</td>
                    <td data-label="Result" className={outcome ? (outcome.passed ? 'tp-pass' : 'tp-fail') : undefined}>
                      {outcome ? (outcome.passed ? 'pass' : 'fail') : '—'}
                    </td>
                    <td className="tp-row-actions">
                      <Button variant="secondary" size="sm" onClick={() => onLoad(test)} icon={FormInput}>
                        Load <span className="sr-only">test {test.name}</span> into form
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => remove.mutate(test.id)} disabled={remove.isPending} icon={Trash2}>
                        Delete <span className="sr-only">test {test.name}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
          </Table>
        </>
      )}
      {runAll.isError && <ErrorMessage error={runAll.error} title="Run all stopped." />}
      {remove.isError && <ErrorMessage error={remove.error} title="The test was not deleted." />}
    </section>
  );
}
