/* global window, document */
// Sets <html lang> to the console's locale before the first paint (screen readers and CJK font
// selection read it): a blocking script in <head>, a file of its own because the CSP allows no
// inline script. The key and the choice are src/web/lib/i18n/locales.ts's.
try {
  var stored = window.localStorage.getItem('cors-console:locale');
  var lang = stored === 'en' || stored === 'zh-CN' || stored === 'en-XA' ? stored : undefined;
  var languages = navigator.languages || [navigator.language];
  for (var i = 0; !lang && i < languages.length; i += 1) {
    var tag = String(languages[i]).toLowerCase();
    if (/^zh(-hans)?(-(cn|sg|my))?$/.test(tag) || tag.indexOf('zh-hans-') === 0) lang = 'zh-CN';
    else if (tag === 'en' || tag.indexOf('en-') === 0) lang = 'en';
  }
  document.documentElement.setAttribute('lang', lang || 'en');
} catch {
  // Storage unavailable: the app sets the language once it starts.
}
