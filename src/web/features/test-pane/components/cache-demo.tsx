import { useMutation } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../../contract/api';
import { Button } from '../../../components/ui';
import { ErrorMessage } from '../../../components/error-message';
import type { FetchOutcome } from '../../../lib/browser-fetch';
import { webText } from '../../../lib/i18n/feature-text';
import { runCacheDemo, type CacheDemoResult } from '../cache-demo';

function outcomeText(outcome: FetchOutcome): string {
  if (outcome.opaque) return webText('test-pane.cache.outcome-opaque', { ms: outcome.ms });
  return outcome.readable ? webText('test-pane.cache.outcome-allowed', { status: outcome.status ?? 0, ms: outcome.ms }) : webText('test-pane.cache.outcome-blocked', { ms: outcome.ms });
}

function Conclusion({ result }: { result: CacheDemoResult }) {
  return (
    <div role="status">
      <ol>
        <li>
          {result.varyWithoutOrigin
            ? webText('test-pane.cache.step-plain', { outcome: outcomeText(result.plain), vary: result.varyWithoutOrigin })
            : webText('test-pane.cache.step-plain-no-vary', { outcome: outcomeText(result.plain) })}
        </li>
        <li>{webText('test-pane.cache.step-cached', { outcome: outcomeText(result.cachedCors) })}</li>
        <li>{webText('test-pane.cache.step-fresh', { outcome: outcomeText(result.freshCors) })}</li>
      </ol>
      {result.reproduced ? (
        <p>
          <strong>{webText('test-pane.cache.reproduced')}</strong> {webText('test-pane.cache.reproduced-text')} {result.fix}
        </p>
      ) : (
        <p>
          <strong>{webText('test-pane.cache.not-reproduced')}</strong> {webText(result.freshCors.readable ? 'test-pane.cache.not-reused' : 'test-pane.cache.not-allowed')}
        </p>
      )}
    </div>
  );
}

/** The stale-cache failure that a missing `Vary: Origin` causes, shown with the browser's real cache. */
export function CacheDemo({ profile, bucket }: { profile: ProfileSummary; bucket: string }) {
  const demo = useMutation({ mutationFn: () => runCacheDemo(profile.id, bucket, profile.dialect) });
  return (
    <section className="tp-cache" aria-label={webText('test-pane.cache.label')}>
      <h3>{webText('test-pane.cache.title')}</h3>
      <p className="tp-muted">{webText('test-pane.cache.intro')}</p>
      <Button variant="secondary" disabled={demo.isPending} onClick={() => demo.mutate()}>
        {webText('test-pane.cache.run')}
      </Button>
      {demo.data && <Conclusion result={demo.data} />}
      {demo.isError && <ErrorMessage error={demo.error} title={webText('test-pane.cache.failed')} />}
    </section>
  );
}
