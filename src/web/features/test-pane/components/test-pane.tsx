import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ProfileSummary, TestRequest } from '../../../../contract/api';
import { sameConfig } from '../../../../core';
import { ErrorMessage } from '../../../components/error-message';
import { performFetch } from '../../../lib/browser-fetch';
import { useBucketWorkspace } from '../../../lib/bucket-workspace';
import { corsQueries } from '../../../api/cors';
import { diagnose } from '../diagnose';
import { consoleQueries } from '../../../api/console';
import { DEFAULT_REQUEST, requestFormSchema, useSignedWritesByDefault, type RequestFormValues } from '../request-form';
import { namedWriteEffect, runTest, type TestContext } from '../run-test';
import { scratchLeftText } from '../../../lib/messages';
import { ConfirmWriteDialog } from './confirm-write-dialog';
import { CacheDemo } from './cache-demo';
import { RequestBuilder } from './request-builder';
import { SavedTests, SaveTestButton } from './saved-tests';
import { StrictestFix } from './strictest-fix';
import { TestResult } from './test-result';
import { UploadTests } from './upload-tests';
import { useHarness } from './use-harness';
import './test-pane.css';

/**
 * "Test CORS": the real request from this page (or the harness on the second origin) to the
 * bucket, so the browser itself judges, beside the server's raw probe and the rules' prediction
 * for the saved configuration and the draft.
 */
export function TestPane({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const consoleOrigin = window.location.origin;
  const info = useQuery(consoleQueries.info());
  const harnessOrigin = info.data?.harnessOrigin ?? null;
  const cors = useQuery(corsQueries.detail(profile.id, bucket));
  const workspace = useBucketWorkspace();
  const harness = useHarness(harnessOrigin);
  const form = useForm<RequestFormValues, unknown, TestRequest>({ resolver: zodResolver(requestFormSchema), defaultValues: DEFAULT_REQUEST });
  useSignedWritesByDefault(form, profile.embedded);

  const contextFor = (request: TestRequest): TestContext | null => {
    if (cors.data === undefined) return null;
    const fromHarness = request.from === 'harness';
    if (fromHarness && !harnessOrigin) return null;
    return {
      profile: profile.id,
      bucket,
      dialect: profile.dialect,
      ...(workspace?.draft !== undefined && !sameConfig(workspace.draft, cors.data.config) ? { draft: workspace.draft } : {}),
      origin: fromHarness ? harnessOrigin! : consoleOrigin,
      send: fromHarness ? harness.send : performFetch,
    };
  };

  // A test that would write to or delete an object the user named waits here for their yes.
  const [unconfirmed, setUnconfirmed] = useState<TestRequest | null>(null);
  const unconfirmedEffect = unconfirmed && namedWriteEffect(bucket, unconfirmed);
  const test = useMutation({
    mutationFn: async ({ request, confirmWrite }: { request: TestRequest; confirmWrite: boolean }) => {
      const context = contextFor(request);
      if (!context) throw new Error('The bucket configuration or the harness is not loaded yet; try again in a moment.');
      const run = await runTest(context, request, { confirmWrite });
      // Judged against the configuration the run was predicted with.
      return { run, diagnosis: diagnose(run, run.probe.predictedWith.config) };
    },
    onSuccess: ({ run, diagnosis }) => {
      workspace?.setHighlight(diagnosis.rules.length ? { rules: diagnosis.rules, test: { method: run.request.method, key: run.request.key, origin: run.origin } } : null);
    },
  });
  const run = test.data?.run;
  const diagnosis = test.data?.diagnosis;

  return (
    <section className="test-pane" aria-label="Test CORS">
      <p>
        Sends the real request from this page ({consoleOrigin}) or from a second origin ({harnessOrigin ?? 'not available'}) to the bucket, so the browser itself judges; beside it, the
        server&apos;s raw probe and what the rules predict.
      </p>
      <form onSubmit={form.handleSubmit((request) => (namedWriteEffect(bucket, request) ? setUnconfirmed(request) : test.mutate({ request, confirmWrite: false })))} noValidate>
        <RequestBuilder register={form.register} control={form.control} errors={form.formState.errors} consoleOrigin={consoleOrigin} harnessOrigin={harnessOrigin} signsWrites={profile.embedded} />
        <div className="tp-actions">
          <button type="submit" disabled={test.isPending || cors.data === undefined}>
            Test CORS
          </button>
          <SaveTestButton profile={profile} bucket={bucket} form={form} />
        </div>
      </form>
      {cors.isError && <ErrorMessage error={cors.error} title="The bucket's CORS configuration could not be loaded." />}
      {test.isError && <ErrorMessage error={test.error} title="The test could not run." />}
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
      {run?.scratch?.notRemoved !== undefined && <ErrorMessage error={run.scratch.notRemoved} title={scratchLeftText(run.scratch.key)} />}
      {run && diagnosis && (
        <>
          <TestResult run={run} diagnosis={diagnosis} />
          {diagnosis.fixable && <StrictestFix run={run} dialect={profile.dialect} base={workspace?.draft ?? cors.data?.config ?? null} onApply={workspace ? (config, note) => void workspace.proposeDraft(config, note) : undefined} />}
        </>
      )}
      <UploadTests profile={profile} bucket={bucket} />
      <SavedTests profile={profile} bucket={bucket} contextFor={contextFor} canRun={cors.data !== undefined && !info.isPending} />
      <CacheDemo profile={profile} bucket={bucket} />
      {harness.element}
    </section>
  );
}
