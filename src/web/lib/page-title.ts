// The window's titles, apart from messages.ts: the layout sets them before the bucket page loads,
// and messages.ts imports the CORS core, which must stay out of the first bundle (bench: initial JS
// went from 90 to 177 KB gzip when the layout imported messages.ts).
import { webText } from './i18n/text';
import type { Route } from './router';

/** The product's name, the same in every language. */
const APP = 'cors-console';

/** The bucket page's History tab, as its tab and the window's title name it. */
export function historyTabText(): string {
  return webText('history.tab');
}

/** The window's title for a page: the most specific name first, so tabs and history tell pages apart. */
export function pageTitle(route: Route, profileLabel: string | undefined): string {
  switch (route.name) {
    case 'home':
      return APP;
    case 'profile':
      return `${profileLabel ?? route.profile} · ${APP}`;
    case 'audit':
      return webText('page-title.audit', { profile: profileLabel ?? route.profile, app: APP });
    case 'bucket':
      return webText('page-title.bucket', { bucket: route.bucket, tab: route.tab, profile: profileLabel ?? route.profile, app: APP });
    case 'not-found':
      return webText('page-title.not-found', { app: APP });
  }
}
