import { useMutation } from '@tanstack/react-query';
import { Globe, ScanSearch } from 'lucide-react';
import { useState } from 'react';
import { allowOriginValues, cacheCheckPlan, cacheFindingText, cacheFixText, cacheSignsText, cacheStepText, observedAnswer } from '../../../../core';
import type { CacheCheckResult, ProfileSummary } from '../../../../contract/api';
import { expandPublicUrl, publicUrlPatternOf } from '../../../../contract/public-url';
import { cacheCheck } from '../../../api/testing';
import { ErrorMessage } from '../../../components/error-message';
import { Badge, Button, Table, TextField } from '../../../components/ui';
import { webText } from '../../../lib/i18n/feature-text';
import { imageThenFetch, type ImageThenFetch } from '../cdn-check';

/**
 * The bucket through its public URL (a CDN or caching proxy in front of it, issue 19): this
 * browser's `<img>`-then-fetch(), and the server's cache check, which names what the cache replays
 * and how to fix it. Shown for a bucket whose profile sets a public URL; otherwise says how to.
 */
export function CdnCheck({ profile, bucket, defaultKey, harnessOrigin }: { profile: ProfileSummary; bucket: string; defaultKey: string; harnessOrigin: string | null }) {
  const pattern = publicUrlPatternOf(profile, bucket);
  const [key, setKey] = useState(defaultKey);
  const [originA, setOriginA] = useState(window.location.origin);
  // The harness's origin once the console says it (a second page of this console), until typed over.
  const [typedOriginB, setOriginB] = useState<string | null>(null);
  const originB = typedOriginB ?? harnessOrigin ?? 'https://other.example.com';
  const target = { profile: profile.id, bucket };
  const check = useMutation({ mutationFn: () => cacheCheck(target, { key, originA, originB }) });
  const browser = useMutation({ mutationFn: () => imageThenFetch(expandPublicUrl(pattern!, bucket, key)) });

  return (
    <section className="tp-cdn" aria-label={webText('test-pane.cdn.label')}>
      <h3>{webText('test-pane.cdn.title')}</h3>
      {!pattern ? (
        <p className="tp-muted">
          {webText('test-pane.cdn.none', { bucket, profile: profile.id })} <code>{`"publicUrls": { "${bucket}": "https://cdn.example.com/{key}" }`}</code>
        </p>
      ) : (
        <>
          <p className="tp-muted">
            {webText('test-pane.cdn.public-url')} <code>{pattern}</code>
          </p>
          <p className="tp-muted">{webText('test-pane.cdn.intro')}</p>
          <div className="tp-cdn-fields">
            <TextField label={webText('test-pane.cdn.key')} value={key} onChange={(event) => setKey(event.target.value)} spellCheck={false} />
            <TextField label={webText('test-pane.cdn.origin-a')} value={originA} onChange={(event) => setOriginA(event.target.value)} spellCheck={false} />
            <TextField label={webText('test-pane.cdn.origin-b')} value={originB} onChange={(event) => setOriginB(event.target.value)} spellCheck={false} />
          </div>
          <div className="tp-cdn-actions">
            <Button variant="secondary" icon={Globe} disabled={browser.isPending || key === ''} onClick={() => browser.mutate()}>
              {webText('test-pane.cdn.run-browser')}
            </Button>
            <Button variant="secondary" icon={ScanSearch} disabled={check.isPending || key === ''} onClick={() => check.mutate()}>
              {check.isPending ? webText('test-pane.cdn.checking') : webText('test-pane.cdn.run-check')}
            </Button>
          </div>
          {browser.data && <BrowserOutcome seen={browser.data} />}
          {browser.isError && <ErrorMessage error={browser.error} title={webText('test-pane.cdn.browser-failed')} />}
          {check.data && <CheckOutcome result={check.data} />}
          {check.isError && <ErrorMessage error={check.error} title={webText('test-pane.cdn.check-failed')} />}
        </>
      )}
    </section>
  );
}

function BrowserOutcome({ seen }: { seen: ImageThenFetch }) {
  const fetched = seen.fetch;
  return (
    <div role="status" className="tp-cdn-browser">
      <p>{webText(seen.image === 'loaded' ? 'test-pane.cdn.image-loaded' : 'test-pane.cdn.image-not-shown', { url: seen.url })}</p>
      <p>
        {fetched.readable
          ? webText('test-pane.cdn.fetch-allowed', { status: fetched.status ?? 0, ms: fetched.ms })
          : webText('test-pane.cdn.fetch-blocked', { error: fetched.error ?? '', ms: fetched.ms })}
      </p>
    </div>
  );
}

function CheckOutcome({ result }: { result: CacheCheckResult }) {
  const plan = cacheCheckPlan(result.plan);
  const columns = {
    step: webText('test-pane.cdn.column-step'),
    status: webText('test-pane.cdn.column-status'),
    allowOrigin: 'Access-Control-Allow-Origin',
    vary: 'Vary',
    signs: webText('test-pane.cdn.column-signs'),
  };
  return (
    <div className="tp-cdn-result">
      <div role="status">
        {result.findings.length === 0 ? (
          <p>
            <Badge tone="success">{webText('test-pane.cdn.clean-badge')}</Badge> {webText('test-pane.cdn.clean', { cache: result.cache ?? 'none' })}
          </p>
        ) : (
          <p>
            <Badge tone="danger">{webText('test-pane.cdn.found-badge', { count: result.findings.length })}</Badge> {webText('test-pane.cdn.found', { count: result.findings.length })}
          </p>
        )}
      </div>
      {result.findings.length > 0 && (
        <ul className="tp-cdn-findings" aria-label={webText('test-pane.cdn.findings')}>
          {result.findings.map((finding) => (
            <li key={finding.code} data-code={finding.code}>
              <p>{cacheFindingText(finding, plan)}</p>
              <ul aria-label={webText('test-pane.cdn.fixes')}>
                {finding.fixes.map((fix) => (
                  <li key={fix.code} data-code={fix.code}>
                    {cacheFixText(fix)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Table label={webText('test-pane.cdn.steps')} columns={[columns.step, columns.status, columns.allowOrigin, columns.vary, columns.signs]}>
        {result.steps.map(({ step, response, error, signs }) => (
          <tr key={step.id} data-step={step.id}>
            <th scope="row" data-label={columns.step}>
              {cacheStepText(step)}
            </th>
            <td data-label={columns.status}>{response ? response.status : (error?.code ?? '—')}</td>
            <td data-label={columns.allowOrigin}>{response ? allowOriginText(allowOriginValues(observedAnswer(response.status, response.lines))) : '—'}</td>
            <td data-label={columns.vary}>{response?.headers['vary'] ?? '—'}</td>
            <td data-label={columns.signs}>{signs && signs.signs.length ? cacheSignsText(signs) : '—'}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** Each Access-Control-Allow-Origin value as the core reads them (two values: browsers refuse both). */
export function allowOriginText(values: readonly string[]): string {
  return values.length ? values.join(' | ') : '—';
}
