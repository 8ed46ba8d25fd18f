import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPane } from '../../../../src/web/features/test-pane/components/test-pane';
import { activateLocale } from '../../../../src/web/lib/i18n/activate';
import english from '../../../../src/web/lib/i18n/feature-locales/en.json';
import chinese from '../../../../src/web/lib/i18n/feature-locales/zh-CN.json';
import { useRealApi } from '../../../support/web-api';
import { arrangeBucket, REAL_SERVER_TEST_MS, testProfile } from '../rule-editor/editor-harness';
import { rule } from '../../../support/builders';
import { testQueryClient } from '../../../support/query-client';

// The Test tab in zh-CN (issue 17): its form, sections and actions in the catalogue's Chinese,
// none of its own English left, against the real API over s3rver.

const ctx = useRealApi();

beforeEach(async () => {
  await activateLocale('zh-CN');
});
afterEach(async () => {
  await activateLocale('en');
});

/** The test pane's own English messages without placeholders, where the Chinese differs. */
const OWN_ENGLISH = Object.entries(english as Record<string, string>)
  .filter(([id, message]) => id.startsWith('test-pane.') && !message.includes('{') && (chinese as Record<string, string>)[id] !== message)
  .map(([id, message]) => ({ id, message }));

describe('TestPane in zh-CN', { timeout: REAL_SERVER_TEST_MS }, () => {
  it('labels its form, sections and actions in Chinese and shows none of its English', async () => {
    await arrangeBucket(ctx, 'pane-zh', { rules: [rule({})] });
    const { container } = render(
      <QueryClientProvider client={testQueryClient()}>
        <TestPane profile={testProfile(ctx, { embedded: false })} bucket="pane-zh" />
      </QueryClientProvider>,
    );
    const run = screen.getByRole('button', { name: '测试 CORS' });
    await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));

    for (const label of ['对象键', '请求方法', '请求头', '凭证', '应用必须读取的响应头', '签名 URL（由服务器预签名，用于私有存储桶）']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByRole('option', { name: 'omit（不发送 Cookie）' })).toBeTruthy();
    for (const region of ['测试 CORS', '已保存的测试', '上传测试', '缓存演示', '本机上的其他浏览器引擎']) expect(screen.getByRole('region', { name: region })).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存测试' })).toBeTruthy();
    expect(await screen.findByText('还没有保存的测试：在上方构建请求，然后点击 "保存测试"。')).toBeTruthy();

    const text = `${container.textContent ?? ''} ${[...container.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')}`;
    expect(OWN_ENGLISH.filter(({ message }) => new RegExp(`(^|[^A-Za-z])${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text))).toEqual([]);
  });
});
