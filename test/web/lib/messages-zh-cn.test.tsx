// src/web/lib's texts and the API's errors in zh-CN (issue 17): each renders from its code and
// values through the catalogues, in Chinese, with the values (origins, buckets, counts, the
// provider's own text) intact; English again after switching back.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/core';
import { callErrorText } from '../../../src/contract/client';
import type { ApiErrorBody } from '../../../src/contract/api';
import type { CallError } from '../../../src/contract/call-error';
import { ApiRequestError } from '../../../src/web/api/api-error';
import { ErrorMessage } from '../../../src/web/components/error-message';
import { activateLocale } from '../../../src/web/lib/i18n/activate';
import { IssueTextContext } from '../../../src/web/lib/error-text';
import { issueWhere } from '../../../src/web/lib/issue-location';
import {
  draftNoteText,
  driftText,
  engineRunProgressText,
  findingText,
  headlineParts,
  historyEntryText,
  historyOutcomeText,
  probeFailureText,
  ruleRoomText,
} from '../../../src/web/lib/messages';
import { pageTitle } from '../../../src/web/lib/page-title';
import { ruleCountText } from '../../../src/web/lib/rule-count';

const RULE = { allowedOrigins: ['https://app.example'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] };
const state = (rules: number) => ({ config: rules ? { rules: Array.from({ length: rules }, () => RULE) } : null, version: 'v', raw: '', dialect: 's3' as const });

/** An API error as the web app holds it once the API client has parsed it. */
const apiError = (error: Omit<ApiErrorBody, 'message'>) => new ApiRequestError({ ...error, message: 'the server’s English' } as CallError, undefined, callErrorText);

beforeEach(async () => {
  await activateLocale('zh-CN');
});

afterEach(async () => {
  await activateLocale('en');
});

describe('the web app’s own texts in zh-CN', () => {
  it('words the test pane’s findings and headline with the values intact', () => {
    expect(findingText({ code: 'origin-not-listed', params: { origin: 'https://app.example:8443', closest: { origin: 'https://app.example', rule: 1 } } })).toBe(
      '来源 https://app.example:8443 未列在任何规则中。最接近的已列出来源是 https://app.example（规则 2）。',
    );
    expect(findingText({ code: 'non-cors-failure', params: { status: 403, providerCode: 'AccessDenied', browserBlocked: false } })).toBe(
      'CORS 允许该请求，但存储桶响应 403 AccessDenied：这是签名、权限或对象键的问题，与 CORS 无关。',
    );
    expect(findingText({ code: 'endpoint-unreachable', params: { error: { code: 'provider-timeout', timeoutMs: 5000 } } })).toBe('服务器也无法连接到该存储桶：5000 毫秒内没有响应。');
    // The level's name (bold on the verdict card) is the core's.
    expect(headlineParts({ verdict: 'blocked', atPreflight: true, cause: 'method-not-allowed', origin: 'https://app.example', method: 'PUT' }).rest).toBe('（预检时）：此来源不允许 PUT。');
    expect(headlineParts({ verdict: 'allowed', status: 200 }).rest).toBe('：脚本可以读取响应（200）。');
  });

  it('words history, drift and engine runs, with dates and counts in the locale’s conventions', () => {
    const at = '2026-12-02T03:04:05.000Z';
    const entry = historyEntryText({ id: 'e1', at, bucket: 'b1', action: 'restore', source: 'bulk-apply', console: { id: 'c1', host: 'host-a', pid: 4242 }, before: state(1), after: state(2), outcome: { kind: 'written', stored: state(2) } } as never);
    expect(entry).toBe(`已恢复（“应用到其他存储桶”） · ${new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(at))} · 控制台 c1（host-a，pid 4242）`);
    expect(historyOutcomeText({ kind: 'written', stored: state(3) } as never)).toBe('服务商已保存：3 条规则。');
    expect(historyOutcomeText({ kind: 'failed', code: 'provider-timeout' } as never)).toBe('写入失败（provider-timeout）；之后服务商保存的内容未知。');
    expect(driftText({ lastKnown: state(2), current: state(0) } as never)).toBe(
      '服务商上的 CORS 配置（无 CORS 配置）不是最后一次通过控制台写入的配置（2 条规则）：它在控制台之外被更改，或在保存期间因存储服务崩溃而丢失。',
    );
    expect(engineRunProgressText({ state: 'running', done: 3, total: 12 })).toBe('正在各引擎中运行：已返回 3/12 个结果。');
    expect(engineRunProgressText({ state: 'finished', done: 1, total: 1 })).toBe('已完成：1 个结果。');
  });

  it('words draft notes, the wizard’s room, rule counts, locations and page titles', () => {
    expect(draftNoteText({ code: 'imported', ruleCount: 3, file: 'cors.json', format: 'aws-json' })).toMatch(/^已从 cors\.json（.+）向草稿导入 3 条规则。$/);
    expect(draftNoteText({ code: 'wizard-inserted', rules: 'strictest', count: 2, at: 0 })).toBe('规则向导：适合该应用的最严格规则（2 条）已插入到第 1 位。');
    expect(ruleRoomText({ dialect: 'oss', limit: 10, kept: 9, room: 1, replacesDraft: false })).toMatch(/^.+ 最多允许 10 条规则；草稿中保留 9 条规则，因此最多还能添加 1 条。$/);
    expect(ruleCountText(1)).toBe('1 条规则');
    expect(issueWhere({ severity: 'error', code: 'origin.empty', params: {}, path: ['rules', 1, 'allowedOrigins', 0], line: 14 } as never)).toBe('规则 2 · 来源 · 第 14 行');
    expect(pageTitle({ name: 'bucket', profile: 'local', bucket: 'demo', tab: 'history' }, 'Local')).toBe('demo · 历史记录 · Local · cors-console');
    expect(probeFailureText({ code: 'provider-unreachable', transportCode: 'ECONNREFUSED' } as never)).toBe('存储服务的访问域名没有响应（ECONNREFUSED）。');
  });
});

describe('the API’s errors in zh-CN', () => {
  it('renders a refusal from its code and params, quoting the provider’s own text as it came', () => {
    const error = apiError({
      code: 'provider-error',
      params: { reason: 'error-answer', call: { call: 'read-cors', bucket: 'b1-125' }, provider: { kind: 'cos', endpoint: 'cos.ap-guangzhou.myqcloud.com', region: 'ap-guangzhou' }, providerCode: 'ServiceUnavailable', providerStatus: 503, providerMessage: 'Please reduce your request rate.' },
      providerCode: 'ServiceUnavailable',
    });
    render(<ErrorMessage error={error} title="无法加载规则。" />);
    expect(screen.getByRole('alert').querySelector('p')?.textContent).toBe('无法读取存储桶 b1-125 的 CORS 配置：COS 返回了 ServiceUnavailable（HTTP 503）：Please reduce your request rate.');
  });

  it('words the issue an error names where the core is loaded, and leaves it out in the shell', () => {
    const error = apiError({
      code: 'validation-failed',
      params: { profile: 'local', first: { severity: 'error', code: 'method.unsupported', params: { value: 'PATCH' }, path: ['rules', 0, 'allowedMethods', 0] } },
    });
    const { unmount } = render(
      <IssueTextContext.Provider value={issueMessage}>
        <ErrorMessage error={error} title="保存失败。" />
      </IssueTextContext.Provider>,
    );
    const worded = screen.getByRole('alert').querySelector('p')?.textContent ?? '';
    expect(worded).toMatch(/^配置中有 local 会拒绝或永远无法生效的问题；未写入任何内容。第一个问题：config\.rules\.0\.allowedMethods\.0：.*PATCH/);
    unmount();
    render(<ErrorMessage error={error} title="保存失败。" />);
    expect(screen.getByRole('alert').querySelector('p')?.textContent).toBe('配置中有 local 会拒绝或永远无法生效的问题；未写入任何内容。');
  });

  it('words the client’s own failures, and English again after switching back', async () => {
    const unreachable = { code: 'console-unreachable', params: {}, message: '' } as const;
    expect(callErrorText(unreachable)).toBe('无法连接控制台服务器。`npm start` 是否仍在运行？');
    expect(apiError({ code: 'too-many-requests', params: { retryAfterSeconds: 42 } }).text()).toBe('过去一分钟内来自此地址的错误令牌过多；请在 42 秒后重试。');
    await activateLocale('en');
    expect(callErrorText(unreachable)).toBe('The console server cannot be reached. Is `npm start` still running?');
    expect(apiError({ code: 'too-many-requests', params: { retryAfterSeconds: 42 } }).text()).toBe('Too many wrong tokens from this address in the last minute; try again in 42 s.');
  });
});
