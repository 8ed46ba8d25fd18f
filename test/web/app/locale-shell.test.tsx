// The app in the locale chosen in its header (issue 17, item 4): switching to 中文 remounts the
// app in Chinese (the header, the bucket list, the home page), keeps the choice and sets
// <html lang>; switching back gives the same English as before.
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalizedApp } from '../../../src/web/app/localized-app';
import { activateLocale } from '../../../src/web/lib/i18n/activate';
import { LOCALE_STORAGE_KEY } from '../../../src/web/lib/i18n/locales';
import { useRealApi } from '../../support/web-api';

const ctx = useRealApi();

afterEach(async () => {
  await activateLocale('en');
  window.localStorage.removeItem(LOCALE_STORAGE_KEY);
  window.history.replaceState(null, '', '/');
});

describe('the locale switcher in the header', () => {
  it('renders the header, the bucket list and the home page in Chinese, and English again after', async () => {
    await ctx.s3.createBucket('locale-shell-photos');
    render(
      <I18nProvider i18n={i18n}>
        <LocalizedApp />
      </I18nProvider>,
    );
    const header = screen.getByRole('banner');
    const english = await screen.findByRole('navigation', { name: 'Buckets' });
    await within(english).findByText(/^\d+ buckets?$/);
    await screen.findByRole('heading', { level: 3, name: 'What you can do with a bucket' });

    fireEvent.change(within(header).getByRole('combobox', { name: 'Language' }), { target: { value: 'zh-CN' } });

    const chinese = await screen.findByRole('navigation', { name: '存储桶' });
    await within(chinese).findByText(/^\d+ 个存储桶$/);
    expect(within(chinese).getByRole('searchbox', { name: '筛选存储桶' })).toBeTruthy();
    const status = within(chinese).getByRole('combobox', { name: 'CORS 状态' });
    expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['全部', '已配置规则', '未配置 CORS', '不支持', '无法读取']);
    const zhHeader = screen.getByRole('banner');
    expect(within(zhHeader).getByRole('combobox', { name: '语言' })).toBeTruthy();
    expect(within(zhHeader).getByRole('combobox', { name: '连接配置' })).toBeTruthy();
    expect(within(zhHeader).getByRole('radiogroup', { name: '主题' })).toBeTruthy();
    expect(within(zhHeader).getByRole('radio', { name: '深色主题' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toBeTruthy();
    await screen.findByRole('heading', { level: 3, name: '可以对存储桶做什么' });
    expect(screen.getByRole('heading', { level: 3, name: '存储桶' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');

    fireEvent.change(within(zhHeader).getByRole('combobox', { name: '语言' }), { target: { value: 'en' } });

    const back = await screen.findByRole('navigation', { name: 'Buckets' });
    await within(back).findByText(/^\d+ buckets?$/);
    expect(within(back).getByRole('searchbox', { name: 'Filter buckets' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('radio', { name: 'Dark theme' })).toBeTruthy();
    await screen.findByRole('heading', { level: 3, name: 'What you can do with a bucket' });
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });
});
