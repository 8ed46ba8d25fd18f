// The window's titles, apart from the catalogue in messages.ts: the layout sets them before the
// bucket page loads, and messages.ts imports the CORS core, which must stay out of the first bundle
// (bench: initial JS went from 90 to 177 KB gzip when the layout imported messages.ts).
import type { Route } from './router';

export const HISTORY_TAB = 'History';

/** The window's title for a page: the most specific name first, so tabs and history tell pages apart. */
export function pageTitle(route: Route, profileLabel: string | undefined): string {
  const app = 'cors-console';
  switch (route.name) {
    case 'home':
      return app;
    case 'profile':
      return `${profileLabel ?? route.profile} · ${app}`;
    case 'bucket':
      return `${route.bucket} · ${route.tab === 'test' ? 'Test CORS' : route.tab === 'history' ? HISTORY_TAB : 'Rules'} · ${profileLabel ?? route.profile} · ${app}`;
    case 'not-found':
      return `Not found · ${app}`;
  }
}
