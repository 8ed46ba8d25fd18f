// Locale choice and switching (issue 17, item 4): the first visit follows navigator.languages, the
// choice is kept, <html lang> follows it, zh-CN's catalogue is loaded when chosen and renders the
// core's and the web app's messages in Chinese, and the pseudo-locale lengthens and accents them.
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configEditText, ruleLabel } from '../../src/core';
import { LocaleSwitcher } from '../../src/web/components/locale-switcher';
import { activateLocale } from '../../src/web/lib/i18n/activate';
import { formatList } from '../../src/web/lib/i18n/format';
import { LOCALE_STORAGE_KEY, initialLocale, preferredLocale } from '../../src/web/lib/i18n/locales';
import { DEMO_LESSON_TEXT } from '../../src/web/lib/messages';

afterEach(async () => {
  await activateLocale('en');
  window.localStorage.removeItem(LOCALE_STORAGE_KEY);
});

describe('the locale a visit starts in', () => {
  it('is the first browser language the console speaks, else English', () => {
    expect(preferredLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(preferredLocale(['zh'])).toBe('zh-CN');
    expect(preferredLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(preferredLocale(['zh-TW', 'en-GB'])).toBe('en');
    expect(preferredLocale(['fr-FR', 'zh-SG'])).toBe('zh-CN');
    expect(preferredLocale(['de'])).toBe('en');
  });

  it('is the stored choice once one was made', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'zh-CN');
    expect(initialLocale()).toBe('zh-CN');
  });
});

describe('activating a locale', () => {
  it('renders the core and web messages in Chinese, sets <html lang>, and English again after', async () => {
    await activateLocale('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(ruleLabel(1, 'main')).toBe('规则 2 (main)');
    expect(configEditText({ code: 'config.emptied', params: { rules: 3 } })).toBe('已删除全部 3 条规则：该存储桶将没有 CORS 配置，浏览器会拦截对它的所有跨域请求。');
    expect(DEMO_LESSON_TEXT['no-cors'].title).toBe('没有 CORS 配置');
    expect(formatList(['GET', 'PUT', 'POST'])).toBe('GET、PUT和POST');

    await activateLocale('en');
    expect(document.documentElement.lang).toBe('en');
    expect(configEditText({ code: 'config.emptied', params: { rules: 1 } })).toBe(
      'All 1 rule removed: the bucket will have no CORS configuration, and browsers will block every cross-origin request to it.',
    );
    expect(formatList(['GET', 'PUT', 'POST'])).toBe('GET, PUT, and POST');
  });

  it('in the pseudo-locale, lengthens and accents every text run but keeps the values', async () => {
    await activateLocale('en-XA');
    const pseudo = configEditText({ code: 'rule.moved', params: { from: 0, at: 2, id: 'app' } });
    expect(pseudo).toContain('app');
    expect(pseudo).toMatch(/^Ŕûûļéé 1 \(app\) möövééð/);
    expect(pseudo.length).toBeGreaterThan('Rule 1 (app) moved to position 3.'.length * 1.2);
  });
});

describe('the locale switcher', () => {
  it('offers each language in its own name and switches, keeping the choice', async () => {
    render(
      <I18nProvider i18n={i18n}>
        <LocaleSwitcher />
      </I18nProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(screen.getByRole('option', { name: '简体中文' }).getAttribute('lang')).toBe('zh-CN');
    act(() => {
      fireEvent.change(select, { target: { value: 'zh-CN' } });
    });
    expect(await screen.findByRole('combobox', { name: '语言' })).toBeTruthy();
    await waitFor(() => expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN'));
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
