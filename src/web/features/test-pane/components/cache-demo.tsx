import { useMutation } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../../contract/api';
import { ErrorMessage } from '../../../components/error-message';
import type { FetchOutcome } from '../../../lib/browser-fetch';
import { runCacheDemo, type CacheDemoResult } from '../cache-demo';

function outcomeText(outcome: FetchOutcome): string {
  if (outcome.opaque) return `done (opaque to script, as for an <img>), ${outcome.ms} ms`;
  return outcome.readable ? `allowed (${outcome.status}), ${outcome.ms} ms` : `blocked by CORS, ${outcome.ms} ms`;
}

function Conclusion({ result }: { result: CacheDemoResult }) {
  return (
    <div role="status">
      <ol>
        <li>GET without Origin, as an &lt;img&gt; sends it, browser cache on: {outcomeText(result.plain)}. The bucket answers it with {result.varyWithoutOrigin ? `Vary: ${result.varyWithoutOrigin}` : 'no Vary header'}.</li>
        <li>fetch() of the same URL, browser cache on: {outcomeText(result.cachedCors)}.</li>
        <li>fetch() of the same URL, cache bypassed: {outcomeText(result.freshCors)}.</li>
      </ol>
      {result.reproduced ? (
        <p>
          <strong>Reproduced:</strong> the bucket allows the request (step 3), but the browser answered step 2 from its cache with the copy from step 1, which has no CORS headers and no Vary: Origin. {result.fix}
        </p>
      ) : (
        <p>
          <strong>Not reproduced:</strong> {result.freshCors.readable ? 'the browser did not reuse the first answer for the CORS request (it varies on Origin, or is not cached).' : 'a CORS GET from this page is not allowed at all here; allow GET for this origin first.'}
        </p>
      )}
    </div>
  );
}

/** The stale-cache failure that a missing `Vary: Origin` causes, shown with the browser's real cache. */
export function CacheDemo({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const demo = useMutation({ mutationFn: () => runCacheDemo(profile.id, bucket, profile.dialect) });
  return (
    <section className="tp-cache" aria-label="Cache demo">
      <h3>Cache demo: Vary: Origin</h3>
      <p className="tp-muted">Writes a cacheable object, loads it once without Origin (like an image), then with fetch(): does the browser's cache break CORS?</p>
      <button type="button" className="tp-button tp-button-secondary" disabled={demo.isPending} onClick={() => demo.mutate()}>
        Run the cache demo
      </button>
      {demo.data && <Conclusion result={demo.data} />}
      {demo.isError && <ErrorMessage error={demo.error} title="The cache demo could not run." />}
    </section>
  );
}
