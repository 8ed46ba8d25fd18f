import { describe, expect, it } from 'vitest';
import { findShadowedRules, predictBrowserFetch, headerReadability, type CorsRule, type Dialect, type Issue, type IssueOf } from '../../src/core';
import { demoBuckets } from '../../src/server/embedded/seeds';
import { rule } from '../support/builders';

const APP = 'https://app.example.com';
const DIALECTS: Dialect[] = ['s3', 'rgw', 'oss', 's3rver'];

const shadowed = (issues: Issue[]) => issues.filter((i): i is IssueOf<'rule.shadowed'> => i.code === 'rule.shadowed');

/** Applies the first offered fix, as the editor's one-click fix does. */
function firstFix(issue: Issue | undefined): CorsRule[] {
  const fix = issue?.fixes?.[0];
  if (!fix) throw new Error(`no fix offered: ${JSON.stringify(issue)}`);
  return fix.rules;
}

describe('findShadowedRules warns only about real harm', () => {
  it.each(DIALECTS)('a catch-all * rule placed last is the normal pattern, not a warning (%s)', (dialect) => {
    const rules = [rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })];
    expect(findShadowedRules(rules, dialect)).toEqual([]);
  });

  it.each(DIALECTS)('disjoint origins or methods shadow nothing (%s)', (dialect) => {
    expect(findShadowedRules([rule({ allowedOrigins: ['https://a.example'] }), rule({ allowedOrigins: ['https://b.example'] })], dialect)).toEqual([]);
    expect(findShadowedRules([rule({ allowedOrigins: ['https://*.a.example'] }), rule({ allowedOrigins: ['https://*.b.example'] })], dialect)).toEqual([]);
  });

  it('the ETag case on S3: an earlier * rule answers every actual upload; one warning names both rules, both origins, the harm and a move that fixes it', () => {
    const rules = [
      rule({ id: 'everyone', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }),
      rule({ id: 'uploads', allowedOrigins: [APP, 'https://admin.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
    ];
    const issues = findShadowedRules(rules, 's3');
    expect(issues).toHaveLength(1);
    const [issue] = shadowed(issues);
    expect(issue).toMatchObject({ severity: 'warning', path: ['rules', 1], relatedRules: [0] });
    expect(issue!.params).toEqual({
      rule: 1,
      ruleId: 'uploads',
      cause: 0,
      causeId: 'everyone',
      origins: ['https://admin.example.com', APP],
      methods: ['PUT'],
      harms: ['credentials-refused', 'header-unreadable'],
      headers: ['ETag'],
      neverReached: false,
    });
    expect(issue!.fixes?.[0]).toMatchObject({ kind: 'move-above', rule: 1, above: 0, rules: [rules[1], rules[0]] });
    expect(findShadowedRules(firstFix(issue), 's3')).toEqual([]);
  });

  it('a shorter max-age under the earlier rule is harm; moving is not offered when it would leave the other rule dead, merging is', () => {
    const short = rule({ allowedMethods: ['PUT'], allowedHeaders: ['content-type'], maxAgeSeconds: 5 });
    const long = { ...short, maxAgeSeconds: 3000 };
    const [issue] = findShadowedRules([short, long], 's3');
    expect(issue).toMatchObject({ code: 'rule.shadowed', params: { harms: ['shorter-max-age'], maxAge: { cause: 5, rule: 3000 }, neverReached: true } });
    expect(issue!.fixes?.map((f) => f.kind)).toEqual(['merge-rules']);
    expect(firstFix(issue)).toEqual([long]);
  });

  it('an identical later rule never matches and does no harm: the fix deletes it', () => {
    const [issue] = findShadowedRules([rule(), rule({ id: 'copy' })], 's3');
    expect(issue).toMatchObject({ code: 'rule.never-matches', path: ['rules', 1], relatedRules: [0], params: { rule: 1, ruleId: 'copy', answeredBy: [0], duplicateOf: 0 } });
    expect(issue!.fixes).toEqual([{ kind: 'delete-rule', rule: 1, rules: [rule()] }]);
  });

  it('a later rule covered by an earlier one that answers as well never matches', () => {
    const [issue] = findShadowedRules([rule({ allowedOrigins: ['https://*.example.com'] }), rule()], 's3');
    expect(issue).toMatchObject({ code: 'rule.never-matches', params: { answeredBy: [0] } });
  });

  it('an earlier rule exposing less to some origins of a later wildcard: one warning, and the fix adds the header to the earlier rule', () => {
    const rules = [rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'PUT'] }), rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], exposeHeaders: ['ETag'] })];
    const issues = findShadowedRules(rules, 's3');
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['rule.shadowed', expect.objectContaining({ cause: 0, rule: 1, origins: [APP], methods: ['GET'], harms: ['header-unreadable'], headers: ['ETag'] })],
    ]);
    const fixes = issues[0]!.fixes ?? [];
    // S3 looks past a rule without the method, so the app's PUT still reaches rule 1 after the move.
    expect(fixes.map((f) => f.kind)).toEqual(['move-above']);
    expect(findShadowedRules(fixes[0]!.rules, 's3')).toEqual([]);
    // On RGW the app's PUT would stop at the moved wildcard rule: the header goes to rule 1 instead.
    const [onRgw] = findShadowedRules(rules, 'rgw');
    expect(onRgw!.fixes).toMatchObject([{ kind: 'extend-rule', rule: 0, extensions: [{ rule: 0, methods: [], allowedHeaders: [], exposeHeaders: ['ETag'] }] }]);
    expect(findShadowedRules(firstFix(onRgw), 'rgw')).toEqual([]);
  });
});

describe('a rule harmed by several earlier rules', () => {
  // Fixing pair by pair can take a step per pair, more steps than there are rules (the property
  // test found such walks): the first fix offered settles every warning of the losing rule at once.
  // On RGW the first rule listing the app's origin answers all its requests: rule 2 has one cause there.
  it.each(['s3', 'oss', 's3rver'] as Dialect[])('gets one fix, offered on each of its warnings, that settles them all (%s)', (dialect) => {
    const rules = [
      rule({ allowedMethods: ['PUT'] }),
      rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] }),
      rule({ allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'] }),
    ];
    const issues = shadowed(findShadowedRules(rules, dialect)).filter((i) => i.path[1] === 2);
    expect(issues.map((i) => i.params.cause)).toEqual([0, 1]);
    expect(issues[1]!.fixes).toEqual(issues[0]!.fixes);
    expect(shadowed(findShadowedRules(firstFix(issues[0]), dialect)).filter((i) => i.params.rule === 2)).toEqual([]);
  });
});

describe('findShadowedRules on Ceph RGW (the first rule listing an origin answers every method)', () => {
  const getRule = rule({ allowedMethods: ['GET'] });
  const putRule = rule({ allowedMethods: ['PUT'] });

  it('a later rule for the same origin with another method is blocked and never reached; the fix merges the two', () => {
    expect(findShadowedRules([getRule, putRule], 's3')).toEqual([]);
    const [issue] = findShadowedRules([getRule, putRule], 'rgw');
    expect(issue).toMatchObject({ code: 'rule.shadowed', path: ['rules', 1], relatedRules: [0], params: { harms: ['blocked'], methods: ['PUT'], neverReached: true } });
    expect(issue!.fixes?.[0]).toMatchObject({ kind: 'merge-rules', rule: 1, into: 0, methods: ['GET'] });
    expect(findShadowedRules(firstFix(issue), 'rgw')).toEqual([]);
  });

  it('leaves a later rule for other origins alone', () => {
    expect(findShadowedRules([getRule, { ...putRule, allowedOrigins: ['https://other.example.com'] }], 'rgw')).toEqual([]);
  });

  it('a catch-all after a rule with other methods: the app origin loses GET; the fix gives the earlier rule GET, which the catch-all already granted it', () => {
    const rules = [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })];
    const [issue] = findShadowedRules(rules, 'rgw');
    expect(issue).toMatchObject({ code: 'rule.shadowed', params: { cause: 0, rule: 1, origins: [APP], methods: ['GET'], harms: ['blocked'] } });
    expect(issue!.fixes?.[0]).toMatchObject({ kind: 'extend-rule', extensions: [{ rule: 0, methods: ['GET'] }] });
    expect(findShadowedRules(firstFix(issue), 'rgw')).toEqual([]);
  });
});

describe('absorbing a never-reached rule on Ceph RGW', () => {
  // RGW stops at the first rule listing the origin: a later `*` rule is never reached by origins
  // an earlier `*` rule lists. Giving the earlier rule what the later one was written for, and
  // deleting it, is offered only when it lets through nothing the later rule would not have.
  const everyone = rule({ allowedOrigins: ['https://other.example.org', '*'], allowedMethods: ['HEAD', 'POST', 'DELETE'] });

  it('gives the earlier rule the later rule\'s method and deletes the later rule', () => {
    const rules = [everyone, rule({ allowedOrigins: ['*'], allowedMethods: ['POST', 'PUT'] })];
    const [issue] = findShadowedRules(rules, 'rgw');
    expect(issue).toMatchObject({ code: 'rule.shadowed', params: { cause: 0, rule: 1, methods: ['PUT'], harms: ['blocked'], neverReached: true } });
    expect(issue!.fixes).toEqual([{ kind: 'absorb-rule', rule: 1, into: 0, methods: ['PUT'], allowedHeaders: [], exposeHeaders: [], rules: [{ ...everyone, allowedMethods: ['HEAD', 'POST', 'DELETE', 'PUT'] }] }]);
    expect(findShadowedRules(firstFix(issue), 'rgw')).toEqual([]);
  });

  it('is not offered when the earlier rule would then allow the later rule\'s headers on its own methods: a decision instead', () => {
    const rules = [everyone, rule({ allowedOrigins: ['*'], allowedMethods: ['POST', 'PUT'], allowedHeaders: ['x-amz-*'] })];
    const [issue] = findShadowedRules(rules, 'rgw');
    expect(issue).toMatchObject({ code: 'rule.shadowed', params: { decision: 'choose-answering-rule' } });
    expect(issue!.fixes).toBeUndefined();
  });
});

describe('the demo buckets', () => {
  const buckets = demoBuckets(['http://127.0.0.1:5173']);
  const direct = buckets.find((b) => b.name === 'demo-direct-upload')!.cors!;
  const etag = buckets.find((b) => b.name === 'demo-shadowed-etag')!.cors!;
  const upload = { origin: 'http://127.0.0.1:5173', method: 'PUT', headers: { 'content-type': 'text/plain' } };

  it.each(DIALECTS)('demo-direct-upload has no shadowing warning (%s)', (dialect) => {
    expect(findShadowedRules(direct.rules, dialect)).toEqual([]);
  });

  it.each(DIALECTS)('demo-shadowed-etag has one warning whose first fix makes ETag readable to the upload and leaves none (%s)', (dialect) => {
    const issues = findShadowedRules(etag.rules, dialect);
    expect(issues.map((i) => [i.code, i.path, i.relatedRules])).toEqual([['rule.shadowed', ['rules', 1], [0]]]);
    expect(headerReadability(predictBrowserFetch(etag, upload, dialect), ['ETag']).readable).toEqual([]);
    const fixed = { rules: firstFix(issues[0]) };
    expect(findShadowedRules(fixed.rules, dialect)).toEqual([]);
    expect(headerReadability(predictBrowserFetch(fixed, upload, dialect), ['ETag']).readable).toEqual(['etag']);
  });
});
