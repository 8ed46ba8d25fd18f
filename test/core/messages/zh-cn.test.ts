// The core's texts in Simplified Chinese (issue 17): one of each family, rendered with the zh-CN
// catalogue active, is Chinese, carries its values and keeps the technical tokens as they are; the
// same call after switching back is the pinned English.
import { i18n } from '@lingui/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import chinese from '../../../src/core/messages/locales/zh-CN.json?lingui';
import {
  blockText,
  conversionLosses,
  evaluate,
  explanationText,
  insertEffectively,
  issueText,
  predictBrowserFetch,
  ruleReasonText,
  validateConfig,
  type CorsConfig,
  type CorsRule,
} from '../../../src/core';
import { rule } from '../../support/builders';

const APP = 'https://app.example.com';
const one = (partial: Partial<CorsRule>): CorsConfig => ({ rules: [rule(partial)] });
const HAN = /[\u4e00-\u9fff]/;

/** What the zh-CN and the English catalogue make of one text. */
function inBoth(render: () => string): { zh: string; en: string } {
  i18n.activate('zh-CN');
  const zh = render();
  i18n.activate('en');
  return { zh, en: render() };
}

beforeAll(() => i18n.load('zh-CN', chinese));
afterEach(() => i18n.activate('en'));

describe('the core catalogue in zh-CN', () => {
  it('words an issue in Chinese, with its value and the glossary term', () => {
    const [issue] = validateConfig(one({ allowedOrigins: ['https://app.example.com/'] }), 's3');
    const text = inBoth(() => issueText(issue!).message);
    expect(text.zh).toBe('来源 "https://app.example.com/" 以 "/" 结尾，因此永远不会匹配。');
    expect(text.en).toBe('Origin "https://app.example.com/" ends with "/", so it never matches.');
  });

  it('words a rule reason, its checks joined the Chinese way and its lists with 、', () => {
    const config = { rules: [rule({ allowedOrigins: ['https://a.example', 'https://b.example'] })] };
    const decision = evaluate(config, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT' } });
    const text = inBoth(() => ruleReasonText(decision.reasons[0]!));
    expect(text.zh).toBe('规则 1 不匹配：来源 https://app.example.com 不在列表中（允许：https://a.example、https://b.example）；方法 PUT 未被允许（允许：GET）。');
    expect(text.en).toBe(
      'Rule 1 does not match: origin https://app.example.com is not listed (allowed: https://a.example, https://b.example); method PUT is not allowed (allowed: GET).',
    );
  });

  it('words a block reason and keeps the header name untranslated', () => {
    const config = one({ allowedOrigins: ['*'], allowedMethods: ['GET'] });
    const blocked = predictBrowserFetch(config, { origin: APP, method: 'GET', credentials: 'include' });
    const text = inBoth(() => blockText(blocked.blockedBy!));
    expect(text.zh).toMatch(HAN);
    expect(text.zh).toContain('Access-Control-Allow-Origin: *');
    expect(text.zh).toContain('凭证');
    expect(text.en).toBe('The response answers Access-Control-Allow-Origin: *, which browsers refuse when the request includes credentials.');
  });

  it('words a wizard explanation with its position and rule name', () => {
    const placed = insertEffectively({ rules: [rule({ allowedMethods: ['PUT'] })] }, [rule({ allowedMethods: ['PUT'], exposeHeaders: ['ETag'] })]);
    if (!placed.ok) throw new Error('not placed');
    const text = inBoth(() => explanationText(placed.explanations[0]!));
    expect(text.zh).toBe(
      '新规则放在第 1 位，位于规则 1 之上：那条规则也会响应来自 https://app.example.com 的 PUT，而由第一条匹配的规则生效，放在它下面的话，新规则对这些请求不会生效。',
    );
    expect(text.en).toBe(
      'The new rule goes at position 1, above rule 1: that rule also answers PUT from https://app.example.com, and the first matching rule wins, so below it the new rule would not take effect there.',
    );
  });

  it('words a conversion loss with the format and the headers it merges', () => {
    const [merged] = conversionLosses(one({ allowedHeaders: ['Content-Type'], exposeHeaders: ['ETag', 'x-goog-hash'] }), 'gcs-json');
    const text = inBoth(() => issueText(merged!).message);
    expect(text.zh).toBe(
      '规则 1：GCS JSON 的允许 Headers 和暴露 Headers 共用一个 responseHeader 列表，因此 Content-Type 也会成为暴露 Headers，ETag、x-goog-hash 也会成为允许 Headers。',
    );
    expect(text.en).toBe(
      'Rule 1: GCS JSON has one responseHeader list for allowed and exposed headers, so Content-Type also becomes exposed and ETag, x-goog-hash also become allowed.',
    );
  });

  it('words a shadowing warning: the rules, the request, each harm, in one Chinese sentence', () => {
    const etag = {
      rules: [
        rule({ id: 'everyone', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'] }),
        rule({ id: 'uploads', allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] }),
      ],
    };
    const shadowed = validateConfig(etag, 's3rver').find((issue) => issue.code === 'rule.shadowed');
    const text = inBoth(() => issueText(shadowed!).message);
    expect(text.zh).toBe(
      '规则 1 (everyone) 抢先响应了为规则 2 (uploads) 编写的请求（来自 https://app.example.com 的 PUT）：其中一些会被浏览器阻止；脚本无法读取 ETag。规则 2 (uploads) 不会响应任何请求。',
    );
    expect(text.en).toBe(
      'Rule 1 (everyone) takes requests that rule 2 (uploads) was written for (PUT from https://app.example.com): the browser blocks some of them; script cannot read ETag. Rule 2 (uploads) answers no request at all.',
    );
  });
});
