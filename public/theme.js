/* global window, document */
// Applies the stored theme choice before the first paint: a blocking script in <head>, a file of
// its own because the CSP allows no inline script. The key and values are src/web/lib/theme.ts's.
try {
  var theme = window.localStorage.getItem('cors-console:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch {
  // Storage unavailable (private mode, disabled): the system's preference applies.
}
