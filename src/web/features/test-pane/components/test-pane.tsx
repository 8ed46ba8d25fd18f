import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ProfileSummary, SavedTest, TestRequest } from '../../../../contract/api';
import { sameConfig, type AppVerdict } from '../../../../core';
import { FlaskConical } from 'lucide-react';
import { Button } from '../../../components/ui';
import { ErrorMessage } from '../../../components/error-message';
import { performFetch } from '../../../lib/browser-fetch';
import { useBucketWorkspace, useWorkspaceDraft } from '../../../lib/bucket-workspace';
import { corsQueries } from '../../../api/cors';
import { diagnose } from '../diagnose';
import { consoleQueries } from '../../../api/console';
import { DEFAULT_REQUEST, formValuesOf, requestFormSchema, targetsOf, useSignedWritesByDefault, type RequestFormValues } from '../request-form';
import { publicUrlPatternOf } from '../../../../contract/public-url';
import type { DiagnosedRun } from '../route-comparison';
import { loadRequestForm, saveRequestForm } from '../form-storage';
import { namedWriteEffect, runTest, type TestContext } from '../run-test';
import { loadedIntoFormText, scratchLeftText } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { CURRENT_REQUEST_TEST_ID, EngineRunsPanel } from './engine-runs-panel';
import { CacheDemo } from './cache-demo';
import { CdnCheck } from './cdn-check';
import { RequestBuilder } from './request-builder';
import { ROUTE_HEADINGS, RouteComparison } from './route-comparison';
import { SavedTests, SaveTestButton } from './saved-tests';
import { StrictestFix } from './strictest-fix';
import { TestResult } from './test-result';
import { UploadTests } from './upload-tests';
import { useHarness } from './use-harness';
import './test-pane.css';

/**
 * "Test CORS": the real request from this page (or the harness on the second origin) to the
 * bucket, so the browser itself judges, beside the server's raw probe and the rules' prediction
 * for the saved configuration and the draft. One pane per bucket: its request form is kept for
 * that bucket, so another bucket starts from its own.
 */
export function TestPane({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  return <BucketTestPane key={`${profile.id}/${bucket}`} profile={profile} bucket={bucket} />;
}

function BucketTestPane({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const formId = useId();
  const consoleOrigin = window.location.origin;
  const info = useQuery(consoleQueries.info());
  const harnessOrigin = info.data?.harnessOrigin ?? null;
  const cors = useQuery(corsQueries.detail(profile.id, bucket));
  const workspace = useBucketWorkspace();
  const draft = useWorkspaceDraft();
  const harness = useHarness(harnessOrigin);
  const [restored] = useState(() => loadRequestForm(profile.id, bucket));
  const form = useForm<RequestFormValues, unknown, TestRequest>({ resolver: zodResolver(requestFormSchema), defaultValues: restored ?? DEFAULT_REQUEST });
  useSignedWritesByDefault(form, profile.embedded);
  // Every change is kept for this bucket, so a reload finds the request as it was left.
  const { subscribe, getValues } = form;
  useEffect(() => subscribe({ formState: { values: true }, callback: () => saveRequestForm(profile.id, bucket, getValues()) }), [subscribe, getValues, profile.id, bucket]);
  // A new object each time, so loading the same test again moves the focus again.
  const [loaded, setLoaded] = useState<{ name: string } | null>(null);
  const loadIntoForm = (test: SavedTest) => {
    form.reset(formValuesOf(test.request, form.getValues('via')));
    saveRequestForm(profile.id, bucket, form.getValues());
    setLoaded({ name: test.name });
  };
  // After the reset has rendered: focus goes to the form's first field, where the request now is.
  useEffect(() => {
    if (loaded) form.setFocus('key');
  }, [loaded, form]);

  const contextFor = (request: TestRequest): TestContext | null => {
    if (cors.data === undefined) return null;
    const fromHarness = request.from === 'harness';
    if (fromHarness && !harnessOrigin) return null;
    return {
      profile: profile.id,
      bucket,
      dialect: profile.dialect,
      ...(draft !== undefined && !sameConfig(draft, cors.data.config) ? { draft } : {}),
      origin: fromHarness ? harnessOrigin! : consoleOrigin,
      send: fromHarness ? harness.send : performFetch,
    };
  };

  // This browser's last verdict per test, shown beside the other engines' ("Other engines on this host").
  const [yourBrowser, setYourBrowser] = useState<ReadonlyMap<string, AppVerdict>>(new Map());
  const rememberVerdicts = (verdicts: [string, AppVerdict][]) => setYourBrowser((known) => new Map([...known, ...verdicts]));

  // A test that would write to or delete an object the user named waits here for their yes.
  const [unconfirmed, setUnconfirmed] = useState<TestRequest | null>(null);
  const unconfirmedEffect = unconfirmed && namedWriteEffect(bucket, unconfirmed);
  // With a public URL (a CDN or proxy in front of the bucket), the request can go through it too.
  const publicUrl = publicUrlPatternOf(profile, bucket);
  const test = useMutation({
    mutationFn: async ({ request, confirmWrite }: { request: TestRequest; confirmWrite: boolean }): Promise<DiagnosedRun[]> => {
      const context = contextFor(request);
      if (!context) throw new Error(webText('test-pane.not-ready'));
      const runs: DiagnosedRun[] = [];
      // One after the other: a cache in front of the bucket sees them in the order the table shows.
      for (const through of targetsOf(form.getValues('via'), publicUrl !== undefined)) {
        const run = await runTest(context, request, { confirmWrite, through });
        // Judged against the configuration the run was predicted with.
        runs.push({ run, diagnosis: diagnose(run, run.probe.predictedWith.config) });
      }
      return runs;
    },
    onSuccess: ([first]) => {
      if (!first) return;
      const { run, diagnosis } = first;
      rememberVerdicts([[CURRENT_REQUEST_TEST_ID, diagnosis.level]]);
      workspace?.setHighlight(diagnosis.rules.length ? { rules: diagnosis.rules, test: { method: run.request.method, key: run.request.key, origin: run.origin } } : null);
    },
  });
  const runs = test.data ?? [];
  // A new verdict is brought into view: on a phone it is below the form.
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (test.data) result.current?.scrollIntoView?.({ block: 'nearest' });
  }, [test.data]);

  return (
    <section className="test-pane" aria-label={webText('test-pane.label')}>
      <p className="tp-intro">{harnessOrigin ? webText('test-pane.intro', { consoleOrigin, harnessOrigin }) : webText('test-pane.intro-no-harness', { consoleOrigin })}</p>
      <form className="tp-request" aria-labelledby={`${formId}-title`} onSubmit={form.handleSubmit((request) => {
          if (test.isPending) return;
          if (namedWriteEffect(bucket, request)) setUnconfirmed(request);
          else test.mutate({ request, confirmWrite: false });
        })} noValidate>
        <h3 id={`${formId}-title`}>{webText('test-pane.request.title')}</h3>
        {loaded !== null && (
          <p role="status" className="tp-loaded">
            {loadedIntoFormText(loaded.name)}
          </p>
        )}
        <RequestBuilder register={form.register} control={form.control} errors={form.formState.errors} consoleOrigin={consoleOrigin} harnessOrigin={harnessOrigin} signsWrites={profile.embedded} publicUrl={publicUrl ?? null} />
        <div className="tp-actions">
          {/* Busy, not disabled, while a test runs: a disabled button drops the keyboard focus to <body>. */}
          <Button variant="primary" type="submit" disabled={cors.data === undefined} aria-disabled={test.isPending} icon={FlaskConical}>
            {webText('test-pane.label')}
          </Button>
          <SaveTestButton profile={profile} bucket={bucket} form={form} />
        </div>
      </form>
      {cors.isError && <ErrorMessage error={cors.error} title={webText('test-pane.cors-load-failed')} />}
      {test.isError && <ErrorMessage error={test.error} title={webText('test-pane.test-failed')} />}
      {unconfirmed && unconfirmedEffect && (
        <ConfirmWriteDialog
          effects={[unconfirmedEffect]}
          onCancel={() => setUnconfirmed(null)}
          onConfirm={() => {
            setUnconfirmed(null);
            test.mutate({ request: unconfirmed, confirmWrite: true });
          }}
        />
      )}
      {runs.map(({ run }) =>
        run.scratch?.notRemoved !== undefined ? <ErrorMessage key={run.through} error={run.scratch.notRemoved} title={scratchLeftText(run.scratch.key)} /> : null,
      )}
      <div ref={result}>
        {runs.length > 1 && <RouteComparison runs={runs} />}
        {runs.map(({ run, diagnosis }, index) => (
          <section key={run.through} className="tp-route" aria-label={webText(ROUTE_HEADINGS[run.through])}>
            {runs.length > 1 && <h3 className="tp-route-title">{webText(ROUTE_HEADINGS[run.through])}</h3>}
            <TestResult
              run={run}
              diagnosis={diagnosis}
              {...(runs.length > 1 ? { route: webText(ROUTE_HEADINGS[run.through]) } : {})}
              fix={
                // One fix for one request: the rules are the same both ways, so the first run's offer stands for both.
                index === 0 &&
                diagnosis.fixable && (
                  <StrictestFix run={run} dialect={profile.dialect} base={draft ?? cors.data?.config ?? null} onApply={workspace ? (config, note) => void workspace.proposeDraft(config, note) : undefined} />
                )
              }
            />
          </section>
        ))}
      </div>
      <SavedTests profile={profile} bucket={bucket} contextFor={contextFor} canRun={cors.data !== undefined && !info.isPending} onLoad={loadIntoForm} onOutcomes={(outcomes) => rememberVerdicts(outcomes.map((o) => [o.test.id, o.live]))} />
      <EngineRunsPanel profile={profile} bucket={bucket} form={form} yourBrowser={yourBrowser} />
      <UploadTests profile={profile} bucket={bucket} />
      <CacheDemo profile={profile} bucket={bucket} />
      <CdnCheck profile={profile} bucket={bucket} defaultKey={form.getValues('key')} harnessOrigin={harnessOrigin} />
      {harness.element}
    </section>
  );
}
