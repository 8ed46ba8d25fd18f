import { render, screen, within } from '@testing-library/react';
import type { ProbeExchange, ProbeResult, TestRequest } from '../../../../src/contract/api';
import { evaluate, type CorsConfig, type Dialect } from '../../../../src/core';
import { TestResult } from '../../../../src/web/features/test-pane/components/test-result';
import { Breakages, VerdictBadge } from '../../../../src/web/features/test-pane/components/verdict-badge';
import { diagnose } from '../../../../src/web/features/test-pane/diagnose';
import { predictFor, type TestRun } from '../../../../src/web/features/test-pane/run-test';
import type { FetchOutcome } from '../../../../src/web/lib/browser-fetch';
import { demoBuckets } from '../../../../src/server/embedded/seeds';

// How the test pane shows the three verdict levels (issue 14): the level in words with its icon
// class, the one line saying what the app will see fail, the deciding finding first, and the
// provider's own error text quoted under it, never as the reason.

const APP = 'http://127.0.0.1:9150';
const shadowed = demoBuckets([APP]).find((demo) => demo.name === 'demo-shadowed-etag')!.cors!;
const request = (partial: Partial<TestRequest>): TestRequest => ({ key: 'test.txt', method: 'GET', headers: {}, credentials: 'omit', signed: false, from: 'console', mustRead: [], target: 'scratch', ...partial });

function exchange(method: string, status: number, headers: Record<string, string>, body = ''): ProbeExchange {
  return {
    request: { method, url: 'http://s3/demo-shadowed-etag/test.txt', headers: {} },
    response: { status, headers, bodyBytes: body.length, bodyPreview: body },
    timing: { totalMs: 1 },
    prediction: evaluate(null, { method, headers: {} }),
    matchesPrediction: true,
  };
}

function runOf(config: CorsConfig, req: TestRequest, browser: FetchOutcome, probe: Partial<ProbeResult>, dialect: Dialect): TestRun {
  return {
    request: req,
    origin: APP,
    url: 'http://s3/demo-shadowed-etag/test.txt',
    browser,
    probe: { dialect, objectUrl: 'http://s3/demo-shadowed-etag/test.txt', predictedWith: { config, version: 'v1' }, ...probe },
    prediction: { saved: predictFor(config, req, APP, dialect) },
  };
}

function show(run: TestRun) {
  return render(<TestResult run={run} diagnosis={diagnose(run, run.probe.predictedWith.config)} />);
}

describe('verdict display', () => {
  it('shows an upload whose ETag script cannot read as allowed but broken, amber, with its one-line consequence', () => {
    const req = request({ method: 'PUT', headers: { 'content-type': 'text/plain' }, mustRead: ['ETag'] });
    const preflight = exchange('OPTIONS', 200, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, PUT' });
    show(runOf(shadowed, req, { readable: true, status: 200, readableHeaders: { 'content-length': '0' }, ms: 4 }, { preflight, actual: exchange('PUT', 200, { 'access-control-allow-origin': '*' }) }, 'rgw'));
    const headline = screen.getAllByRole('status')[0]!;
    expect(headline.className).toBe('tp-verdict tp-broken');
    expect(headline.getAttribute('data-level')).toBe('broken');
    expect(headline.textContent).toBe(
      "Allowed, but broken for the app. The app gets null for ETag, so a multipart upload cannot complete (each part's ETag is needed) and integrity checks fail.",
    );
    const findings = within(screen.getByRole('list', { name: 'Diagnosis' })).getAllByRole('listitem');
    expect(findings.map((li) => li.getAttribute('data-code'))).toEqual(['header-unreadable', 'preflight-not-cached']);
    expect(screen.queryByRole('figure')).toBeNull();
    // The rules column says the same level, and names the rule that answers.
    const rules = screen.getByRole('region', { name: 'Prediction' });
    expect(within(rules).getByRole('heading', { name: 'Saved configuration: allowed, but broken for the app' })).toBeTruthy();
    expect(within(rules).getByText('Preflight: rule 1 (everyone-reads-and-writes) answers')).toBeTruthy();
  });

  it("leads a refused preflight with the console's reason and quotes s3rver's own text under it, typo and all", () => {
    const req = request({ method: 'PUT', headers: { 'x-app-trace': '1' } });
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>CORSResponse</Code><Message>This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource&apos;s CORS spec.</Message></Error>';
    show(runOf(shadowed, req, { readable: false, error: 'TypeError: Failed to fetch', ms: 3 }, { preflight: exchange('OPTIONS', 403, {}, body) }, 's3rver'));
    const headline = screen.getAllByRole('status')[0]!;
    expect(headline.className).toBe('tp-verdict tp-blocked');
    expect(headline.textContent).toBe('Blocked at the preflight: a request header is not allowed.');
    const first = within(screen.getByRole('list', { name: 'Diagnosis' })).getAllByRole('listitem')[0]!;
    const reason = first.querySelector('.tp-finding-text')!.textContent!;
    expect(reason).toBe(
      'Rule 1 (everyone-reads-and-writes) refuses it: s3rver (local emulator) uses only the first rule that allows the origin and method, and there header x-app-trace is not allowed (this rule allows no request headers; add them to AllowedHeaders).',
    );
    expect(reason).not.toContain('evalution');
    const quote = within(first).getByRole('figure');
    expect(quote.querySelector('figcaption')!.textContent).toBe("The provider's answer (403 CORSResponse):");
    expect(quote.querySelector('blockquote')!.textContent).toMatch(/^This CORS request is not allowed\. This is usually because the evalution of Origin/);
    // The rules column names the same deciding rule as the finding.
    expect(within(screen.getByRole('region', { name: 'Prediction' })).getByText(/^Preflight: rule 1 \(everyone-reads-and-writes\) refuses it: s3rver/)).toBeTruthy();
  });

  it('shows a credentialed download from a bucket on another site as allowed but broken: its cookies are third-party', () => {
    const page = 'https://app.example.com';
    const config = { rules: [{ allowedOrigins: [page], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] };
    const req = request({ credentials: 'include' });
    const run: TestRun = {
      ...runOf(config, req, { readable: true, status: 200, readableHeaders: { 'content-type': 'image/jpeg' }, ms: 4 }, { actual: exchange('GET', 200, { 'access-control-allow-origin': page }) }, 's3'),
      origin: page,
      url: 'https://media.s3.eu-west-1.amazonaws.com/a.jpg',
      prediction: { saved: predictFor(config, req, page, 's3') },
    };
    show(run);
    const headline = screen.getAllByRole('status')[0]!;
    expect(headline.getAttribute('data-level')).toBe('broken');
    expect(headline.textContent).toBe(
      "Allowed, but broken for the app. The app's cookies are dropped: media.s3.eu-west-1.amazonaws.com is another site than https://app.example.com, so its cookies are third-party, which Safari never sends and other browsers drop when third-party cookies are blocked.",
    );
    expect(within(screen.getByRole('list', { name: 'Diagnosis' })).getAllByRole('listitem').map((li) => li.getAttribute('data-code'))).toEqual(['cookies-third-party']);
    expect(within(screen.getByRole('region', { name: 'Prediction' })).getByRole('heading', { name: 'Saved configuration: allowed, but broken for the app' })).toBeTruthy();
  });

  it('shows each level in words, with an icon class; the words never depend on colour', () => {
    const { container } = render(
      <>
        <VerdictBadge verdict={{ level: 'allowed', breakages: [] }} />
        <VerdictBadge verdict={{ level: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag'] } }] }} />
        <VerdictBadge verdict={{ level: 'blocked', breakages: [] }} />
        <Breakages verdict={{ level: 'broken', breakages: [{ code: 'preflight-not-cached', params: { seconds: 5, maxAgeAnswered: true } }] }} />
      </>,
    );
    expect([...container.querySelectorAll('.tp-level')].map((el) => [el.className, el.textContent])).toEqual([
      ['tp-level tp-level-allowed', 'Allowed'],
      ['tp-level tp-level-broken', 'Allowed, but broken for the app'],
      ['tp-level tp-level-blocked', 'Blocked'],
    ]);
    expect(within(screen.getByRole('list', { name: 'What breaks for the app' })).getByRole('listitem').textContent).toBe(
      'Every request more than 5 s after the last waits for a new preflight: Access-Control-Max-Age is 5, so the app pays two round trips.',
    );
  });

  it("says what may break beside an allowed prediction: a max-age above Safari's cap", () => {
    // (S3-family providers echo the requested headers rather than answer `*`, so the rules never
    // predict the Authorization-under-* caution; the core's tests cover that check.)
    const longCache: CorsConfig = { rules: [{ allowedOrigins: [APP], allowedMethods: ['GET'], allowedHeaders: ['*'], exposeHeaders: [], maxAgeSeconds: 3000 }] };
    const req = request({ headers: { authorization: 'Bearer t' } });
    const preflight = exchange('OPTIONS', 200, { 'access-control-allow-origin': APP, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '3000' });
    show(runOf(longCache, req, { readable: true, status: 200, readableHeaders: {}, ms: 4 }, { preflight, actual: exchange('GET', 200, { 'access-control-allow-origin': APP }) }, 's3'));
    const cautions = within(screen.getByRole('region', { name: 'Prediction' })).getByRole('list', { name: 'May break' });
    expect(within(cautions).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Safari will re-check every 10 minutes: it keeps a preflight at most 600 s, whatever Max-Age 3000 says.',
    ]);
  });
});
