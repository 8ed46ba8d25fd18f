import { describe, expect, it } from 'vitest';
import type { CorsRule } from '../../src/core/rule';
import { findShadowedRules } from '../../src/core/shadowing';
import { rule } from '../support/builders';

const APP = 'https://app.example.com';

interface Case {
  name: string;
  rules: CorsRule[];
  /** Per rule index: the code expected, or undefined for no shadowing issue. */
  expected: { rule: number; code: 'rule.never-matches' | 'rule.partly-shadowed'; relatedRules: number[]; params?: Record<string, unknown> }[];
}

const cases: Case[] = [
  {
    name: 'an identical later rule never matches',
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ id: 'copy', allowedOrigins: [APP], allowedMethods: ['GET'] })],
    expected: [{ rule: 1, code: 'rule.never-matches', relatedRules: [0], params: { rule: 1, ruleId: 'copy', answeredBy: [0], duplicateOf: 0 } }],
  },
  {
    name: 'a specific rule after a * rule with the same methods and headers never matches',
    rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'] }), rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] })],
    expected: [{ rule: 1, code: 'rule.never-matches', relatedRules: [0] }],
  },
  {
    name: 'a subdomain wildcard covers an exact subdomain listed later',
    rules: [rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET'] })],
    expected: [{ rule: 1, code: 'rule.never-matches', relatedRules: [0] }],
  },
  {
    name: 'the ETag case: an earlier header-less rule answers every actual upload',
    rules: [
      rule({ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }),
      rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
    ],
    expected: [{ rule: 1, code: 'rule.partly-shadowed', relatedRules: [0], params: { takeovers: [{ by: 0, origin: 'https://app.example.com', method: 'PUT', scope: 'without-headers', exposes: [] }] } }],
  },
  {
    name: 'an exact origin listed earlier takes part of a later wildcard',
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], exposeHeaders: ['ETag'] })],
    expected: [{ rule: 1, code: 'rule.partly-shadowed', relatedRules: [0], params: { takeovers: [{ by: 0, origin: 'https://*.example.com', method: 'GET', scope: 'some-origins' }] } }],
  },
  {
    name: 'one of two methods taken by an earlier rule',
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['GET'] }), rule({ allowedOrigins: [APP], allowedMethods: ['GET', 'DELETE'] })],
    expected: [{ rule: 1, code: 'rule.partly-shadowed', relatedRules: [0] }],
  },
  {
    name: 'a rule taken by two earlier rules together never matches, naming both',
    rules: [
      rule({ allowedOrigins: ['https://a.example'], allowedMethods: ['GET'] }),
      rule({ allowedOrigins: ['https://b.example'], allowedMethods: ['GET'] }),
      rule({ allowedOrigins: ['https://a.example', 'https://b.example'], allowedMethods: ['GET'] }),
    ],
    expected: [{ rule: 2, code: 'rule.never-matches', relatedRules: [0, 1], params: { answeredBy: [0, 1] } }],
  },
  {
    name: 'disjoint origins shadow nothing',
    rules: [rule({ allowedOrigins: ['https://a.example'], allowedMethods: ['GET'] }), rule({ allowedOrigins: ['https://b.example'], allowedMethods: ['GET'] })],
    expected: [],
  },
  {
    name: 'disjoint methods shadow nothing',
    rules: [rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'] })],
    expected: [],
  },
  {
    name: 'a specific rule placed before * is fine',
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], exposeHeaders: ['ETag'] }), rule({ allowedOrigins: ['*'], allowedMethods: ['GET'] })],
    expected: [],
  },
  {
    name: 'non-overlapping wildcards shadow nothing',
    rules: [rule({ allowedOrigins: ['https://*.a.example'], allowedMethods: ['GET'] }), rule({ allowedOrigins: ['https://*.b.example'], allowedMethods: ['GET'] })],
    expected: [],
  },
  {
    name: 'header wildcards: x-amz-* earlier covers x-amz-meta-* later',
    rules: [rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['x-amz-*'] }), rule({ allowedOrigins: [APP], allowedMethods: ['PUT'], allowedHeaders: ['X-Amz-Meta-*'] })],
    expected: [{ rule: 1, code: 'rule.never-matches', relatedRules: [0] }],
  },
];

describe('findShadowedRules', () => {
  it.each(cases)('$name', (c) => {
    const issues = findShadowedRules(c.rules);
    expect(issues.map((i) => ({ rule: i.path[1], code: i.code, relatedRules: i.relatedRules }))).toEqual(
      c.expected.map(({ rule: r, code, relatedRules }) => ({ rule: r, code, relatedRules })),
    );
    c.expected.forEach((e, i) => {
      expect(issues[i]?.severity).toBe('warning');
      expect(issues[i]?.params).toMatchObject({ rule: e.rule, answeredBy: e.relatedRules, ...e.params });
    });
  });
});

describe('findShadowedRules on Ceph RGW (the first rule listing an origin answers every method)', () => {
  const getRule = { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET'] as CorsRule['allowedMethods'], allowedHeaders: [], exposeHeaders: [] };
  const putRule = { ...getRule, allowedMethods: ['PUT'] as CorsRule['allowedMethods'] };

  it('says a later rule for an origin an earlier rule lists never matches, whatever its methods', () => {
    expect(findShadowedRules([getRule, putRule], 's3')).toEqual([]);
    const [issue] = findShadowedRules([getRule, putRule], 'rgw');
    expect(issue).toMatchObject({ code: 'rule.never-matches', path: ['rules', 1], relatedRules: [0] });
  });

  it('leaves a later rule for other origins alone', () => {
    expect(findShadowedRules([getRule, { ...putRule, allowedOrigins: ['https://other.example.com'] }], 'rgw')).toEqual([]);
  });
});
