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
import { namedWriteEffect, runTest, type TestContext } from '../run-test';
import type { WriteEffect } from '../../../lib/messages';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { judgeSavedTest, type SavedTestOutcome } from '../saved-test-verdicts';
import { savedTestsSuiteFile } from '../suite-file';
import { Breakages, VerdictBadge } from './verdict-badge';
import { webText } from '../../../lib/i18n/feature-text';
import { formatList } from '../../../lib/i18n/format';

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
        {webText('test-pane.saved.save')}
      </Button>
    );
  }
  return (
    <div className="tp-save-test" role="group" aria-label={webText('test-pane.saved.save-this')}>
      <TextField label={webText('test-pane.saved.name')} value={name} onChange={(e) => setName(e.target.value)} placeholder={webText('test-pane.saved.name-placeholder')} />
      <Select label={webText('test-pane.saved.expect')} value={expect} onChange={(e) => setExpect(e.target.value as SavedTest['expect'])}>
        <option value="allowed">{webText('test-pane.saved.expect-value', { expect: 'allowed' })}</option>
        <option value="blocked">{webText('test-pane.saved.expect-value', { expect: 'blocked' })}</option>
      </Select>
      <Button variant="primary" disabled={name.trim() === '' || save.isPending} onClick={() => void form.handleSubmit((request) => save.mutate(request))()}>
        {webText('test-pane.saved.save-this')}
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        {webText('test-pane.cancel')}
      </Button>
      {save.isError && <ErrorMessage error={save.error} title={webText('test-pane.saved.not-saved')} />}
    </div>
  );
}

/** A saved test's request in one line: method, key, where it is sent from and the headers it reads. */
function requestText({ method, key, from, mustRead }: TestRequest): string {
  return mustRead.length > 0 ? webText('test-pane.saved.request-reads', { method, key, from, headers: formatList(mustRead) }) : webText('test-pane.saved.request', { method, key, from });
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
        if (!context) throw new Error(webText('test-pane.saved.not-ready', { name: test.name }));
        const run = await runTest(context, test.request, { confirmWrite });
        // Predicted against the draft when there is one: "does my change keep the app working?"
        const prediction = run.prediction.draft ?? run.prediction.saved;
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
  const columns = {
    test: webText('test-pane.saved.column-test'),
    request: webText('test-pane.saved.column-request'),
    expected: webText('test-pane.saved.column-expected'),
    predicted: webText('test-pane.saved.column-predicted'),
    live: webText('test-pane.saved.column-live'),
    result: webText('test-pane.saved.column-result'),
  };
  const passed = outcomes?.filter((o) => o.passed).length ?? 0;
  return (
    <section className="tp-saved" aria-label={webText('test-pane.saved.title')}>
      <h3>{webText('test-pane.saved.title')}</h3>
      {tests.isError && <ErrorMessage error={tests.error} title={webText('test-pane.saved.load-failed')} />}
      {list.length === 0 && tests.isSuccess && <p className="tp-muted">{webText('test-pane.saved.empty')}</p>}
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
              {webText('test-pane.saved.run-all')}
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
              {webText('test-pane.saved.export')}
            </Button>
            {/* A live region, not a status: the pane's one status says what the form holds. */}
            <span aria-live="polite" className="tp-muted">
              {exported ? webText('test-pane.saved.exported', { file: exported, command: `cors-console test --suite ${exported}` }) : ''}
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
            <p role="status">{webText('test-pane.saved.passed', { passed, total: list.length })}</p>
          )}
          <Table label={webText('test-pane.saved.table')} columns={[columns.test, columns.request, columns.expected, columns.predicted, columns.live, columns.result, { label: webText('test-pane.saved.column-actions'), hidden: true }]}>
            {list.map((test) => {
                const outcome = outcomes?.find((o) => o.test.id === test.id);
                return (
                  <tr key={test.id}>
                    <th scope="row">{test.name}</th>
                    <td data-label={columns.request}>{requestText(test.request)}</td>
                    <td data-label={columns.expected}>{webText('test-pane.saved.expect-value', { expect: test.expect })}</td>
                    <td data-label={columns.predicted}>{outcome ? <VerdictCell verdict={outcome.predicted} /> : '—'}</td>
                    <td data-label={columns.live}>{outcome ? <VerdictCell verdict={outcome.live} /> : runAll.isPending ? webText('test-pane.saved.running') : '—'}</td>
                    <td data-label={columns.result} className={outcome ? (outcome.passed ? 'tp-pass' : 'tp-fail') : undefined}>
                      {outcome ? webText('test-pane.saved.result', { passed: outcome.passed ? 'yes' : 'no' }) : '—'}
                    </td>
                    <td className="tp-row-actions">
                      {/* The visible words stay short; the name says which test. */}
                      <Button variant="secondary" size="sm" onClick={() => onLoad(test)} icon={FormInput} aria-label={webText('test-pane.saved.load-named', { name: test.name })}>
                        {webText('test-pane.saved.load')}
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => remove.mutate(test.id)} disabled={remove.isPending} icon={Trash2} aria-label={webText('test-pane.saved.delete-named', { name: test.name })}>
                        {webText('test-pane.saved.delete')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
          </Table>
        </>
      )}
      {runAll.isError && <ErrorMessage error={runAll.error} title={webText('test-pane.saved.run-all-failed')} />}
      {remove.isError && <ErrorMessage error={remove.error} title={webText('test-pane.saved.not-deleted')} />}
    </section>
  );
}
