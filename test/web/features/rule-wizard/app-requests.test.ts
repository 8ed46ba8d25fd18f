import { appRequestOutcomes } from '../../../../src/web/features/rule-wizard/app-requests';
import { appRequestText, requestOutcomeText } from '../../../../src/web/lib/messages';
import { demoBuckets } from '../../../../src/server/embedded/seeds';

// The wizard judges the app's requests with the core's three-level verdict (issue 14): a multipart
// part upload whose ETag script cannot read is allowed but broken, and the detail says what fails.

const APP = 'http://127.0.0.1:9150';
const shadowed = demoBuckets([APP]).find((demo) => demo.name === 'demo-shadowed-etag')!.cors!;

describe('the app requests the wizard judges', () => {
  it('shows a part upload under demo-shadowed-etag as allowed but broken, saying what the app will see fail', () => {
    const outcomes = appRequestOutcomes({ origins: [APP], operations: ['multipart-upload'] }, shadowed, 'rgw');
    const part = outcomes.find((o) => appRequestText(o.request) === `PUT from ${APP}`)!;
    expect(part).toMatchObject({ allowed: true, rule: 1, verdict: { level: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag'] } }, { code: 'preflight-not-cached' }] } });
    expect(part.detail && requestOutcomeText(part.detail)).toMatch(/^The app gets null for ETag, so a multipart upload cannot complete/);
  });

  it('shows the same upload as allowed once the ETag rule answers first', () => {
    const fixed = { rules: [shadowed.rules[1]!, shadowed.rules[0]!].map((r) => ({ ...r, maxAgeSeconds: 600 })) };
    const part = appRequestOutcomes({ origins: [APP], operations: ['multipart-upload'] }, fixed, 'rgw').find((o) => appRequestText(o.request) === `PUT from ${APP}`)!;
    expect(part).toMatchObject({ allowed: true, verdict: { level: 'allowed', breakages: [] }, detail: { code: 'readable', headers: ['etag'] } });
    expect(part.detail && requestOutcomeText(part.detail)).toBe('Script can read ETag.');
  });
});
