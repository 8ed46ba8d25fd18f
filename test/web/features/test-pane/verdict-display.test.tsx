import { fireEvent, render, screen, within } from '@testing-library/react';
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
    through: 'endpoint',
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

/** The verdict card's headline: a level-3 heading, announced (it sits in the card's status). */
function headline(): HTMLElement {
  const card = screen.getByRole('region', { name: 'Verdict' });
  const status = within(card).getByRole('status');
  const heading = within(status).getByRole('heading', { level: 3 });
  // The level's icon is decoration beside the words.
  expect(status.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
  expect(status.querySelector('svg')!.getAttribute('data-icon')).toBe(heading.getAttribute('data-level'));
  return heading;
}

describe('verdict display', () => {
  it('shows an upload whose ETag script cannot read as allowed but broken, amber, with its one-line consequence', () => {
    const req = request({ method: 'PUT', headers: { 'content-type': 'text/plain' }, mustRead: ['ETag'] });
    const preflight = exchange('OPTIONS', 200, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, PUT' });
    show(runOf(shadowed, req, { readable: true, status: 200, readableHeaders: { 'content-length': '0' }, ms: 4 }, { preflight, actual: exchange('PUT', 200, { 'access-control-allow-origin': '*' }) }, 'rgw'));
    const verdict = headline();
    expect(verdict.className).toBe('tp-verdict tp-broken');
    expect(verdict.getAttribute('data-level')).toBe('broken');
    // The level's name leads, bold; the rest of the sentence is the consequence.
    expect(verdict.querySelector('strong')!.textContent).toBe('Allowed, but broken for the app.');
    expect(verdict.textContent).toBe(
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
    const verdict = headline();
    expect(verdict.className).toBe('tp-verdict tp-blocked');
    expect(verdict.querySelector('strong')!.textContent).toBe('Blocked');
    expect(verdict.textContent).toBe('Blocked at the preflight: a request header is not allowed.');
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
    const verdict = headline();
    expect(verdict.getAttribute('data-level')).toBe('broken');
    expect(verdict.textContent).toBe(
      "Allowed, but broken for the app. The app's cookies are dropped: media.s3.eu-west-1.amazonaws.com is another site than https://app.example.com, so its cookies are third-party, which Safari never sends and other browsers drop when third-party cookies are blocked.",
    );
    expect(within(screen.getByRole('list', { name: 'Diagnosis' })).getAllByRole('listitem').map((li) => li.getAttribute('data-code'))).toEqual(['cookies-third-party']);
    expect(within(screen.getByRole('region', { name: 'Prediction' })).getByRole('heading', { name: 'Saved configuration: allowed, but broken for the app' })).toBeTruthy();
  });

  it('shows each level in words, with its icon hidden from assistive technology; the words never depend on colour', () => {
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
    expect([...container.querySelectorAll('.tp-level svg')].map((svg) => [svg.getAttribute('data-icon'), svg.getAttribute('aria-hidden')])).toEqual([
      ['allowed', 'true'],
      ['broken', 'true'],
      ['blocked', 'true'],
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

describe('copy actions', () => {
  it('copies the browser request as fetch() and each probe request as curl; without a clipboard the text is shown selected; a presigned URL is said to expire', async () => {
    const req = request({ method: 'PUT', headers: { 'content-type': 'text/plain' }, signed: true, body: "it's" });
    const signedUrl = 'http://s3/demo-shadowed-etag/test.txt?X-Amz-Signature=abc';
    const preflight = { ...exchange('OPTIONS', 200, { 'access-control-allow-origin': '*' }), request: { method: 'OPTIONS', url: signedUrl, headers: { origin: APP, 'access-control-request-method': 'PUT' } } };
    const actual = { ...exchange('PUT', 200, { 'access-control-allow-origin': '*' }), request: { method: 'PUT', url: signedUrl, headers: { 'content-type': 'text/plain', origin: APP } } };
    show({ ...runOf(shadowed, req, { readable: true, status: 200, readableHeaders: {}, ms: 4 }, { signedUrl, preflight, actual }, 's3rver'), url: signedUrl });
    // jsdom has no Clipboard API: the refusal path, as a browser that denies the permission takes it.
    expect(navigator.clipboard).toBeUndefined();
    const browser = screen.getByRole('region', { name: 'Browser' });
    expect(within(browser).getByText(/^The URL is presigned by the console for this test: it expires about a minute after the test ran/)).toBeTruthy();
    fireEvent.click(within(browser).getByRole('button', { name: 'Copy as fetch()' }));
    const fetchText = await within(browser).findByRole('textbox', { name: 'Copy as fetch()' });
    expect(document.activeElement).toBe(fetchText);
    const field = fetchText as HTMLTextAreaElement;
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(field.readOnly).toBe(true);
    expect(field.value.split('\n').slice(0, 3)).toEqual([
      `// Run from a page on ${APP}: the browser sends that page's origin as Origin.`,
      '// The URL is presigned by the console for this test: it expires about a minute after the test ran; run the test again for a fresh one.',
      `await fetch(${JSON.stringify(signedUrl)}, {`,
    ]);
    expect(field.value).toContain(`body: "it's",`);
    expect(within(browser).getByText(/^The browser did not let the console use the clipboard\./)).toBeTruthy();

    const probe = screen.getByRole('region', { name: 'Server probe' });
    fireEvent.click(within(probe).getByRole('button', { name: 'Copy the preflight as curl' }));
    const curl = (await within(probe).findByRole('textbox', { name: 'Copy the preflight as curl' })) as HTMLTextAreaElement;
    expect(curl.value).toBe(
      [
        '# The URL is presigned by the console for this test: it expires about a minute after the test ran; run the test again for a fresh one.',
        `curl -i -X OPTIONS '${signedUrl}' \\`,
        `  -H 'origin: ${APP}' \\`,
        "  -H 'access-control-request-method: PUT'",
      ].join('\n'),
    );
    fireEvent.click(within(probe).getByRole('button', { name: 'Copy the actual request as curl' }));
    const put = (await within(probe).findByRole('textbox', { name: 'Copy the actual request as curl' })) as HTMLTextAreaElement;
    expect(put.value.endsWith(`  --data-binary 'it'\\''s'`)).toBe(true);
  });

  it('lays headers out as names and values, never cut: a definition list per exchange', () => {
    const long = `${'x'.repeat(300)}`;
    const req = request({});
    show(runOf(shadowed, req, { readable: true, status: 200, readableHeaders: { 'x-long': long }, ms: 4 }, { actual: exchange('GET', 200, { 'access-control-allow-origin': '*' }) }, 's3rver'));
    const readable = within(screen.getByRole('region', { name: 'Browser' }));
    const list = readable.getByLabelText('Headers script can read');
    expect(list.tagName).toBe('DL');
    expect([...list.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['x-long']);
    expect(list.querySelector('dd')!.textContent).toBe(long);
    expect(within(screen.getByRole('region', { name: 'Server probe' })).getByLabelText('Actual request: headers answered').tagName).toBe('DL');
  });
});
